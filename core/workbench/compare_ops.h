#pragma once

// The Compare page's operations: the prompt × model matrix of a run (optionally beside a
// baseline run), a search over prompts and answers, one cell in full, and the matrix as CSV.
// The verdicts themselves are compareRun's (eval_ops.h); both read the same columns.

#include "common/cancel.h"
#include "common/expected.h"
#include "compare/compare_matrix.h"
#include "store/workspace.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>

namespace switchyard::workbench {

struct MatrixRequest {
    int64_t runId = 0;
    std::optional<int64_t> baselineRunId; // run against run, on the same prompt set
    std::string scorer;                   // empty: the run's default, as compareRun chooses
};

struct MatrixOutcome {
    compare::CompareMatrix matrix;
    std::string scorer;
    int64_t setId = 0;
};

// Rows are the prompts some column answered, in set order; a column's cost per 1,000 is over
// its priced answers, as compareRun's. Progress counts results read.
Expected<MatrixOutcome> loadCompareMatrix(const Workspace& workspace, const MatrixRequest& request,
                                          const CancelToken* cancel = nullptr,
                                          const Progress& progress = {});

// Prompt rows whose prompt (id, any turn, tags) or answer in one of the runs contains `text`.
std::unordered_set<int64_t> searchComparison(const Workspace& workspace, int64_t setId,
                                             std::span<const int64_t> runIds,
                                             const std::string& text);

// One cell in full for the detail pane: the whole answer, every score, the expected answer.
struct CellDetail {
    ResultDetail result;
    std::optional<std::string> expected;
    std::string prompt; // the last user turn, in full
};
std::optional<CellDetail> readCell(const Workspace& workspace, int64_t setId,
                                   const compare::CompareMatrix& matrix, size_t row, size_t column);

// The rows given (in their order) as CSV, written atomically: the prompt's id, ordinal and
// tags, then per column its answer in full, score, cost, latency and error.
Status exportComparisonCsv(const Workspace& workspace, const compare::CompareMatrix& matrix,
                           std::span<const uint32_t> rows, const std::string& path,
                           const CancelToken* cancel = nullptr);

} // namespace switchyard::workbench
