#include "providers/retry.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace switchyard {

int64_t backoffDelayMs(const RetryPolicy& policy, int attemptsSoFar, std::mt19937_64& random) {
    const int exponent = std::clamp(attemptsSoFar - 1, 0, 30);
    const double ceiling =
        std::min<double>(static_cast<double>(policy.maxDelayMs),
                         static_cast<double>(policy.baseDelayMs) * std::ldexp(1.0, exponent));
    if (ceiling <= 0)
        return 0;
    std::uniform_int_distribution<int64_t> jitter(0, static_cast<int64_t>(ceiling));
    return jitter(random);
}

RetryDecision decideRetry(const RetryPolicy& policy, const CallFailure& failure, int attemptsSoFar,
                          std::mt19937_64& random) {
    if (!failure.retryable || attemptsSoFar >= policy.maxAttempts)
        return {};
    if (failure.retryAfterMs) {
        if (*failure.retryAfterMs > policy.maxRetryAfterMs)
            return {};
        return {true, std::max<int64_t>(0, *failure.retryAfterMs)};
    }
    return {true, backoffDelayMs(policy, attemptsSoFar, random)};
}

namespace {

std::optional<double> number(std::string_view text) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<int64_t> parseRetryAfterMs(const HttpResponse& response, int64_t nowEpochSeconds) {
    if (const std::string* ms = response.header("retry-after-ms"))
        if (auto value = number(*ms))
            return static_cast<int64_t>(std::ceil(*value));
    const std::string* header = response.header("retry-after");
    if (!header)
        return std::nullopt;
    if (auto seconds = number(*header)) // delta-seconds (fractions from some gateways)
        return static_cast<int64_t>(std::ceil(*seconds * 1000));
    const time_t when = curl_getdate(header->c_str(), nullptr);
    if (when < 0)
        return std::nullopt;
    return std::max<int64_t>(0, (static_cast<int64_t>(when) - nowEpochSeconds) * 1000);
}

TokenBucket::TokenBucket(double perMinute, int64_t nowMs)
    : m_perMs(perMinute / 60'000.0), m_capacity(perMinute), m_level(perMinute), m_lastMs(nowMs) {}

void TokenBucket::refill(int64_t nowMs) {
    if (nowMs > m_lastMs) {
        m_level = std::min(m_capacity, m_level + static_cast<double>(nowMs - m_lastMs) * m_perMs);
        m_lastMs = nowMs;
    }
}

double TokenBucket::level(int64_t nowMs) {
    refill(nowMs);
    return m_level;
}

int64_t TokenBucket::waitMs(double amount, int64_t nowMs) {
    if (unlimited())
        return 0;
    refill(nowMs);
    const double needed = std::min(amount, m_capacity);
    if (m_level >= needed)
        return 0;
    return static_cast<int64_t>(std::ceil((needed - m_level) / m_perMs));
}

void TokenBucket::take(double amount, int64_t nowMs) {
    if (unlimited())
        return;
    refill(nowMs);
    m_level -= amount;
}

} // namespace switchyard
