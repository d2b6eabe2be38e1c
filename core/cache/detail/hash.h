#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace switchyard::cache_detail {

// splitmix64's finaliser: every input bit affects every output bit.
inline uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

// Order-dependent: hashCombine(a, b) != hashCombine(b, a). Chains prefix hashes segment by
// segment.
inline uint64_t hashCombine(uint64_t seed, uint64_t value) {
    return mix64(seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)));
}

// Eight bytes a step, each word mixed before it is folded in; the length is part of the hash.
inline uint64_t hashBytes(std::string_view bytes) {
    uint64_t h = 0x243f6a8885a308d3ULL ^ (bytes.size() * 0x9e3779b97f4a7c15ULL);
    const char* p = bytes.data();
    size_t left = bytes.size();
    while (left >= 8) {
        uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ mix64(word)) * 0x9fb21c651e98df25ULL;
        h = (h << 29) | (h >> 35);
        p += 8;
        left -= 8;
    }
    uint64_t tail = 0;
    if (left > 0)
        std::memcpy(&tail, p, left);
    return mix64(h ^ mix64(tail ^ (static_cast<uint64_t>(left) << 56)));
}

} // namespace switchyard::cache_detail
