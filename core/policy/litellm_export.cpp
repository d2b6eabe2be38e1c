// LiteLLM proxy config.yaml: one model group per tier (model_list with litellm_params),
// fallbacks up the tiers on errors (router_settings.fallbacks), and prompt-cache checkpoints on
// the system message where the policy caches after it (cache_control_injection_points).
#include "policy/detail/gateway_targets.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace switchyard::detail {

namespace {

// LiteLLM's model string is "<provider>/<model id>"; a model of unknown provider as named.
std::string litellmModel(const GatewayTarget& target) {
    return target.knownKind ? target.kind + "/" + target.model : target.model;
}

bool cachesAfterSystem(const RoutingPolicy& policy) {
    if (!policy.caching)
        return false;
    const auto& points = policy.caching->checkpoints;
    return std::find(points.begin(), points.end(), "after_system") != points.end();
}

void emitParams(YAML::Emitter& out, const RoutingPolicy& policy, const GatewayTarget& target,
                const GatewayExportOptions& options) {
    out << YAML::Key << "litellm_params" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "model" << YAML::Value << litellmModel(target);
    // Keys by reference to the proxy's environment; a credential is never written.
    if (target.kind == "anthropic")
        out << YAML::Key << "api_key" << YAML::Value << "os.environ/ANTHROPIC_API_KEY";
    else if (target.kind == "openai")
        out << YAML::Key << "api_key" << YAML::Value << "os.environ/OPENAI_API_KEY";
    else if (target.kind == "bedrock")
        out << YAML::Key << "aws_region_name" << YAML::Value << options.region;
    const TierParams& params = target.policyTier->params;
    if (params.maxTokens)
        out << YAML::Key << "max_tokens" << YAML::Value << *params.maxTokens;
    if (params.temperature)
        out << YAML::Key << "temperature" << YAML::Value << *params.temperature;
    if (!params.stopSequences.empty())
        out << YAML::Key << "stop" << YAML::Value << YAML::Flow << params.stopSequences;
    if (cachesAfterSystem(policy) && (target.kind == "anthropic" || target.kind == "bedrock")) {
        out << YAML::Key << "cache_control_injection_points" << YAML::Value << YAML::BeginSeq
            << YAML::BeginMap << YAML::Key << "location" << YAML::Value << "message" << YAML::Key
            << "role" << YAML::Value << "system" << YAML::EndMap << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

} // namespace

Expected<GatewayExport> exportLiteLlm(const RoutingPolicy& policy,
                                      const GatewayExportOptions& options) {
    GatewayExport result;
    const auto targets = gatewayTargets(policy, options, result.warnings);
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "model_list" << YAML::Value << YAML::BeginSeq;
    for (const GatewayTarget& target : targets) {
        out << YAML::BeginMap << YAML::Key << "model_name" << YAML::Value << target.tier;
        emitParams(out, policy, target, options);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    if (targets.size() > 1) {
        // A failed call goes up a tier: the cheapest answer that can be had.
        out << YAML::Key << "router_settings" << YAML::Value << YAML::BeginMap << YAML::Key
            << "fallbacks" << YAML::Value << YAML::BeginSeq;
        for (size_t i = 0; i + 1 < targets.size(); ++i) {
            std::vector<std::string> above;
            for (size_t j = i + 1; j < targets.size(); ++j)
                above.push_back(targets[j].tier);
            out << YAML::BeginMap << YAML::Key << targets[i].tier << YAML::Value << YAML::Flow
                << above << YAML::EndMap;
        }
        out << YAML::EndSeq << YAML::EndMap;
        result.warnings.push_back(routerDecidedByCaller(policy, "LiteLLM's proxy") +
                                  " (its model name: " + targets.front().tier + " … " +
                                  targets.back().tier + ")");
    }
    if (policy.caching) {
        for (const std::string& point : policy.caching->checkpoints)
            if (point != "after_system")
                result.warnings.push_back("caching checkpoint '" + point +
                                          "' is not expressed: LiteLLM injects checkpoints on "
                                          "messages by role only");
        if (policy.caching->ttl != "5m")
            result.warnings.push_back("cache TTL " + policy.caching->ttl +
                                      " is not expressed: LiteLLM injects the default 5m");
    }
    warnUnexpressed(policy, "LiteLLM", true, result.warnings);
    result.text = "# LiteLLM proxy config for Switchyard policy '" + policy.name +
                  "'.\n# Keys come from the proxy's environment; none is stored here.\n" +
                  std::string(out.c_str()) + "\n";
    return result;
}

} // namespace switchyard::detail
