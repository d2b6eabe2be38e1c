#pragma once

// What every gateway export reads from a policy's tiers: where each model is served, and the
// parts of the policy no gateway file carries, worded once.

#include "policy/gateway_export.h"

#include <string>
#include <vector>

namespace switchyard::detail {

struct GatewayTarget {
    std::string tier;       // the tier's name: the gateway's model group or target name
    std::string kind;       // "bedrock", "anthropic", "openai", or the provider name when unknown
    std::string model;      // the provider's model id
    bool knownKind = false; // bedrock, anthropic or openai
    const PolicyTier* policyTier = nullptr;
};

// The tiers, cheapest first; a provider of unknown kind adds a warning.
std::vector<GatewayTarget> gatewayTargets(const RoutingPolicy& policy,
                                          const GatewayExportOptions& options,
                                          std::vector<std::string>& warnings);

// Sections that stay in Switchyard's policy file whatever the gateway: escalation other than on
// errors, batch tiers, governance, service tiers. `gateway` names the product in the warning.
void warnUnexpressed(const RoutingPolicy& policy, const std::string& gateway, bool keepsCaching,
                     std::vector<std::string>& warnings);

// "switchyard-cli route --policy FILE" decides the tier for each request; gateways that cannot
// evaluate the router say so with this sentence.
std::string routerDecidedByCaller(const RoutingPolicy& policy, const std::string& gateway);

// One per format, in a file of its own.
Expected<GatewayExport> exportLiteLlm(const RoutingPolicy& policy,
                                      const GatewayExportOptions& options);
Expected<GatewayExport> exportBedrockRouter(const RoutingPolicy& policy,
                                            const GatewayExportOptions& options);
Expected<GatewayExport> exportPortkey(const RoutingPolicy& policy,
                                      const GatewayExportOptions& options);

} // namespace switchyard::detail
