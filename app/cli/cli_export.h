#pragma once

#include "cli_args.h"

// switchyard-cli export --workspace W --policy NAME|FILE --format
// yaml|litellm|bedrock-router|portkey
//   --out FILE [--providers FILE] [--region R] [--quality-difference POINTS] [--json]
// The batch formats go to runBatchExport (cli_batch.h).
// A policy as files for production (ARCHITECTURE.md, command-line contract). Returns the exit
// code.
int runExportCommand(const CliArgs& args);
