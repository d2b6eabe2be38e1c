#pragma once

#include "providers/credentials.h"
#include "providers/provider.h"
#include "providers/sigv4.h"

#include <string>
#include <string_view>

namespace switchyard {

// Amazon Bedrock Converse: POST {endpoint}/model/{modelId}/converse, SigV4 with signing name
// "bedrock", or a Bedrock API key as a bearer token.
inline constexpr std::string_view kBedrockSigningName = "bedrock";

// "https://bedrock-runtime.{region}.amazonaws.com/model/{id}/converse" (or under endpointUrl).
// The model id is percent-encoded as one path segment: "anthropic.claude-3-5-haiku-20241022-v1:0"
// goes out as "...-v1%3A0", an ARN's '/' as "%2F". SigV4 encodes it once more (%253A).
std::string bedrockConverseUrl(const std::string& region, const std::string& endpointUrl,
                               std::string_view modelId);

// The model id inside an ARN: "arn:aws:bedrock:us-east-1:123:inference-profile/us.anthropic.x"
// -> "us.anthropic.x"; foundation-model ARNs likewise. Anything else comes back unchanged.
std::string bedrockModelIdFromArn(std::string_view modelOrArn);
bool isBedrockPromptRouter(std::string_view modelOrArn);

// The JSON body: system and message content blocks, a {"cachePoint": {"type": "default"[,
// "ttl"]}} block after every block with a checkpoint, inferenceConfig {maxTokens, temperature,
// stopSequences}, toolConfig.
Expected<std::string> bedrockRequestBody(const Prompt& prompt, const CallParams& params);

// Usage: inputTokens (uncached), outputTokens, cacheReadInputTokens, cacheWriteInputTokens and
// cacheDetails' 1-hour part; metrics.latencyMs; trace.promptRouter.invokedModelId (the call is
// then priced by the invoked model). stopReason content_filtered / guardrail_intervened is a
// ContentFilter failure; errors are classified by x-amzn-ErrorType and {"message"}.
CallResult parseBedrockResponse(const HttpResponse& response, std::string_view model,
                                const std::vector<std::string>& secrets = {});

class BedrockProvider final : public Provider {
public:
    BedrockProvider(ProviderConfig config, BedrockAuth auth);

    Expected<HttpRequest> buildRequest(std::string_view model, const Prompt& prompt,
                                       const CallParams& params) const override;
    void authorize(HttpRequest& request, int64_t epochSeconds) const override;
    CallResult parseResponse(std::string_view model, const HttpResponse& response) const override;

    const std::string& region() const { return m_auth.region; }

private:
    BedrockAuth m_auth;
};

} // namespace switchyard
