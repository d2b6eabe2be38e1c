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
    auto policy = policyFromArgs(args, "sweep", {});
    if (failed(policy))
        return report(std::get<Failure>(policy), "sweep");
    int points = 1000;
    if (const auto value = args.option("points")) {
        const auto parsed = parseNumber(*value);
        if (!parsed || *parsed < 2 || *parsed > 100000 || std::floor(*parsed) != *parsed)
            return report({2, "--points needs a whole number from 2 to 100000"}, "sweep");
        points = static_cast<int>(*parsed);
    }
    auto runId = runArgument(args);
    if (failed(runId))
        return report(std::get<Failure>(runId), "sweep");
    auto outcome = workbench::sweepRouter(std::get<RoutingPolicy>(std::move(policy)),
                                          sourceOf(args, std::get<std::optional<int64_t>>(runId)),
                                          points, &g_cancel);
    if (!outcome)
        return report({1, outcome.error().toString()}, "sweep");
    printContext(outcome->context);
    const RoutingPolicy& p = outcome->context.policy;
    const ReplayData& d = *outcome->context.data;
    const SweepResult& result = outcome->result;
    const SweepMetrics& m = result.metrics;

    auto pointJson = [&p](const SweepPoint& point) {
        return json{
            {"threshold", point.thresholds.empty() ? json(nullptr) : json(point.thresholds.back())},
            {"thresholds", point.thresholds},
            {"cost_usd", point.costUsd},
            {"cost_per_1k_usd", point.costPer1kUsd},
            {"quality", point.quality},
            {"pass_rate", point.passRate},
            {"strong_share", point.strongShare},
            {"tier_share", tierShareJson(p, point.tierShare)}};
    };
    if (args.flag("json")) {
        json points = json::array();
        for (const SweepPoint& point : result.points)
            points.push_back(pointJson(point));
        json frontier = json::array();
        for (size_t index : result.frontier)
            frontier.push_back(pointJson(result.points[index]));
        json out = {{"router", routerKindName(p.router.kind)},
                    {"models", tierModels(p)},
                    {"points", points},
                    {"frontier", frontier},
                    {"apgr", optionalNumber(m.apgr)},
                    {"cpt50", optionalNumber(m.cpt50)},
                    {"cpt80", optionalNumber(m.cpt80)},
                    {"aiq", optionalNumber(m.aiq)},
                    {"axis", m.axis},
                    {"weak",
                     {{"model", p.tiers.front().model},
                      {"quality", m.weakQuality},
                      {"cost_usd", m.weakCostUsd}}},
                    {"strong",
                     {{"model", p.tiers.back().model},
                      {"quality", m.strongQuality},
                      {"cost_usd", m.strongCostUsd}}},
                    {"requests", outcome->requests},
                    {"excluded", outcome->excluded},
                    {"run_id", d.runId},
                    {"run", d.runName},
                    {"synthetic", d.synthetic},
                    {"notes", outcome->context.notes}};
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    auto metric = [](const std::optional<double>& value, bool asPercent) {
        return value ? (asPercent ? formatPercent(*value) : formatFixed(*value, 3))
                     : std::string("n/a");
    };
    std::cout << routerKindName(p.router.kind) << " router on run '" << d.runName << "'"
              << (d.synthetic ? " [synthetic demo data]" : "") << ": " << result.points.size()
              << " points, " << result.frontier.size() << " on the Pareto frontier\n";
    std::cout << "  weak   " << p.tiers.front().model << ": quality "
              << formatFixed(m.weakQuality, 3) << ", " << formatUsd(m.weakCostUsd) << "\n";
    std::cout << "  strong " << p.tiers.back().model << ": quality "
              << formatFixed(m.strongQuality, 3) << ", " << formatUsd(m.strongCostUsd) << "\n";
    std::cout << "  APGR " << metric(m.apgr, false) << "   CPT(50%) " << metric(m.cpt50, true)
              << "   CPT(80%) " << metric(m.cpt80, true) << "   AIQ " << metric(m.aiq, false)
              << "   (x axis: " << m.axis << ")\n";
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
