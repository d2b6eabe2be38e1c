#pragma once

#include "pricing/usage.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard {

// Prices are published per million tokens.
inline constexpr double kTokensPerMTok = 1'000'000.0;

// Anthropic-style long-context pricing: when a request's prompt is larger than thresholdTokens,
// the WHOLE request (every input, cache and output token) is billed at these rates, not just the
// tokens above the threshold. Cache multipliers then apply to the long-context input rate.
struct LongContextTier {
    int64_t thresholdTokens = 0; // 0 = the model has no long-context tier
    double inputUsdPerMTok = 0.0;
    double outputUsdPerMTok = 0.0;

    bool present() const { return thresholdTokens > 0; }
    bool operator==(const LongContextTier&) const = default;
};

// What one model costs, as published by the provider on priceDate. Cache and tier prices are
// multipliers of the input (or output) price because that is how providers publish them, and
// they differ per model (OpenAI's read discount changed between generations), so they live here
// rather than in global constants.
struct ModelPrice {
    std::string id;          // the provider's model id: "anthropic.claude-3-5-haiku-20241022-v1:0"
    std::string provider;    // "bedrock", "anthropic", "openai", ...
    std::string family;      // "claude-haiku", "nova", "gpt-4o", ...: groups versions in the UI
    std::string displayName; // "Claude 3.5 Haiku (Bedrock)"
    // Other ids that name the same model at the same price (dated snapshots, "-latest" aliases).
    // Bedrock inference-profile prefixes ("us.", "global.") are resolved by Catalogue::find.
    std::vector<std::string> aliases;

    double inputUsdPerMTok = 0.0;
    double outputUsdPerMTok = 0.0;

    UsageSemantics semantics = UsageSemantics::CacheAdditive;
    bool supportsCaching = false;
    // Neutral defaults: a cache price nobody published is billed as plain input, never as a
    // discount we cannot justify.
    double cacheReadMultiplier = 1.0;
    double cacheWrite5mMultiplier = 1.0; // 1.0 = no write premium (OpenAI, Nova)
    double cacheWrite1hMultiplier = 0.0; // 0 = no 1-hour TTL offered
    int64_t minCacheableTokens = 0;      // smallest prefix the provider will cache
    int64_t maxCacheCheckpoints = 0;     // explicit cache_control breakpoints; 0 = automatic/none

    // Service tiers, applied to every component of the bill. 0 = the tier is not offered.
    double batchMultiplier = 0.0;
    double flexMultiplier = 0.0;
    double priorityMultiplier = 0.0;

    LongContextTier longContext;

    // Bedrock geographic inference profiles ("us.", "eu.", "apac.", ...) of newer Claude models
    // cost more than the global profile, whose price is the one stored here. 1.0 = same price.
    double geoProfileMultiplier = 1.0;

    int64_t contextWindow = 0; // input tokens
    int64_t maxOutputTokens = 0;

    // A deliberate $0 price (a local model). Without it a zero price means "not priced" and
    // costing fails, so a missing price can never pass for a free call.
    bool freeOfCharge = false;

    std::string source;             // where the price was published (URL or document)
    std::string priceDate;          // "YYYY-MM-DD": when the price was read from the source
    std::vector<std::string> notes; // anything a reviewer of the price should know

    bool operator==(const ModelPrice&) const = default;
};

} // namespace switchyard
