#pragma once

// Readers of the policy's sections beside tiers and router (policy_sections.cpp). Each checks
// its keys and throws PolicyError naming the path.

#include "policy/policy.h"

#include <yaml-cpp/yaml.h>

namespace switchyard::policy_yaml {

EscalationSection readEscalation(const YAML::Node& node);
CachingSection readCaching(const YAML::Node& node);
BatchSection readBatch(const YAML::Node& node);
// Premium tiers must name tiers of the policy.
GovernanceSection readGovernance(const YAML::Node& node, const std::vector<PolicyTier>& tiers);
PolicyEvidence readEvidence(const YAML::Node& node);

} // namespace switchyard::policy_yaml
