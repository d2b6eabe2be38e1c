#pragma once

#include "providers/call.h"
#include "providers/http.h"

#include <cstdint>
#include <optional>
#include <random>

namespace switchyard {

// How the transport retries a failed attempt: only failures marked retryable (429, 5xx, 408,
// timeouts, connection errors), at most maxAttempts attempts in all, waiting what Retry-After
// says or else an exponential backoff with full jitter.
struct RetryPolicy {
    int maxAttempts = 4;
    int64_t baseDelayMs = 500;
    int64_t maxDelayMs = 30'000;
    // A Retry-After longer than this ends the call instead of parking it.
    int64_t maxRetryAfterMs = 120'000;
};

// Full jitter: uniform in [0, min(maxDelayMs, baseDelayMs * 2^(attemptsSoFar-1))].
int64_t backoffDelayMs(const RetryPolicy& policy, int attemptsSoFar, std::mt19937_64& random);

struct RetryDecision {
    bool retry = false;
    int64_t delayMs = 0;
};

RetryDecision decideRetry(const RetryPolicy& policy, const CallFailure& failure, int attemptsSoFar,
                          std::mt19937_64& random);

// retry-after-ms, else Retry-After as delta-seconds or an HTTP-date (relative to now).
std::optional<int64_t> parseRetryAfterMs(const HttpResponse& response, int64_t nowEpochSeconds);

// A per-minute limit as a token bucket: it holds up to one minute's worth, refills
// continuously, and lets a request bigger than the whole bucket through once it is full (the
// level then goes negative, so the next requests wait for it).
class TokenBucket {
public:
    TokenBucket() = default; // unlimited
    TokenBucket(double perMinute, int64_t nowMs);

    bool unlimited() const { return m_perMs <= 0; }
    // Milliseconds until `amount` can be taken; 0 when it can be taken now.
    int64_t waitMs(double amount, int64_t nowMs);
    void take(double amount, int64_t nowMs);
    // Corrects an estimate once the real amount is known (positive = it cost more).
    void adjust(double delta) { m_level -= delta; }
    double level(int64_t nowMs);

private:
    void refill(int64_t nowMs);

    double m_perMs = 0;
    double m_capacity = 0;
    double m_level = 0;
    int64_t m_lastMs = 0;
};

} // namespace switchyard
