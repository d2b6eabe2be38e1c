#pragma once

#include "pricing/usage.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

// Generation parameters sent with a prompt. The prompt itself (system blocks, turns, cache
// checkpoints, tools) is a switchyard::Prompt.
struct CallParams {
    int64_t maxTokens = 1024;
    std::optional<double> temperature; // provider default when absent
    std::vector<std::string> stopSequences;
};

// Why a call failed in the end. Names are the stable keys of the `run --json` output
// (`failed: {CLASS: n}`): add classes, never rename them.
enum class FailureClass {
    Auth,           // 401/403: bad or missing key, signature mismatch, no model access
    RateLimit,      // 429 and provider throttling, after the retries ran out
    Server,         // 5xx, overloaded, model errors on the provider's side
    Timeout,        // connect or total timeout, 408, model timeout
    Network,        // connection refused/reset, DNS, TLS, truncated transfer
    BadResponse,    // 2xx whose body is not what the wire format promises (JSON, usage, text)
    ContentFilter,  // the provider refused or filtered the answer (usage may still be billed)
    ContextLength,  // the prompt does not fit the model's context window
    InvalidRequest, // any other 4xx: a request the provider rejects as malformed or unknown
    Cancelled,      // the caller cancelled before the call finished
};

// "auth", "rate_limit", "server", "timeout", "network", "bad_response", "content_filter",
// "context_length", "invalid_request", "cancelled".
std::string_view failureClassName(FailureClass kind);
std::optional<FailureClass> failureClassFromName(std::string_view name);

struct CallFailure {
    FailureClass kind = FailureClass::Network;
    int httpStatus = 0; // 0 when no HTTP response arrived
    std::string
        providerCode; // "rate_limit_error", "ThrottlingException", "context_length_exceeded"
    // The provider's own message (or the transport's), with every known secret removed.
    std::string message;
    // Whether another attempt could succeed: the transport retries only these, within its budget.
    bool retryable = false;
    // From Retry-After / retry-after-ms, when the provider sent one.
    std::optional<int64_t> retryAfterMs;

    // "rate_limit (HTTP 429 rate_limit_error): Number of request tokens has exceeded..."
    std::string toString() const;
};

// The outcome of one call: what the architecture calls
// request -> {text, usage, latency, stopReason, error}.
struct CallResult {
    std::string text;
    // As the provider reported it; read it with the provider's UsageSemantics.
    Usage usage;
    // False when the provider reported no usage at all (the call is then also a BadResponse).
    bool usageReported = false;
    int64_t latencyMs = 0;                    // wall time of the attempt that produced this result
    std::optional<int64_t> providerLatencyMs; // Bedrock metrics.latencyMs
    std::string stopReason; // the provider's own value: "end_turn", "stop", "max_tokens", ...
    // The model id to price the call with: the requested model, reduced from an inference-profile
    // ARN to its profile id, or, behind a Bedrock prompt router, the model the router invoked.
    // Empty when no HTTP response arrived: there is nothing to price then.
    std::string pricedModel;
    // Bedrock prompt routers: trace.promptRouter.invokedModelId as sent. Empty otherwise.
    std::string invokedModelArn;
    // The model's own probability that its answer is right, when it states one (a local
    // student's label probability): a cascade's confidence signal.
    std::optional<double> confidence;
    int attempts = 0; // HTTP attempts made, retries included
    std::optional<CallFailure> error;

    bool ok() const { return !error.has_value(); }
};

} // namespace switchyard
