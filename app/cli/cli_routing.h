#pragma once

#include "cli_args.h"

// The Router Lab from the command line (ARCHITECTURE.md, command-line contract). Each returns the
// exit code.
//   replay --workspace W --policy NAME|FILE [--run ID] [--json]
//   sweep  --workspace W --router KIND --models REF,REF[,REF] [--run ID] [--points N]
//          [--params K=V]... [--json]
//   policy --workspace W --router KIND --models REF,REF[,REF] [--threshold T]...
//          [--target-quality Q | --target-share S] [--params K=V]... --save NAME [--out FILE]
//          [--run ID] [--json]
int runReplayCommand(const CliArgs& args);
int runSweepCommand(const CliArgs& args);
int runPolicyCommand(const CliArgs& args);
