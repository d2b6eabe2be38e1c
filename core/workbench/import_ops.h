#pragma once

// The import operations of the workbench: files into a workspace. switchyard-cli's import and
// import-results commands and the GUI's Import… and drops call these, so a file gives the same
// set, run and costs whichever front end read it.

#include "common/cancel.h"
#include "common/error.h"
#include "common/expected.h"
#include "results/results_import.h"
#include "store/prompt_import.h"
#include "store/workspace.h"

#include <functional>
#include <string>
#include <vector>

namespace switchyard::workbench {

// Progress of one file of several: the file, then work done and the total.
using FileProgress = std::function<void(const std::string& file, int64_t done, int64_t total)>;

struct ImportFilesOutcome {
    // One per file read, in order; a recorded-results file has one here too (the prompts it
    // added, its rejected records), so a report of prompt imports stays truthful.
    std::vector<ImportReport> reports;
    // The recorded-results files among them, imported as runs.
    std::vector<ResultsImportReport> runs;
    std::vector<Error> fileErrors;    // files that could not be read, each naming the file
    std::vector<Error> priceProblems; // price overrides that could not be read, left out
    std::string catalogueDate;        // the prices computed costs come from
    bool cancelled = false;
};

// Imports each file: a file whose first record is a recorded result (sniffResultsFile) becomes
// a run over `setName`, or without one over the set holding its prompts
// (defaultResultsSetName), its missing costs priced by the workspace's prices; any other file
// is a prompt set (`setName` empty: named after the file). A cancel stops after the current
// batch and keeps what was committed.
Expected<ImportFilesOutcome>
importFiles(Workspace& workspace, const std::vector<std::string>& files, const std::string& setName,
            const CancelToken* cancel = nullptr, const FileProgress& progress = {});

struct ResultsImportOutcome {
    ResultsImportReport report;
    std::vector<Error> priceProblems;
    std::string catalogueDate;
};

// One recorded-results file as a run, priced by the workspace's prices.
Expected<ResultsImportOutcome> importResults(Workspace& workspace, const std::string& file,
                                             const ResultsImportOptions& options,
                                             const CancelToken* cancel = nullptr,
                                             const Progress& progress = {});

} // namespace switchyard::workbench
