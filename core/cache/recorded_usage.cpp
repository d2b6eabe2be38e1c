#include "cache/recorded_usage.h"

#include "store/workspace.h"

#include <algorithm>
#include <unordered_set>

namespace switchyard {

RecordedCacheRun recordedCacheUsage(const Workspace& workspace, int64_t setId,
                                    const Catalogue& catalogue, const std::string& modelId) {
    auto runs = workspace.runs();
    // Newest first: the latest real measurement is the one to check against.
    std::sort(runs.begin(), runs.end(),
              [](const RunInfo& a, const RunInfo& b) { return a.id > b.id; });
    for (const RunInfo& run : runs) {
        if (run.setId != setId || run.synthetic)
            continue;
        std::unordered_set<int64_t> modelIds;
        for (const auto& [id, ref] : workspace.runModels(run.id)) {
            const ModelPrice* price = catalogue.find(ref);
            if (price && price->id == modelId)
                modelIds.insert(id);
        }
        if (modelIds.empty())
            continue;
        RecordedCacheRun found{run.id, run.name, {}};
        bool sawCacheTokens = false;
        (void)workspace.forEachRunResult(run.id, "", false, [&](const RunResultRow& row) {
            if (!modelIds.count(row.modelId) || !row.errorClass.empty() || row.promptOrdinal < 1)
                return true;
            Usage usage;
            usage.input = row.inputTokens;
            usage.output = row.outputTokens;
            usage.cacheRead = row.cacheReadTokens;
            usage.cacheWrite = row.cacheWriteTokens;
            sawCacheTokens = sawCacheTokens || usage.cacheRead > 0 || usage.cacheWrite > 0;
            found.usage.push_back({static_cast<size_t>(row.promptOrdinal - 1), usage});
            return true;
        });
        if (sawCacheTokens)
            return found;
    }
    return {};
}

} // namespace switchyard
