#include "providers/call.h"

#include <array>
#include <utility>

namespace switchyard {

namespace {

constexpr std::array<std::pair<FailureClass, std::string_view>, 10> kNames{{
    {FailureClass::Auth, "auth"},
    {FailureClass::RateLimit, "rate_limit"},
    {FailureClass::Server, "server"},
    {FailureClass::Timeout, "timeout"},
    {FailureClass::Network, "network"},
    {FailureClass::BadResponse, "bad_response"},
    {FailureClass::ContentFilter, "content_filter"},
    {FailureClass::ContextLength, "context_length"},
    {FailureClass::InvalidRequest, "invalid_request"},
    {FailureClass::Cancelled, "cancelled"},
}};

} // namespace

std::string_view failureClassName(FailureClass kind) {
    for (const auto& [value, name] : kNames)
        if (value == kind)
            return name;
    return "network";
}

std::optional<FailureClass> failureClassFromName(std::string_view name) {
    for (const auto& [value, text] : kNames)
        if (text == name)
            return value;
    return std::nullopt;
}

std::string CallFailure::toString() const {
    std::string out(failureClassName(kind));
    if (httpStatus != 0 || !providerCode.empty()) {
        out += " (";
        if (httpStatus != 0)
            out += "HTTP " + std::to_string(httpStatus);
        if (httpStatus != 0 && !providerCode.empty())
            out += ' ';
        out += providerCode;
        out += ')';
    }
    if (!message.empty())
        out += ": " + message;
    return out;
}

} // namespace switchyard
