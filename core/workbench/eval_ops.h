#pragma once

// The evaluation operations of the workbench: score a run's answers against the prompts'
// expected answers, and compare its models on the prompts they both answered.
// switchyard-cli score and compare call these (the Compare page will too).

#include "common/cancel.h"
#include "common/expected.h"
#include "eval/paired_stats.h"
#include "eval/reference_scorers.h"
#include "store/workspace.h"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace switchyard::workbench {

// What a model's scores say: mean, pass rate at the bar, and the mean's 95 % interval.
struct ScoreSummary {
    int64_t n = 0; // scored answers
    double mean = 0.0;
    double passRate = 0.0;
    std::optional<std::pair<double, double>> ci95;
};

// Mean, pass rate at `passBar` and the mean's bootstrap 95 % interval (seeded; `resamples` 0:
// no interval) of scores in [0, 1].
ScoreSummary summariseScores(std::span<const double> scores, double passBar, int resamples = 10000);

struct ScoreRequest {
    int64_t runId = 0;
    std::string scorer; // a reference scorer's name; empty: chosen from the answers' shape
    double passBar = 0.5;
    // Agreement with a teacher (distillation): this model's answers in the run are the
    // references instead of the prompts' expected answers; its own answers are not scored.
    std::string teacher;
    // Run against run: this run's answers are scored with the same scorer too (its models
    // reported as "model@runN"), so no column of the comparison lacks it.
    std::optional<int64_t> baselineRunId;
};

struct ScoreRunOutcome {
    std::string scorer; // as stored: "numeric@1"
    std::string reason; // why this scorer, when it was chosen
    int64_t scored = 0;
    int64_t failedCalls = 0;                    // results of failed calls: no score, never a zero
    int64_t noReference = 0;                    // prompts without an expected answer
    std::map<std::string, ScoreSummary> models; // by model reference
};

// The name agreement scores are stored under: "teacher:<model>/label@1".
std::string teacherScorerName(const std::string& teacher, eval::ReferenceScorer scorer);

// Scores every successful answer of the run whose prompt has an expected answer, and stores
// the scores under the scorer's versioned name (replacing that scorer's earlier scores).
Expected<ScoreRunOutcome> scoreRun(Workspace& workspace, const ScoreRequest& request,
                                   const CancelToken* cancel = nullptr);

struct ModelComparison {
    ScoreSummary score;
    int64_t answers = 0; // results, failed calls included
    int64_t failed = 0;
    double costUsd = 0.0;
    double costPer1kUsd = 0.0; // per 1,000 results
    int64_t unpriced = 0;      // results without a cost, left out of the cost
    std::optional<double> latencyP50Ms;
    std::optional<double> latencyP95Ms;
    std::optional<double> latencyP99Ms;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    // Quality per tag of the prompts (a prompt with two tags counts in both); intervals are
    // bootstrapped (kTagResamples) up to kTagBootstrapMaxScores scores, normal beyond.
    std::map<std::string, ScoreSummary> byTag;

    // Some answer has a cost: costPer1kUsd means something.
    bool priced() const { return answers > unpriced; }
};

inline constexpr size_t kTagBootstrapMaxScores = 2000;
inline constexpr int kTagResamples = 2000;

struct CompareRequest {
    int64_t runId = 0;
    // Run against run: a run on the same prompt set whose models join the comparison as
    // "model@runN" columns.
    std::optional<int64_t> baselineRunId;
    // A column to compare every other with. Empty: with a baseline run, each model against
    // itself in that run; else the dearest per 1,000 answers.
    std::string baseline;
    std::string scorer; // empty: the Router Lab's default (routing::defaultScorers)
    double passBar = 0.5;
};

// One column against another on the prompts both have a score for.
struct PairwiseVerdict {
    std::string vs; // the column compared with
    eval::PairedComparison paired;
    // Cost per 1,000 answers over the compared column's (below 1: cheaper); 1 when either side
    // has no priced answer, so an unpriced model is never called cheaper.
    double costRatio = 1.0;
};

struct CompareOutcome {
    std::string baseline; // empty when each model is compared with itself in the baseline run
    std::string scorer;
    std::map<std::string, ModelComparison> models; // by column: the model, or "model@runN"
    std::map<std::string, PairwiseVerdict> pairwise;
};

Expected<CompareOutcome> compareRun(const Workspace& workspace, const CompareRequest& request,
                                    const CancelToken* cancel = nullptr);

} // namespace switchyard::workbench
