#include "cli_sweep.h"

#include "cli_routing_common.h"

#include "common/text_format.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <string>

using namespace switchyard;
using namespace switchyard::routing;
using namespace cli_routing;
using nlohmann::json;

int runSweepCommand(const CliArgs& args) {
    auto configured = policyFromArgs(args, "sweep", {});
    if (failed(configured))
        return report(std::get<Failure>(configured), "sweep");
    int points = 1000;
    if (const auto value = args.option("points")) {
        const auto parsed = parseFiniteNumber(*value);
        if (!parsed || *parsed < 2 || *parsed > 100000 || std::floor(*parsed) != *parsed)
            return report({2, "--points needs a whole number from 2 to 100000"}, "sweep");
        points = static_cast<int>(*parsed);
    }
    auto runId = runArgument(args);
    if (failed(runId))
        return report(std::get<Failure>(runId), "sweep");
    auto outcome = workbench::sweepRouter(std::get<RoutingPolicy>(std::move(configured)),
                                          sourceOf(args, std::get<std::optional<int64_t>>(runId)),
                                          points, &g_cancel);
    if (!outcome)
        return report({1, outcome.error().toString()}, "sweep");
    printContext(outcome->context);
    const RoutingPolicy& policy = outcome->context.policy;
    const ReplayData& data = *outcome->context.data;
    const SweepResult& result = outcome->result;
    const SweepMetrics& metrics = result.metrics;

    auto pointJson = [&policy](const SweepPoint& point) {
        return json{
            {"threshold", point.thresholds.empty() ? json(nullptr) : json(point.thresholds.back())},
            {"thresholds", point.thresholds},
            {"cost_usd", point.costUsd},
            {"cost_per_1k_usd", point.costPer1kUsd},
            {"quality", point.quality},
            {"pass_rate", point.passRate},
            {"strong_share", point.strongShare},
            {"tier_share", tierShareJson(policy, point.tierShare)}};
    };
    if (args.flag("json")) {
        json points = json::array();
        for (const SweepPoint& point : result.points)
            points.push_back(pointJson(point));
        json frontier = json::array();
        for (size_t index : result.frontier)
            frontier.push_back(pointJson(result.points[index]));
        json out = {{"router", routerKindName(policy.router.kind)},
                    {"models", tierModels(policy)},
                    {"points", points},
                    {"frontier", frontier},
                    {"apgr", optionalNumber(metrics.apgr)},
                    {"cpt50", optionalNumber(metrics.cpt50)},
                    {"cpt80", optionalNumber(metrics.cpt80)},
                    {"aiq", optionalNumber(metrics.aiq)},
                    {"axis", metrics.axis},
                    {"weak",
                     {{"model", policy.tiers.front().model},
                      {"quality", metrics.weakQuality},
                      {"cost_usd", metrics.weakCostUsd}}},
                    {"strong",
                     {{"model", policy.tiers.back().model},
                      {"quality", metrics.strongQuality},
                      {"cost_usd", metrics.strongCostUsd}}},
                    {"requests", outcome->requests},
                    {"excluded", outcome->excluded},
                    {"run_id", data.runId},
                    {"run", data.runName},
                    {"synthetic", data.synthetic},
                    {"notes", outcome->context.notes}};
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    auto metric = [](const std::optional<double>& value, bool asPercent) {
        return value ? (asPercent ? formatPercent(*value) : formatFixed(*value, 3))
                     : std::string("n/a");
    };
    std::cout << routerKindName(policy.router.kind) << " router on run '" << data.runName << "'"
              << (data.synthetic ? " [synthetic demo data]" : "") << ": " << result.points.size()
              << " points, " << result.frontier.size() << " on the Pareto frontier\n";
    std::cout << "  weak   " << policy.tiers.front().model << ": quality "
              << formatFixed(metrics.weakQuality, 3) << ", " << formatUsd(metrics.weakCostUsd)
              << "\n";
    std::cout << "  strong " << policy.tiers.back().model << ": quality "
              << formatFixed(metrics.strongQuality, 3) << ", " << formatUsd(metrics.strongCostUsd)
              << "\n";
    std::cout << "  APGR " << metric(metrics.apgr, false) << "   CPT(50%) "
              << metric(metrics.cpt50, true) << "   CPT(80%) " << metric(metrics.cpt80, true)
              << "   AIQ " << metric(metrics.aiq, false) << "   (x axis: " << metrics.axis << ")\n";
    std::cout << "  frontier (cost per 1k, quality, strong share, thresholds):\n";
    const size_t step = std::max<size_t>(1, result.frontier.size() / 12);
    for (size_t i = 0; i < result.frontier.size(); i += step) {
        const SweepPoint& point = result.points[result.frontier[i]];
        std::cout << "    " << formatUsd(point.costPer1kUsd) << "  "
                  << formatFixed(point.quality, 3) << "  " << formatPercent(point.strongShare)
                  << "  [";
        for (size_t j = 0; j < point.thresholds.size(); ++j)
            std::cout << (j ? ", " : "") << formatFixed(point.thresholds[j], 4);
        std::cout << "]\n";
    }
    return 0;
}
