#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace switchyard {

// The values permuted by a seeded generator: the shuffled-labels control of every learned
// component (learned routers, students), so the same seed gives the same permutation anywhere.
template <typename T> std::vector<T> seededShuffle(std::span<const T> values, uint64_t seed) {
    std::vector<T> out(values.begin(), values.end());
    std::mt19937_64 random(seed ^ 0x5eedULL);
    std::shuffle(out.begin(), out.end(), random);
    return out;
}

} // namespace switchyard
