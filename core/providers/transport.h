#pragma once

#include "common/cancel.h"
#include "providers/call.h"
#include "providers/http.h"
#include "providers/retry.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace switchyard {

class Provider;

struct TransportOptions {
    // Backoff between retries (the attempt budget is each provider's limits.maxAttempts).
    int64_t retryBaseDelayMs = 500;
    int64_t retryMaxDelayMs = 30'000;
    int64_t maxRetryAfterMs = 120'000;
    int64_t maxResponseBytes = 64ll << 20; // a larger body fails as BadResponse
    uint64_t randomSeed = 0;               // jitter seed; 0 = from std::random_device
};

// Counters since construction, for progress displays and benchmarks.
struct TransportStats {
    int64_t submitted = 0;
    int64_t completed = 0;
    int64_t attempts = 0;
    int64_t retries = 0;
};

using CallCallback = std::function<void(CallResult)>;
using JobId = uint64_t;

// One call for the transport: a request a provider built, the provider to authorize and parse
// it, and what the rate limiter should charge.
struct TransportCall {
    std::shared_ptr<const Provider> provider;
    std::string model;
    HttpRequest request;
    // Tokens the call will consume (input estimate + max_tokens) for tokens-per-minute limits;
    // corrected by the reported usage when the call succeeds.
    int64_t estimatedTokens = 0;
    const CancelToken* cancel = nullptr; // must outlive the call
};

// libcurl multi on one event-loop thread. Each provider gets a lane with its own concurrency,
// request- and token-per-minute buckets, timeouts and attempt budget (ProviderConfig::limits);
// connections are reused across calls. Failed attempts are retried when the failure is
// retryable (429, 5xx, 408, timeouts, connection errors), after Retry-After or an exponential
// backoff with full jitter; every call ends with exactly one callback.
//
// Callbacks run on the transport thread: keep them short, and hand work to another thread.
// They may call submit().
class Transport {
public:
    explicit Transport(TransportOptions options = {});
    // Cancels what is still pending (those callbacks run with a Cancelled failure) and joins.
    ~Transport();
    Transport(const Transport&) = delete;
    Transport& operator=(const Transport&) = delete;

    JobId submit(TransportCall call, CallCallback done);

    // Ends every queued, waiting and in-flight call with a Cancelled failure.
    void cancelAll();
    // Blocks until every submitted call has had its callback. Not from a callback.
    void waitIdle();
    TransportStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace switchyard
