#include "workbench/detail/routed_caching.h"

#include "pricing/cost.h"
#include "prompts/token_estimate.h"

#include <algorithm>
#include <unordered_map>

namespace switchyard::workbench::detail {

namespace {

Expected<CheckpointPlacement> placementOf(const CachingSection& caching) {
    CheckpointPlacement placement; // none named: the prompts' own marks
    if (!caching.checkpoints.empty()) {
        std::string names;
        for (const std::string& name : caching.checkpoints)
            names += (names.empty() ? "" : ",") + name;
        auto parsed = parseCheckpointPlacement(names);
        if (!parsed)
            return Error{"", 0, "caching.checkpoints", parsed.error().message};
        placement = *parsed;
    }
    const auto ttl = parseCacheTtl(caching.ttl);
    if (!ttl)
        return Error{"", 0, "caching.ttl", "unknown TTL '" + caching.ttl + "' (5m or 1h)"};
    placement.ttl = *ttl;
    return placement;
}

} // namespace

Expected<RoutedTraffic> routedTraffic(const Workspace& workspace, const Catalogue& catalogue,
                                      const routing::TierTable& table, const SavingsLedger& ledger,
                                      const CachingSection& caching, const CancelToken* cancel) {
    const routing::ReplayData& data = table.data();
    auto placement = placementOf(caching);
    if (!placement)
        return placement.error();
    std::vector<ModelPrice> models;
    for (size_t k = 0; k < table.tierCount(); ++k) {
        auto model = catalogue.lookup(table.tierModel(k));
        if (!model)
            return Error{"", 0, "tiers[" + std::to_string(k) + "].model",
                         "caching cannot be simulated: " + model.error().message};
        models.push_back(**model);
    }
    const auto setId = workspace.findPromptSet(data.setName);
    if (!setId)
        return Error{workspace.path(), 0, "set",
                     "prompt set '" + data.setName + "' of run '" + data.runName + "' is gone"};
    std::unordered_map<int64_t, size_t> rowOfOrdinal;
    for (size_t row = 0; row < table.rows(); ++row)
        if (ledger.pricedTier[row] >= 0)
            rowOfOrdinal.emplace(data.promptOrdinals[table.promptIndex()[row]], row);

    RoutedTraffic traffic;
    RequestTrace trace;
    auto read = workspace.forEachPrompt(*setId, [&](int64_t ordinal, Prompt&& prompt) {
        const auto found = rowOfOrdinal.find(ordinal);
        if (found == rowOfOrdinal.end())
            return !(cancel && cancel->cancelled());
        const size_t row = found->second;
        const auto slot = static_cast<uint32_t>(ledger.pricedTier[row]);
        TraceRequest request =
            traceRequestFromPrompt(prompt, tokenizerFamilyForModel(models[slot].id));
        request.modelSlot = slot;
        trace.add(request);
        traffic.ledgerRow.push_back(row);
        return !(cancel && cancel->cancelled());
    });
    if (!read)
        return read.error();
    if (cancel && cancel->cancelled())
        return Error{"", 0, "", "cancelled"};
    auto workload = compileWorkload(trace, models, *placement);
    if (!workload)
        return workload.error();
    traffic.workload = std::move(workload).value();
    auto recorded = recordedArrivals(trace);
    traffic.recordedTimestamps = recorded.ok() && recorded->requestsPerMinute > 0.0;
    auto arrivals = traffic.recordedTimestamps ? std::move(recorded)
                                               : syntheticArrivals(ArrivalSpec{}, trace.size());
    if (!arrivals)
        return arrivals.error();
    traffic.arrivals = std::move(arrivals).value();
    traffic.placement = checkpointPlacementName(*placement) + ", " + caching.ttl + " TTL";
    return traffic;
}

Expected<CachingAtRate> simulateRoutedCaching(const RoutedTraffic& traffic,
                                              const SavingsLedger& ledger, double requestsPerMinute,
                                              const CancelToken* cancel) {
    CachingAtRate result;
    result.savingUsd.assign(ledger.requests.size(), 0.0);
    result.tokens.assign(ledger.requests.size(), {});
    if (traffic.ledgerRow.empty())
        return result;
    auto arrivals = scaledArrivals(traffic.arrivals, requestsPerMinute);
    if (!arrivals)
        return arrivals.error();
    SimulationOptions options;
    options.keepPerRequest = true;
    auto simulation = simulateCache(traffic.workload, *arrivals, options, {}, cancel);
    if (!simulation)
        return simulation.error();
    const std::vector<ModelPrice>& models = traffic.workload.models();
    for (size_t i = 0; i < traffic.ledgerRow.size(); ++i) {
        const size_t row = traffic.ledgerRow[i];
        const Usage& cached = simulation->perRequest[i];
        const ModelPrice& model = models[static_cast<size_t>(ledger.pricedTier[row])];
        auto with = costUsd(model, cached);
        auto without = costUsd(model, Usage{cached.input, 0, 0, 0, 0});
        if (!with || !without)
            return with ? without.error() : with.error();
        double saving = *without - *with;
        // The recorded cost is the provider's count; the simulation's is an estimate. A saving
        // above the whole recorded cost would make the request pay less than nothing.
        const double recorded = ledger.requests[row].routedUsd;
        if (saving > recorded) {
            saving = recorded;
            ++result.capped;
        }
        result.savingUsd[row] = saving;
        result.tokens[row] = {cached.input, cached.cacheRead};
    }
    return result;
}

} // namespace switchyard::workbench::detail
