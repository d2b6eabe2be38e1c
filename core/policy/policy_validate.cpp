// Checks on a policy beyond its file's shape: the models it names, one rule at a time (for the
// rules editor), and the names tiers get by default.
#include "policy/policy.h"

#include <regex>

namespace switchyard {

using routing::Rule;

std::vector<Error> policyModelProblems(const RoutingPolicy& policy,
                                       const std::function<bool(const std::string& model)>& known) {
    std::vector<Error> problems;
    auto check = [&](const std::string& model, const std::string& field) {
        if (!model.empty() && !known(model))
            problems.push_back(Error{"", 0, field, "unknown model '" + model + "'"});
    };
    for (size_t k = 0; k < policy.tiers.size(); ++k)
        check(policy.tiers[k].model, "tiers[" + std::to_string(k) + "].model");
    check(policy.table.baselineModel, "router.params.baseline");
    check(policy.router.classifierModel, "router.params.classifier_model");
    return problems;
}

Status validatePolicyModels(const RoutingPolicy& policy,
                            const std::function<bool(const std::string& model)>& known) {
    auto problems = policyModelProblems(policy, known);
    if (!problems.empty())
        return problems.front();
    return success();
}

Status validateRule(const Rule& rule, size_t index, size_t tierCount) {
    const std::string path = "router.params.rules[" + std::to_string(index) + "]";
    switch (rule.condition) {
    case Rule::Condition::Regex:
        if (rule.pattern.empty())
            return Error{"", 0, path + ".regex", "empty"};
        try {
            // As the rules router compiles it (routing/routers.cpp).
            const std::regex compiled(rule.pattern, std::regex::ECMAScript | std::regex::icase);
            (void)compiled;
        } catch (const std::regex_error& error) {
            return Error{"", 0, path + ".regex",
                         std::string("not a valid regular expression (") + error.what() + ")"};
        }
        break;
    case Rule::Condition::Keywords:
        if (rule.keywords.empty())
            return Error{"", 0, path + ".keywords", "must list at least one keyword"};
        break;
    case Rule::Condition::MinTokens:
    case Rule::Condition::MaxTokens:
        if (rule.tokens < 0)
            return Error{"", 0,
                         path + (rule.condition == Rule::Condition::MinTokens ? ".min_tokens"
                                                                              : ".max_tokens"),
                         "must be a number of tokens, 0 or more"};
        break;
    case Rule::Condition::Tag:
        if (rule.pattern.empty())
            return Error{"", 0, path + ".tag", "empty"};
        break;
    }
    if (rule.tier.has_value() == !rule.cannedResponse.empty())
        return Error{"", 0, path, "needs either a tier or a canned answer ('respond'), not both"};
    if (rule.tier && *rule.tier >= tierCount)
        return Error{"", 0, path + ".tier",
                     "tier " + std::to_string(*rule.tier) + " is not one of the " +
                         std::to_string(tierCount) + " tiers"};
    return success();
}

RoutingPolicy newPolicy(const std::string& name, routing::RouterKind kind,
                        const std::vector<std::string>& models) {
    RoutingPolicy policy;
    policy.name = name;
    policy.router.kind = kind;
    policy.table.accounting = routing::accountingFor(kind);
    const std::vector<std::string> names = defaultTierNames(models.size());
    for (size_t k = 0; k < models.size(); ++k)
        policy.tiers.push_back({names[k], models[k], {}});
    return policy;
}

std::vector<std::string> defaultTierNames(size_t count) {
    static const char* const kNames[][4] = {{"small", "large", "", ""},
                                            {"small", "medium", "large", ""},
                                            {"small", "medium", "large", "xlarge"}};
    std::vector<std::string> names;
    for (size_t k = 0; k < count; ++k)
        names.push_back(count >= 2 && count <= 4 ? kNames[count - 2][k]
                                                 : "tier" + std::to_string(k));
    return names;
}

std::vector<std::string> tierModels(const RoutingPolicy& policy) {
    std::vector<std::string> models;
    for (const PolicyTier& tier : policy.tiers)
        models.push_back(tier.model);
    return models;
}

} // namespace switchyard
