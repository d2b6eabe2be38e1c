#include "cli_logs.h"

#include "cli_catalogue.h"
#include "cli_json.h"
#include "common/text_format.h"
#include "workbench/traffic_ops.h"

#include <nlohmann/json.hpp>

#include <csignal>
#include <iostream>

using namespace switchyard;

namespace {

// Ctrl+C stops the import after the current batch; what was committed stays.
CancelToken g_logsCancel;
extern "C" void onLogsInterrupt(int) {
    g_logsCancel.cancel();
}

void printTextReport(const workbench::LogImportOutcome& outcome) {
    std::cout << withThousands(outcome.records) << " requests from " << outcome.files
              << " file(s) imported into set '" << outcome.setName << "'";
    if (outcome.runId != 0)
        std::cout << " as run " << outcome.runId << " '" << outcome.runName << "'";
    std::cout << "\n";
    if (outcome.duplicates)
        std::cout << withThousands(outcome.duplicates)
                  << " requests were already in the set and were skipped\n";
    for (const auto& [model, totals] : outcome.models)
        std::cout << "  " << model << ": " << withThousands(totals.requests) << " requests, "
                  << withThousands(totals.inputTokens) << " input tokens ("
                  << withThousands(totals.cacheReadTokens) << " cache reads), "
                  << withThousands(totals.outputTokens) << " output tokens, "
                  << formatUsd(totals.costUsd)
                  << (totals.unpriced ? " (" + withThousands(totals.unpriced) + " unpriced)" : "")
                  << "\n";
    if (outcome.bodiesFollowed)
        std::cout << withThousands(outcome.bodiesFollowed)
                  << " input bodies were read from their separately delivered objects\n";
    for (const std::string& file : outcome.skippedFiles)
        std::cout << "  skipped (not a log or usage export): " << file << "\n";
    for (const UnpricedModel& model : outcome.unpriced)
        std::cout << "  " << model.model << ": " << model.reason << "; its cost is left empty\n";
}

} // namespace

int runImportLogsCommand(const CliArgs& args) {
    auto workspace = Workspace::open(*args.option("workspace"));
    if (!workspace) {
        std::cerr << "switchyard-cli: " << workspace.error().toString() << "\n";
        return 1;
    }
    std::signal(SIGINT, onLogsInterrupt);
    auto outcome = workbench::importLogs(**workspace, args.positional,
                                         args.option("set").value_or(""), &g_logsCancel);
    if (!outcome) {
        std::cerr << "switchyard-cli: " << outcome.error().toString() << "\n";
        return 1;
    }
    printPriceProblems(outcome->priceProblems);
    if (args.flag("json")) {
        nlohmann::json models = nlohmann::json::object();
        for (const auto& [model, totals] : outcome->models)
            models[model] = {{"requests", totals.requests},
                             {"failed", totals.failed},
                             {"input_tokens", totals.inputTokens},
                             {"output_tokens", totals.outputTokens},
                             {"cache_read_tokens", totals.cacheReadTokens},
                             {"cache_write_tokens", totals.cacheWriteTokens},
                             {"cost_usd", totals.costUsd},
                             {"unpriced", totals.unpriced}};
        const nlohmann::json out = {
            {"records", outcome->records},
            {"rejected", outcome->rejectedCount},
            {"rejections", errorsJson(outcome->rejected)},
            {"duplicates", outcome->duplicates},
            {"run_id", outcome->runId == 0 ? nlohmann::json() : nlohmann::json(outcome->runId)},
            {"set", outcome->setName},
            {"files", outcome->files},
            {"skipped_files", outcome->skippedFiles},
            {"damaged", errorsJson(outcome->damaged)},
            {"bodies_followed", outcome->bodiesFollowed},
            {"bodies_missing", errorsJson(outcome->bodiesMissing)},
            {"first_timestamp_ms", optionalNumber(outcome->firstMs)},
            {"last_timestamp_ms", optionalNumber(outcome->lastMs)},
            {"models", models},
            {"cancelled", outcome->cancelled}};
        std::cout << out.dump(2) << "\n";
    } else {
        printTextReport(*outcome);
    }
    for (const Error& error : outcome->damaged)
        std::cerr << error.toString() << "\n";
    for (const Error& error : outcome->rejected)
        std::cerr << error.toString() << "\n";
    if (outcome->rejectedCount > static_cast<int64_t>(outcome->rejected.size()))
        std::cerr << "… and " << outcome->rejectedCount - outcome->rejected.size()
                  << " more rejected records\n";
    for (const Error& error : outcome->bodiesMissing)
        std::cerr << error.toString() << " (the request was kept, without its text)\n";
    return outcome->records == 0 && outcome->duplicates == 0 ? 1 : 0;
}

