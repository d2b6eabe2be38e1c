#pragma once

// switchyard-cli route: a policy applied to new prompts (any prompt file the importer reads),
// each decided by routing::PolicyRouter, the replay engine's decision code.

#include "common/cancel.h"
#include "common/expected.h"
#include "routing/route.h"
#include "store/workspace.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct RouteRequest {
    std::string policy;    // a policy saved in the workspace, or a YAML file
    std::string inputPath; // JSONL or CSV prompts
};

struct RouteOutcome {
    std::string policyName;
    std::vector<std::string> tierModels;
    int64_t routed = 0;
    std::vector<int64_t> perTier; // decisions per tier
    int64_t canned = 0;           // answered by a rule's canned response
    int64_t rejectedCount = 0;    // lines that are not prompts
    std::vector<Error> rejected;  // the first of them, with file and line
};

// Decisions arrive in file order through `onDecision`, so a large file is never held in memory.
Expected<RouteOutcome>
routePrompts(const Workspace& workspace, const RouteRequest& request,
             const std::function<void(const routing::RouteDecision&)>& onDecision,
             const CancelToken* cancel = nullptr);

} // namespace switchyard::workbench
