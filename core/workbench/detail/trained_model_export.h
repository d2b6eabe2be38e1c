#pragma once

#include "common/cancel.h"
#include "common/expected.h"
#include "policy/policy.h"
#include "routing/tier_table.h"

#include <optional>
#include <string>

namespace switchyard::workbench::detail {

// For a policy whose router decides with learned models: trains them on every row of `table`
// (the policy's run), writes them atomically beside `yamlPath` (policy_model_file.h names the
// file) and records the file and its SHA-256 in the policy. The model file is written before the
// YAML that names it. Returns the model file's path; nothing for other routers.
Expected<std::optional<std::string>> writeTrainedModel(RoutingPolicy& policy,
                                                       const routing::TierTable& table,
                                                       const std::string& yamlPath,
                                                       const CancelToken* cancel = nullptr);

} // namespace switchyard::workbench::detail
