// Queries over recorded results for the results importer and the replay engine, and the saved
// routing policies.
#include "store/workspace.h"

#include "common/clock.h"
#include "store/detail/run_row.h"

namespace switchyard {

std::optional<RunInfo> Workspace::run(int64_t runId) const {
    auto stmt = m_db.prepare(std::string(detail::kRunColumns) + "WHERE id = ?");
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, runId);
    if (!stmt->next())
        return std::nullopt;
    return detail::runFromRow(*stmt);
}

Status Workspace::setRunStatus(int64_t runId, const std::string& status,
                               const std::string& paramsJson) {
    auto stmt = m_db.prepare("UPDATE runs SET status = ?, params_json = ? WHERE id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, status).bind(2, paramsJson).bind(3, runId);
    return stmt->run();
}

Status Workspace::renameRun(int64_t runId, const std::string& name) {
    auto stmt = m_db.prepare("UPDATE runs SET name = ? WHERE id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name).bind(2, runId);
    return stmt->run();
}

std::vector<std::optional<PromptKeyMatch>>
Workspace::findPromptsByKey(int64_t setId, std::span<const std::string> keys) const {
    std::vector<std::optional<PromptKeyMatch>> out(keys.size());
    // The UNIQUE (set_id, prompt_key) index makes each lookup one index probe.
    auto stmt =
        m_db.prepare("SELECT id, est_tokens FROM prompts WHERE set_id = ? AND prompt_key = ?");
    if (!stmt)
        return out;
    for (size_t i = 0; i < keys.size(); ++i) {
        stmt->bind(1, setId).bindUncopied(2, keys[i]);
        if (stmt->next()) {
            PromptKeyMatch match;
            match.rowId = stmt->columnInt(0);
            if (!stmt->columnIsNull(1))
                match.estTokens = stmt->columnInt(1);
            out[i] = match;
        }
        stmt->reset();
    }
    return out;
}

Status Workspace::insertScores(int64_t runId, std::span<const ScoreRecord> scores) {
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status;
    auto stmt = m_db.prepare(
        "INSERT INTO scores (result_id, scorer, score, detail) SELECT r.id, ?, ?, ? FROM results r"
        " JOIN models m ON m.id = r.model_id WHERE r.run_id = ? AND m.ref = ? AND r.prompt_id = ?"
        " ON CONFLICT(result_id, scorer) DO UPDATE SET score = excluded.score,"
        " detail = excluded.detail");
    if (!stmt)
        return stmt.error();
    for (const ScoreRecord& score : scores) {
        stmt->bind(1, score.scorer).bind(2, score.score);
        if (score.detail.empty())
            stmt->bindNull(3);
        else
            stmt->bind(3, score.detail);
        stmt->bind(4, runId).bind(5, score.modelRef).bind(6, score.promptId);
        if (auto status = stmt->run(); !status)
            return status;
        if (m_db.changes() == 0)
            return Error{m_db.path(), 0, "",
                         "no result of model '" + score.modelRef + "' for prompt row " +
                             std::to_string(score.promptId) + " in run " + std::to_string(runId) +
                             " to score"};
    }
    return transaction.commit();
}

Status Workspace::forEachRunResult(int64_t runId, const std::string& scorer, bool withOutput,
                                   const std::function<bool(const RunResultRow&)>& visit) const {
    const std::string scoreQuery =
        scorer.empty()
            ? "(SELECT s.score FROM scores s WHERE s.result_id = r.id ORDER BY s.id DESC LIMIT 1)"
            : "(SELECT s.score FROM scores s WHERE s.result_id = r.id AND s.scorer = ?2)";
    auto stmt = m_db.prepare(
        "SELECT p.ordinal, r.prompt_id, r.model_id, r.input_tokens, r.output_tokens,"
        " r.cache_read_tokens, r.cache_write_tokens, r.latency_ms, r.cost_usd, r.error_class, " +
        scoreQuery + ", r.confidence" + (withOutput ? ", r.output" : ", NULL") +
        " FROM results r JOIN prompts p ON p.id = r.prompt_id WHERE r.run_id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId);
    if (!scorer.empty())
        stmt->bind(2, scorer);
    RunResultRow row;
    for (;;) {
        auto stepped = stmt->step();
        if (!stepped)
            return stepped.error();
        if (!*stepped)
            return success();
        row.promptOrdinal = stmt->columnInt(0);
        row.promptId = stmt->columnInt(1);
        row.modelId = stmt->columnInt(2);
        row.inputTokens = stmt->columnInt(3);
        row.outputTokens = stmt->columnInt(4);
        row.cacheReadTokens = stmt->columnInt(5);
        row.cacheWriteTokens = stmt->columnInt(6);
        row.latencyMs =
            stmt->columnIsNull(7) ? std::nullopt : std::optional<double>(stmt->columnDouble(7));
        row.costUsd =
            stmt->columnIsNull(8) ? std::nullopt : std::optional<double>(stmt->columnDouble(8));
        row.errorClass = stmt->columnIsNull(9) ? std::string() : stmt->columnText(9);
        row.score =
            stmt->columnIsNull(10) ? std::nullopt : std::optional<double>(stmt->columnDouble(10));
        row.confidence =
            stmt->columnIsNull(11) ? std::nullopt : std::optional<double>(stmt->columnDouble(11));
        if (withOutput)
            row.output = stmt->columnText(12);
        if (!visit(row))
            return success();
    }
}

std::vector<std::pair<int64_t, std::string>> Workspace::runModels(int64_t runId) const {
    std::vector<std::pair<int64_t, std::string>> out;
    auto stmt = m_db.prepare("SELECT m.id, m.ref FROM models m WHERE m.id IN"
                             " (SELECT DISTINCT model_id FROM results WHERE run_id = ?)"
                             " ORDER BY m.ref");
    if (!stmt)
        return out;
    stmt->bind(1, runId);
    while (stmt->next())
        out.emplace_back(stmt->columnInt(0), stmt->columnText(1));
    return out;
}

std::vector<std::string> Workspace::runScorers(int64_t runId) const {
    std::vector<std::string> out;
    auto stmt = m_db.prepare("SELECT DISTINCT s.scorer FROM scores s JOIN results r"
                             " ON r.id = s.result_id WHERE r.run_id = ? ORDER BY s.scorer");
    if (!stmt)
        return out;
    stmt->bind(1, runId);
    while (stmt->next())
        out.push_back(stmt->columnText(0));
    return out;
}

std::optional<ResultDetail> Workspace::resultDetail(int64_t runId, int64_t modelId,
                                                    int64_t promptId) const {
    auto stmt = m_db.prepare("SELECT id, output, error_class, error_message, input_tokens,"
                             " output_tokens FROM results"
                             " WHERE run_id = ? AND model_id = ? AND prompt_id = ?");
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, runId).bind(2, modelId).bind(3, promptId);
    if (!stmt->next())
        return std::nullopt;
    const int64_t resultId = stmt->columnInt(0);
    ResultDetail detail;
    detail.output = stmt->columnIsNull(1) ? std::string() : stmt->columnText(1);
    detail.errorClass = stmt->columnIsNull(2) ? std::string() : stmt->columnText(2);
    detail.errorMessage = stmt->columnIsNull(3) ? std::string() : stmt->columnText(3);
    detail.inputTokens = stmt->columnInt(4);
    detail.outputTokens = stmt->columnInt(5);
    auto scores = m_db.prepare(
        "SELECT scorer, score, detail FROM scores WHERE result_id = ? ORDER BY scorer");
    if (!scores)
        return detail;
    scores->bind(1, resultId);
    while (scores->next())
        detail.scores.push_back({scores->columnText(0), scores->columnDouble(1),
                                 scores->columnIsNull(2) ? std::string() : scores->columnText(2)});
    return detail;
}

Status Workspace::savePolicy(const std::string& name, const std::string& yaml) {
    if (name.empty())
        return Error{"", 0, "name", "a policy needs a name"};
    auto stmt = m_db.prepare("INSERT INTO policies (name, yaml, created_at) VALUES (?, ?, ?)"
                             " ON CONFLICT(name) DO UPDATE SET yaml = excluded.yaml,"
                             " created_at = excluded.created_at");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name).bind(2, yaml).bind(3, utcNowIso8601());
    return stmt->run();
}

std::optional<PolicyRecord> Workspace::policy(const std::string& name) const {
    auto stmt = m_db.prepare("SELECT name, yaml, created_at FROM policies WHERE name = ?");
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, name);
    if (!stmt->next())
        return std::nullopt;
    return PolicyRecord{stmt->columnText(0), stmt->columnText(1), stmt->columnText(2)};
}

std::vector<PolicyRecord> Workspace::policies() const {
    std::vector<PolicyRecord> out;
    auto stmt = m_db.prepare("SELECT name, yaml, created_at FROM policies ORDER BY name");
    if (!stmt)
        return out;
    while (stmt->next())
        out.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2)});
    return out;
}

} // namespace switchyard
