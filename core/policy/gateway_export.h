#pragma once

// A routing policy as a gateway's own configuration, so production can run it without
// Switchyard: a LiteLLM proxy config.yaml, an Amazon Bedrock CreatePromptRouter request, a
// Portkey config. No gateway can evaluate every router Switchyard replays, so each export lists
// what it could not express (warnings) instead of dropping it silently, and refuses, with the
// reason, a policy the gateway cannot hold at all.

#include "common/expected.h"
#include "policy/policy.h"
#include "providers/providers_file.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

enum class GatewayFormat { LiteLlm, BedrockRouter, Portkey };

// "litellm", "bedrock-router", "portkey": the names of switchyard-cli export --format.
const char* gatewayFormatName(GatewayFormat format);
std::optional<GatewayFormat> gatewayFormatFromName(std::string_view name);

struct GatewayExportOptions {
    // Provider name (the part of a model reference before '/') -> its kind ("bedrock",
    // "anthropic", "openai"), from the providers file. A name missing here is taken as the kind
    // of the same name, with a warning when it is none of them.
    std::map<std::string, std::string> providerKinds;
    // Bedrock model ARNs are regional.
    std::string region = "us-east-1";
    // Bedrock's routingCriteria.responseQualityDifference, 0..100: how much worse (in points)
    // the cheaper model's answer may be predicted to be and still be chosen.
    std::optional<double> responseQualityDifference;
};

// providerKinds as a providers file gives them.
std::map<std::string, std::string> providerKindsOf(const ProvidersFile& file);

struct GatewayExport {
    std::string text; // the file's contents
    std::vector<std::string> warnings;
};

Expected<GatewayExport> exportForGateway(const RoutingPolicy& policy, GatewayFormat format,
                                         const GatewayExportOptions& options = {});

} // namespace switchyard
