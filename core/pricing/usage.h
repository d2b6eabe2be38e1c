#pragma once

#include <cstdint>

namespace switchyard {

// How a provider counts cached prompt tokens in its usage report. The same four numbers mean
// different things per provider, and adding them up the wrong way double-bills or under-bills.
enum class UsageSemantics {
    // Anthropic Messages and Bedrock: input_tokens EXCLUDES cache reads and writes, which are
    // reported beside it. Prompt size = input + cacheRead + cacheWrite.
    CacheAdditive,
    // OpenAI-compatible APIs: prompt_tokens INCLUDES cached_tokens. Prompt size = input; the
    // uncached part is input - cacheRead (- cacheWrite where a provider reports writes at all).
    CacheSubset,
};

// Token counts of one call, as the provider reported them. Interpret them with the model's
// UsageSemantics: whether `input` includes the cache counts depends on the provider.
struct Usage {
    int64_t input = 0;
    int64_t output = 0;
    int64_t cacheRead = 0;
    // Tokens written to the prompt cache, whatever the TTL (Anthropic cache_creation_input_tokens).
    int64_t cacheWrite = 0;
    // The part of cacheWrite written with the 1-hour TTL; the rest used the 5-minute TTL.
    int64_t cacheWrite1h = 0;

    bool operator==(const Usage&) const = default;
};

} // namespace switchyard
