#pragma once

#include "routing/tier_table.h"

#include <cstdint>
#include <span>
#include <vector>

namespace switchyard::routing {

// What a replayed configuration spent at each tier: the recorded cost of every call made to that
// tier's model, in dollars. A cascade's request that ends at tier k called tiers 0..k, so each of
// them is charged its own call (the discarded answers included); a canned answer calls none.
// The sum plus the pre-router's calls is ReplayFigures::costUsd. `decisions` as Replayer::replay
// returns them, one per table row.
std::vector<double> spendByTier(const TierTable& table, std::span<const uint8_t> decisions);

} // namespace switchyard::routing
