#pragma once

#include "cli_args.h"

// switchyard-cli replay --workspace W --policy NAME|FILE [--run ID] [--json]
// The Router Lab from the command line (ARCHITECTURE.md, command-line contract): one routing
// policy replayed over recorded results. Returns the exit code.
int runReplayCommand(const CliArgs& args);
