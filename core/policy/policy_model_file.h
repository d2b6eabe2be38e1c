#pragma once

// The trained models a policy file carries beside it (RoutingPolicy::modelFile): where they go
// when a policy is written, and how a policy read from a file gets them back, refusing a model
// file that is missing, altered, or made for another router.

#include "common/expected.h"
#include "policy/policy.h"

#include <string>

namespace switchyard {

// The model file's name for a policy written to `yamlPath`: its stem with ".router", in the same
// folder ("prod.yaml" -> "prod.router").
std::string modelFileNameFor(const std::string& yamlPath);

// Reads policy.modelFile (relative to the YAML's folder unless absolute), checks its SHA-256,
// parses it and checks it is the policy's router's; sets policy.trained.
Status attachTrainedRouter(RoutingPolicy& policy, const std::string& yamlPath);

} // namespace switchyard
