#pragma once

#include "common/expected.h"

#include <cstdint>
#include <functional>
#include <optional>
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

    bool operator==(const ProviderLimits&) const = default;
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

    // The environment variable the key is read from: apiKeyEnv or its default; empty when the
    // provider needs no key (bedrock, local-student, an openai-compatible server of your own).
    std::string apiKeyVariable() const;
    // Equal in everything the file says; where it said it (sourceLine) does not count.
    bool sameSettings(const ProviderConfig& other) const;
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

// The YAML parseProvidersYaml reads back to the same providers: fields left at their defaults
// (empty strings, default limits) are omitted, timeouts are written in seconds. Comments of a
// file that was read are not kept. There is no credential to write: the struct holds none.
std::string providersToYaml(const ProvidersFile& file);

// Runs the providers through the same checks as reading the file, so an edit is refused with
// the message a hand-written file would get ("field 'providers[1].base_url': expected ...");
// the line of such an error is 0, as the entry has not been written anywhere yet.
Status validateProviders(const ProvidersFile& file);

// Validates, then writes providersToYaml(file) to `path` atomically: a temporary file in the
// same folder (created when missing), flushed to disk, renamed over the old file. A crash
// leaves the old file or the new one, never half of one.
Status saveProvidersFile(const ProvidersFile& file, const std::string& path);

// Where the GUI and `switchyard-cli run` look for the providers file when none is given:
// $SWITCHYARD_PROVIDERS when set and non-empty, else HOME/.config/switchyard/providers.yaml.
// `env` looks a variable up (nullopt when unset) and `home` is the home folder; when empty they
// fall back to the process environment and $HOME, as CredentialSources does.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
std::string defaultProvidersFilePath(const EnvLookup& env = {}, const std::string& home = {});

} // namespace switchyard
