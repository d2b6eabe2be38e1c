#pragma once

#include "store/records.h"
#include "store/sqlite.h"

namespace switchyard::detail {

// The columns every runs query selects, in this order, and the RunInfo they make.
inline constexpr const char* kRunColumns =
    "SELECT id, name, set_id, kind, status, synthetic, params_json, created_at FROM runs ";

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
    return run;
}

} // namespace switchyard::detail
