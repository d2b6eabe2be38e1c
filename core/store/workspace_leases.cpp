// One runner per run: claiming a run, the holder's heartbeat, and giving the run up when the
// runner stops (store/run_lease.h).
#include "store/workspace.h"

#include "common/process.h"
#include "store/detail/run_row.h"
#include "store/run_lease.h"

namespace switchyard {

namespace {

Status writeLease(const sql::Database& db, int64_t runId, const RunLease& lease) {
    auto stmt = db.prepare("INSERT OR REPLACE INTO run_leases (run_id, token, pid, host,"
                           " started_at, heartbeat_ms) VALUES (?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId)
        .bind(2, lease.token)
        .bind(3, lease.pid)
        .bind(4, lease.host)
        .bind(5, lease.startedAt)
        .bind(6, epochNowMs());
    return stmt->run();
}

} // namespace

Expected<RunClaim> Workspace::claimRun(const RunClaimRequest& request) {
    // BEGIN IMMEDIATE takes the write lock before the lookup: a second claimant waits here and
    // then sees the first one's lease or new run.
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status.error();
    std::optional<RunInfo> target =
        request.runId ? run(*request.runId)
                      : findProviderRun(request.setId, request.paramsJson, request.includeComplete);
    RunClaim claim;
    if (target) {
        if (target->lease && target->lease->token != request.lease.token &&
            leaseLive(*target->lease, epochNowMs())) {
            claim.refused = std::move(target);
            return claim; // the transaction rolls back: nothing was written
        }
        auto markRunning = m_db.prepare("UPDATE runs SET status = 'running' WHERE id = ?");
        if (!markRunning)
            return markRunning.error();
        markRunning->bind(1, target->id);
        if (auto updated = markRunning->run(); !updated)
            return updated.error();
    } else if (request.create) {
        RunInfo info = *request.create;
        info.status = "running";
        auto id = createRun(info);
        if (!id)
            return id.error();
        target = run(*id);
        claim.created = true;
    } else {
        return claim;
    }
    if (auto status = writeLease(m_db, target->id, request.lease); !status)
        return status.error();
    if (auto status = transaction.commit(); !status)
        return status.error();
    claim.run = run(target->id);
    return claim;
}

Expected<bool> Workspace::heartbeatLease(int64_t runId, const std::string& token) {
    auto stmt =
        m_db.prepare("UPDATE run_leases SET heartbeat_ms = ? WHERE run_id = ? AND token = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, epochNowMs()).bind(2, runId).bind(3, token);
    if (auto status = stmt->run(); !status)
        return status.error();
    return m_db.changes() > 0;
}

Status Workspace::finishRun(int64_t runId, const std::string& token, const std::string& status,
                            const std::string& paramsJson) {
    sql::Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    // A runner that lost its lease (it went silent and another took the run over) leaves the
    // status to the runner that holds it now.
    auto holder = m_db.prepare("SELECT token FROM run_leases WHERE run_id = ?");
    if (!holder)
        return holder.error();
    holder->bind(1, runId);
    if (holder->next() && holder->columnText(0) != token)
        return success();
    holder->reset();
    if (auto written = setRunStatus(runId, status, paramsJson); !written)
        return written;
    auto release = m_db.prepare("DELETE FROM run_leases WHERE run_id = ? AND token = ?");
    if (!release)
        return release.error();
    release->bind(1, runId).bind(2, token);
    if (auto released = release->run(); !released)
        return released;
    return transaction.commit();
}

Status Workspace::releaseLease(int64_t runId, const std::string& token) {
    auto stmt = m_db.prepare("DELETE FROM run_leases WHERE run_id = ? AND token = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId).bind(2, token);
    return stmt->run();
}

} // namespace switchyard
