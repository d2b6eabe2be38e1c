#include "workbench/traffic_ops.h"

#include "pricing/cost.h"
#include "store/price_overrides.h"
#include "traffic/traffic_loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace switchyard::workbench {

namespace {

class TrafficImporter {
public:
    TrafficImporter(Workspace& workspace, const Catalogue& catalogue,
                    const std::vector<std::string>& paths, LogImportOutcome& outcome)
        : m_workspace(workspace), m_catalogue(catalogue), m_paths(paths), m_outcome(outcome) {}

    void consume(std::vector<TrafficRecord>&& batch);
    const std::optional<Error>& storeError() const { return m_storeError; }
    Status finish(const TrafficLoadSummary& summary);

private:
    Status ensureSetAndRun();
    ResultRecord resultOf(const TrafficRecord& record);

    Workspace& m_workspace;
    const Catalogue& m_catalogue;
    const std::vector<std::string>& m_paths;
    LogImportOutcome& m_outcome;
    std::optional<Error> m_storeError;
    std::map<std::string, UnpricedModel> m_unpriced;
};

Status TrafficImporter::ensureSetAndRun() {
    if (m_outcome.runId != 0)
        return success();
    if (auto existing = m_workspace.findPromptSet(m_outcome.setName)) {
        m_outcome.setId = *existing;
    } else {
        auto created = m_workspace.createPromptSet(m_outcome.setName, m_paths.front());
        if (!created)
            return created.error();
        m_outcome.setId = *created;
    }
    RunInfo run;
    run.name = m_outcome.runName;
    run.setId = m_outcome.setId;
    run.kind = "traffic";
    run.status = "running";
    run.paramsJson = nlohmann::json{{"source_paths", m_paths}}.dump();
    auto runId = m_workspace.createRun(run);
    if (!runId)
        return runId.error();
    m_outcome.runId = *runId;
    return success();
}

ResultRecord TrafficImporter::resultOf(const TrafficRecord& record) {
    ResultRecord result;
    result.modelRef = record.model;
    result.output = record.output;
    result.inputTokens = record.inputTokens;
    result.outputTokens = record.outputTokens;
    result.cacheReadTokens = record.cacheReadTokens;
    result.cacheWriteTokens = record.cacheWriteTokens;
    result.latencyMs = record.latencyMs;
    result.errorClass = record.errorCode;
    result.costUsd = record.costUsd;
    if (result.costUsd)
        return result;
    // Priced by the catalogue, so a later price edit re-prices it, as for every recorded run.
    result.pricedModel = record.model;
    result.costUsd = priceRecordedUsage(m_catalogue, record.model,
                                        Usage{record.inputTokens, record.outputTokens,
                                              record.cacheReadTokens, record.cacheWriteTokens, 0},
                                        m_unpriced);
    return result;
}

void TrafficImporter::consume(std::vector<TrafficRecord>&& batch) {
    if (m_storeError)
        return;
    if (auto status = ensureSetAndRun(); !status) {
        m_storeError = status.error();
        return;
    }
    std::vector<Prompt> prompts;
    std::vector<ResultRecord> results;
    std::vector<std::optional<double>> costs; // results are moved into the store
    prompts.reserve(batch.size());
    results.reserve(batch.size());
    for (TrafficRecord& record : batch) {
        results.push_back(resultOf(record));
        costs.push_back(results.back().costUsd);
        prompts.push_back(std::move(record.prompt));
    }
    auto stored = m_workspace.appendTraffic(m_outcome.setId, m_outcome.runId, prompts, results,
                                            m_paths.front());
    if (!stored) {
        m_storeError = stored.error();
        return;
    }
    for (size_t i = 0; i < batch.size(); ++i) {
        if (stored->rowIds[i] == 0) {
            ++m_outcome.duplicates;
            continue;
        }
        const TrafficRecord& record = batch[i];
        TrafficModelTotals& totals = m_outcome.models[record.model];
        ++totals.requests;
        totals.failed += record.errorCode.empty() ? 0 : 1;
        totals.inputTokens += record.inputTokens;
        totals.outputTokens += record.outputTokens;
        totals.cacheReadTokens += record.cacheReadTokens;
        totals.cacheWriteTokens += record.cacheWriteTokens;
        if (costs[i])
            totals.costUsd += *costs[i];
        else
            ++totals.unpriced;
        const int64_t at = *prompts[i].timestampMs;
        m_outcome.firstMs = std::min(m_outcome.firstMs.value_or(at), at);
        m_outcome.lastMs = std::max(m_outcome.lastMs.value_or(at), at);
        ++m_outcome.records;
    }
}

Status TrafficImporter::finish(const TrafficLoadSummary& summary) {
    m_outcome.files = summary.files;
    m_outcome.skippedFiles = summary.skippedFiles;
    m_outcome.rejectedCount = summary.rejectedCount;
    m_outcome.rejected = summary.rejected;
    m_outcome.damaged = summary.damaged;
    m_outcome.bodiesFollowed = summary.bodiesFollowed;
    m_outcome.bodiesMissingCount = summary.bodiesMissingCount;
    m_outcome.bodiesMissing = summary.bodiesMissing;
    m_outcome.cancelled = summary.cancelled;
    for (auto& [model, unpriced] : m_unpriced)
        m_outcome.unpriced.push_back(unpriced);
    if (m_outcome.runId != 0 && m_outcome.records == 0) {
        // Every request was imported before: no run of nothing is left behind.
        if (auto status = m_workspace.deleteEmptyRun(m_outcome.runId); !status)
            return status;
        m_outcome.runId = 0;
    }
    if (m_outcome.runId == 0)
        return success();
    if (m_outcome.setId != 0 && !summary.rejected.empty())
        if (auto status = m_workspace.recordRejections(m_outcome.setId, summary.rejected); !status)
            return status;
    nlohmann::json unpriced = nlohmann::json::array();
    for (const UnpricedModel& model : m_outcome.unpriced)
        unpriced.push_back(
            {{"model", model.model}, {"results", model.results}, {"reason", model.reason}});
    const nlohmann::json params = {{"source_paths", m_paths},
                                   {"files", m_outcome.files},
                                   {"records", m_outcome.records},
                                   {"duplicates", m_outcome.duplicates},
                                   {"rejected", m_outcome.rejectedCount},
                                   {"damaged_files", m_outcome.damaged.size()},
                                   {"bodies_followed", m_outcome.bodiesFollowed},
                                   {"bodies_missing", m_outcome.bodiesMissingCount},
                                   {"catalogue_date", m_catalogue.catalogueDate()},
                                   {"unpriced_models", unpriced}};
    return m_workspace.setRunStatus(m_outcome.runId, m_outcome.cancelled ? "cancelled" : "complete",
                                    params.dump());
}

} // namespace

