// Read-side queries over prompt sets: paging, search and per-set aggregates.
#include "store/workspace.h"

#include "prompts/prompt_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace switchyard {

namespace {

constexpr const char* kRowColumns =
    "SELECT ordinal, prompt_key, preview, expected, tags_json, timestamp_ms,"
    " json_array_length(messages_json, '$.messages'), est_tokens FROM prompts ";

// LIKE treats % and _ as wildcards; a user searching for "50%" means the character.
std::string likePattern(const std::string& text) {
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

std::vector<PromptRow> readRows(sql::Statement& stmt, int limit) {
    std::vector<PromptRow> rows;
    rows.reserve(static_cast<size_t>(limit));
    while (stmt.next()) {
        PromptRow out;
        out.ordinal = stmt.columnInt(0);
        out.id = stmt.columnText(1);
        out.preview = stmt.columnText(2);
        if (!stmt.columnIsNull(3))
            out.expected = stmt.columnText(3);
        out.tags = tagsFromJson(stmt.columnText(4));
        if (!stmt.columnIsNull(5))
            out.timestampMs = stmt.columnInt(5);
        out.turnCount = static_cast<int>(stmt.columnInt(6));
        if (!stmt.columnIsNull(7))
            out.estTokens = stmt.columnInt(7);
        rows.push_back(std::move(out));
    }
    return rows;
}

constexpr const char* kSearchCondition =
    " AND (prompt_key LIKE ?9 ESCAPE '\\' OR preview LIKE ?9 ESCAPE '\\'"
    " OR tags_json LIKE ?9 ESCAPE '\\')";

} // namespace

std::vector<PromptRow> Workspace::promptRows(int64_t setId, int64_t afterOrdinal, int limit) const {
    auto stmt = m_db.prepare(std::string(kRowColumns) +
                             "WHERE set_id = ? AND ordinal > ? ORDER BY ordinal LIMIT ?");
    if (!stmt)
        return {};
    stmt->bind(1, setId).bind(2, afterOrdinal).bind(3, limit);
    return readRows(*stmt, limit);
}

std::vector<int64_t> Workspace::searchPromptOrdinals(int64_t setId, const std::string& text) const {
    std::vector<int64_t> ordinals;
    auto stmt = m_db.prepare(std::string("SELECT ordinal FROM prompts WHERE set_id = ?1") +
                             kSearchCondition + " ORDER BY ordinal");
    if (!stmt)
        return ordinals;
    stmt->bind(1, setId).bind(9, likePattern(text));
    while (stmt->next())
        ordinals.push_back(stmt->columnInt(0));
    return ordinals;
}

std::vector<int64_t> Workspace::searchPromptIds(int64_t setId, const std::string& text) const {
    std::vector<int64_t> ids;
    // The whole conversation, not only the preview of its last turn.
    auto stmt =
        m_db.prepare(std::string("SELECT id FROM prompts WHERE set_id = ?1") + kSearchCondition +
                     " UNION SELECT id FROM prompts WHERE set_id = ?1"
                     " AND messages_json LIKE ?10 ESCAPE '\\'");
    if (!stmt)
        return ids;
    // The conversation is stored as JSON text: a quote, a backslash or a line break in it is
    // escaped there, and so must the text searched for be.
    const std::string escaped =
        nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    stmt->bind(1, setId)
        .bind(9, likePattern(text))
        .bind(10, likePattern(escaped.substr(1, escaped.size() - 2)));
    while (stmt->next())
        ids.push_back(stmt->columnInt(0));
    return ids;
}

std::vector<int64_t> Workspace::searchRunOutputs(int64_t runId, const std::string& text) const {
    std::vector<int64_t> ids;
    auto stmt = m_db.prepare("SELECT DISTINCT prompt_id FROM results WHERE run_id = ?1"
                             " AND output LIKE ?2 ESCAPE '\\'");
    if (!stmt)
        return ids;
    stmt->bind(1, runId).bind(2, likePattern(text));
    while (stmt->next())
        ids.push_back(stmt->columnInt(0));
    return ids;
}

std::vector<PromptRow> Workspace::promptRowsBetween(int64_t setId, int64_t firstOrdinal,
                                                    int64_t lastOrdinal,
                                                    const std::string& text) const {
    std::string sql = std::string(kRowColumns) + "WHERE set_id = ?1 AND ordinal BETWEEN ?2 AND ?3";
    if (!text.empty())
        sql += kSearchCondition;
    auto stmt = m_db.prepare(sql + " ORDER BY ordinal");
    if (!stmt)
        return {};
    stmt->bind(1, setId).bind(2, firstOrdinal).bind(3, lastOrdinal);
    if (!text.empty())
        stmt->bind(9, likePattern(text));
    return readRows(*stmt,
                    static_cast<int>(std::min<int64_t>(lastOrdinal - firstOrdinal + 1, 4096)));
}

PromptSetStats Workspace::promptSetStats(int64_t setId) const {
    PromptSetStats stats;
    auto stmt = m_db.prepare(
        "SELECT count(*), count(expected), count(timestamp_ms),"
        " sum(json_array_length(messages_json, '$.messages') > 1), coalesce(sum(est_tokens), 0),"
        " (SELECT count(*) FROM import_rejections WHERE set_id = ?1)"
        " FROM prompts WHERE set_id = ?1");
    if (!stmt)
        return stats;
    stmt->bind(1, setId);
    if (stmt->next()) {
        stats.prompts = stmt->columnInt(0);
        stats.withExpected = stmt->columnInt(1);
        stats.withTimestamp = stmt->columnInt(2);
        stats.multiTurn = stmt->columnInt(3);
        stats.estTokens = stmt->columnInt(4);
        stats.rejected = stmt->columnInt(5);
    }
    return stats;
}

} // namespace switchyard
