#pragma once

#include "cli_args.h"

// switchyard-cli route --workspace W --policy NAME|FILE [--input PROMPTS] [--json]
// A policy applied to new prompts (a file, or JSON lines on stdin) with the replay engine's
// decision code (ARCHITECTURE.md, command-line contract). Returns the exit code.
int runRouteCommand(const CliArgs& args);
