#pragma once

#include "cli_args.h"

// switchyard-cli score --workspace W --run ID --judge REF [--baseline REF] [--rubric TEXT]
//   [--providers FILE] [--budget USD] [--concurrency N] [--bar X] [--yes] [--json]
// Judges a run's answers with a judge model through the runner (workbench/judge_ops.h):
// estimated and confirmed first, capped by the budget, resumable, recorded and priced. Returns
// the exit code.
int runJudgeCommand(const CliArgs& args);
