// Golden sets: the flag on a prompt set and the versions it was marked with.
#include "common/clock.h"
#include "store/workspace.h"

namespace switchyard {

std::vector<GoldenVersion> Workspace::goldenVersions(int64_t setId) const {
    std::vector<GoldenVersion> versions;
    auto stmt = m_db.prepare("SELECT version, prompts, content_sha256, created_at"
                             " FROM golden_versions WHERE set_id = ? ORDER BY version");
    if (!stmt)
        return versions;
    stmt->bind(1, setId);
    while (stmt->next())
        versions.push_back({static_cast<int>(stmt->columnInt(0)), stmt->columnInt(1),
                            stmt->columnText(2), stmt->columnText(3)});
    return versions;
}

Status Workspace::setGolden(int64_t setId, bool golden, const std::optional<GoldenVersion>& added) {
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status;
    auto flag = m_db.prepare("UPDATE prompt_sets SET golden = ? WHERE id = ?");
    if (!flag)
        return flag.error();
    flag->bind(1, golden ? 1 : 0).bind(2, setId);
    if (auto status = flag->run(); !status)
        return status;
    if (m_db.changes() == 0)
        return Error{m_db.path(), 0, "set", "no prompt set " + std::to_string(setId)};
    if (added) {
        auto insert = m_db.prepare("INSERT INTO golden_versions (set_id, version, prompts,"
                                   " content_sha256, created_at) VALUES (?, ?, ?, ?, ?)");
        if (!insert)
            return insert.error();
        insert->bind(1, setId)
            .bind(2, added->version)
            .bind(3, added->prompts)
            .bind(4, added->contentSha256)
            .bind(5, added->createdAt.empty() ? utcNowIso8601() : added->createdAt);
        if (auto status = insert->run(); !status)
            return status;
    }
    return transaction.commit();
}

} // namespace switchyard
