#include "workbench/policy_check_ops.h"

#include "store/price_overrides.h"

namespace switchyard::workbench {

PolicyCheck checkPolicyYaml(const Workspace& workspace, const std::string& yaml,
                            const std::string& sourceName) {
    PolicyCheck check;
    auto policy = parsePolicyYaml(yaml, sourceName);
    if (!policy) {
        check.problems.push_back(policy.error());
        return check;
    }
    auto prices = workspacePrices(workspace);
    if (!prices) {
        check.problems.push_back(prices.error());
    } else {
        const Catalogue& catalogue = prices->catalogue;
        check.problems = policyModelProblems(*policy, [&](const std::string& model) {
            return catalogue.find(model) != nullptr;
        });
        for (Error& problem : check.problems) {
            problem.file = sourceName;
            problem.message += " (no price in the workspace's catalogue)";
        }
    }
    check.policy = std::move(policy).value();
    return check;
}

} // namespace switchyard::workbench
