#pragma once

#include "cli_args.h"

// switchyard-cli golden --workspace W --set NAME [--mark | --unmark] [--json]
// Shows, marks or unmarks a golden set (workbench/golden_ops.h). Returns the exit code.
int runGoldenCommand(const CliArgs& args);
