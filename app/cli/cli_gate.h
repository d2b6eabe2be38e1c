#pragma once

#include "cli_args.h"

// switchyard-cli gate --workspace W --policy NAME|FILE [--run ID] [--json]
// The CI quality gate (ARCHITECTURE.md, command-line contract): exit 1 when a workload of the
// policy's governance falls below its quality floor or over its budget. Returns the exit code.
int runGateCommand(const CliArgs& args);