Expected<LogImportOutcome> importLogs(Workspace& workspace, const std::vector<std::string>& paths,
                                      const std::string& setName, const CancelToken* cancel,
                                      const Progress& progress) {
    if (paths.empty())
        return Error{"", 0, "", "name the log files or folders to import"};
    auto prices = workspacePrices(workspace);
    if (!prices)
        return prices.error();
    LogImportOutcome outcome;
    outcome.setName = setName.empty() ? kDefaultTrafficSet : setName;
    std::filesystem::path first = std::filesystem::path(paths.front()).lexically_normal();
    if (first.filename().empty()) // "logs/" names the folder "logs"
        first = first.parent_path();
    outcome.runName = "traffic " + first.filename().string();
    outcome.priceProblems = prices->problems;
    outcome.catalogueDate = prices->catalogue.catalogueDate();
    TrafficImporter importer(workspace, prices->catalogue, paths, outcome);
    auto summary = loadTraffic(
        paths,
        [&importer](std::vector<TrafficRecord>&& batch) { importer.consume(std::move(batch)); }, {},
        cancel, progress);
    if (!summary)
        return summary.error();
    if (importer.storeError())
        return *importer.storeError();
    if (auto status = importer.finish(*summary); !status)
        return status.error();
    return outcome;
}

} // namespace switchyard::workbench

namespace switchyard::workbench {

std::vector<std::string> trafficSetNames(const Workspace& workspace) {
    std::vector<RunInfo> runs = workspace.runs();
    std::stable_sort(runs.begin(), runs.end(),
                     [](const RunInfo& a, const RunInfo& b) { return a.id > b.id; });
    std::vector<std::string> names;
    for (const RunInfo& run : runs) {
        if (run.kind != "traffic" || !run.setId)
            continue;
        const auto set = workspace.promptSet(*run.setId);
        if (set && std::find(names.begin(), names.end(), set->name) == names.end())
            names.push_back(set->name);
    }
    return names;
}

Expected<TrafficDashboardOutcome> trafficDashboard(const Workspace& workspace,
                                                   const std::string& setName,
                                                   const TrafficAnomalyRules& rules) {
    const auto setId = workspace.findPromptSet(setName);
    if (!setId)
        return Error{"", 0, "set", "no prompt set named '" + setName + "'"};
    auto prices = workspacePrices(workspace);
    if (!prices)
        return prices.error();
    auto rows = workspace.trafficRows(*setId);
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return Error{"", 0, "set",
                     "set '" + setName +
                         "' holds no production traffic: import logs into it "
                         "(import-logs)"};
    std::vector<ModelTier> tiers;
    for (const std::string& model : rows->models) {
        const ModelPrice* price = prices->catalogue.find(model);
        tiers.push_back(tierOfOutputPrice(price ? std::optional<double>(price->outputUsdPerMTok)
                                                : std::nullopt));
    }
    return TrafficDashboardOutcome{setName, analyzeTraffic(*rows, tiers, rules),
                                   prices->catalogue.catalogueDate()};
}

} // namespace switchyard::workbench
