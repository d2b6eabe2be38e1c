#pragma once

#include "common/cancel.h"
#include "common/expected.h"
#include "prompts/prompt.h"
#include "providers/call.h"
#include "providers/credentials.h"
#include "providers/provider.h"
#include "providers/providers_file.h"
#include "providers/transport.h"

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace switchyard {

// "bedrock/anthropic.claude-3-5-haiku-20241022-v1:0" -> {"bedrock", "anthropic.claude-...:0"}:
// the provider is everything before the first '/', so ARNs keep their own slashes.
struct ModelRef {
    std::string provider;
    std::string model;
};
Expected<ModelRef> parseModelRef(std::string_view ref);
// The provider's own model id: "bedrock/amazon.nova-micro-v1:0" -> "amazon.nova-micro-v1:0"; a
// model string without a provider (imported results) stays as it is.
std::string providerModelName(const std::string& ref);

// What the runner calls: the providers of a providers file, created with their credentials on
// first use, in front of one Transport.
class ProviderClient {
public:
    // `students` serves the local-student providers (a workspace's saved students).
    ProviderClient(ProvidersFile file, CredentialSources sources, TransportOptions options = {},
                   StudentSource students = {});

    // The provider by name, credentials resolved (once). Errors name the provider and never
    // contain a credential.
    Expected<std::shared_ptr<const Provider>> provider(std::string_view name);

    // Checks a reference against the providers file (known provider, listed model, one the
    // provider can call) and resolves its provider, without calling anything: for validating a
    // run before it starts.
    Expected<std::shared_ptr<const Provider>> check(std::string_view modelRef);

    // Builds the request and queues it. Fails at once (nothing queued, no callback) for an
    // unknown provider or model, missing credentials, or a prompt the wire format cannot carry.
    // estimatedInputTokens feeds the tokens-per-minute limit together with params.maxTokens.
    Expected<JobId> submit(std::string_view modelRef, const Prompt& prompt,
                           const CallParams& params, int64_t estimatedInputTokens,
                           CallCallback done, const CancelToken* cancel = nullptr);

    const ProvidersFile& providersFile() const { return m_file; }
    Transport& transport() { return m_transport; }
    void waitIdle() { m_transport.waitIdle(); }
    void cancelAll() { m_transport.cancelAll(); }

private:
    ProvidersFile m_file;
    CredentialSources m_sources;
    StudentSource m_students;
    std::mutex m_mutex;
    std::unordered_map<std::string, std::shared_ptr<const Provider>> m_providers;
    Transport m_transport; // last: destroyed first, while the providers it uses still exist
};

} // namespace switchyard
