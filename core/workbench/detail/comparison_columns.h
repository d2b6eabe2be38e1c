#pragma once

// The columns a comparison reads, shared by compareRun (the verdicts) and loadCompareMatrix
// (the Compare page's matrix) so both see the same models under the same names.

#include "common/expected.h"
#include "compare/compare_matrix.h"
#include "store/workspace.h"

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace switchyard::workbench::detail {

struct ComparisonColumns {
    std::vector<compare::MatrixColumn> columns; // the run's models, then the baseline run's
    int64_t setId = 0;
    std::vector<int64_t> runIds; // the run, then the baseline run when there is one

    std::optional<size_t> find(int64_t runId, int64_t modelId) const;
};

// The run's models by reference, "model+variant" for a model the run sent a prompt variant;
// with a baseline run (on the same prompt set), its models too, named "model@runN" so that the
// same model in two runs is two columns.
Expected<ComparisonColumns> comparisonColumns(const Workspace& workspace, int64_t runId,
                                              std::optional<int64_t> baselineRunId);

// The baseline run's name for a model: "model@run3".
std::string baselineRunLabel(const std::string& modelRef, int64_t runId);
// What each model of a run (by models.id) is called in its reports: its reference, or
// "model+variant" when the run sent it a prompt variant.
std::unordered_map<int64_t, std::string> runColumnLabels(const Workspace& workspace,
                                                         const RunInfo& run);

// The scorer whose scores a comparison reads: the one asked for, else the run's default
// (routing::defaultScorers, as the Router Lab chooses). Scores of different scorers are never
// mixed in one column.
std::string comparisonScorer(const Workspace& workspace, int64_t runId,
                             const std::string& requested);

// Every result of the columns' runs with its column; stops when `visit` returns false.
Status forEachColumnResult(const Workspace& workspace, const ComparisonColumns& columns,
                           const std::string& scorer, bool withOutput,
                           const std::function<bool(size_t column, const RunResultRow&)>& visit);

// Every prompt row of a set in order, with its row id (prompts.id); stops when `visit` returns
// false.
Status forEachPromptRow(const Workspace& workspace, int64_t setId,
                        const std::function<bool(int64_t promptId, PromptRow& row)>& visit);

} // namespace switchyard::workbench::detail
