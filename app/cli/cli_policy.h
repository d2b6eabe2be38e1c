#pragma once

#include "cli_args.h"

// switchyard-cli policy --workspace W --router KIND --models REF,REF[,REF] [--threshold T]...
//   [--target-quality Q | --target-share S] [--params K=V]... --save NAME [--out FILE] [--run ID]
//   [--json]
// The Router Lab from the command line (ARCHITECTURE.md, command-line contract): a router
// evaluated at an operating point and saved as a policy. Returns the exit code.
int runPolicyCommand(const CliArgs& args);
