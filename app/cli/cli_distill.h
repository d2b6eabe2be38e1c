#pragma once

#include "cli_args.h"

// switchyard-cli export --format distill --out FILE (--policy NAME|FILE | --teacher REF --run ID)
//   [--target bedrock|openai] [--student claude|llama|nova|openai] [--min-score X] [--json]
// A teacher's answers as a Bedrock distillation or OpenAI fine-tuning dataset.
int runDistillExport(const CliArgs& args);
