#pragma once

// Line by line differences between two texts (a file as last exported and as it would be
// written now), by longest common subsequence: the lines kept, removed and added, in order.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

struct DiffLine {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    std::string text; // without its newline
};

// Every line of both texts once: kept lines as Same, the rest as Removed (from `before`) or
// Added (from `after`), removals before additions where lines were replaced. Texts over
// 4,000 lines each are compared as wholly replaced unless equal (no quadratic table that large).
std::vector<DiffLine> diffLines(std::string_view before, std::string_view after);

struct DiffCounts {
    int64_t added = 0;
    int64_t removed = 0;
    bool operator==(const DiffCounts&) const = default;
};
DiffCounts countChanges(const std::vector<DiffLine>& diff);

} // namespace switchyard
