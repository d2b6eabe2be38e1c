#include "routing/route.h"

#include "routing/detail/thresholds.h"
#include "routing/prompt_features.h"
#include "routing/replay.h"

namespace switchyard::routing {

Expected<PolicyRouter> PolicyRouter::make(const RoutingPolicy& policy) {
    if (policy.tiers.empty())
        return Error{"", 0, "tiers", "the policy has no tiers"};
    if (policy.tiers.size() > detail::kMaxTiers)
        return Error{"", 0, "tiers", "a policy routes between at most 16 tiers"};
    const RouterConfig& router = policy.router;
    switch (router.kind) {
    case RouterKind::Learned:
        return Error{"", 0, "router.kind",
                     "a learned router's trained model is not in the policy file, so it cannot "
                     "route new prompts outside the workspace it was trained in"};
    case RouterKind::Classifier:
        return Error{"", 0, "router.kind",
                     "a classifier router labels each prompt with a call to '" +
                         router.classifierModel + "': route decides without calling any model"};
    default:
        break;
    }
    PolicyRouter out;
    out.m_policy = policy;
    if (router.kind == RouterKind::Rules) {
        auto rules = RuleMatcher::compile(router, policy.tiers.size());
        if (!rules)
            return rules.error();
        out.m_rules = std::move(*rules);
    }
    return out;
}

std::string PolicyRouter::tierLabel(size_t tier) const {
    return "tier " + std::to_string(tier) + " (" + m_policy.tiers[tier].model + ")";
}

RouteDecision PolicyRouter::decide(const Prompt& prompt) const {
    RouteDecision decision;
    decision.promptId = prompt.id;
    const RouterConfig& router = m_policy.router;
    const size_t tiers = m_policy.tiers.size();
    const auto th = detail::thresholdArray(router.thresholds, tiers);
    switch (router.kind) {
    case RouterKind::Random:
    case RouterKind::Complexity: {
        const float score = router.kind == RouterKind::Random
                                ? randomDraw(prompt.id, router.seed)
                                : static_cast<float>(complexityScore(promptFeaturesOf(prompt)));
        decision.score = score;
        decision.tier = detail::scoreTier(score, th, tiers);
        decision.reason = scoreDecisionReason(score, th, *decision.tier, tierLabel(*decision.tier));
        break;
    }
    case RouterKind::Rules: {
        const auto matched =
            m_rules->match(prompt.lastUserText(), promptFeaturesOf(prompt), prompt.tags);
        const Rule* rule = matched ? &router.rules[*matched] : nullptr;
        decision.tier = rule ? rule->tier : router.defaultTier.value_or(0);
        decision.reason = ruleDecisionReason(rule, matched.value_or(0),
                                             decision.tier ? tierLabel(*decision.tier) : "");
        break;
    }
    case RouterKind::Cascade:
        decision.tier = 0;
        decision.reason = "cascade: " + tierLabel(0) + " answers first; an answer whose " +
                          cascadeSignalName(router.cascadeSignal) +
                          " confidence is below its tier's threshold goes up a tier";
        break;
    case RouterKind::Learned:
    case RouterKind::Classifier:
        break; // refused by make()
    }
    if (decision.tier)
        decision.model = m_policy.tiers[*decision.tier].model;
    return decision;
}

} // namespace switchyard::routing
