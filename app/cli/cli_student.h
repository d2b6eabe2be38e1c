#pragma once

#include "cli_args.h"

// switchyard-cli train-student --workspace W --run ID --teacher REF [--folds K] --save NAME
//   [--epochs N] [--dimension D] [--word-ngrams N] [--seed S] [--shuffle-labels] [--json]
// A local student trained on a teacher's answers, cross-validated and saved.
int runTrainStudentCommand(const CliArgs& args);
