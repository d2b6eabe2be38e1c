#include "workbench/route_ops.h"

#include "prompts/loader.h"
#include "workbench/routing_ops.h"

namespace switchyard::workbench {

Expected<RouteOutcome>
routePrompts(const Workspace& workspace, const RouteRequest& request,
             const std::function<void(const routing::RouteDecision&)>& onDecision,
             const CancelToken* cancel) {
    auto policy = findPolicy(workspace, request.policy);
    if (!policy)
        return policy.error();
    auto router = routing::PolicyRouter::make(*policy);
    if (!router)
        return router.error();
    RouteOutcome outcome;
    outcome.policyName = policy->name;
    outcome.tierModels = tierModels(*policy);
    outcome.perTier.assign(outcome.tierModels.size(), 0);
    int64_t ordinal = 0;
    auto loaded = loadPromptFile(
        request.inputPath,
        [&](std::vector<Prompt>&& batch) {
            for (Prompt& prompt : batch) {
                ++ordinal;
                if (prompt.id.empty()) // named as the importer would, by position
                    prompt.id = "prompt-" + std::to_string(ordinal);
                const routing::RouteDecision decision = router->decide(prompt);
                ++outcome.routed;
                if (decision.tier)
                    ++outcome.perTier[*decision.tier];
                else
                    ++outcome.canned;
                onDecision(decision);
            }
        },
        {}, cancel);
    if (!loaded)
        return loaded.error();
    if (loaded->cancelled)
        return Error{"", 0, "", "cancelled"};
    outcome.rejectedCount = loaded->rejectedCount;
    outcome.rejected = std::move(loaded->rejected);
    return outcome;
}

} // namespace switchyard::workbench
