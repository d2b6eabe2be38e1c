// Runs and recorded results: the parts of the workspace that grow with use.
#include "store/workspace.h"

#include "common/clock.h"
#include "store/detail/run_row.h"

#include <unordered_map>

namespace switchyard {

Expected<int64_t> Workspace::modelIdForRef(const std::string& ref) {
    auto find = m_db.prepare("SELECT id FROM models WHERE ref = ?");
    if (!find)
        return find.error();
    find->bind(1, ref);
    if (find->next())
        return find->columnInt(0);
    // OR IGNORE: another process may have added the same model since the lookup.
    auto insert = m_db.prepare("INSERT OR IGNORE INTO models (ref, model_name) VALUES (?, ?)");
    if (!insert)
        return insert.error();
    const auto slash = ref.find('/');
    insert->bind(1, ref).bind(2, slash == std::string::npos ? ref : ref.substr(slash + 1));
    if (auto status = insert->run(); !status)
        return status.error();
    find->reset();
    find->bind(1, ref);
    if (find->next())
        return find->columnInt(0);
    return Error{m_db.path(), 0, "model", "cannot record model '" + ref + "'"};
}

Expected<int64_t> Workspace::createRun(const RunInfo& run) {
    auto stmt = m_db.prepare("INSERT INTO runs (name, set_id, kind, status, synthetic, params_json,"
                             " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, run.name)
        .bind(2, run.setId)
        .bind(3, run.kind)
        .bind(4, run.status)
        .bind(5, run.synthetic ? 1 : 0)
        .bind(6, run.paramsJson)
        .bind(7, run.createdAt.empty() ? utcNowIso8601() : run.createdAt);
    if (auto status = stmt->run(); !status)
        return status.error();
    return m_db.lastInsertId();
}

std::vector<RunInfo> Workspace::runs() const {
    std::vector<RunInfo> out;
    auto stmt = m_db.prepare(std::string(detail::kRunColumns) + "ORDER BY id");
    if (!stmt)
        return out;
    while (stmt->next())
        out.push_back(detail::runFromRow(*stmt));
    return out;
}

Status Workspace::insertResults(int64_t runId, std::span<const ResultRecord> results) {
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status;
    if (auto status = insertResultRows(runId, results); !status)
        return status;
    return transaction.commit();
}

Status Workspace::recordRunResults(int64_t runId, std::span<const ResultRecord> results,
                                   std::span<const CachedResponse> cached, double spentUsd) {
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status;
    if (auto status = insertResultRows(runId, results); !status)
        return status;
    if (auto status = insertCachedResponses(cached); !status)
        return status;
    if (spentUsd != 0.0) {
        auto spend = m_db.prepare("UPDATE runs SET spent_usd = spent_usd + ? WHERE id = ?");
        if (!spend)
            return spend.error();
        spend->bind(1, spentUsd).bind(2, runId);
        if (auto status = spend->run(); !status)
            return status;
    }
    return transaction.commit();
}

// Inside the caller's write transaction, so model ids are resolved under the same lock as the
// rows that use them.
Status Workspace::insertResultRows(int64_t runId, std::span<const ResultRecord> results) {
    std::unordered_map<std::string, int64_t> modelIds; // a batch names a handful of models
    for (const ResultRecord& result : results) {
        if (modelIds.count(result.modelRef))
            continue;
        auto id = modelIdForRef(result.modelRef);
        if (!id)
            return id.error();
        modelIds.emplace(result.modelRef, *id);
    }
    auto stmt = m_db.prepare(
        "INSERT OR REPLACE INTO results (run_id, prompt_id, model_id, output, input_tokens,"
        " output_tokens, cache_read_tokens, cache_write_tokens, latency_ms, cost_usd,"
        " error_class, error_message, attempts, cache_write_1h_tokens, priced_model, confidence)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!stmt)
        return stmt.error();
    for (const ResultRecord& result : results) {
        stmt->bind(1, runId)
            .bind(2, result.promptId)
            .bind(3, modelIds[result.modelRef])
            .bindUncopied(4, result.output)
            .bind(5, result.inputTokens)
            .bind(6, result.outputTokens)
            .bind(7, result.cacheReadTokens)
            .bind(8, result.cacheWriteTokens)
            .bind(9, result.latencyMs)
            .bind(10, result.costUsd);
        if (result.errorClass.empty())
            stmt->bindNull(11).bindNull(12);
        else
            stmt->bindUncopied(11, result.errorClass).bindUncopied(12, result.errorMessage);
        stmt->bind(13, result.attempts).bind(14, result.cacheWrite1hTokens);
        if (result.pricedModel.empty())
            stmt->bindNull(15);
        else
            stmt->bindUncopied(15, result.pricedModel);
        stmt->bind(16, result.confidence);
        if (auto status = stmt->run(); !status)
            return status;
    }
    return success();
}

int64_t Workspace::resultCount(int64_t runId) const {
    auto stmt = m_db.prepare("SELECT count(*) FROM results WHERE run_id = ?");
    if (!stmt)
        return 0;
    stmt->bind(1, runId);
    return stmt->next() ? stmt->columnInt(0) : 0;
}

bool Workspace::hasResults(int64_t runId) const {
    auto stmt = m_db.prepare("SELECT EXISTS (SELECT 1 FROM results WHERE run_id = ?)");
    if (!stmt)
        return false;
    stmt->bind(1, runId);
    return stmt->next() && stmt->columnInt(0) != 0;
}

} // namespace switchyard
