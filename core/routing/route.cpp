#include "routing/route.h"

#include "routing/detail/thresholds.h"
#include "routing/prompt_features.h"
#include "routing/replay.h"
#include "routing/trained_router.h"

namespace switchyard::routing {

Expected<PolicyRouter> PolicyRouter::make(const RoutingPolicy& policy) {
    if (policy.tiers.empty())
        return Error{"", 0, "tiers", "the policy has no tiers"};
    if (policy.tiers.size() > detail::kMaxTiers)
        return Error{"", 0, "tiers", "a policy routes between at most 16 tiers"};
    const RouterConfig& router = policy.router;
    switch (router.kind) {
    case RouterKind::Learned:
    case RouterKind::Cascade:
        if (needsTrainedRouter(router) && !policy.trained)
            return Error{"", 0, "router.params.model_file",
                         "this policy has no trained model beside it (a policy saved in a "
                         "workspace is retrained there): export it with switchyard-cli export "
                         "--format yaml, which writes the model file next to the YAML"};
        break;
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

// A learned cascade predicts each tier's confidence from the prompt alone, so route can say
// where the request is expected to end, in the words replay explains a decision with.
void PolicyRouter::explainLearnedCascade(const Prompt& prompt, RouteDecision& decision) const {
    const PromptFeatures features = promptFeaturesOf(prompt);
    std::vector<float> confidence;
    for (const TrainedModel& model : m_policy.trained->models)
        confidence.push_back(
            static_cast<float>(model.probability(prompt.lastUserText(), features)));
    const auto th = detail::thresholdArray(m_policy.router.thresholds, m_policy.tiers.size());
    const CascadeWalk walk =
        walkCascade(confidence, th, [this](size_t tier) { return tierLabel(tier); });
    decision.score = confidence.front();
    decision.reason =
        "cascade: " + tierLabel(0) + " answers first; learned prediction: " + walk.reason;
}

RouteDecision PolicyRouter::decide(const Prompt& prompt) const {
    RouteDecision decision;
    decision.promptId = prompt.id;
    const RouterConfig& router = m_policy.router;
    const size_t tiers = m_policy.tiers.size();
    const auto th = detail::thresholdArray(router.thresholds, tiers);
    switch (router.kind) {
    case RouterKind::Random:
    case RouterKind::Complexity:
    case RouterKind::Learned: {
        const float score = router.kind == RouterKind::Random ? randomDraw(prompt.id, router.seed)
                            : router.kind == RouterKind::Complexity
                                ? static_cast<float>(complexityScore(promptFeaturesOf(prompt)))
                                : static_cast<float>(m_policy.trained->models[0].probability(
                                      prompt.lastUserText(), promptFeaturesOf(prompt)));
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
        // A model that reads the answer can only judge once tier 0 has answered.
        if (m_policy.trained && router.cascadeSignal == CascadeSignal::Learned) {
            explainLearnedCascade(prompt, decision);
        } else {
            decision.reason = "cascade: " + tierLabel(0) + " answers first; an answer whose " +
                              cascadeSignalName(router.cascadeSignal) +
                              " confidence is below its tier's threshold goes up a tier";
        }
        break;
    case RouterKind::Classifier:
        break; // refused by make()
    }
    if (decision.tier)
        decision.model = m_policy.tiers[*decision.tier].model;
    return decision;
}

} // namespace switchyard::routing
