#include "compare/compare_matrix.h"

#include "eval/reference_scorers.h"

#include <functional>

namespace switchyard::compare {

namespace {

constexpr size_t kMaxInterned = std::numeric_limits<uint16_t>::max();

// The longest prefix of at most `limit` bytes that does not split a UTF-8 sequence.
size_t utf8Prefix(std::string_view text, size_t limit) {
    if (text.size() <= limit)
        return text.size();
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return cut;
}

} // namespace

CompareMatrix::CompareMatrix(std::vector<MatrixColumn> columns) : m_columns(std::move(columns)) {}

size_t CompareMatrix::addRow(int64_t promptId, int64_t ordinal, std::string key,
                             std::string preview, const std::vector<std::string>& tags) {
    MatrixRow row{promptId, ordinal, std::move(key), std::move(preview), {}};
    for (const std::string& tag : tags) {
        auto found = m_tagIndex.find(tag);
        if (found == m_tagIndex.end()) {
            if (m_tags.size() >= kMaxInterned)
                continue; // beyond 65,535 distinct tags a tag filter is no use anyway
            found = m_tagIndex.emplace(tag, static_cast<uint16_t>(m_tags.size())).first;
            m_tags.push_back(tag);
        }
        row.tags.push_back(found->second);
    }
    const size_t index = m_rows.size();
    m_rowByPrompt.emplace(promptId, index);
    m_rows.push_back(std::move(row));
    m_cells.resize(m_cells.size() + m_columns.size());
    m_truncated.resize(m_cells.size());
    return index;
}

void CompareMatrix::setCell(size_t row, size_t column, const CellInput& input) {
    const size_t at = row * m_columns.size() + column;
    MatrixCell& cell = m_cells[at];
    cell.state = input.state;
    cell.score = input.score.value_or(kNoValue);
    cell.costUsd = input.costUsd.value_or(kNoValue);
    cell.latencyMs = input.latencyMs.value_or(kNoValue);
    if (input.state == CellState::Failed) {
        uint16_t index = 0;
        for (; index < m_errorClasses.size(); ++index)
            if (m_errorClasses[index] == input.errorClass)
                break;
        if (index == m_errorClasses.size() && m_errorClasses.size() < kMaxInterned)
            m_errorClasses.emplace_back(input.errorClass);
        cell.errorIndex = index < m_errorClasses.size() ? index : 0;
    }
    cell.answerHash = std::hash<std::string>{}(eval::normaliseAnswer(input.answer));
    const size_t length = utf8Prefix(input.answer, kHeadBytes);
    cell.headOffset = static_cast<uint32_t>(m_heads.size());
    cell.headLength = static_cast<uint32_t>(length);
    m_truncated[at] = length < input.answer.size();
    for (char c : input.answer.substr(0, length))
        m_heads.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
}

void CompareMatrix::setColumnCost(size_t column, std::optional<double> costPer1kUsd) {
    m_columns[column].costPer1kUsd = costPer1kUsd;
}

std::optional<size_t> CompareMatrix::rowOfPrompt(int64_t promptId) const {
    const auto found = m_rowByPrompt.find(promptId);
    return found == m_rowByPrompt.end() ? std::nullopt : std::optional<size_t>(found->second);
}

std::optional<size_t> CompareMatrix::columnOfLabel(std::string_view label) const {
    for (size_t column = 0; column < m_columns.size(); ++column)
        if (m_columns[column].label == label)
            return column;
    return std::nullopt;
}

std::optional<size_t> CompareMatrix::cheapestColumn() const {
    std::optional<size_t> cheapest;
    for (size_t column = 0; column < m_columns.size(); ++column) {
        const auto& cost = m_columns[column].costPer1kUsd;
        if (cost && (!cheapest || *cost < *m_columns[*cheapest].costPer1kUsd))
            cheapest = column;
    }
    return cheapest;
}

} // namespace switchyard::compare
