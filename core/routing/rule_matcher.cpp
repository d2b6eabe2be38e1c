#include "routing/rule_matcher.h"

#include "common/stable_hash.h"
#include "policy/policy.h"

#include <algorithm>
#include <cctype>

namespace switchyard::routing {

namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

Expected<RuleMatcher> RuleMatcher::compile(const RouterConfig& config, size_t tiers) {
    const size_t defaultTier = config.defaultTier.value_or(0);
    if (defaultTier >= tiers)
        return Error{"", 0, "router.params.default_tier",
                     "default tier " + std::to_string(defaultTier) + " is not one of the " +
                         std::to_string(tiers) + " tiers"};
    RuleMatcher matcher;
    matcher.m_rules = config.rules;
    for (size_t r = 0; r < config.rules.size(); ++r) {
        const Rule& rule = config.rules[r];
        if (auto valid = validateRule(rule, r, tiers); !valid)
            return valid.error();
        matcher.m_regexes.emplace_back();
        if (rule.condition == Rule::Condition::Regex) {
            try {
                matcher.m_regexes.back().emplace(rule.pattern, std::regex::ECMAScript |
                                                                   std::regex::icase |
                                                                   std::regex::optimize);
            } catch (const std::regex_error& error) {
                return Error{"", 0, "router.params.rules[" + std::to_string(r) + "].regex",
                             "invalid regular expression '" + rule.pattern + "': " + error.what()};
            }
        }
        matcher.m_keywords.emplace_back();
        for (const std::string& keyword : rule.keywords)
            matcher.m_keywords.back().push_back(lowered(keyword));
    }
    return matcher;
}

std::optional<size_t> RuleMatcher::match(std::string_view lastUserText,
                                         const PromptFeatures& features,
                                         const std::vector<std::string>& tags) const {
    std::string lowerText;
    for (size_t r = 0; r < m_rules.size(); ++r) {
        const Rule& rule = m_rules[r];
        bool holds = false;
        switch (rule.condition) {
        case Rule::Condition::Regex:
            holds = std::regex_search(lastUserText.begin(), lastUserText.end(), *m_regexes[r]);
            break;
        case Rule::Condition::Keywords:
            if (lowerText.empty())
                lowerText = lowered(lastUserText);
            holds = std::any_of(m_keywords[r].begin(), m_keywords[r].end(),
                                [&](const std::string& keyword) {
                                    return lowerText.find(keyword) != std::string::npos;
                                });
            break;
        case Rule::Condition::MinTokens:
            holds = features.inputTokens >= static_cast<float>(rule.tokens);
            break;
        case Rule::Condition::MaxTokens:
            holds = features.inputTokens <= static_cast<float>(rule.tokens);
            break;
        case Rule::Condition::Tag:
            holds = std::find(tags.begin(), tags.end(), rule.pattern) != tags.end();
            break;
        }
        if (holds)
            return r;
    }
    return std::nullopt;
}

float randomDraw(std::string_view promptId, uint64_t seed) {
    return unitFloat(mix64(fnv1a(promptId) ^ mix64(seed)));
}

} // namespace switchyard::routing