namespace {

nlohmann::json dashboardJson(const workbench::TrafficDashboardOutcome& outcome) {
    const TrafficDashboard& board = outcome.dashboard;
    nlohmann::json models = nlohmann::json::array();
    for (const ModelTraffic& model : board.models)
        models.push_back({{"model", model.model},
                          {"tier", tierName(model.tier)},
                          {"requests", model.requests},
                          {"input_tokens", model.inputTokens},
                          {"output_tokens", model.outputTokens},
                          {"cache_read_tokens", model.cacheReadTokens},
                          {"cache_write_tokens", model.cacheWriteTokens},
                          {"cost_usd", model.costUsd},
                          {"unpriced", model.unpriced}});
    nlohmann::json workloads = nlohmann::json::array();
    for (const WorkloadTraffic& workload : board.workloads)
        workloads.push_back(
            {{"workload", workload.workload},
             {"requests", workload.requests},
             {"cost_usd", workload.costUsd},
             {"cost_per_request_usd", optionalNumber(workload.costPerRequest())},
             {"chr", workload.chr()},
             {"premium_share", double(workload.premiumRequests) / double(workload.requests)}});
    nlohmann::json tiers = nlohmann::json::array();
    for (const TierTraffic& tier : board.tiers)
        tiers.push_back({{"tier", tierName(tier.tier)},
                         {"requests", tier.requests},
                         {"cost_usd", tier.costUsd}});
    nlohmann::json byModel = nlohmann::json::object();
    for (const SpendSeries& series : board.spendByModel)
        byModel[series.name] = series.costUsd;
    nlohmann::json byWorkload = nlohmann::json::object();
    for (const SpendSeries& series : board.spendByWorkload)
        byWorkload[series.name] = series.costUsd;
    nlohmann::json anomalies = nlohmann::json::array();
    for (const TrafficAnomaly& anomaly : board.anomalies)
        anomalies.push_back({{"kind", anomalyKindName(anomaly.kind)},
                             {"workload", anomaly.workload},
                             {"at_ms", anomaly.atMs},
                             {"before", anomaly.before},
                             {"after", anomaly.after},
                             {"requests", anomaly.requests},
                             {"cost_usd", anomaly.costUsd}});
    return {{"set", outcome.setName},
            {"requests", board.requests},
            {"failed", board.failed},
            {"unpriced", board.unpriced},
            {"cost_usd", board.costUsd},
            {"input_tokens", board.inputTokens},
            {"output_tokens", board.outputTokens},
            {"cache_read_tokens", board.cacheReadTokens},
            {"cache_write_tokens", board.cacheWriteTokens},
            {"chr", board.chr()},
            {"first_timestamp_ms", optionalNumber(board.firstMs)},
            {"last_timestamp_ms", optionalNumber(board.lastMs)},
            {"bucket", board.bucketMs == 3'600'000 ? "hour" : "day"},
            {"bucket_start_ms", board.bucketStartMs},
            {"models", models},
            {"workloads", workloads},
            {"tiers", tiers},
            {"spend_by_model", byModel},
            {"spend_by_workload", byWorkload},
            {"anomalies", anomalies},
            {"catalogue_date", outcome.catalogueDate}};
}

} // namespace

int runTrafficCommand(const CliArgs& args) {
    auto workspace = Workspace::open(*args.option("workspace"), Workspace::OpenMode::ExistingOnly);
    if (!workspace) {
        std::cerr << "switchyard-cli: " << workspace.error().toString() << "\n";
        return 1;
    }
    std::string setName = args.option("set").value_or("");
    if (setName.empty()) {
        const auto sets = workbench::trafficSetNames(**workspace);
        if (sets.empty()) {
            std::cerr << "switchyard-cli: the workspace holds no production traffic: import logs "
                         "first (import-logs)\n";
            return 1;
        }
        setName = sets.front();
    }
    auto outcome = workbench::trafficDashboard(**workspace, setName);
    if (!outcome) {
        std::cerr << "switchyard-cli: " << outcome.error().toString() << "\n";
        return 1;
    }
    if (args.flag("json")) {
        std::cout << dashboardJson(*outcome).dump(2) << "\n";
        return 0;
    }
    const TrafficDashboard& board = outcome->dashboard;
    std::cout << "Set '" << setName << "': " << withThousands(board.requests) << " requests, "
              << formatUsd(board.costUsd) << ", cache hit ratio " << formatPercent(board.chr())
              << "\n";
    for (const ModelTraffic& model : board.models)
        std::cout << "  " << model.model << " (" << tierName(model.tier)
                  << "): " << withThousands(model.requests) << " requests, "
                  << formatUsd(model.costUsd) << "\n";
    for (const WorkloadTraffic& workload : board.workloads)
        std::cout << "  workload " << workload.workload << ": " << withThousands(workload.requests)
                  << " requests, " << formatUsd(workload.costUsd) << ", cache hit ratio "
                  << formatPercent(workload.chr()) << "\n";
    for (const TrafficAnomaly& anomaly : board.anomalies)
        std::cout << "  anomaly: " << anomalyKindName(anomaly.kind) << " in " << anomaly.workload
                  << " (" << withThousands(anomaly.requests) << " requests, "
                  << formatUsd(anomaly.costUsd) << ")\n";
    return 0;
}
