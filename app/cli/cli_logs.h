#pragma once

#include "cli_args.h"

// switchyard-cli import-logs --workspace W PATH... [--set NAME] [--json]
// Production traffic (Bedrock model-invocation logs, usage CSV exports) as a recorded run.
int runImportLogsCommand(const CliArgs& args);
