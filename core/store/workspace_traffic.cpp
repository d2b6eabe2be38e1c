#include "store/workspace.h"

#include "prompts/prompt_json.h"
#include "store/sqlite.h"
#include "traffic/traffic_record.h"

#include <cmath>
#include <limits>
#include <unordered_map>

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

namespace {

// Index of a name in a table of names, added when new.
int64_t internName(std::unordered_map<std::string, int64_t>& index, std::vector<std::string>& names,
                   std::string name) {
    const auto [it, added] = index.emplace(name, static_cast<int64_t>(names.size()));
    if (added)
        names.push_back(std::move(name));
    return it->second;
}

} // namespace

Expected<TrafficRows> Workspace::trafficRows(int64_t setId) const {
    auto stmt = m_db.prepare(
        "SELECT p.timestamp_ms, p.tags_json, json_extract(p.messages_json, '$.fields." +
        std::string(kConversationField) +
        "'), json_array_length(p.messages_json, '$.messages'), m.ref, r.input_tokens,"
        " r.output_tokens, r.cache_read_tokens, r.cache_write_tokens, r.cost_usd, r.error_class,"
        " p.ordinal"
        " FROM results r JOIN runs ON runs.id = r.run_id AND runs.kind = 'traffic'"
        " JOIN prompts p ON p.id = r.prompt_id JOIN models m ON m.id = r.model_id"
        " WHERE p.set_id = ? ORDER BY p.timestamp_ms, p.ordinal");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, setId);
    TrafficRows rows;
    std::unordered_map<std::string, int64_t> models, workloads, conversations;
    std::vector<std::string> conversationNames;
    // Tag lists repeat: each distinct one is parsed once, and its workload found once.
    std::unordered_map<std::string, int32_t> tagListOfJson;
    std::vector<int32_t> workloadOfList;
    for (;;) {
        auto stepped = stmt->step();
        if (!stepped)
            return stepped.error();
        if (!*stepped)
            break;
        rows.timestampMs.push_back(stmt->columnIsNull(0) ? 0 : stmt->columnInt(0));
        const auto [list, added] =
            tagListOfJson.emplace(stmt->columnText(1), static_cast<int32_t>(rows.tagLists.size()));
        if (added) {
            rows.tagLists.push_back(tagsFromJson(list->first));
            workloadOfList.push_back(static_cast<int32_t>(
                internName(workloads, rows.workloads, workloadOfTags(rows.tagLists.back()))));
        }
        rows.tagList.push_back(list->second);
        rows.workload.push_back(workloadOfList[list->second]);
        rows.conversation.push_back(
            stmt->columnIsNull(2)
                ? -1
                : internName(conversations, conversationNames, stmt->columnText(2)));
        rows.turns.push_back(static_cast<int32_t>(stmt->columnInt(3)));
        rows.model.push_back(
            static_cast<int32_t>(internName(models, rows.models, stmt->columnText(4))));
        rows.inputTokens.push_back(stmt->columnInt(5));
        rows.outputTokens.push_back(stmt->columnInt(6));
        rows.cacheReadTokens.push_back(stmt->columnInt(7));
        rows.cacheWriteTokens.push_back(stmt->columnInt(8));
        rows.costUsd.push_back(stmt->columnIsNull(9) ? std::numeric_limits<double>::quiet_NaN()
                                                     : stmt->columnDouble(9));
        rows.failed.push_back(stmt->columnIsNull(10) || stmt->columnText(10).empty() ? 0 : 1);
        rows.ordinal.push_back(stmt->columnInt(11));
    }
    return rows;
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
