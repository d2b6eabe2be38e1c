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

} // namespace switchyard::routing::detail
