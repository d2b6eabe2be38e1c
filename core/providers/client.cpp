#include "providers/client.h"

#include <algorithm>

namespace switchyard {

Expected<ModelRef> parseModelRef(std::string_view ref) {
    const auto slash = ref.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == ref.size())
        return Error{"", 0, "model",
                     "'" + std::string(ref) + "' is not a model reference (provider/model)"};
    return ModelRef{std::string(ref.substr(0, slash)), std::string(ref.substr(slash + 1))};
}

std::string providerModelName(const std::string& ref) {
    auto parsed = parseModelRef(ref);
    return parsed ? parsed->model : ref;
}

ProviderClient::ProviderClient(ProvidersFile file, CredentialSources sources,
                               TransportOptions options, StudentSource students)
    : m_file(std::move(file)), m_sources(std::move(sources)), m_students(std::move(students)),
      m_transport(options) {}

Expected<std::shared_ptr<const Provider>> ProviderClient::provider(std::string_view name) {
    std::lock_guard lock(m_mutex);
    if (const auto it = m_providers.find(std::string(name)); it != m_providers.end())
        return it->second;
    const ProviderConfig* config = m_file.find(name);
    if (!config)
        return Error{m_file.path, 0, "providers", "no provider named '" + std::string(name) + "'"};
    auto made = makeProvider(*config, m_sources, m_students);
    if (!made)
        return made.error();
    std::shared_ptr<const Provider> shared = std::move(*made);
    m_providers.emplace(config->name, shared);
    return shared;
}

Expected<std::shared_ptr<const Provider>> ProviderClient::check(std::string_view modelRef) {
    auto ref = parseModelRef(modelRef);
    if (!ref)
        return ref.error();
    const ProviderConfig* config = m_file.find(ref->provider);
    if (!config)
        return Error{m_file.path, 0, "providers",
                     "no provider named '" + ref->provider + "' (from '" + std::string(modelRef) +
                         "')"};
    if (std::find(config->models.begin(), config->models.end(), ref->model) == config->models.end())
        return Error{m_file.path, config->sourceLine, "models",
                     "provider '" + ref->provider + "' does not list model '" + ref->model + "'"};
    auto resolved = provider(ref->provider);
    if (!resolved)
        return resolved;
    if (auto ready = (*resolved)->checkModel(ref->model); !ready)
        return ready.error();
    return resolved;
}

Expected<JobId> ProviderClient::submit(std::string_view modelRef, const Prompt& prompt,
                                       const CallParams& params, int64_t estimatedInputTokens,
                                       CallCallback done, const CancelToken* cancel) {
    auto resolved = check(modelRef);
    if (!resolved)
        return resolved.error();
    const std::string model = parseModelRef(modelRef)->model;
    auto request = (*resolved)->buildRequest(model, prompt, params);
    if (!request) {
        Error error = request.error();
        error.message =
            "prompt '" + prompt.id + "' for " + std::string(modelRef) + ": " + error.message;
        return error;
    }
    TransportCall call;
    call.provider = *resolved;
    call.model = model;
    call.request = std::move(*request);
    call.estimatedTokens = std::max<int64_t>(0, estimatedInputTokens) + params.maxTokens;
    call.cancel = cancel;
    return m_transport.submit(std::move(call), std::move(done));
}

} // namespace switchyard
