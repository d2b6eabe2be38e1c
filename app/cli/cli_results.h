#pragma once

#include "cli_args.h"

// switchyard-cli import-results FILE --set NAME [--run NAME] --workspace W [--json]
// Recorded results produced elsewhere, stored as a run. Returns the exit code.
int runImportResultsCommand(const CliArgs& args);
