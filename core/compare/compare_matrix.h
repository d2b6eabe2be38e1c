#pragma once

// The matrix a comparison is read from: one row per prompt, one column per (run, model), each
// cell the start of the answer with its score, cost and latency. Plain data a view reads
// without touching the store. At 100,000 prompts × 6 models it stays small: answers are kept
// as their first characters in one shared buffer, the full text is read on demand.

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace switchyard::compare {

enum class CellState : uint8_t {
    Missing,  // the model has no result for the prompt: never counted as a zero
    Answered, // a successful call
    Failed,   // the call failed; errorClass says how
};

struct MatrixColumn {
    std::string label;    // the model reference, or "model@run3" for a baseline run's model
    std::string modelRef; // what picks its colour
    int64_t runId = 0;
    int64_t modelId = 0;
    std::optional<double> costPer1kUsd; // over its priced answers; empty when none is priced
};

struct MatrixRow {
    int64_t promptId = 0; // prompts.id
    int64_t ordinal = 0;
    std::string key; // the prompt's id in its file
    std::string preview;
    std::vector<uint16_t> tags; // indexes into CompareMatrix::tags()
};

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

struct MatrixCell {
    double score = kNoValue; // NaN: not scored
    double costUsd = kNoValue;
    double latencyMs = kNoValue;
    uint64_t answerHash = 0; // of the normalised answer: "do the answers differ" when unscored
    uint32_t headOffset = 0;
    uint32_t headLength = 0;
    uint16_t errorIndex = 0; // into CompareMatrix::errorClasses(); meaningful when Failed
    CellState state = CellState::Missing;

    bool scored() const { return !std::isnan(score); }
};

// What a loader hands over for one cell.
struct CellInput {
    CellState state = CellState::Answered;
    std::optional<double> score;
    std::optional<double> costUsd;
    std::optional<double> latencyMs;
    std::string_view answer; // the full answer: its start is kept, the whole is hashed
    std::string_view errorClass;
};

class CompareMatrix {
public:
    // Characters of an answer kept for the cell; the detail pane reads the whole.
    static constexpr size_t kHeadBytes = 160;

    CompareMatrix() = default;
    explicit CompareMatrix(std::vector<MatrixColumn> columns);

    // Rows are added in prompt order; every cell of a new row starts Missing.
    size_t addRow(int64_t promptId, int64_t ordinal, std::string key, std::string preview,
                  const std::vector<std::string>& tags);
    void setCell(size_t row, size_t column, const CellInput& input);
    void setColumnCost(size_t column, std::optional<double> costPer1kUsd);

    const std::vector<MatrixColumn>& columns() const { return m_columns; }
    size_t columnCount() const { return m_columns.size(); }
    size_t rowCount() const { return m_rows.size(); }
    const MatrixRow& row(size_t row) const { return m_rows[row]; }
    const MatrixCell& cell(size_t row, size_t column) const {
        return m_cells[row * m_columns.size() + column];
    }
    // The start of the answer, on one line (line breaks as spaces), cut at a character boundary.
    std::string_view head(const MatrixCell& cell) const {
        return std::string_view(m_heads).substr(cell.headOffset, cell.headLength);
    }
    bool headTruncated(const MatrixCell& cell) const { return m_truncated[&cell - m_cells.data()]; }
    const std::vector<std::string>& tags() const { return m_tags; }
    const std::vector<std::string>& errorClasses() const { return m_errorClasses; }
    std::optional<size_t> rowOfPrompt(int64_t promptId) const;
    std::optional<size_t> columnOfLabel(std::string_view label) const;
    // The column with the lowest cost per 1,000 answers among the priced ones.
    std::optional<size_t> cheapestColumn() const;

private:
    std::vector<MatrixColumn> m_columns;
    std::vector<MatrixRow> m_rows;
    std::vector<MatrixCell> m_cells; // row-major
    std::vector<bool> m_truncated;   // per cell
    std::string m_heads;
    std::vector<std::string> m_tags;
    std::unordered_map<std::string, uint16_t> m_tagIndex;
    std::vector<std::string> m_errorClasses{""};
    std::unordered_map<int64_t, size_t> m_rowByPrompt;
};

} // namespace switchyard::compare
