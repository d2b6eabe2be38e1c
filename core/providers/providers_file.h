#pragma once

#include "common/expected.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

enum class ProviderKind { Bedrock, Anthropic, OpenAi, LocalStudent };

std::string_view providerKindName(ProviderKind kind); // "bedrock", "anthropic", "openai", ...

// How hard the transport may push one provider. Client-side limits sit below the provider's own
// quotas so a run slows down instead of collecting 429s.
struct ProviderLimits {
    int concurrency = 8;          // requests in flight at once
    double requestsPerMinute = 0; // 0 = no client-side request limit
    double tokensPerMinute = 0;   // 0 = no client-side token limit (input estimate + max_tokens)
    int64_t connectTimeoutMs = 10'000;
    int64_t timeoutMs = 120'000; // whole attempt, connect to last byte
    int maxAttempts = 4;         // first try included
};

// One entry of providers.yaml. Holds where a credential lives, never the credential.
struct ProviderConfig {
    std::string name; // the REF prefix: "bedrock" in "bedrock/anthropic.claude-..."
    ProviderKind kind = ProviderKind::OpenAi;
    std::string baseUrl;     // anthropic, openai: "https://api.openai.com" (with or without /v1)
    std::string region;      // bedrock; empty = AWS_REGION, AWS_DEFAULT_REGION or the profile's
    std::string endpointUrl; // bedrock: replaces https://bedrock-runtime.{region}.amazonaws.com
    std::string profile;     // bedrock: AWS profile; empty = environment, then AWS_PROFILE/default
    // anthropic, openai: the environment variable holding the key. Empty means ANTHROPIC_API_KEY
    // for anthropic, OPENAI_API_KEY for openai at the default base URL, and no key for an
    // openai-compatible server of your own (vLLM, llama.cpp, Ollama).
    std::string apiKeyEnv;
    // openai: the header that carries the key. Empty = "Authorization: Bearer <key>"; Azure
    // key authentication uses "api-key".
    std::string apiKeyHeader;
    std::vector<std::string> models;
    ProviderLimits limits;
    int64_t sourceLine = 0; // 1-based line of the entry in the file
};

struct ProvidersFile {
    std::string path;
    std::vector<ProviderConfig> providers;

    const ProviderConfig* find(std::string_view name) const;
};

// Reads providers.yaml. Errors name the file, the line and the path of the bad field
// ("providers[1].region"). A credential value written into the file is refused without being
// repeated in the message.
Expected<ProvidersFile> loadProvidersFile(const std::string& path);
Expected<ProvidersFile> parseProvidersYaml(std::string_view text,
                                           const std::string& path = "providers.yaml");

} // namespace switchyard
