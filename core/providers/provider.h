#pragma once

#include "common/expected.h"
#include "pricing/usage.h"
#include "prompts/prompt.h"
#include "providers/call.h"
#include "providers/credentials.h"
#include "providers/http.h"
#include "providers/providers_file.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

// One wire format behind one interface. Building and parsing are pure (no network, no clock),
// so every format is unit-testable without a server; the transport calls authorize() before
// each attempt and sends what buildRequest() produced. Thread-safe: all members are const.
class Provider {
public:
    virtual ~Provider() = default;
    Provider(const Provider&) = delete;
    Provider& operator=(const Provider&) = delete;

    const ProviderConfig& config() const { return m_config; }
    const std::string& name() const { return m_config.name; }

    // The HTTP request for one call. Fails, without sending anything, on a prompt the format
    // cannot express: more cache checkpoints than allowed, TTLs out of order, a bad tool list.
    virtual Expected<HttpRequest> buildRequest(std::string_view model, const Prompt& prompt,
                                               const CallParams& params) const = 0;

    // Time-bound authentication, applied before every attempt (SigV4 signs here). The default
    // does nothing: static keys are already in the built request.
    virtual void authorize(HttpRequest& request, int64_t epochSeconds) const;

    // A response of any status into a result. Never throws. Failures carry the provider's
    // message with every secret of this provider removed.
    virtual CallResult parseResponse(std::string_view model,
                                     const HttpResponse& response) const = 0;

    // Every credential value this provider holds, for redacting text before it leaves.
    const std::vector<std::string>& secrets() const { return m_secrets; }

protected:
    Provider(ProviderConfig config, std::vector<std::string> secrets);

private:
    ProviderConfig m_config;
    std::vector<std::string> m_secrets;
};

// The provider a config entry describes, with its credentials resolved now. local-student
// providers run in-process and are refused here.
Expected<std::unique_ptr<Provider>> makeProvider(const ProviderConfig& config,
                                                 const CredentialSources& sources);

} // namespace switchyard
