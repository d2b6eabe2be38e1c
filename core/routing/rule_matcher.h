#pragma once

// A Rules router's rules compiled once (regexes built, keywords lowered) and matched against one
// prompt: what the replay engine's rules router does per row, and what routing a new prompt with
// a policy (route.h) does, with the same code.

#include "common/expected.h"
#include "routing/prompt_features.h"
#include "routing/router.h"

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::routing {

class RuleMatcher {
public:
    // Fails naming the rule's path: an invalid regex, a tier out of range, a missing value, a
    // default tier that is not one of `tiers`.
    static Expected<RuleMatcher> compile(const RouterConfig& config, size_t tiers);

    // The index of the first rule that holds for the prompt, or none.
    std::optional<size_t> match(std::string_view lastUserText, const PromptFeatures& features,
                                const std::vector<std::string>& tags) const;

private:
    std::vector<Rule> m_rules;
    std::vector<std::optional<std::regex>> m_regexes;
    std::vector<std::vector<std::string>> m_keywords; // lowered
};

// The random router's draw for a prompt: from its id, not its position, so a prompt keeps its
// draw whatever else is routed.
float randomDraw(std::string_view promptId, uint64_t seed);

} // namespace switchyard::routing
