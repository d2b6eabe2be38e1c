#include "cli_policy.h"

#include "cli_routing_common.h"

#include <iostream>
#include <optional>
#include <string>
#include <vector>

using namespace switchyard;
using namespace switchyard::routing;
using namespace cli_routing;
using nlohmann::json;

int runPolicyCommand(const CliArgs& args) {
    const auto name = args.option("save");
    if (!name || name->empty())
        return report({2, "--save NAME is required"}, "policy");
    const auto given = args.options.find("threshold");
    const bool hasThresholds = given != args.options.end() && !given->second.empty();
    const auto targetQuality = args.option("target-quality");
    const auto targetShare = args.option("target-share");
    if (hasThresholds + targetQuality.has_value() + targetShare.has_value() > 1)
        return report({2, "give --threshold, --target-quality or --target-share, not several"},
                      "policy");
    std::optional<CalibrationTarget> target;
    if (targetQuality || targetShare) {
        const auto value = parseFiniteNumber(targetQuality ? *targetQuality : *targetShare);
        if (!value || *value < 0.0 || *value > 1.0)
            return report({2, "a target is a number from 0 to 1"}, "policy");
        target = CalibrationTarget{targetQuality ? CalibrationTarget::Kind::Quality
                                                 : CalibrationTarget::Kind::StrongShare,
                                   *value};
    }
    std::vector<double> thresholds;
    if (hasThresholds) {
        for (const std::string& text : given->second) {
            const auto value = parseFiniteNumber(text);
            if (!value)
                return report({2, "--threshold needs a number, got '" + text + "'"}, "policy");
            thresholds.push_back(*value);
        }
    }
    auto configured = policyFromArgs(args, *name, std::move(thresholds));
    if (failed(configured))
        return report(std::get<Failure>(configured), "policy");
    auto runId = runArgument(args);
    if (failed(runId))
        return report(std::get<Failure>(runId), "policy");
    auto outcome =
        workbench::savePolicy(std::get<RoutingPolicy>(std::move(configured)),
                              sourceOf(args, std::get<std::optional<int64_t>>(runId)), target,
                              !hasThresholds && !target, args.option("out"), &g_cancel);
    if (!outcome)
        return report({1, outcome.error().toString()}, "policy");
    printContext(outcome->context);
    const RoutingPolicy& policy = outcome->context.policy;
    const ReplayData& data = *outcome->context.data;
    if (args.flag("json")) {
        json out = figuresJson(policy, data, outcome->evaluation);
        out["name"] = policy.name;
        out["written"] = outcome->writtenTo ? json(*outcome->writtenTo) : json(nullptr);
        out["model_file"] = outcome->modelFile ? json(*outcome->modelFile) : json(nullptr);
        out["saved"] = true;
        std::cout << out.dump(2) << "\n";
    } else {
        printFigures(policy, data, outcome->evaluation);
        std::cout << "saved as policy '" << policy.name << "' in " << *args.option("workspace")
                  << (outcome->writtenTo ? " and written to " + *outcome->writtenTo : std::string())
                  << (outcome->modelFile ? " with its trained router in " + *outcome->modelFile
                                         : std::string())
                  << "\n";
    }
    return 0;
}
