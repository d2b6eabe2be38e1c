#include "workbench/compare_ops.h"

#include "common/atomic_file.h"
#include "common/text_format.h"
#include "workbench/detail/comparison_columns.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace switchyard::workbench {

namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csvNumber(double value, int decimals) {
    return std::isnan(value) ? std::string() : formatFixed(value, decimals);
}

} // namespace

Expected<MatrixOutcome> loadCompareMatrix(const Workspace& workspace, const MatrixRequest& request,
                                          const CancelToken* cancel, const Progress& progress) {
    auto columns = detail::comparisonColumns(workspace, request.runId, request.baselineRunId);
    if (!columns)
        return columns.error();
    MatrixOutcome outcome;
    outcome.setId = columns->setId;
    outcome.scorer = detail::comparisonScorer(workspace, request.runId, request.scorer);
    outcome.matrix = compare::CompareMatrix(columns->columns);
    compare::CompareMatrix& matrix = outcome.matrix;

    // Which prompts have a result, so that rows are only those some column answered.
    std::unordered_set<int64_t> answered;
    int64_t total = 0;
    for (int64_t runId : columns->runIds) {
        total += workspace.resultCount(runId);
        auto status = workspace.forEachRunPair(
            runId, [&](int64_t, int64_t promptId, bool) { answered.insert(promptId); });
        if (!status)
            return status.error();
    }
    auto rows =
        detail::forEachPromptRow(workspace, columns->setId, [&](int64_t promptId, PromptRow& row) {
            if (answered.count(promptId))
                matrix.addRow(promptId, row.ordinal, std::move(row.id), std::move(row.preview),
                              row.tags);
            return !(cancel && cancel->cancelled());
        });
    if (!rows)
        return rows.error();
    if (cancel && cancel->cancelled())
        return Error{"", 0, "", "cancelled"};

    std::vector<double> cost(matrix.columnCount(), 0.0);
    std::vector<int64_t> priced(matrix.columnCount(), 0);
    int64_t done = 0;
    auto visited = detail::forEachColumnResult(
        workspace, *columns, outcome.scorer, true, [&](size_t column, const RunResultRow& row) {
            const auto at = matrix.rowOfPrompt(row.promptId);
            if (!at)
                return true;
            compare::CellInput cell;
            cell.state =
                row.errorClass.empty() ? compare::CellState::Answered : compare::CellState::Failed;
            cell.score = row.errorClass.empty() ? row.score : std::nullopt;
            cell.costUsd = row.costUsd;
            cell.latencyMs = row.latencyMs;
            cell.answer = row.output;
            cell.errorClass = row.errorClass;
            matrix.setCell(*at, column, cell);
            if (row.costUsd) {
                cost[column] += *row.costUsd;
                ++priced[column];
            }
            if (progress && ++done % 4096 == 0)
                progress(done, total);
            return !(cancel && cancel->cancelled());
        });
    if (!visited)
        return visited.error();
    if (cancel && cancel->cancelled())
        return Error{"", 0, "", "cancelled"};
    for (size_t column = 0; column < matrix.columnCount(); ++column)
        if (priced[column] > 0)
            matrix.setColumnCost(column,
                                 cost[column] / static_cast<double>(priced[column]) * 1000.0);
    if (progress)
        progress(total, total);
    return outcome;
}

std::unordered_set<int64_t> searchComparison(const Workspace& workspace, int64_t setId,
                                             std::span<const int64_t> runIds,
                                             const std::string& text) {
    std::unordered_set<int64_t> hits;
    for (int64_t id : workspace.searchPromptIds(setId, text))
        hits.insert(id);
    for (int64_t runId : runIds)
        for (int64_t id : workspace.searchRunOutputs(runId, text))
            hits.insert(id);
    return hits;
}

std::optional<CellDetail> readCell(const Workspace& workspace, int64_t setId,
                                   const compare::CompareMatrix& matrix, size_t row,
                                   size_t column) {
    if (row >= matrix.rowCount() || column >= matrix.columnCount())
        return std::nullopt;
    const compare::MatrixColumn& info = matrix.columns()[column];
    CellDetail detail;
    if (auto result = workspace.resultDetail(info.runId, info.modelId, matrix.row(row).promptId))
        detail.result = std::move(*result);
    if (auto prompt = workspace.prompt(setId, matrix.row(row).ordinal)) {
        detail.expected = prompt->expected;
        detail.prompt = prompt->lastUserText();
    }
    return detail;
}

Status exportComparisonCsv(const Workspace& workspace, const compare::CompareMatrix& matrix,
                           std::span<const uint32_t> rows, const std::string& path,
                           const CancelToken* cancel) {
    // The answers in full, which the matrix keeps only the start of: of the exported rows only.
    std::vector<std::string> answers(matrix.rowCount() * matrix.columnCount());
    std::vector<bool> exported(matrix.rowCount(), false);
    for (uint32_t row : rows)
        if (row < exported.size())
            exported[row] = true;
    detail::ComparisonColumns columns;
    columns.columns = matrix.columns();
    for (const compare::MatrixColumn& column : matrix.columns())
        if (std::find(columns.runIds.begin(), columns.runIds.end(), column.runId) ==
            columns.runIds.end())
            columns.runIds.push_back(column.runId);
    auto read = detail::forEachColumnResult(
        workspace, columns, "", true, [&](size_t column, const RunResultRow& row) {
            if (const auto at = matrix.rowOfPrompt(row.promptId); at && exported[*at])
                answers[*at * matrix.columnCount() + column] = row.output;
            return !(cancel && cancel->cancelled());
        });
    if (!read)
        return read;
    if (cancel && cancel->cancelled())
        return Error{"", 0, "", "cancelled"};

    std::string text = "prompt_id,ordinal,tags";
    for (const compare::MatrixColumn& column : matrix.columns())
        for (const char* field : {"answer", "score", "cost_usd", "latency_ms", "error"})
            text += "," + csvField(column.label + " " + field);
    text += "\n";
    for (uint32_t row : rows) {
        const compare::MatrixRow& info = matrix.row(row);
        std::string tags;
        for (uint16_t tag : info.tags)
            tags += (tags.empty() ? "" : ";") + matrix.tags()[tag];
        text += csvField(info.key) + "," + std::to_string(info.ordinal) + "," + csvField(tags);
        for (size_t column = 0; column < matrix.columnCount(); ++column) {
            const compare::MatrixCell& cell = matrix.cell(row, column);
            const bool failed = cell.state == compare::CellState::Failed;
            text += "," + csvField(answers[row * matrix.columnCount() + column]) + "," +
                    csvNumber(cell.score, 4) + "," + csvNumber(cell.costUsd, 8) + "," +
                    csvNumber(cell.latencyMs, 1) + "," +
                    csvField(failed ? matrix.errorClasses()[cell.errorIndex] : "");
        }
        text += "\n";
    }
    return writeFileAtomically(path, text, "the comparison CSV");
}

} // namespace switchyard::workbench
