#pragma once

#include "common/expected.h"
#include "pricing/usage.h"
#include "prompts/prompt.h"
#include "providers/call.h"
#include "providers/credentials.h"
#include "providers/http.h"
#include "providers/providers_file.h"
#include "store/records.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

// Looks a saved student up by name, its model bytes included; nullopt when there is none.
using StudentSource =
    std::function<Expected<std::optional<StoredStudent>>(const std::string& name)>;

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

    // Whether the model can be called at all, checked before a run starts: a local student
    // that is missing or altered fails here. The default accepts every model.
    virtual Status checkModel(std::string_view model) const;

    // In-process providers (local-student) are not sent over HTTP: the transport asks
    // answerInProcess for the response, on its own thread, and parses it like any other.
    virtual bool inProcess() const { return false; }
    virtual HttpResponse answerInProcess(std::string_view model, const HttpRequest& request) const;

    // Every credential value this provider holds, for redacting text before it leaves.
    const std::vector<std::string>& secrets() const { return m_secrets; }

protected:
    Provider(ProviderConfig config, std::vector<std::string> secrets);

private:
    ProviderConfig m_config;
    std::vector<std::string> m_secrets;
};

// The provider a config entry describes, with its credentials resolved now. local-student
// providers load their students from `students`, and are refused without one.
Expected<std::unique_ptr<Provider>> makeProvider(const ProviderConfig& config,
                                                 const CredentialSources& sources,
                                                 const StudentSource& students = {});

} // namespace switchyard
