#include "batch/batch_format.h"
#include "batch/batch_results.h"
#include "pricing/cost.h"
#include "providers/client.h"
#include "store/price_overrides.h"
#include "store/workspace.h"
#include "workbench/batch_ops.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace switchyard::workbench {

namespace {

constexpr size_t kResultsPerTransaction = 1000;

// A run a batch export created, as the results that fill it need it.
struct ExportedRun {
    RunInfo info;
    std::vector<std::string> models;
    int64_t exported = 0;
    std::unordered_map<int64_t, int64_t> promptIdOfOrdinal; // prompts.id by ordinal
    std::vector<ResultRecord> pending;
};

Expected<ExportedRun*> exportedRun(const Workspace& workspace, std::map<int64_t, ExportedRun>& runs,
                                   int64_t runId) {
    if (const auto it = runs.find(runId); it != runs.end())
        return &it->second;
    const auto info = workspace.run(runId);
    if (!info || info->kind != "batch" || !info->setId)
        return Error{"", 0, "",
                     "no batch export made run " + std::to_string(runId) + " in this workspace"};
    ExportedRun run;
    run.info = *info;
    const auto params = nlohmann::json::parse(info->paramsJson, nullptr, false);
    if (params.is_object() && params.contains("batch")) {
        run.models = params["batch"].value("models", std::vector<std::string>());
        run.exported = params["batch"].value("records", int64_t{0});
    }
    for (int64_t after = 0;;) {
        const auto page = workspace.promptIdPage(*info->setId, after, 10'000);
        if (page.empty())
            break;
        for (const auto& [ordinal, id] : page)
            run.promptIdOfOrdinal.emplace(ordinal, id);
        after = page.back().first;
    }
    return &runs.emplace(runId, std::move(run)).first->second;
}

// The result the runner would have stored for the call, priced at the batch tier. Its cost is as
// recorded (no priced_model): a later price edit re-prices at standard rates, which a batch
// result was not bought at.
ResultRecord recordOf(const CallResult& result, const std::string& ref, int64_t promptId,
                      const Catalogue& catalogue, BatchImportOutcome& outcome) {
    ResultRecord record;
    record.promptId = promptId;
    record.modelRef = ref;
    record.output = result.text;
    record.inputTokens = result.usage.input;
    record.outputTokens = result.usage.output;
    record.cacheReadTokens = result.usage.cacheRead;
    record.cacheWriteTokens = result.usage.cacheWrite;
    record.cacheWrite1hTokens = result.usage.cacheWrite1h;
    record.attempts = 1;
    if (result.error) {
        record.errorClass = std::string(failureClassName(result.error->kind));
        record.errorMessage = result.error->toString();
        ++outcome.failed;
    }
    if (result.usageReported) {
        const std::string priced = result.pricedModel.empty() ? ref : result.pricedModel;
        if (auto cost = costBreakdown(catalogue, priced, result.usage, ServiceTier::Batch)) {
            record.costUsd = cost->totalUsd;
            outcome.costUsd += cost->totalUsd;
        } else if (std::find(outcome.unpriced.begin(), outcome.unpriced.end(), ref) ==
                   outcome.unpriced.end()) {
            outcome.unpriced.push_back(ref);
        }
    }
    return record;
}

Status flush(Workspace& workspace, ExportedRun& run, BatchImportOutcome& outcome) {
    if (run.pending.empty())
        return success();
    if (auto status = workspace.insertResults(run.info.id, run.pending); !status)
        return status;
    outcome.results += static_cast<int64_t>(run.pending.size());
    run.pending.clear();
    return success();
}

} // namespace

Expected<BatchImportOutcome> importBatchResults(const BatchImportRequest& request,
                                                const CancelToken* cancel) {
    if (request.files.empty())
        return Error{"", 0, "files", "no result file to import"};
    auto workspace = Workspace::open(request.workspacePath, Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return workspace.error();
    auto prices = workspacePrices(**workspace);
    if (!prices)
        return prices.error();
    BatchImportOutcome outcome;
    std::map<int64_t, ExportedRun> runs;
    std::set<std::tuple<int64_t, size_t, int64_t>> seen;
    for (const std::string& file : request.files) {
        std::ifstream in(file, std::ios::binary);
        if (!in)
            return Error{file, 0, "", "cannot open the batch result file"};
        std::string text;
        for (int64_t lineNo = 1; std::getline(in, text); ++lineNo) {
            if (cancel && cancel->cancelled())
                return Error{"", 0, "", "cancelled"};
            if (text.find_first_not_of(" \t\r") == std::string::npos)
                continue;
            auto line = readBatchResultLine(text);
            if (!line) {
                outcome.rejected.push_back(
                    Error{file, lineNo, line.error().field, line.error().message});
                continue;
            }
            auto unmatched = [&](const std::string& why) {
                outcome.unmatched.push_back(
                    Error{file, lineNo, "", "record '" + line->recordId + "': " + why});
            };
            const auto id = parseBatchRecordId(line->recordId);
            if (!id) {
                unmatched("not an id Switchyard exported");
                continue;
            }
            auto run = exportedRun(**workspace, runs, id->runId);
            if (!run) {
                unmatched(run.error().message);
                continue;
            }
            ExportedRun& target = **run;
            const auto prompt = target.promptIdOfOrdinal.find(id->ordinal);
            if (id->model >= target.models.size() || prompt == target.promptIdOfOrdinal.end()) {
                unmatched("no such model or prompt in run '" + target.info.name + "'");
                continue;
            }
            if (!seen.emplace(id->runId, id->model, id->ordinal).second) {
                unmatched("answered a second time; the first answer is kept");
                continue;
            }
            const std::string& ref = target.models[id->model];
            const CallResult result = batchCallResult(*line, providerModelName(ref));
            target.pending.push_back(
                recordOf(result, ref, prompt->second, prices->catalogue, outcome));
            if (target.pending.size() >= kResultsPerTransaction)
                if (auto status = flush(**workspace, target, outcome); !status)
                    return status.error();
        }
    }
    for (auto& [runId, run] : runs) {
        if (auto status = flush(**workspace, run, outcome); !status)
            return status.error();
        BatchRunFilled filled{runId, run.info.name, "", run.exported,
                              (*workspace)->resultCount(runId)};
        filled.status = filled.results >= filled.exported ? "complete" : "partial";
        if (auto status = (*workspace)->setRunStatus(runId, filled.status, run.info.paramsJson);
            !status)
            return status.error();
        outcome.runs.push_back(std::move(filled));
    }
    if (!request.runName.empty()) {
        if (outcome.runs.size() != 1)
            return Error{"", 0, "run",
                         "--run names one run; these results fill " +
                             std::to_string(outcome.runs.size())};
        if (auto status = (*workspace)->renameRun(outcome.runs[0].runId, request.runName); !status)
            return status.error();
        outcome.runs[0].runName = request.runName;
    }
    return outcome;
}

} // namespace switchyard::workbench
