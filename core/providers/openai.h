#pragma once

#include "providers/provider.h"
#include "providers/secret.h"

#include <string>
#include <string_view>

namespace switchyard {

// OpenAI-compatible chat completions: POST {base}/v1/chat/completions. Works with OpenAI,
// Azure OpenAI's /openai/v1 base, vLLM, llama.cpp server and Ollama.
inline constexpr std::string_view kOpenAiDefaultBaseUrl = "https://api.openai.com";

// "{base}/v1/chat/completions"; a base that already ends in /v1 is not given a second one.
std::string openAiChatUrl(const std::string& baseUrl);

// The JSON body: one system message (text, or text parts when there are several blocks), the
// turns, max_tokens, temperature, stop, tools. Cache checkpoints have no wire form: OpenAI-style
// servers cache prefixes automatically.
Expected<std::string> openAiRequestBody(std::string_view model, const Prompt& prompt,
                                        const CallParams& params);

// Usage: prompt_tokens (cached tokens INCLUDED), completion_tokens, and
// prompt_tokens_details.cached_tokens as cacheRead when present. finish_reason "content_filter"
// or a refusal is a ContentFilter failure; {"error": {...}} or {"error": "..."} bodies become
// failures.
CallResult parseOpenAiResponse(const HttpResponse& response, std::string_view model,
                               const std::vector<std::string>& secrets = {});

class OpenAiProvider final : public Provider {
public:
    OpenAiProvider(ProviderConfig config, Secret apiKey);

    Expected<HttpRequest> buildRequest(std::string_view model, const Prompt& prompt,
                                       const CallParams& params) const override;
    CallResult parseResponse(std::string_view model, const HttpResponse& response) const override;

private:
    Secret m_apiKey;
    std::string m_url;
};

} // namespace switchyard
