#pragma once

// Which rows of a comparison matrix the user sees, and in what order: the differences that
// matter surfaced instead of buried in 10,000 rows.

#include "compare/compare_matrix.h"

#include <cstdint>
#include <optional>
#include <unordered_set>
#include <vector>

namespace switchyard::compare {

struct MatrixFilter {
    double passBar = 0.5; // a score at or above it passes
    // Models disagree: scored answers on both sides of the bar, or, for a prompt without
    // scores, answers that differ once normalised.
    bool disagreeing = false;
    // The cheapest column fails (a score below the bar or a failed call) and a dearer one passes.
    bool cheapestFailsDearerPasses = false;
    bool withErrors = false;                                // some call failed
    std::optional<uint16_t> tag;                            // an index into CompareMatrix::tags()
    const std::unordered_set<int64_t>* promptIds = nullptr; // a search's hits; null: every row
};

// The rows that pass every filter, in matrix order.
std::vector<uint32_t> filterRows(const CompareMatrix& matrix, const MatrixFilter& filter);

enum class SortKey { Ordinal, PromptKey, Score, Cost, Latency };

struct MatrixSort {
    SortKey key = SortKey::Ordinal;
    size_t column = 0; // for Score, Cost and Latency
    bool descending = false;
};

// Stable; cells without the value (missing, failed, unscored) go last in either direction.
void sortRows(const CompareMatrix& matrix, std::vector<uint32_t>& rows, const MatrixSort& sort);

} // namespace switchyard::compare
