#pragma once

#include <cstdint>
#include <string_view>

namespace switchyard {

// FNV-1a, 64-bit: stable across platforms and runs, so folds and random draws are reproducible.
inline uint64_t fnv1a(std::string_view text, uint64_t hash = 0xcbf29ce484222325ULL) {
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

// SplitMix64's finaliser: spreads a hash or a counter over all 64 bits.
inline uint64_t mix64(uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Uniform in [0, 1) from 64 random bits (the top 24, exactly representable as a float).
inline float unitFloat(uint64_t bits) {
    return static_cast<float>(bits >> 40) * (1.0f / 16777216.0f);
}

} // namespace switchyard
