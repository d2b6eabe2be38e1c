#pragma once

#include "cli_args.h"

// switchyard-cli traffic --workspace W [--set NAME] [--cache-model REF|auto]
//   [--policy NAME|FILE [--sample N] [--save-sample]] [--json]
// The Traffic page's figures for a set of production traffic, and its what-ifs.
int runTrafficCommand(const CliArgs& args);
