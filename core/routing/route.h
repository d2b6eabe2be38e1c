#pragma once

// Routing new prompts with a policy, as production does: only the prompt, no recorded answers.
// Rules, complexity and random routers decide with the replay engine's own code (RuleMatcher,
// promptFeaturesOf and complexityScore, randomDraw, detail::scoreTier) and explain themselves in
// its words; a cascade sends every request to its cheapest tier first and says when it
// escalates. A learned router scores with the trained model the policy file carries
// (RoutingPolicy::trained). A router that needs what the policy file does not carry is refused
// with the reason.

#include "common/expected.h"
#include "policy/policy.h"
#include "prompts/prompt.h"
#include "routing/rule_matcher.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::routing {

struct RouteDecision {
    std::string promptId;
    std::optional<size_t> tier; // none: a rule's canned response, no model is called
    std::string model;          // the tier's model; empty for a canned response
    std::string reason;
    std::optional<double> score; // the router's score or draw, when it has one
};

class PolicyRouter {
public:
    static Expected<PolicyRouter> make(const RoutingPolicy& policy);

    RouteDecision decide(const Prompt& prompt) const;
    const RoutingPolicy& policy() const { return m_policy; }

private:
    std::string tierLabel(size_t tier) const;
    // A learned cascade's expected walk up its tiers, each tier's confidence computed once: the
    // decision's reason, and its score (tier 0's confidence).
    void explainLearnedCascade(const Prompt& prompt, RouteDecision& decision) const;

    RoutingPolicy m_policy;
    std::optional<RuleMatcher> m_rules;
};

} // namespace switchyard::routing
