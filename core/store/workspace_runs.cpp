// What the provider runner needs from the workspace: finding the run to resume and what it
// already holds, paging prompt ids, a model's answer history, the response cache, and per-model
// totals of a run.
#include "store/workspace.h"

#include "common/clock.h"
#include "store/detail/run_row.h"

namespace switchyard {

std::optional<RunInfo> Workspace::findProviderRun(int64_t setId, const std::string& paramsJson,
                                                  bool includeComplete) const {
    auto stmt = m_db.prepare(std::string(detail::kRunColumns) +
                             "WHERE set_id = ? AND kind = 'provider' AND params_json = ?" +
                             (includeComplete ? "" : " AND status <> 'complete'") +
                             " ORDER BY id DESC LIMIT 1");
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, setId).bind(2, paramsJson);
    if (!stmt->next())
        return std::nullopt;
    return detail::runFromRow(*stmt);
}

Status Workspace::forEachRunPair(
    int64_t runId,
    const std::function<void(int64_t modelId, int64_t promptId, bool failed)>& visit) const {
    // The UNIQUE (run_id, model_id, prompt_id) index delivers this order without sorting.
    auto stmt = m_db.prepare("SELECT model_id, prompt_id, error_class IS NOT NULL FROM results"
                             " WHERE run_id = ? ORDER BY model_id, prompt_id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId);
    for (;;) {
        auto stepped = stmt->step();
        if (!stepped)
            return stepped.error();
        if (!*stepped)
            return success();
        visit(stmt->columnInt(0), stmt->columnInt(1), stmt->columnInt(2) != 0);
    }
}

std::vector<std::pair<int64_t, int64_t>>
Workspace::promptIdPage(int64_t setId, int64_t afterOrdinal, int limit) const {
    std::vector<std::pair<int64_t, int64_t>> out;
    auto stmt = m_db.prepare("SELECT ordinal, id FROM prompts WHERE set_id = ? AND ordinal > ?"
                             " ORDER BY ordinal LIMIT ?");
    if (!stmt)
        return out;
    stmt->bind(1, setId).bind(2, afterOrdinal).bind(3, limit);
    while (stmt->next())
        out.emplace_back(stmt->columnInt(0), stmt->columnInt(1));
    return out;
}

OutputHistory Workspace::outputHistory(const std::string& modelRef) const {
    auto stmt = m_db.prepare(
        "SELECT count(*), coalesce(avg(r.output_tokens), 0) FROM results r"
        " WHERE r.model_id = (SELECT id FROM models WHERE ref = ?) AND r.error_class IS NULL"
        " AND r.attempts > 0 AND r.output_tokens > 0");
    if (!stmt)
        return {};
    stmt->bind(1, modelRef);
    if (!stmt->next())
        return {};
    return {stmt->columnInt(0), stmt->columnDouble(1)};
}

ModelTiming Workspace::modelTiming(const std::string& modelRef) const {
    auto stmt = m_db.prepare(
        "SELECT count(*), coalesce(sum(r.input_tokens), 0), coalesce(sum(r.output_tokens), 0),"
        " coalesce(sum(r.latency_ms), 0) FROM results r"
        " WHERE r.model_id = (SELECT id FROM models WHERE ref = ?) AND r.error_class IS NULL"
        " AND r.attempts > 0 AND r.latency_ms > 0");
    if (!stmt)
        return {};
    stmt->bind(1, modelRef);
    if (!stmt->next())
        return {};
    return {stmt->columnInt(0), stmt->columnInt(1), stmt->columnInt(2),
            stmt->columnDouble(3) / 1000.0};
}

std::optional<CachedResponse> Workspace::cachedResponse(const std::string& requestHash) const {
    auto stmt = m_db.prepare(
        "SELECT model_ref, output, input_tokens, output_tokens, cache_read_tokens,"
        " cache_write_tokens, cache_write_1h_tokens, stop_reason, priced_model, latency_ms"
        " FROM response_cache WHERE request_hash = ?");
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, requestHash);
    if (!stmt->next())
        return std::nullopt;
    CachedResponse cached;
    cached.requestHash = requestHash;
    cached.modelRef = stmt->columnText(0);
    cached.output = stmt->columnText(1);
    cached.usage = {stmt->columnInt(2), stmt->columnInt(3), stmt->columnInt(4), stmt->columnInt(5),
                    stmt->columnInt(6)};
    cached.stopReason = stmt->columnText(7);
    cached.pricedModel = stmt->columnText(8);
    if (!stmt->columnIsNull(9))
        cached.latencyMs = stmt->columnDouble(9);
    return cached;
}

Status Workspace::putCachedResponses(std::span<const CachedResponse> responses) {
    if (responses.empty())
        return success();
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status;
    if (auto status = insertCachedResponses(responses); !status)
        return status;
    return transaction.commit();
}

Status Workspace::insertCachedResponses(std::span<const CachedResponse> responses) {
    if (responses.empty())
        return success();
    auto stmt = m_db.prepare(
        "INSERT OR REPLACE INTO response_cache (request_hash, model_ref, output, input_tokens,"
        " output_tokens, cache_read_tokens, cache_write_tokens, cache_write_1h_tokens,"
        " stop_reason, priced_model, latency_ms, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!stmt)
        return stmt.error();
    const std::string now = utcNowIso8601();
    for (const CachedResponse& cached : responses) {
        stmt->bindUncopied(1, cached.requestHash)
            .bindUncopied(2, cached.modelRef)
            .bindUncopied(3, cached.output)
            .bind(4, cached.usage.input)
            .bind(5, cached.usage.output)
            .bind(6, cached.usage.cacheRead)
            .bind(7, cached.usage.cacheWrite)
            .bind(8, cached.usage.cacheWrite1h)
            .bindUncopied(9, cached.stopReason)
            .bindUncopied(10, cached.pricedModel)
            .bind(11, cached.latencyMs)
            .bindUncopied(12, now);
        if (auto status = stmt->run(); !status)
            return status;
    }
    return success();
}

std::vector<RunResultTotals> Workspace::runResultTotals(int64_t runId) const {
    std::vector<RunResultTotals> out;
    // attempts = 0 with no error: answered from the response cache (see runner.h).
    auto stmt = m_db.prepare(
        "SELECT m.ref, coalesce(r.error_class, ''), count(*),"
        " sum(r.attempts = 0 AND r.error_class IS NULL), sum(r.input_tokens),"
        " sum(r.output_tokens), sum(r.cache_read_tokens), sum(r.cache_write_tokens),"
        " coalesce(sum(r.cost_usd), 0),"
        " coalesce(sum(CASE WHEN r.attempts = 0 AND r.error_class IS NULL THEN r.cost_usd END), 0)"
        " FROM results r JOIN models m ON m.id = r.model_id WHERE r.run_id = ?"
        " GROUP BY m.ref, r.error_class ORDER BY m.ref, r.error_class");
    if (!stmt)
        return out;
    stmt->bind(1, runId);
    while (stmt->next()) {
        RunResultTotals totals;
        totals.modelRef = stmt->columnText(0);
        totals.errorClass = stmt->columnText(1);
        totals.results = stmt->columnInt(2);
        totals.cached = stmt->columnInt(3);
        totals.inputTokens = stmt->columnInt(4);
        totals.outputTokens = stmt->columnInt(5);
        totals.cacheReadTokens = stmt->columnInt(6);
        totals.cacheWriteTokens = stmt->columnInt(7);
        totals.costUsd = stmt->columnDouble(8);
        totals.cachedCostUsd = stmt->columnDouble(9);
        out.push_back(std::move(totals));
    }
    return out;
}

} // namespace switchyard
