#pragma once

#include "common/process.h"
#include "store/records.h"
#include "store/run_lease.h"
#include "store/sqlite.h"

namespace switchyard::detail {

// The columns every runs query selects, in this order, and the RunInfo they make. The lease
// columns have names of their own, so callers append WHERE/ORDER BY on runs' columns unqualified.
inline constexpr const char* kRunColumns =
    "SELECT id, name, set_id, kind, status, synthetic, params_json, created_at, spent_usd,"
    " token, pid, host, started_at, heartbeat_ms"
    " FROM runs LEFT JOIN run_leases ON run_leases.run_id = runs.id ";

inline RunInfo runFromRow(const sql::Statement& stmt) {
    RunInfo run;
    run.id = stmt.columnInt(0);
    run.name = stmt.columnText(1);
    if (!stmt.columnIsNull(2))
        run.setId = stmt.columnInt(2);
    run.kind = stmt.columnText(3);
    run.status = stmt.columnText(4);
    run.synthetic = stmt.columnInt(5) != 0;
    run.paramsJson = stmt.columnText(6);
    run.createdAt = stmt.columnText(7);
    run.spentUsd = stmt.columnDouble(8);
    if (!stmt.columnIsNull(9))
        run.lease = RunLease{stmt.columnText(9), stmt.columnInt(10), stmt.columnText(11),
                             stmt.columnText(12), stmt.columnInt(13)};
    // Only runners hold leases; an import marks its run running without one.
    if (run.kind == "provider" && run.status == "running" &&
        !(run.lease && leaseLive(*run.lease, epochNowMs())))
        run.status = "interrupted";
    return run;
}

} // namespace switchyard::detail
