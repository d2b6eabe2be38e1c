#pragma once

// What is wrong with a policy before it goes to production, each problem by its path in the
// file: the YAML as the reader finds it ("router.treshold: unknown key, did you mean
// 'thresholds'?"), then every model the workspace's catalogue cannot price
// ("tiers[1].model: unknown model 'x'"). The Policies page lists them; export reports them.

#include "common/error.h"
#include "policy/policy.h"
#include "store/workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct PolicyCheck {
    std::optional<RoutingPolicy> policy; // none when the YAML does not read
    std::vector<Error> problems;
};

PolicyCheck checkPolicyYaml(const Workspace& workspace, const std::string& yaml,
                            const std::string& sourceName);

} // namespace switchyard::workbench
