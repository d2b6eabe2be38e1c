// Portkey gateway config: a conditional strategy on request metadata picks the tier's target,
// and each tier's target falls back up the tiers on errors (nested fallback strategies).
#include "policy/detail/gateway_targets.h"

#include <nlohmann/json.hpp>

namespace switchyard::detail {

namespace {

// The metadata the caller sets to the tier switchyard-cli route chose.
constexpr const char* kTierMetadata = "switchyard_tier";

nlohmann::ordered_json provider(const GatewayTarget& target) {
    nlohmann::ordered_json out;
    out["provider"] = target.kind;
    nlohmann::ordered_json params;
    params["model"] = target.model;
    const TierParams& tier = target.policyTier->params;
    if (tier.maxTokens)
        params["max_tokens"] = *tier.maxTokens;
    if (tier.temperature)
        params["temperature"] = *tier.temperature;
    if (!tier.stopSequences.empty())
        params["stop"] = tier.stopSequences;
    out["override_params"] = std::move(params);
    return out;
}

} // namespace

Expected<GatewayExport> exportPortkey(const RoutingPolicy& policy,
                                      const GatewayExportOptions& options) {
    GatewayExport result;
    const auto targets = gatewayTargets(policy, options, result.warnings);
    nlohmann::ordered_json conditions = nlohmann::ordered_json::array();
    nlohmann::ordered_json named = nlohmann::ordered_json::array();
    for (size_t i = 0; i < targets.size(); ++i) {
        conditions.push_back(
            {{"query", {{std::string("metadata.") + kTierMetadata, {{"$eq", targets[i].tier}}}}},
             {"then", targets[i].tier}});
        nlohmann::ordered_json target;
        target["name"] = targets[i].tier;
        if (i + 1 == targets.size()) {
            target.update(provider(targets[i]));
        } else {
            // An error goes up a tier, as a cascade on errors would.
            target["strategy"] = {{"mode", "fallback"}};
            nlohmann::ordered_json chain = nlohmann::ordered_json::array();
            for (size_t j = i; j < targets.size(); ++j)
                chain.push_back(provider(targets[j]));
            target["targets"] = std::move(chain);
        }
        named.push_back(std::move(target));
    }
    // Unlabelled requests get what rules send unmatched prompts to, else the strongest tier:
    // never worse than today.
    size_t fallbackTier = targets.size() - 1;
    if (policy.router.kind == routing::RouterKind::Rules)
        fallbackTier = std::min(policy.router.defaultTier.value_or(0), targets.size() - 1);
    nlohmann::ordered_json config;
    config["strategy"] = {{"mode", "conditional"},
                          {"conditions", std::move(conditions)},
                          {"default", targets[fallbackTier].tier}};
    config["targets"] = std::move(named);

    result.warnings.push_back(routerDecidedByCaller(policy, "Portkey") + " as the metadata '" +
                              kTierMetadata + "'");
    for (const routing::Rule& rule : policy.router.rules)
        if (!rule.tier)
            result.warnings.push_back("rule '" + rule.name +
                                      "' answers with a canned response: Portkey has no "
                                      "target for it, the caller answers it");
    result.warnings.push_back("credentials are not written: give each target its Portkey "
                              "provider slug or virtual key");
    warnUnexpressed(policy, "Portkey", false, result.warnings);
    result.text = config.dump(2) + "\n";
    return result;
}

} // namespace switchyard::detail
