#pragma once

// A word-level diff of two answers, for the Compare page's side-by-side detail: which words
// only one model wrote.

#include <string>
#include <string_view>
#include <vector>

namespace switchyard::compare {

struct DiffPiece {
    enum class Kind { Same, Removed, Added }; // Removed: only in the left text; Added: only right
    Kind kind = Kind::Same;
    std::string text;
    bool operator==(const DiffPiece&) const = default;
};

// Words, runs of white space and single punctuation marks are the units. Concatenating the
// Same and Removed pieces gives `left` back, the Same and Added pieces `right`. Beyond
// kMaxDiffCells (the product of the two token counts once the common start and end are set
// aside) the middle is reported as one removed and one added piece rather than spending
// seconds on it.
std::vector<DiffPiece> wordDiff(std::string_view left, std::string_view right);

inline constexpr size_t kMaxDiffCells = 4'000'000;

} // namespace switchyard::compare
