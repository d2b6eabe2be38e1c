#pragma once

#include "cli_args.h"

// switchyard-cli sweep --workspace W --router KIND --models REF,REF[,REF] [--run ID] [--points N]
//   [--params K=V]... [--json]
// The Router Lab from the command line (ARCHITECTURE.md, command-line contract): one router kind
// swept over its thresholds, with its Pareto frontier and metrics. Returns the exit code.
int runSweepCommand(const CliArgs& args);
