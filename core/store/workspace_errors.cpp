// A run's failures grouped by class, for the Runs page's errors panel: how many, which models,
// and the provider's own words (a few distinct messages, the most frequent first).
#include "store/workspace.h"

#include <algorithm>

namespace switchyard {

std::vector<RunErrorGroup> Workspace::runErrorGroups(int64_t runId, int maxExamples) const {
    std::vector<RunErrorGroup> groups;
    auto groupFor = [&groups](const std::string& errorClass) -> RunErrorGroup& {
        for (RunErrorGroup& group : groups)
            if (group.errorClass == errorClass)
                return group;
        return groups.emplace_back(RunErrorGroup{errorClass, 0, {}, {}});
    };
    // Both queries walk the run's rows through the UNIQUE (run_id, model_id, prompt_id) index;
    // a run with few failures costs one scan of its own results.
    auto byModel = m_db.prepare("SELECT r.error_class, m.ref, count(*) FROM results r"
                                " JOIN models m ON m.id = r.model_id"
                                " WHERE r.run_id = ? AND r.error_class IS NOT NULL"
                                " GROUP BY r.error_class, m.ref");
    if (!byModel)
        return groups;
    byModel->bind(1, runId);
    while (byModel->next()) {
        RunErrorGroup& group = groupFor(byModel->columnText(0));
        const int64_t results = byModel->columnInt(2);
        group.results += results;
        group.models.emplace_back(byModel->columnText(1), results);
    }
    auto messages = m_db.prepare(
        "SELECT error_class, coalesce(error_message, ''), count(*) AS n FROM results"
        " WHERE run_id = ? AND error_class IS NOT NULL"
        " GROUP BY error_class, error_message ORDER BY error_class, n DESC, error_message");
    if (!messages)
        return groups;
    messages->bind(1, runId);
    while (messages->next()) {
        RunErrorGroup& group = groupFor(messages->columnText(0));
        if (static_cast<int>(group.examples.size()) < maxExamples)
            group.examples.emplace_back(messages->columnText(1), messages->columnInt(2));
    }
    const auto mostFirst = [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    for (RunErrorGroup& group : groups)
        std::sort(group.models.begin(), group.models.end(), mostFirst);
    std::sort(groups.begin(), groups.end(), [](const RunErrorGroup& a, const RunErrorGroup& b) {
        return a.results != b.results ? a.results > b.results : a.errorClass < b.errorClass;
    });
    return groups;
}

} // namespace switchyard
