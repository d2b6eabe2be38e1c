#pragma once

#include "cli_args.h"

// switchyard-cli local-servers [--probe KIND=PORT]... [--add-to-providers] [--providers FILE]
//   [--workspace W --hardware-usd-hour USD [--tokens-per-second N] [--concurrency N]] [--json]
// Ollama, llama.cpp and vLLM servers on this machine, their models, added as providers with no
// key, and priced by what their hardware costs.
int runLocalServersCommand(const CliArgs& args);
