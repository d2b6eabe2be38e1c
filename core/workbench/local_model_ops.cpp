#include "workbench/local_model_ops.h"

#include "common/clock.h"
#include "common/text_format.h"
#include "providers/client.h"
#include "workbench/pricing_ops.h"

namespace switchyard::workbench {

ModelPrice hardwarePrice(const std::string& modelRef, double hardwareUsdPerHour,
                         double tokensPerSecond, int concurrentRequests) {
    const auto ref = parseModelRef(modelRef);
    ModelPrice price;
    price.id = ref ? ref->model : modelRef;
    price.provider = ref ? ref->provider : std::string("local");
    price.family = "local";
    price.displayName = price.id + " (local)";
    const double tokensPerHour = tokensPerSecond * 3600.0 * std::max(1, concurrentRequests);
    price.inputUsdPerMTok =
        tokensPerHour > 0 ? hardwareUsdPerHour / tokensPerHour * kTokensPerMTok : 0;
    price.outputUsdPerMTok = price.inputUsdPerMTok;
    price.freeOfCharge = !(price.inputUsdPerMTok > 0.0);
    price.source = "hardware cost " + formatFixed(hardwareUsdPerHour, 2) + " USD/hour over " +
                   formatFixed(tokensPerSecond, 1) + " tokens/s per request, " +
                   std::to_string(std::max(1, concurrentRequests)) + " at once";
    price.priceDate = utcNowIso8601().substr(0, 10);
    return price;
}

Expected<std::vector<LocalModelPrice>> priceLocalModels(Workspace& workspace,
                                                        const LocalPricingRequest& request) {
    if (request.modelRefs.empty())
        return Error{"", 0, "models", "name the local models to price"};
    if (!(request.hardwareUsdPerHour >= 0.0) || request.concurrentRequests < 1 ||
        (request.tokensPerSecond && !(*request.tokensPerSecond > 0.0)))
        return Error{"", 0, "hardware_usd_hour",
                     "the hardware cost cannot be negative, and the speed and the concurrency "
                     "must be positive"};
    std::vector<LocalModelPrice> out;
    std::vector<ModelPrice> prices;
    for (const std::string& ref : request.modelRefs) {
        LocalModelPrice priced;
        priced.modelRef = ref;
        priced.measured = workspace.modelTiming(ref);
        const ModelTiming& timing = priced.measured;
        if (request.tokensPerSecond) {
            priced.tokensPerSecond = *request.tokensPerSecond;
        } else if (timing.answers > 0 && timing.latencySeconds > 0) {
            priced.tokensPerSecond = static_cast<double>(timing.inputTokens + timing.outputTokens) /
                                     timing.latencySeconds;
        } else {
            priced.why = "no recorded answer of '" + ref +
                         "' to measure its speed: run a few prompts against it, or give the "
                         "tokens per second";
            out.push_back(std::move(priced));
            continue;
        }
        priced.price = hardwarePrice(ref, request.hardwareUsdPerHour, priced.tokensPerSecond,
                                     request.concurrentRequests);
        prices.push_back(*priced.price);
        out.push_back(std::move(priced));
    }
    if (!prices.empty())
        if (auto saved = savePrices(workspace, prices); !saved)
            return saved.error();
    return out;
}

} // namespace switchyard::workbench
