#include "workbench/policy_check_ops.h"

namespace switchyard::workbench {

std::vector<Error> unpricedModelProblems(const Catalogue& prices, const RoutingPolicy& policy,
                                         const std::string& sourceName) {
    auto problems = policyModelProblems(
        policy, [&](const std::string& model) { return prices.find(model) != nullptr; });
    for (Error& problem : problems) {
        problem.file = sourceName;
        problem.message += " (no price in the workspace's catalogue)";
    }
    return problems;
}

PolicyCheck checkPolicyYaml(const Catalogue& prices, const std::string& yaml,
                            const std::string& sourceName) {
    PolicyCheck check;
    auto policy = parsePolicyYaml(yaml, sourceName);
    if (!policy) {
        check.problems.push_back(policy.error());
        return check;
    }
    check.problems = unpricedModelProblems(prices, *policy, sourceName);
    check.policy = std::move(policy).value();
    return check;
}

} // namespace switchyard::workbench
