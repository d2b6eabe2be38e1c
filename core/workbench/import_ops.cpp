#include "workbench/import_ops.h"

#include "pricing/catalogue.h"
#include "store/price_overrides.h"

#include <utility>

namespace switchyard::workbench {

Expected<ImportFilesOutcome> importFiles(Workspace& workspace,
                                         const std::vector<std::string>& files,
                                         const std::string& setName, const CancelToken* cancel,
                                         const FileProgress& progress) {
    auto prices = workspacePrices(workspace);
    if (!prices)
        return prices.error();
    ImportFilesOutcome outcome;
    outcome.priceProblems = prices->problems;
    outcome.catalogueDate = prices->catalogue.catalogueDate();
    for (const std::string& file : files) {
        if (cancel && cancel->cancelled())
            break;
        const Progress fileProgress = [&](int64_t done, int64_t total) {
            if (progress)
                progress(file, done, total);
        };
        if (const ResultsFileSniff sniff = sniffResultsFile(file); sniff.recordedResults) {
            ResultsImportOptions options;
            options.setName =
                setName.empty() ? defaultResultsSetName(workspace, file, sniff) : setName;
            auto run = importResultsFile(workspace, prices->catalogue, file, options, cancel,
                                         fileProgress);
            if (!run) {
                outcome.fileErrors.push_back(run.error());
                continue;
            }
            outcome.reports.push_back(ImportReport{file, run->setName, run->setId,
                                                   run->promptsCreated, run->rejectedCount,
                                                   run->rejected, run->cancelled});
            outcome.runs.push_back(std::move(run).value());
            continue;
        }
        auto report = importPromptFile(workspace, file, setName, cancel, fileProgress);
        if (report)
            outcome.reports.push_back(std::move(report).value());
        else
            outcome.fileErrors.push_back(report.error());
    }
    outcome.cancelled = cancel && cancel->cancelled();
    return outcome;
}

Expected<ResultsImportOutcome> importResults(Workspace& workspace, const std::string& file,
                                             const ResultsImportOptions& options,
                                             const CancelToken* cancel, const Progress& progress) {
    auto prices = workspacePrices(workspace);
    if (!prices)
        return prices.error();
    auto report = importResultsFile(workspace, prices->catalogue, file, options, cancel, progress);
    if (!report)
        return report.error();
    return ResultsImportOutcome{std::move(report).value(), prices->problems,
                                prices->catalogue.catalogueDate()};
}

} // namespace switchyard::workbench
