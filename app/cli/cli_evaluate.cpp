#include "cli_evaluate.h"

#include "cli_json.h"
#include "cli_judge.h"
#include "common/text_format.h"
#include "eval/verdict.h"
#include "workbench/eval_ops.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <csignal>
#include <iostream>
#include <string>

using namespace switchyard;
using nlohmann::json;

namespace {

// Ctrl+C stops scoring before anything is stored.
CancelToken g_cancel;
extern "C" void onEvaluateInterrupt(int) {
    g_cancel.cancel();
}

int failure(const std::string& message, int code, const std::string& command) {
    std::cerr << "switchyard-cli: " << message;
    if (code == 2)
        std::cerr << " (see switchyard-cli " << command << " --help)";
    std::cerr << "\n";
    return code;
}

// --run ID and --bar X, shared by both commands; an error message when either is bad.
struct Common {
    int64_t runId = 0;
    double bar = 0.5;
};
std::optional<std::string> readCommon(const CliArgs& args, Common& common) {
    const auto run = parseFiniteNumber(args.option("run").value_or(""));
    if (!run || *run < 1 || std::floor(*run) != *run)
        return "--run ID is required";
    common.runId = static_cast<int64_t>(*run);
    if (auto text = args.option("bar")) {
        const auto bar = parseFiniteNumber(*text);
        if (!bar || *bar < 0.0 || *bar > 1.0)
            return "--bar is a score from 0 to 1";
        common.bar = *bar;
    }
    return std::nullopt;
}

std::string ciText(const std::optional<std::pair<double, double>>& ci) {
    return ci ? " (95 % CI " + formatFixed(ci->first, 3) + " to " + formatFixed(ci->second, 3) + ")"
              : "";
}

} // namespace

json scoreSummaryJson(const workbench::ScoreSummary& summary) {
    return {{"n", summary.n},
            {"mean", summary.mean},
            {"pass_rate", summary.passRate},
            {"ci95", optionalInterval(summary.ci95)}};
}

json scoreSummariesJson(const std::map<std::string, workbench::ScoreSummary>& summaries) {
    json out = json::object();
    for (const auto& [key, summary] : summaries)
        out[key] = scoreSummaryJson(summary);
    return out;
}

