#include "routing/tier_spend.h"

#include "routing/router.h"

namespace switchyard::routing {

std::vector<double> spendByTier(const TierTable& table, std::span<const uint8_t> decisions) {
    const size_t tiers = table.tierCount();
    std::vector<double> spend(tiers, 0.0);
    const bool cascade = table.options().accounting == Accounting::Cascade;
    for (size_t row = 0; row < decisions.size() && row < table.rows(); ++row) {
        const uint8_t tier = decisions[row];
        if (tier == kCannedOutcome || tier >= tiers)
            continue;
        for (size_t k = cascade ? 0 : tier; k <= tier; ++k)
            spend[k] += static_cast<double>(table.callCost(k)[row]);
    }
    return spend;
}

} // namespace switchyard::routing
