#pragma once

#include "cli_args.h"

// switchyard-cli score --workspace W --run ID [--scorer NAME] [--bar X] [--json]
// Scores a run's answers against the prompts' expected answers and stores the scores.
int runScoreCommand(const CliArgs& args);

// switchyard-cli compare --workspace W --run ID [--baseline REF] [--scorer NAME] [--bar X]
// [--json]: each model's figures and its paired verdict against the baseline.
int runCompareCommand(const CliArgs& args);
