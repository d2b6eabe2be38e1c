#pragma once

#include "providers/provider.h"
#include "providers/secret.h"

#include <string>
#include <string_view>

namespace switchyard {

// Anthropic Messages API: POST {base}/v1/messages with x-api-key and anthropic-version.
inline constexpr std::string_view kAnthropicVersion = "2023-06-01";
inline constexpr std::string_view kAnthropicDefaultBaseUrl = "https://api.anthropic.com";
// Sent when a checkpoint asks for the 1-hour TTL.
inline constexpr std::string_view kAnthropicExtendedTtlBeta = "extended-cache-ttl-2025-04-11";

// The JSON body: system as text blocks, cache_control {"type":"ephemeral"[, "ttl"]} on every
// block that carries a checkpoint, max_tokens, temperature, stop_sequences, tools.
Expected<std::string> anthropicRequestBody(std::string_view model, const Prompt& prompt,
                                           const CallParams& params);

// Usage: input_tokens (uncached), cache_read_input_tokens, cache_creation_input_tokens and its
// cache_creation.ephemeral_5m/1h split; stop_reason "refusal" is a ContentFilter failure that
// keeps text and usage; {"type":"error","error":{type, message}} bodies become failures.
CallResult parseAnthropicResponse(const HttpResponse& response, std::string_view model,
                                  const std::vector<std::string>& secrets = {});

class AnthropicProvider final : public Provider {
public:
    AnthropicProvider(ProviderConfig config, Secret apiKey);

    Expected<HttpRequest> buildRequest(std::string_view model, const Prompt& prompt,
                                       const CallParams& params) const override;
    CallResult parseResponse(std::string_view model, const HttpResponse& response) const override;

private:
    Secret m_apiKey;
    std::string m_url;
};

} // namespace switchyard
