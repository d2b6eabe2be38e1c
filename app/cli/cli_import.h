#pragma once

#include "cli_args.h"

// switchyard-cli import FILE... [--set NAME] --workspace W [--json]. Returns the exit code.
int runImportCommand(const CliArgs& args);
