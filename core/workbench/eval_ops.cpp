#include "workbench/eval_ops.h"

#include "eval/reference_scorers.h"
#include "routing/replay_data.h"

#include <algorithm>
#include <unordered_map>

namespace switchyard::workbench {

namespace {

constexpr size_t kScoreBatch = 10000;

ScoreSummary summarise(std::vector<double>& scores, double passBar) {
    ScoreSummary summary;
    summary.n = static_cast<int64_t>(scores.size());
    if (scores.empty())
        return summary;
    double sum = 0.0;
    int64_t passed = 0;
    for (double score : scores) {
        sum += score;
        if (score >= passBar)
            ++passed;
    }
    summary.mean = sum / static_cast<double>(scores.size());
    summary.passRate = static_cast<double>(passed) / static_cast<double>(scores.size());
    summary.ci95 = eval::bootstrapMeanCi(scores);
    return summary;
}

std::optional<double> percentile(std::vector<double>& sorted, double q) {
    if (sorted.empty())
        return std::nullopt;
    return eval::sortedQuantile(sorted, q);
}

Expected<RunInfo> findRun(const Workspace& workspace, int64_t runId) {
    auto run = workspace.run(runId);
    if (!run)
        return Error{workspace.path(), 0, "run", "no run " + std::to_string(runId)};
    return *run;
}

std::unordered_map<int64_t, std::string> modelRefs(const Workspace& workspace, int64_t runId) {
    std::unordered_map<int64_t, std::string> refs;
    for (auto& [id, ref] : workspace.runModels(runId))
        refs.emplace(id, std::move(ref));
    return refs;
}

} // namespace

Expected<ScoreRunOutcome> scoreRun(Workspace& workspace, const ScoreRequest& request,
                                   const CancelToken* cancel) {
    auto run = findRun(workspace, request.runId);
    if (!run)
        return run.error();
    if (!run->setId)
        return Error{workspace.path(), 0, "run", "the run's prompt set was deleted"};
    std::unordered_map<int64_t, std::string> expected; // by prompt ordinal
    std::vector<std::string> answers;
    auto read = workspace.forEachPrompt(*run->setId, [&](int64_t ordinal, Prompt&& prompt) {
        if (prompt.expected) {
            answers.push_back(*prompt.expected);
            expected.emplace(ordinal, std::move(*prompt.expected));
        }
        return !(cancel && cancel->cancelled());
    });
    if (!read)
        return read.error();

    ScoreRunOutcome outcome;
    eval::ReferenceScorer scorer = eval::ReferenceScorer::TokenF1;
    if (request.scorer.empty()) {
        scorer = eval::chooseReferenceScorer(answers, &outcome.reason);
    } else if (auto named = eval::parseReferenceScorer(request.scorer)) {
        scorer = *named;
    } else {
        return Error{"", 0, "scorer", "unknown scorer '" + request.scorer + "'"};
    }
    outcome.scorer = eval::storedScorerName(scorer);
    eval::ReferenceOptions options;
    if (scorer == eval::ReferenceScorer::Label || scorer == eval::ReferenceScorer::Auto)
        options.labels = eval::labelSet(answers);

    const auto refs = modelRefs(workspace, request.runId);
    std::vector<ScoreRecord> records;
    std::map<std::string, std::vector<double>> byModel;
    auto visited =
        workspace.forEachRunResult(request.runId, "", true, [&](const RunResultRow& row) {
            if (!row.errorClass.empty()) {
                ++outcome.failedCalls;
                return true;
            }
            const auto reference = expected.find(row.promptOrdinal);
            if (reference == expected.end()) {
                ++outcome.noReference;
                return true;
            }
            const std::string& model = refs.at(row.modelId);
            const double score =
                eval::scoreAgainstReference(scorer, row.output, reference->second, options).score;
            records.push_back({row.promptId, model, outcome.scorer, score});
            byModel[model].push_back(score);
            return !(cancel && cancel->cancelled());
        });
    if (!visited)
        return visited.error();
    if (cancel && cancel->cancelled())
        return Error{"", 0, "", "cancelled"};
    for (size_t at = 0; at < records.size(); at += kScoreBatch) {
        const size_t count = std::min(kScoreBatch, records.size() - at);
        if (auto status =
                workspace.insertScores(request.runId, std::span(records).subspan(at, count));
            !status)
            return status.error();
    }
    outcome.scored = static_cast<int64_t>(records.size());
    for (auto& [model, scores] : byModel)
        outcome.models[model] = summarise(scores, request.passBar);
    return outcome;
}

Expected<CompareOutcome> compareRun(const Workspace& workspace, const CompareRequest& request,
                                    const CancelToken* cancel) {
    if (auto run = findRun(workspace, request.runId); !run)
        return run.error();
    const auto refs = modelRefs(workspace, request.runId);
    struct Column {
        std::map<int64_t, double> scores; // by prompt id, ordered: the bootstrap is repeatable
        std::vector<double> latencies;
        int64_t priced = 0;
    };
    std::map<std::string, Column> columns;
    CompareOutcome outcome;
    // Which scorer, when none is named, is the Router Lab's choice (defaultScorers): scores of
    // different scorers are never mixed in one column.
    outcome.scorer = request.scorer.empty()
                         ? routing::defaultScorers(workspace.runScorers(request.runId)).quality
                         : request.scorer;
    auto visited = workspace.forEachRunResult(
        request.runId, outcome.scorer, false, [&](const RunResultRow& row) {
            const std::string& model = refs.at(row.modelId);
            ModelComparison& figures = outcome.models[model];
            Column& column = columns[model];
            ++figures.answers;
            figures.inputTokens += row.inputTokens;
            figures.outputTokens += row.outputTokens;
            if (row.costUsd) {
                figures.costUsd += *row.costUsd;
                ++column.priced;
            } else {
                ++figures.unpriced;
            }
            if (!row.errorClass.empty()) {
                ++figures.failed;
                return true;
            }
            if (row.latencyMs)
                column.latencies.push_back(*row.latencyMs);
            if (row.score)
                column.scores.emplace(row.promptId, *row.score);
            return !(cancel && cancel->cancelled());
        });
    if (!visited)
        return visited.error();
    if (outcome.models.empty())
        return Error{"", 0, "run", "the run has no results"};

    for (auto& [model, figures] : outcome.models) {
        Column& column = columns[model];
        if (column.priced > 0)
            figures.costPer1kUsd = figures.costUsd / static_cast<double>(column.priced) * 1000.0;
        std::vector<double> scores;
        for (const auto& [prompt, score] : column.scores)
            scores.push_back(score);
        figures.score = summarise(scores, request.passBar);
        std::sort(column.latencies.begin(), column.latencies.end());
        figures.latencyP50Ms = percentile(column.latencies, 0.50);
        figures.latencyP95Ms = percentile(column.latencies, 0.95);
        figures.latencyP99Ms = percentile(column.latencies, 0.99);
    }

    if (!request.baseline.empty()) {
        if (!outcome.models.count(request.baseline))
            return Error{"", 0, "baseline",
                         "model '" + request.baseline + "' has no results in this run"};
        outcome.baseline = request.baseline;
    } else {
        // The dearest model: what a cheaper one would replace.
        outcome.baseline =
            std::max_element(outcome.models.begin(), outcome.models.end(),
                             [](const auto& a, const auto& b) {
                                 return a.second.costPer1kUsd < b.second.costPer1kUsd;
                             })
                ->first;
    }
    const Column& baseline = columns[outcome.baseline];
    for (const auto& [model, column] : columns) {
        if (model == outcome.baseline)
            continue;
        // Paired on the prompts both answered with a score, in prompt order: a missing answer
        // is left out, never counted as a zero.
        std::vector<double> base;
        std::vector<double> candidate;
        for (const auto& [prompt, score] : column.scores)
            if (const auto found = baseline.scores.find(prompt); found != baseline.scores.end()) {
                base.push_back(found->second);
                candidate.push_back(score);
            }
        outcome.pairwise[model] = eval::comparePaired(base, candidate);
    }
    return outcome;
}

} // namespace switchyard::workbench
