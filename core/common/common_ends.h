#pragma once

// How much two sequences share at the start and, after that, at the end: what a diff can set
// aside before comparing the middles.

#include <cstddef>
#include <utility>

namespace switchyard {

// (prefix, suffix) lengths; the suffix never overlaps the prefix.
template <typename Sequence>
std::pair<size_t, size_t> commonEnds(const Sequence& a, const Sequence& b) {
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    return {prefix, suffix};
}

} // namespace switchyard
