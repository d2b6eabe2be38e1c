#pragma once

#include "common/expected.h"
#include "pricing/model_price.h"
#include "pricing/usage.h"

#include <string_view>

namespace switchyard {

class Catalogue;

// How a call was bought. Batch and Flex must be offered by the model (a multiplier in the
// catalogue), otherwise costing fails; Priority without a published multiplier costs Standard.
enum class ServiceTier { Standard, Batch, Flex, Priority };

// The bill of one call. Every component already includes the service-tier multiplier and, when
// the prompt crossed it, the long-context rate.
struct CostBreakdown {
    double inputUsd = 0.0; // uncached input tokens
    double outputUsd = 0.0;
    double cacheReadUsd = 0.0;
    double cacheWriteUsd = 0.0; // 5-minute and 1-hour writes together
    double totalUsd = 0.0;
    bool longContext = false; // billed at the long-context tier
};

// The one place that turns tokens into dollars.
//
// Usage counts every input token in `input`, cached ones included (pricing/usage.h), so with
// rates r = input price, o = output price:
//   (input-cacheRead-cacheWrite)*r + cacheRead*r*read + (cacheWrite-cacheWrite1h)*r*write5m
//   + cacheWrite1h*r*write1h + output*o
//   OpenAI reports no writes and has write5m = 1, which makes writes plain input: no write fee.
// The tier multiplier (batch, flex, priority) scales every component, cache reads and writes
// included, as Anthropic documents for batch + caching. The long-context tier replaces r and o
// for the whole request when the prompt (input) exceeds its threshold.
//
// Fails, instead of returning a number, when the model has no price (unless marked free of
// charge), the tier is not offered, the model has no cache but the usage has cache tokens, a
// 1-hour write hits a model without a 1-hour price, or the counts are inconsistent (negative,
// cache > input).
Expected<CostBreakdown> costBreakdown(const ModelPrice& price, const Usage& usage,
                                      ServiceTier tier = ServiceTier::Standard);
Expected<double> costUsd(const ModelPrice& price, const Usage& usage,
                         ServiceTier tier = ServiceTier::Standard);

// Looks modelRef up first: an unknown model is an error, never $0.
Expected<CostBreakdown> costBreakdown(const Catalogue& catalogue, std::string_view modelRef,
                                      const Usage& usage, ServiceTier tier = ServiceTier::Standard);

std::string_view serviceTierName(ServiceTier tier); // "standard", "batch", "flex", "priority"

} // namespace switchyard