int runScoreCommand(const CliArgs& args) {
    const int ways = (args.option("judge") ? 1 : 0) + (args.option("teacher") ? 1 : 0) +
                     (args.option("scorer") ? 1 : 0);
    if (ways > 1)
        return failure("--scorer, --teacher and --judge are three ways to score: name one", 2,
                       "score");
    if (args.option("judge"))
        return runJudgeCommand(args);
    Common common;
    if (auto problem = readCommon(args, common))
        return failure(*problem, 2, "score");
    auto workspace = Workspace::open(*args.option("workspace"));
    if (!workspace)
        return failure(workspace.error().toString(), 1, "score");
    std::signal(SIGINT, onEvaluateInterrupt);
    workbench::ScoreRequest request;
    request.runId = common.runId;
    request.scorer = args.option("scorer").value_or("");
    request.teacher = args.option("teacher").value_or("");
    request.passBar = common.bar;
    auto outcome = workbench::scoreRun(**workspace, request, &g_cancel);
    if (!outcome)
        return failure(outcome.error().toString(), 1, "score");
    if (args.flag("json")) {
        const nlohmann::json models = scoreSummariesJson(outcome->models);
        std::cout << json{{"scored", outcome->scored},
                          {"scorer", outcome->scorer},
                          {"reason", outcome->reason},
                          {"failed_calls", outcome->failedCalls},
                          {"no_reference", outcome->noReference},
                          {"models", models}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "Scored " << outcome->scored << " answers of run " << common.runId << " with "
                  << outcome->scorer
                  << (outcome->reason.empty() ? "" : " (" + outcome->reason + ")") << "; "
                  << outcome->failedCalls << " failed calls and " << outcome->noReference
                  << " answers without a reference left unscored\n";
        for (const auto& [model, summary] : outcome->models)
            std::cout << "  " << model << ": mean " << formatFixed(summary.mean, 3)
                      << ciText(summary.ci95) << ", pass rate " << formatPercent(summary.passRate)
                      << ", n " << summary.n << "\n";
    }
    if (outcome->scored == 0)
        return failure("nothing was scored: no answer has an expected answer to compare with", 1,
                       "score");
    return 0;
}

int runCompareCommand(const CliArgs& args) {
    Common common;
    if (auto problem = readCommon(args, common))
        return failure(*problem, 2, "compare");
    auto workspace = Workspace::open(*args.option("workspace"));
    if (!workspace)
        return failure(workspace.error().toString(), 1, "compare");
    workbench::CompareRequest request;
    request.runId = common.runId;
    request.baseline = args.option("baseline").value_or("");
    if (auto text = args.option("baseline-run")) {
        const auto run = parseFiniteNumber(*text);
        if (!run || *run < 1 || std::floor(*run) != *run)
            return failure("--baseline-run is a run id", 2, "compare");
        request.baselineRunId = static_cast<int64_t>(*run);
    }
    request.scorer = args.option("scorer").value_or("");
    request.passBar = common.bar;
    auto outcome = workbench::compareRun(**workspace, request);
    if (!outcome)
        return failure(outcome.error().toString(), 1, "compare");
    if (args.flag("json")) {
        json models = json::object();
        for (const auto& [model, figures] : outcome->models)
            models[model] = {{"n", figures.score.n},
                             {"answers", figures.answers},
                             {"failed", figures.failed},
                             {"mean_score", figures.score.mean},
                             {"pass_rate", figures.score.passRate},
                             {"ci95", optionalInterval(figures.score.ci95)},
                             {"cost_usd", figures.costUsd},
                             {"cost_per_1k_usd", figures.costPer1kUsd},
                             {"unpriced", figures.unpriced},
                             {"latency_p50_ms", optionalNumber(figures.latencyP50Ms)},
                             {"latency_p95_ms", optionalNumber(figures.latencyP95Ms)},
                             {"latency_p99_ms", optionalNumber(figures.latencyP99Ms)},
                             {"input_tokens", figures.inputTokens},
                             {"output_tokens", figures.outputTokens},
                             {"by_tag", scoreSummariesJson(figures.byTag)}};
        json pairwise = json::object();
        for (const auto& [model, verdict] : outcome->pairwise) {
            const eval::PairedComparison& pair = verdict.paired;
            pairwise[model] = {{"vs", verdict.vs},
                               {"n", pair.n},
                               {"delta_mean", pair.deltaMean},
                               {"ci95", optionalInterval(pair.ci95)},
                               {"p_value", optionalNumber(pair.pValue)},
                               {"test", std::string(eval::pairedTestName(pair.test))},
                               {"minimum_detectable", optionalNumber(pair.minimumDetectable)},
                               {"pairs_for_1_point", optionalNumber(pair.pairsForOnePoint)},
                               {"pairs_for_2_points", optionalNumber(pair.pairsForTwoPoints)},
                               {"verdict", eval::verdictInWords(pair, verdict.costRatio)}};
        }
        std::cout << json{{"baseline", optionalText(outcome->baseline)},
                          {"scorer", outcome->scorer},
                          {"models", models},
                          {"pairwise", pairwise}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    std::cout << "Run " << common.runId << ", scored by "
              << (outcome->scorer.empty() ? "(no scorer)" : outcome->scorer) << "; "
              << (outcome->baseline.empty()
                      ? "each model against itself in run " + std::to_string(*request.baselineRunId)
                      : "baseline " + outcome->baseline)
              << "\n";
    for (const auto& [model, figures] : outcome->models)
        std::cout << "  " << model << ": mean " << formatFixed(figures.score.mean, 3)
                  << ciText(figures.score.ci95) << " on " << figures.score.n << ", pass rate "
                  << formatPercent(figures.score.passRate) << ", "
                  << formatUsd(figures.costPer1kUsd) << " per 1k\n";
    for (const auto& [model, verdict] : outcome->pairwise) {
        const eval::PairedComparison& pair = verdict.paired;
        std::cout << "  " << model << " vs " << verdict.vs << ": "
                  << (pair.deltaMean >= 0 ? "+" : "") << formatFixed(pair.deltaMean * 100.0, 1)
                  << " points";
        if (pair.ci95)
            std::cout << " (95 % CI " << formatFixed(pair.ci95->first * 100.0, 1) << " to "
                      << formatFixed(pair.ci95->second * 100.0, 1) << ")";
        if (pair.pValue)
            std::cout << ", p "
                      << (*pair.pValue < 1e-4 ? "< 0.0001" : "= " + formatFixed(*pair.pValue, 4))
                      << " (" << eval::pairedTestName(pair.test) << ")";
        std::cout << " on " << pair.n
                  << " prompts: " << eval::verdictInWords(pair, verdict.costRatio) << "\n";
    }
    return 0;
}
