#include "compare/matrix_filter.h"

#include <algorithm>

namespace switchyard::compare {

namespace {

bool passes(const MatrixCell& cell, double bar) {
    return cell.state == CellState::Answered && cell.scored() && cell.score >= bar;
}

bool fails(const MatrixCell& cell, double bar) {
    return cell.state == CellState::Failed ||
           (cell.state == CellState::Answered && cell.scored() && cell.score < bar);
}

bool disagree(const CompareMatrix& matrix, size_t row, double bar) {
    bool anyPass = false;
    bool anyFail = false;
    bool anyScored = false;
    std::optional<uint64_t> firstAnswer;
    bool answersDiffer = false;
    for (size_t column = 0; column < matrix.columnCount(); ++column) {
        const MatrixCell& cell = matrix.cell(row, column);
        if (cell.state != CellState::Answered)
            continue;
        if (cell.scored()) {
            anyScored = true;
            (cell.score >= bar ? anyPass : anyFail) = true;
        }
        if (!firstAnswer)
            firstAnswer = cell.answerHash;
        else if (*firstAnswer != cell.answerHash)
            answersDiffer = true;
    }
    return anyScored ? anyPass && anyFail : answersDiffer;
}

bool cheapestFailsDearerPasses(const CompareMatrix& matrix, size_t row, size_t cheapest,
                               double bar) {
    if (!fails(matrix.cell(row, cheapest), bar))
        return false;
    for (size_t column = 0; column < matrix.columnCount(); ++column)
        if (column != cheapest && passes(matrix.cell(row, column), bar))
            return true;
    return false;
}

bool hasError(const CompareMatrix& matrix, size_t row) {
    for (size_t column = 0; column < matrix.columnCount(); ++column)
        if (matrix.cell(row, column).state == CellState::Failed)
            return true;
    return false;
}

double sortValue(const MatrixCell& cell, SortKey key) {
    if (cell.state != CellState::Answered)
        return kNoValue;
    switch (key) {
    case SortKey::Score:
        return cell.score;
    case SortKey::Cost:
        return cell.costUsd;
    case SortKey::Latency:
        return cell.latencyMs;
    default:
        return kNoValue;
    }
}

} // namespace

std::vector<uint32_t> filterRows(const CompareMatrix& matrix, const MatrixFilter& filter) {
    std::vector<uint32_t> rows;
    rows.reserve(matrix.rowCount());
    const std::optional<size_t> cheapest = matrix.cheapestColumn();
    for (size_t row = 0; row < matrix.rowCount(); ++row) {
        const MatrixRow& info = matrix.row(row);
        if (filter.promptIds && !filter.promptIds->count(info.promptId))
            continue;
        if (filter.tag &&
            std::find(info.tags.begin(), info.tags.end(), *filter.tag) == info.tags.end())
            continue;
        if (filter.withErrors && !hasError(matrix, row))
            continue;
        if (filter.disagreeing && !disagree(matrix, row, filter.passBar))
            continue;
        // Without a priced column there is no cheapest: nothing matches.
        if (filter.cheapestFailsDearerPasses &&
            (!cheapest || !cheapestFailsDearerPasses(matrix, row, *cheapest, filter.passBar)))
            continue;
        rows.push_back(static_cast<uint32_t>(row));
    }
    return rows;
}

void sortRows(const CompareMatrix& matrix, std::vector<uint32_t>& rows, const MatrixSort& sort) {
    if (sort.key == SortKey::Ordinal || sort.key == SortKey::PromptKey) {
        std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
            const MatrixRow& left = matrix.row(sort.descending ? b : a);
            const MatrixRow& right = matrix.row(sort.descending ? a : b);
            return sort.key == SortKey::Ordinal ? left.ordinal < right.ordinal
                                                : left.key < right.key;
        });
        return;
    }
    if (sort.column >= matrix.columnCount())
        return;
    // The values once, beside the rows: a comparison reads two doubles, not two cells.
    std::vector<std::pair<double, uint32_t>> keyed;
    keyed.reserve(rows.size());
    for (uint32_t row : rows)
        keyed.emplace_back(sortValue(matrix.cell(row, sort.column), sort.key), row);
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
        const bool aMissing = std::isnan(a.first);
        const bool bMissing = std::isnan(b.first);
        if (aMissing || bMissing)
            return !aMissing && bMissing;
        return sort.descending ? a.first > b.first : a.first < b.first;
    });
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i] = keyed[i].second;
}

} // namespace switchyard::compare
