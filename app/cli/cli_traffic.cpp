#include "cli_traffic.h"

#include "cli_json.h"
#include "common/text_format.h"
#include "workbench/traffic_ops.h"
#include "workbench/traffic_whatif.h"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace switchyard;

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
    nlohmann::json byTag = nlohmann::json::object();
    for (const TagSpend& key : board.spendByTag)
        for (const SpendSeries& series : key.series)
            byTag[key.key][series.name] = series.costUsd;
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
            {"spend_by_tag", byTag},
            {"anomalies", anomalies},
            {"catalogue_date", outcome.catalogueDate}};
}

nlohmann::json cacheWhatIfJson(const workbench::TrafficCacheWhatIf& whatIf) {
    const CacheSimulation& simulated = whatIf.simulated.simulation;
    return {{"model", whatIf.model},
            {"requests", whatIf.requests},
            {"chr_achieved", whatIf.chrAchieved},
            {"model_offers_caching", whatIf.simulated.mode != CacheMode::None},
            {"chr_simulated", simulated.chr},
            {"cost_recorded_usd", whatIf.costRecordedUsd},
            {"input_cost_with_cache_usd", simulated.costWithCacheUsd},
            {"input_cost_without_cache_usd", simulated.costWithoutCacheUsd},
            {"monthly_savings_usd", simulated.monthlySavingsUsd},
            {"recorded_arrivals", whatIf.simulated.recordedTimestamps}};
}

nlohmann::json routingWhatIfJson(const workbench::TrafficRoutingWhatIf& whatIf) {
    return {{"policy", whatIf.policyName},
            {"tier_models", whatIf.tierModels},
            {"per_tier", whatIf.perTier},
            {"canned", whatIf.canned},
            {"requests", whatIf.requests},
            {"without_text", whatIf.withoutText},
            {"cost_recorded_usd", whatIf.costRecordedUsd},
            {"cost_routed_usd", whatIf.costRoutedUsd},
            {"savings_usd", whatIf.costRecordedUsd - whatIf.costRoutedUsd},
            {"unpriced", whatIf.unpriced},
            {"sample_size", whatIf.sampleSize},
            {"sample_cost_usd", whatIf.sampleCostUsd}};
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
    nlohmann::json out = dashboardJson(*outcome);
    if (args.option("cache-model")) {
        const std::string model = *args.option("cache-model");
        auto whatIf =
            workbench::trafficCacheWhatIf(**workspace, setName, model == "auto" ? "" : model);
        if (!whatIf) {
            std::cerr << "switchyard-cli: " << whatIf.error().toString() << "\n";
            return 1;
        }
        out["cache_what_if"] = cacheWhatIfJson(*whatIf);
    }
    if (args.option("policy")) {
        const auto sample = parseNumber<int64_t>(args.option("sample").value_or("200"));
        if (!sample || *sample < 1) {
            std::cerr << "switchyard-cli: --sample must be a whole number of requests, 1 or more\n";
            return 2;
        }
        auto whatIf =
            workbench::trafficRoutingWhatIf(**workspace, setName, *args.option("policy"), *sample);
        if (!whatIf) {
            std::cerr << "switchyard-cli: " << whatIf.error().toString() << "\n";
            return 1;
        }
        out["routing_what_if"] = routingWhatIfJson(*whatIf);
        if (args.flag("save-sample")) {
            auto saved = workbench::createTrafficSample(**workspace, setName, *sample);
            if (!saved) {
                std::cerr << "switchyard-cli: " << saved.error().toString() << "\n";
                return 1;
            }
            out["sample"] = {{"set", saved->setName}, {"prompts", saved->prompts}};
        }
    }
    if (args.flag("json")) {
        std::cout << out.dump(2) << "\n";
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
    for (const char* key : {"cache_what_if", "routing_what_if", "sample"})
        if (out.contains(key))
            std::cout << key << ": " << out[key].dump() << "\n";
    return 0;
}
