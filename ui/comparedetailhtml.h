#pragma once

#include "compare/compare_matrix.h"
#include "compare/word_diff.h"
#include "workbench/compare_ops.h"

#include <QString>

#include <vector>

// The Compare page's detail pane as HTML: the prompt and its expected answer, two answers side
// by side with the words only one of them wrote marked, and every score each answer has.
struct DetailAnswer {
    QString label; // the column
    switchyard::workbench::CellDetail detail;
    const switchyard::compare::MatrixCell* cell = nullptr;
};

// `diff`: compare::wordDiff of the first two answers (empty: shown unmarked).
QString comparisonDetailHtml(const switchyard::compare::CompareMatrix& matrix, size_t row,
                             const std::vector<DetailAnswer>& answers,
                             const std::vector<switchyard::compare::DiffPiece>& diff);
