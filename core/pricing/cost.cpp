#include "pricing/cost.h"

#include "pricing/catalogue.h"

#include <string>

namespace switchyard {

namespace {

Error costError(const ModelPrice& price, std::string message) {
    return Error{{}, 0, {}, "cannot cost a call to '" + price.id + "': " + std::move(message)};
}

Expected<double> tierMultiplier(const ModelPrice& price, ServiceTier tier) {
    switch (tier) {
    case ServiceTier::Standard:
        return 1.0;
    case ServiceTier::Batch:
        if (price.batchMultiplier > 0.0)
            return price.batchMultiplier;
        return costError(price, "the catalogue has no batch price for this model");
    case ServiceTier::Flex:
        if (price.flexMultiplier > 0.0)
            return price.flexMultiplier;
        return costError(price, "the catalogue has no flex price for this model");
    case ServiceTier::Priority:
        // Providers that sell no priority tier serve such requests at the standard price.
        return price.priorityMultiplier > 0.0 ? price.priorityMultiplier : 1.0;
    }
    return 1.0;
}

Status checkUsage(const ModelPrice& price, const Usage& usage) {
    if (usage.input < 0 || usage.output < 0 || usage.cacheRead < 0 || usage.cacheWrite < 0 ||
        usage.cacheWrite1h < 0)
        return costError(price, "negative token count");
    if (usage.cacheWrite1h > usage.cacheWrite)
        return costError(price, "1-hour cache writes exceed all cache writes");
    if (usage.cacheRead + usage.cacheWrite > usage.input)
        return costError(price, "cached tokens exceed input tokens, which count every input "
                                "token, cached ones included");
    const bool usesCache = usage.cacheRead > 0 || usage.cacheWrite > 0;
    if (usesCache && !price.supportsCaching)
        return costError(price, "the usage has cache tokens but the model has no prompt caching");
    if (usage.cacheWrite1h > 0 && price.cacheWrite1hMultiplier <= 0.0)
        return costError(price, "the usage has 1-hour cache writes but the catalogue has no "
                                "1-hour cache-write price for this model");
    return success();
}

} // namespace

std::string_view serviceTierName(ServiceTier tier) {
    switch (tier) {
    case ServiceTier::Standard:
        return "standard";
    case ServiceTier::Batch:
        return "batch";
    case ServiceTier::Flex:
        return "flex";
    case ServiceTier::Priority:
        return "priority";
    }
    return "standard";
}

Expected<CostBreakdown> costBreakdown(const ModelPrice& price, const Usage& usage,
                                      ServiceTier tier) {
    if (!price.freeOfCharge && !(price.inputUsdPerMTok > 0.0))
        return costError(price, "the catalogue has no input price for this model");
    if (!price.freeOfCharge && !(price.outputUsdPerMTok > 0.0))
        return costError(price, "the catalogue has no output price for this model");
    if (auto status = checkUsage(price, usage); !status)
        return status.error();
    auto multiplier = tierMultiplier(price, tier);
    if (!multiplier)
        return multiplier.error();

    const int64_t promptTokens = usage.input;
    CostBreakdown cost;
    cost.longContext =
        price.longContext.present() && promptTokens > price.longContext.thresholdTokens;
    const double inputRate =
        cost.longContext ? price.longContext.inputUsdPerMTok : price.inputUsdPerMTok;
    const double outputRate =
        cost.longContext ? price.longContext.outputUsdPerMTok : price.outputUsdPerMTok;
    const double scale = *multiplier / kTokensPerMTok;

    const int64_t uncachedInput = usage.input - usage.cacheRead - usage.cacheWrite;
    const int64_t write5m = usage.cacheWrite - usage.cacheWrite1h;
    cost.inputUsd = static_cast<double>(uncachedInput) * inputRate * scale;
    cost.outputUsd = static_cast<double>(usage.output) * outputRate * scale;
    cost.cacheReadUsd =
        static_cast<double>(usage.cacheRead) * inputRate * price.cacheReadMultiplier * scale;
    cost.cacheWriteUsd = (static_cast<double>(write5m) * price.cacheWrite5mMultiplier +
                          static_cast<double>(usage.cacheWrite1h) * price.cacheWrite1hMultiplier) *
                         inputRate * scale;
    cost.totalUsd = cost.inputUsd + cost.outputUsd + cost.cacheReadUsd + cost.cacheWriteUsd;
    return cost;
}

Expected<double> costUsd(const ModelPrice& price, const Usage& usage, ServiceTier tier) {
    auto cost = costBreakdown(price, usage, tier);
    if (!cost)
        return cost.error();
    return cost->totalUsd;
}

Expected<CostBreakdown> costBreakdown(const Catalogue& catalogue, std::string_view modelRef,
                                      const Usage& usage, ServiceTier tier) {
    auto price = catalogue.lookup(modelRef);
    if (!price)
        return price.error();
    return costBreakdown(**price, usage, tier);
}

} // namespace switchyard
