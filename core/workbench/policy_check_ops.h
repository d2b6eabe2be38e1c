#pragma once

// What is wrong with a policy before it goes to production, each problem by its path in the
// file: the YAML as the reader finds it ("router.treshold: unknown key, did you mean
// 'thresholds'?"), then every model the workspace's catalogue cannot price
// ("tiers[1].model: unknown model 'x'"). The Policies page lists them; export reports them.

#include "common/error.h"
#include "policy/policy.h"
#include "pricing/catalogue.h"

#include <optional>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct PolicyCheck {
    std::optional<RoutingPolicy> policy; // none when the YAML does not read
    std::vector<Error> problems;
};

// `prices`: the workspace's effective catalogue (store/price_overrides.h), read once by the
// caller however many policies it checks.
PolicyCheck checkPolicyYaml(const Catalogue& prices, const std::string& yaml,
                            const std::string& sourceName);

// The models of a policy already read that `prices` cannot price.
std::vector<Error> unpricedModelProblems(const Catalogue& prices, const RoutingPolicy& policy,
                                         const std::string& sourceName);

} // namespace switchyard::workbench
