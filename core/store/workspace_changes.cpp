// Seeing other writers: a window polls dataVersion() and, when it moved, compares a
// ChangeStamp to learn which of its lists to reload.
#include "store/workspace.h"

namespace switchyard {

namespace {

std::string firstRowText(const sql::Database& db, const char* sql) {
    auto stmt = db.prepare(sql);
    if (!stmt || !stmt->next())
        return {};
    return stmt->columnText(0);
}

} // namespace

int64_t Workspace::dataVersion() const {
    auto version = m_db.queryInt("PRAGMA data_version");
    return version ? *version : 0;
}

ChangeStamp Workspace::changeStamp() const {
    // max(id) comes straight from the end of each table's b-tree; a run's status and holder
    // change in place, so the runs part lists them (a workspace holds hundreds of runs, not
    // millions).
    ChangeStamp stamp;
    stamp.sets = firstRowText(m_db, "SELECT (SELECT count(*) || ':' || coalesce(max(id), 0)"
                                    " FROM prompt_sets) || ':' ||"
                                    " (SELECT coalesce(max(id), 0) FROM prompts)");
    stamp.runs = firstRowText(m_db, "SELECT group_concat(runs.id || '=' || status || '@' ||"
                                    " coalesce(token, ''), ',') FROM runs"
                                    " LEFT JOIN run_leases ON run_leases.run_id = runs.id");
    stamp.results = firstRowText(m_db, "SELECT coalesce(max(id), 0) FROM results");
    return stamp;
}

} // namespace switchyard
