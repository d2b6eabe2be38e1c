#pragma once

#include "cli_args.h"
#include "workbench/eval_ops.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

// A score summary as every command prints it: {n, mean, pass_rate, ci95}.
nlohmann::json scoreSummaryJson(const switchyard::workbench::ScoreSummary& summary);
// {KEY: summary} of a map of summaries (models, tags).
nlohmann::json
scoreSummariesJson(const std::map<std::string, switchyard::workbench::ScoreSummary>& summaries);

// switchyard-cli score --workspace W --run ID [--scorer NAME | --teacher REF | --judge REF]
// [--bar X] [--json]
// Scores a run's answers against the prompts' expected answers and stores the scores.
int runScoreCommand(const CliArgs& args);

// switchyard-cli compare --workspace W --run ID [--baseline REF] [--scorer NAME] [--bar X]
// [--json]: each model's figures and its paired verdict against the baseline.
int runCompareCommand(const CliArgs& args);
