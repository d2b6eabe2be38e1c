#include "workbench/eval_ops.h"

#include "eval/reference_scorers.h"
#include "routing/replay_data.h"
#include "workbench/detail/comparison_columns.h"

#include <algorithm>
#include <unordered_map>

namespace switchyard::workbench {

namespace {

constexpr size_t kScoreBatch = 10000;

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

ScoreSummary summariseScores(std::span<const double> scores, double passBar, int resamples) {
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
    if (resamples > 0) {
        eval::PairedOptions options;
        options.resamples = resamples;
        summary.ci95 = eval::bootstrapMeanCi(scores, options);
    }
    return summary;
}

namespace {

std::map<std::string, ScoreSummary>
summariseByTag(const std::map<int64_t, double>& scores,
               const std::unordered_map<int64_t, std::vector<std::string>>& tags, double passBar) {
    std::map<std::string, std::vector<double>> grouped;
    for (const auto& [prompt, score] : scores)
        if (const auto found = tags.find(prompt); found != tags.end())
            for (const std::string& tag : found->second)
                grouped[tag].push_back(score);
    std::map<std::string, ScoreSummary> out;
    for (auto& [tag, values] : grouped) {
        // Many groups: resampling each in full would cost seconds at 100,000 prompts.
        const bool resample = values.size() <= kTagBootstrapMaxScores;
        ScoreSummary summary = summariseScores(values, passBar, resample ? kTagResamples : 0);
        if (!resample)
            summary.ci95 = eval::normalMeanCi(values);
        out.emplace(tag, summary);
    }
    return out;
}

} // namespace

std::string teacherScorerName(const std::string& teacher, eval::ReferenceScorer scorer) {
    return "teacher:" + teacher + "/" + eval::storedScorerName(scorer);
}

Expected<ScoreRunOutcome> scoreRun(Workspace& workspace, const ScoreRequest& request,
                                   const CancelToken* cancel) {
    auto run = findRun(workspace, request.runId);
    if (!run)
        return run.error();
    if (!run->setId)
        return Error{workspace.path(), 0, "run", "the run's prompt set was deleted"};
    const auto refs = modelRefs(workspace, request.runId);
    const auto labels = detail::runColumnLabels(workspace, *run);
    std::unordered_map<int64_t, std::string> expected; // by prompt ordinal
    std::vector<std::string> answers;
    if (request.teacher.empty()) {
        auto read = workspace.forEachPrompt(*run->setId, [&](int64_t ordinal, Prompt&& prompt) {
            if (prompt.expected) {
                answers.push_back(*prompt.expected);
                expected.emplace(ordinal, std::move(*prompt.expected));
            }
            return !(cancel && cancel->cancelled());
        });
        if (!read)
            return read.error();
    } else {
        // Agreement with a teacher: its successful answers are the references.
        bool found = false;
        for (const auto& [id, ref] : refs)
            found = found || ref == request.teacher;
        if (!found)
            return Error{"", 0, "teacher",
                         "model '" + request.teacher + "' has no results in this run"};
        auto read =
            workspace.forEachRunResult(request.runId, "", true, [&](const RunResultRow& row) {
                if (refs.at(row.modelId) == request.teacher && row.errorClass.empty()) {
                    answers.push_back(row.output);
                    expected.emplace(row.promptOrdinal, row.output);
                }
                return !(cancel && cancel->cancelled());
            });
        if (!read)
            return read.error();
    }

    ScoreRunOutcome outcome;
    eval::ReferenceScorer scorer = eval::ReferenceScorer::TokenF1;
    if (request.scorer.empty()) {
        scorer = eval::chooseReferenceScorer(answers, &outcome.reason);
    } else if (auto named = eval::parseReferenceScorer(request.scorer)) {
        scorer = *named;
    } else {
        return Error{"", 0, "scorer", "unknown scorer '" + request.scorer + "'"};
    }
    outcome.scorer = request.teacher.empty() ? eval::storedScorerName(scorer)
                                             : teacherScorerName(request.teacher, scorer);
    eval::ReferenceOptions options;
    if (scorer == eval::ReferenceScorer::Label || scorer == eval::ReferenceScorer::Auto)
        options.labels = eval::labelSet(answers);

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
            if (model == request.teacher)
                return true; // agreeing with itself says nothing
            const double score =
                eval::scoreAgainstReference(scorer, row.output, reference->second, options).score;
            records.push_back({row.promptId, model, outcome.scorer, score, ""});
            byModel[labels.at(row.modelId)].push_back(score);
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
        outcome.models[model] = summariseScores(scores, request.passBar);
    if (request.baselineRunId) {
        // The same scorer, chosen here once, so the two runs' columns are comparable.
        ScoreRequest baseline = request;
        baseline.runId = *request.baselineRunId;
        baseline.baselineRunId.reset();
        baseline.scorer = std::string(eval::referenceScorerName(scorer));
        auto scored = scoreRun(workspace, baseline, cancel);
        if (!scored)
            return scored.error();
        outcome.scored += scored->scored;
        outcome.failedCalls += scored->failedCalls;
        outcome.noReference += scored->noReference;
        for (auto& [model, summary] : scored->models)
            outcome.models[detail::baselineRunLabel(model, baseline.runId)] = summary;
    }
    return outcome;
}

Expected<CompareOutcome> compareRun(const Workspace& workspace, const CompareRequest& request,
                                    const CancelToken* cancel) {
    auto columns = detail::comparisonColumns(workspace, request.runId, request.baselineRunId);
    if (!columns)
        return columns.error();
    struct Column {
        std::map<int64_t, double> scores; // by prompt id, ordered: the bootstrap is repeatable
        std::vector<double> latencies;
        int64_t priced = 0;
    };
    std::vector<Column> read(columns->columns.size());
    std::unordered_map<int64_t, std::vector<std::string>> tags; // by prompt row
    auto tagged =
        detail::forEachPromptRow(workspace, columns->setId, [&](int64_t promptId, PromptRow& row) {
            if (!row.tags.empty())
                tags.emplace(promptId, std::move(row.tags));
            return !(cancel && cancel->cancelled());
        });
    if (!tagged)
        return tagged.error();
    CompareOutcome outcome;
    outcome.scorer = detail::comparisonScorer(workspace, request.runId, request.scorer);
    auto visited = detail::forEachColumnResult(
        workspace, *columns, outcome.scorer, false, [&](size_t index, const RunResultRow& row) {
            ModelComparison& figures = outcome.models[columns->columns[index].label];
            Column& column = read[index];
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
    if (cancel && cancel->cancelled())
        return Error{"", 0, "", "cancelled"}; // figures of part of the results are no figures
    if (outcome.models.empty())
        return Error{"", 0, "run", "the run has no results"};

    for (size_t index = 0; index < read.size(); ++index) {
        const auto found = outcome.models.find(columns->columns[index].label);
        if (found == outcome.models.end())
            continue;
        ModelComparison& figures = found->second;
        Column& column = read[index];
        if (column.priced > 0)
            figures.costPer1kUsd = figures.costUsd / static_cast<double>(column.priced) * 1000.0;
        std::vector<double> scores;
        for (const auto& [prompt, score] : column.scores)
            scores.push_back(score);
        figures.score = summariseScores(scores, request.passBar);
        figures.byTag = summariseByTag(column.scores, tags, request.passBar);
        std::sort(column.latencies.begin(), column.latencies.end());
        figures.latencyP50Ms = percentile(column.latencies, 0.50);
        figures.latencyP95Ms = percentile(column.latencies, 0.95);
        figures.latencyP99Ms = percentile(column.latencies, 0.99);
    }

    // Who is compared with whom: (candidate column, baseline column).
    std::vector<std::pair<size_t, size_t>> pairs;
    const auto& all = columns->columns;
    const auto indexOf = [&](const std::string& label) -> std::optional<size_t> {
        for (size_t index = 0; index < all.size(); ++index)
            if (all[index].label == label && outcome.models.count(label))
                return index;
        return std::nullopt;
    };
    if (!request.baseline.empty()) {
        const auto baseline = indexOf(request.baseline);
        if (!baseline)
            return Error{"", 0, "baseline",
                         "model '" + request.baseline + "' has no results in this comparison"};
        outcome.baseline = request.baseline;
        for (size_t index = 0; index < all.size(); ++index)
            if (index != *baseline && outcome.models.count(all[index].label))
                pairs.emplace_back(index, *baseline);
    } else if (request.baselineRunId) {
        // What changed between the runs: each model against itself, whatever prompt variant
        // either run sent it.
        for (size_t index = 0; index < all.size(); ++index) {
            if (all[index].runId != request.runId || !outcome.models.count(all[index].label))
                continue;
            for (size_t before = 0; before < all.size(); ++before)
                if (all[before].runId == *request.baselineRunId &&
                    all[before].modelRef == all[index].modelRef &&
                    outcome.models.count(all[before].label))
                    pairs.emplace_back(index, before);
        }
    } else {
        // The dearest model: what a cheaper one would replace.
        outcome.baseline =
            std::max_element(outcome.models.begin(), outcome.models.end(),
                             [](const auto& a, const auto& b) {
                                 return a.second.costPer1kUsd < b.second.costPer1kUsd;
                             })
                ->first;
        const size_t baseline = *indexOf(outcome.baseline);
        for (size_t index = 0; index < all.size(); ++index)
            if (index != baseline && outcome.models.count(all[index].label))
                pairs.emplace_back(index, baseline);
    }
    for (const auto& [candidateIndex, baselineIndex] : pairs) {
        const Column& baseline = read[baselineIndex];
        const Column& candidate = read[candidateIndex];
        // Paired on the prompts both answered with a score, in prompt order: a missing answer
        // is left out, never counted as a zero.
        std::vector<double> base;
        std::vector<double> cand;
        for (const auto& [prompt, score] : candidate.scores)
            if (const auto found = baseline.scores.find(prompt); found != baseline.scores.end()) {
                base.push_back(found->second);
                cand.push_back(score);
            }
        PairwiseVerdict verdict;
        verdict.vs = all[baselineIndex].label;
        verdict.paired = eval::comparePaired(base, cand);
        const ModelComparison& baselineFigures = outcome.models.at(verdict.vs);
        const ModelComparison& candidateFigures = outcome.models.at(all[candidateIndex].label);
        if (baselineFigures.priced() && candidateFigures.priced() &&
            baselineFigures.costPer1kUsd > 0.0)
            verdict.costRatio = candidateFigures.costPer1kUsd / baselineFigures.costPer1kUsd;
        outcome.pairwise[all[candidateIndex].label] = std::move(verdict);
    }
    return outcome;
}

} // namespace switchyard::workbench
