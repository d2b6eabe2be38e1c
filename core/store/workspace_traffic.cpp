#include "store/workspace.h"

#include "store/sqlite.h"

namespace switchyard {

Expected<AppendOutcome> Workspace::appendTraffic(int64_t setId, int64_t runId,
                                                 std::span<const Prompt> prompts,
                                                 std::span<ResultRecord> results,
                                                 const std::string& sourceFile) {
    if (prompts.size() != results.size())
        return Error{sourceFile, 0, "", "each request needs exactly one recorded result"};
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status.error();
    AppendOutcome outcome;
    if (auto status = insertPromptRows(setId, prompts, sourceFile, outcome); !status)
        return status.error();
    std::vector<ResultRecord> stored;
    stored.reserve(results.size());
    for (size_t i = 0; i < results.size(); ++i) {
        if (outcome.rowIds[i] == 0)
            continue; // imported before: its cost is already in the workspace
        results[i].promptId = outcome.rowIds[i];
        stored.push_back(std::move(results[i]));
    }
    if (auto status = insertResultRows(runId, stored); !status)
        return status.error();
    if (auto status = transaction.commit(); !status)
        return status.error();
    return outcome;
}

Status Workspace::deleteEmptyRun(int64_t runId) {
    auto stmt = m_db.prepare("DELETE FROM runs WHERE id = ? AND NOT EXISTS"
                             " (SELECT 1 FROM results WHERE run_id = ?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId).bind(2, runId);
    return stmt->run();
}

} // namespace switchyard
