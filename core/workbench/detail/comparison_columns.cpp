#include "workbench/detail/comparison_columns.h"

#include "routing/replay_data.h"
#include "run/runner.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace switchyard::workbench::detail {

std::optional<size_t> ComparisonColumns::find(int64_t runId, int64_t modelId) const {
    for (size_t column = 0; column < columns.size(); ++column)
        if (columns[column].runId == runId && columns[column].modelId == modelId)
            return column;
    return std::nullopt;
}

std::string baselineRunLabel(const std::string& modelRef, int64_t runId) {
    return modelRef + "@run" + std::to_string(runId);
}

namespace {

// A run's models (models.id, reference) with the names its reports give them.
std::vector<std::tuple<int64_t, std::string, std::string>>
labelledModels(const Workspace& workspace, const RunInfo& run) {
    std::vector<std::tuple<int64_t, std::string, std::string>> out;
    const auto identity = parseRunIdentity(run.paramsJson);
    for (auto& [modelId, ref] : workspace.runModels(run.id)) {
        std::string label = ref;
        if (identity)
            if (auto it = identity->variants.find(ref); it != identity->variants.end())
                label = modelWithVariant(ref, it->second);
        out.emplace_back(modelId, std::move(ref), std::move(label));
    }
    return out;
}

} // namespace

std::unordered_map<int64_t, std::string> runColumnLabels(const Workspace& workspace,
                                                         const RunInfo& run) {
    std::unordered_map<int64_t, std::string> labels;
    for (auto& [modelId, ref, label] : labelledModels(workspace, run))
        labels.emplace(modelId, std::move(label));
    return labels;
}

Expected<ComparisonColumns> comparisonColumns(const Workspace& workspace, int64_t runId,
                                              std::optional<int64_t> baselineRunId) {
    const auto run = workspace.run(runId);
    if (!run)
        return Error{workspace.path(), 0, "run", "no run " + std::to_string(runId)};
    if (!run->setId)
        return Error{workspace.path(), 0, "run", "the run's prompt set was deleted"};
    ComparisonColumns out;
    out.setId = *run->setId;
    out.runIds.push_back(runId);
    for (auto& [modelId, ref, label] : labelledModels(workspace, *run))
        out.columns.push_back({std::move(label), std::move(ref), runId, modelId, std::nullopt});
    if (baselineRunId) {
        if (*baselineRunId == runId)
            return Error{"", 0, "baseline_run", "a run is not compared with itself"};
        const auto baseline = workspace.run(*baselineRunId);
        if (!baseline)
            return Error{workspace.path(), 0, "baseline_run",
                         "no run " + std::to_string(*baselineRunId)};
        // Pairs are the same prompt answered twice: another set has other prompts.
        if (baseline->setId != run->setId)
            return Error{"", 0, "baseline_run",
                         "run " + std::to_string(*baselineRunId) +
                             " is on another prompt set than run " + std::to_string(runId)};
        out.runIds.push_back(*baselineRunId);
        for (auto& [modelId, ref, label] : labelledModels(workspace, *baseline))
            out.columns.push_back({baselineRunLabel(label, *baselineRunId), std::move(ref),
                                   *baselineRunId, modelId, std::nullopt});
    }
    return out;
}

std::string comparisonScorer(const Workspace& workspace, int64_t runId,
                             const std::string& requested) {
    return requested.empty() ? routing::defaultScorers(workspace.runScorers(runId)).quality
                             : requested;
}

Status forEachColumnResult(const Workspace& workspace, const ComparisonColumns& columns,
                           const std::string& scorer, bool withOutput,
                           const std::function<bool(size_t column, const RunResultRow&)>& visit) {
    for (int64_t runId : columns.runIds) {
        bool stopped = false;
        auto status =
            workspace.forEachRunResult(runId, scorer, withOutput, [&](const RunResultRow& row) {
                const auto column = columns.find(runId, row.modelId);
                if (column && !visit(*column, row)) {
                    stopped = true;
                    return false;
                }
                return true;
            });
        if (!status || stopped)
            return status;
    }
    return success();
}

Status forEachPromptRow(const Workspace& workspace, int64_t setId,
                        const std::function<bool(int64_t promptId, PromptRow& row)>& visit) {
    constexpr int kPage = 5000;
    for (int64_t after = -1;;) {
        auto page = workspace.promptRows(setId, after, kPage);
        const auto ids = workspace.promptIdPage(setId, after, kPage);
        if (page.empty())
            return success();
        // Both pages are in ordinal order; a prompt appended between the two reads is in one
        // only, and is read with the next page.
        for (size_t i = 0; i < page.size() && i < ids.size(); ++i)
            if (ids[i].first == page[i].ordinal && !visit(ids[i].second, page[i]))
                return success();
        after = std::min(page.back().ordinal, ids.empty() ? page.back().ordinal : ids.back().first);
    }
}

} // namespace switchyard::workbench::detail
