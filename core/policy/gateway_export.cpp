#include "policy/gateway_export.h"

#include "policy/detail/gateway_targets.h"

namespace switchyard {

namespace detail {

std::vector<GatewayTarget> gatewayTargets(const RoutingPolicy& policy,
                                          const GatewayExportOptions& options,
                                          std::vector<std::string>& warnings) {
    std::vector<GatewayTarget> targets;
    for (const PolicyTier& tier : policy.tiers) {
        GatewayTarget target;
        target.tier = tier.name;
        target.policyTier = &tier;
        const auto slash = tier.model.find('/');
        const std::string provider =
            slash == std::string::npos ? std::string() : tier.model.substr(0, slash);
        target.model = slash == std::string::npos ? tier.model : tier.model.substr(slash + 1);
        const auto known = options.providerKinds.find(provider);
        target.kind = known != options.providerKinds.end() ? known->second : provider;
        target.knownKind =
            target.kind == "bedrock" || target.kind == "anthropic" || target.kind == "openai";
        if (!target.knownKind) {
            // Imported results name models without a provider: the reference is all there is.
            target.model = tier.model;
            warnings.push_back("tier '" + tier.name + "': model '" + tier.model +
                               "' names no provider Switchyard knows the kind of (bedrock, "
                               "anthropic, openai); check its provider in the exported file");
        }
        targets.push_back(std::move(target));
    }
    return targets;
}

void warnUnexpressed(const RoutingPolicy& policy, const std::string& gateway, bool keepsCaching,
                     std::vector<std::string>& warnings) {
    if (policy.escalation)
        for (const std::string& on : policy.escalation->on)
            warnings.push_back("escalation on '" + on + "' is not expressed: " + gateway +
                               " falls back to the next tier on errors only");
    if (policy.caching && !keepsCaching)
        warnings.push_back("caching checkpoints are not expressed: place them in the requests "
                           "(Anthropic cache_control, Bedrock cachePoint)");
    if (policy.batch)
        warnings.push_back("batch tier for tags of the batch section is not expressed: " + gateway +
                           " sends every request on demand");
    for (const PolicyTier& tier : policy.tiers)
        if (tier.params.serviceTier && *tier.params.serviceTier != "standard")
            warnings.push_back("tier '" + tier.name + "': service tier '" +
                               *tier.params.serviceTier + "' is not expressed");
    if (policy.governance)
        warnings.push_back("governance (quality floors, budgets, approvals) stays in the policy "
                           "file: run switchyard-cli gate in CI");
}

std::string routerDecidedByCaller(const RoutingPolicy& policy, const std::string& gateway) {
    return "the " + std::string(routing::routerKindName(policy.router.kind)) +
           " router is not expressed: " + gateway +
           " cannot evaluate it, so the caller decides each request's tier with switchyard-cli "
           "route --policy and sends it to that tier";
}

} // namespace detail

std::map<std::string, std::string> providerKindsOf(const ProvidersFile& file) {
    std::map<std::string, std::string> kinds;
    for (const ProviderConfig& provider : file.providers)
        kinds[provider.name] = std::string(providerKindName(provider.kind));
    return kinds;
}

const char* gatewayFormatName(GatewayFormat format) {
    switch (format) {
    case GatewayFormat::LiteLlm:
        return "litellm";
    case GatewayFormat::BedrockRouter:
        return "bedrock-router";
    case GatewayFormat::Portkey:
        return "portkey";
    }
    return "litellm";
}

std::optional<GatewayFormat> gatewayFormatFromName(std::string_view name) {
    for (GatewayFormat format :
         {GatewayFormat::LiteLlm, GatewayFormat::BedrockRouter, GatewayFormat::Portkey})
        if (name == gatewayFormatName(format))
            return format;
    return std::nullopt;
}

Expected<GatewayExport> exportForGateway(const RoutingPolicy& policy, GatewayFormat format,
                                         const GatewayExportOptions& options) {
    if (policy.tiers.empty())
        return Error{"", 0, "tiers", "the policy has no tiers to export"};
    switch (format) {
    case GatewayFormat::LiteLlm:
        return detail::exportLiteLlm(policy, options);
    case GatewayFormat::BedrockRouter:
        return detail::exportBedrockRouter(policy, options);
    case GatewayFormat::Portkey:
        return detail::exportPortkey(policy, options);
    }
    return Error{"", 0, "format", "unknown gateway format"};
}

} // namespace switchyard
