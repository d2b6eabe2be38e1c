#pragma once

#include "cli_args.h"

// switchyard-cli cache --workspace W --set NAME --model REF [--ttl 5m|1h] [--rate PER_MIN]
//   [--checkpoints prompt|after_tools,after_system,after_history|none] [--lint] [--json]
// Prompt-cache simulation of a prompt set. Returns the exit code.
int runCacheCommand(const CliArgs& args);
