#pragma once

#include "common/expected.h"
#include "providers/secret.h"

#include <functional>
#include <optional>
#include <string>

namespace switchyard {

struct ProviderConfig;

struct AwsCredentials {
    std::string accessKeyId;
    Secret secretAccessKey;
    Secret sessionToken; // empty for long-term keys
};

// Where credentials come from. The defaults read the process environment and $HOME; tests and
// the GUI replace them.
struct CredentialSources {
    // Looks an environment variable up; nullopt when unset or empty.
    std::function<std::optional<std::string>(const std::string& name)> env;
    std::string homeDir; // for ~/.aws/credentials and ~/.aws/config; empty = $HOME
    // The GUI's OS keychain (qtkeychain), asked for a provider's key by provider name when the
    // environment has none. Empty in the CLI.
    std::function<std::optional<Secret>(const std::string& providerName)> keychain;

    static CredentialSources fromProcess();
};

// How a Bedrock provider authenticates: a Bedrock API key (AWS_BEARER_TOKEN_BEDROCK, sent as a
// bearer token) or SigV4 with AWS credentials.
struct BedrockAuth {
    Secret bearerToken; // when set, used instead of SigV4
    AwsCredentials aws;
    std::string region;
};

// Resolution order, as the AWS SDKs do it: AWS_BEARER_TOKEN_BEDROCK; the profile the provider
// names; AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN); the profile AWS_PROFILE
// names, else "default", from ~/.aws/credentials and ~/.aws/config (AWS_SHARED_CREDENTIALS_FILE,
// AWS_CONFIG_FILE move them). Region: the provider's, AWS_REGION, AWS_DEFAULT_REGION, the
// profile's. Profiles that need SSO, role assumption or a credential process are reported, not
// resolved. Error messages never contain a credential.
Expected<BedrockAuth> resolveBedrockAuth(const ProviderConfig& provider,
                                         const CredentialSources& sources);

// Anthropic and OpenAI keys: the provider's api_key_env (or its default), then the keychain.
// An OpenAI-compatible provider with no key configured resolves to an empty Secret.
Expected<Secret> resolveApiKey(const ProviderConfig& provider, const CredentialSources& sources);

} // namespace switchyard
