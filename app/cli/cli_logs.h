#pragma once

#include "cli_args.h"

// switchyard-cli import-logs --workspace W PATH... [--set NAME] [--json]
// Production traffic (Bedrock model-invocation logs, usage CSV exports) as a recorded run.
int runImportLogsCommand(const CliArgs& args);

// switchyard-cli traffic --workspace W [--set NAME] [--json]
// The Traffic page's figures for a set of production traffic.
int runTrafficCommand(const CliArgs& args);
