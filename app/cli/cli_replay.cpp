#include "cli_replay.h"

#include "cli_routing_common.h"

#include <iostream>

using namespace switchyard;
using namespace cli_routing;
using nlohmann::json;

int runReplayCommand(const CliArgs& args) {
    const auto policyArg = args.option("policy");
    if (!policyArg)
        return report({2, "--policy NAME|FILE is required"}, "replay");
    auto runId = runArgument(args);
    if (failed(runId))
        return report(std::get<Failure>(runId), "replay");
    auto outcome = workbench::replayPolicy(sourceOf(args, std::get<std::optional<int64_t>>(runId)),
                                           *policyArg, &g_cancel);
    if (!outcome)
        return report({1, outcome.error().toString()}, "replay");
    printContext(outcome->context);
    const RoutingPolicy& policy = outcome->context.policy;
    if (args.flag("json")) {
        json out = figuresJson(policy, *outcome->context.data, outcome->evaluation);
        out["policy"] = policy.name;
        std::cout << out.dump(2) << "\n";
    } else {
        printFigures(policy, *outcome->context.data, outcome->evaluation);
    }
    return 0;
}
