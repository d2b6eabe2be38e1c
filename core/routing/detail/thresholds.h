#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <span>

namespace switchyard::routing::detail {

inline constexpr size_t kMaxTiers = 16;

// Thresholds as floats, padded so a missing one never sends a prompt up.
inline std::array<float, kMaxTiers> thresholdArray(std::span<const double> thresholds,
                                                   size_t tiers) {
    std::array<float, kMaxTiers> out;
    out.fill(std::numeric_limits<float>::infinity());
    for (size_t j = 0; j + 1 < tiers && j < thresholds.size(); ++j)
        out[j] = static_cast<float>(thresholds[j]);
    return out;
}

// A score router's tier: how many thresholds the score reaches (the replay loop's rule).
inline size_t scoreTier(float score, const std::array<float, kMaxTiers>& th, size_t tiers) {
    size_t k = 0;
    for (size_t j = 0; j + 1 < tiers; ++j)
        k += score >= th[j];
    return k;
}

} // namespace switchyard::routing::detail
