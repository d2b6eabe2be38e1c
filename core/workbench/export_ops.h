#pragma once

// Export of a policy for production: the policy YAML itself, or a gateway's configuration
// (policy/gateway_export.h), written atomically. A learned router's YAML goes with its trained
// models in a file beside it. switchyard-cli export and the GUI call this.

#include "common/expected.h"
#include "policy/gateway_export.h"
#include "store/workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct PolicyExportRequest {
    std::string policy; // a policy saved in the workspace, or a YAML file
    std::string format; // "yaml" or a gatewayFormatName
    std::string outPath;
    GatewayExportOptions gateway;
};

struct PolicyExportOutcome {
    std::string written; // the file's path
    std::vector<std::string> warnings;
    // A learned router's trained models, written beside the YAML (policy_model_file.h).
    std::optional<std::string> modelFile;
    // What checkPolicyYaml finds (models without a price): reported, not a reason to refuse.
    std::vector<Error> problems;
};

// The formats export accepts: "yaml", then every gateway format.
std::vector<std::string> policyExportFormats();

Expected<PolicyExportOutcome> exportPolicy(const Workspace& workspace,
                                           const PolicyExportRequest& request);

} // namespace switchyard::workbench
