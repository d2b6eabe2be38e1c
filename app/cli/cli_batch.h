#pragma once

#include "cli_args.h"

// switchyard-cli export --format bedrock-batch|openai-batch|anthropic-batch --out FILE
//   (--policy NAME|FILE | --models REF,REF) [--set NAME] [--run-name NAME] [--max-tokens N]
//   [--json]
// A prompt set as provider batch input files, recorded as a run awaiting its results.
int runBatchExport(const CliArgs& args);

// switchyard-cli import-batch-results --workspace W FILE... [--run NAME] [--json]
// A batch job's result files back into the run its export created, priced at batch rates.
int runImportBatchResultsCommand(const CliArgs& args);
