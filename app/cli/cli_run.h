#pragma once

#include "cli_args.h"

// switchyard-cli run --workspace W --set NAME --models REF,REF [--providers FILE] [--budget USD]
//   [--concurrency N] [--max-tokens N] [--temperature T] [--retry-failed] [--fresh] [--yes]
//   [--json]
// Sends a prompt set to models and records the answers (core/run/runner.h). Returns the exit
// code.
int runRunCommand(const CliArgs& args);
