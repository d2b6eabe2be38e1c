#pragma once

#include <cstdint>

namespace switchyard {

// How a provider's own usage report counts cached prompt tokens. Switchyard's Usage has one
// meaning for every provider (below); each wire format's parser converts at the edge, and this
// only describes the provider (the catalogue keeps it per model, for reading data written before
// workspace version 5 and for telling explicit-checkpoint caching from automatic caching).
enum class UsageSemantics {
    // Anthropic Messages and Bedrock: input_tokens EXCLUDES cache reads and writes, which are
    // reported beside it.
    CacheAdditive,
    // OpenAI-compatible APIs: prompt_tokens INCLUDES cached_tokens.
    CacheSubset,
};

// Token counts of one call, the same for every provider, import and report: `input` is every
// input token the model read, cached or not (OpenAI's prompt_tokens; Anthropic's and Bedrock's
// input + cache read + cache write); cacheRead and cacheWrite are parts of it, so the uncached
// input is input - cacheRead - cacheWrite. `output` includes reasoning tokens.
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
