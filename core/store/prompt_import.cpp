#include "store/prompt_import.h"

#include "prompts/loader.h"

#include <filesystem>

namespace switchyard {

Expected<ImportReport> importPromptFile(Workspace& workspace, const std::string& path,
                                        const std::string& setName, const CancelToken* cancel,
                                        const Progress& progress) {
    ImportReport report;
    report.file = path;
    const bool appendToNamed = !setName.empty() && workspace.findPromptSet(setName).has_value();
    report.setName = setName.empty()
                         ? workspace.uniqueSetName(std::filesystem::path(path).stem().string())
                         : setName;
    std::optional<Error> storeError;

    auto sink = [&](std::vector<Prompt>&& batch) {
        if (storeError)
            return;
        if (report.setId == 0) {
            auto id = appendToNamed ? Expected<int64_t>(*workspace.findPromptSet(report.setName))
                                    : workspace.createPromptSet(report.setName, path);
            if (!id) {
                storeError = id.error();
                return;
            }
            report.setId = *id;
        }
        auto outcome = workspace.appendPrompts(report.setId, batch, path);
        if (!outcome) {
            storeError = outcome.error();
            return;
        }
        report.accepted += outcome->inserted;
        report.rejectedCount += static_cast<int64_t>(outcome->rejected.size());
        for (auto& error : outcome->rejected)
            report.rejected.push_back(std::move(error));
    };

    auto summary = loadPromptFile(path, sink, LoadOptions{}, cancel, progress);
    if (!summary)
        return summary.error();
    if (storeError)
        return *storeError;
    report.cancelled = summary->cancelled;
    report.rejectedCount += summary->rejectedCount;
    report.rejected.insert(report.rejected.begin(), summary->rejected.begin(),
                           summary->rejected.end());
    if (report.setId != 0 && !report.rejected.empty()) {
        if (auto status = workspace.recordRejections(report.setId, report.rejected); !status)
            return status.error();
    }
    return report;
}

} // namespace switchyard
