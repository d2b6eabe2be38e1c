#pragma once

// Provider batch inference round trip (batch/): a prompt set goes out as batch input files, and
// the job's result files come back as a run priced at batch rates. The export records a run of
// kind "batch", status "submitted", whose record ids the results are matched by; switchyard-cli
// export --format *-batch and import-batch-results call these.

#include "common/cancel.h"
#include "common/error.h"
#include "common/expected.h"
#include "providers/call.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct BatchExportRequest {
    std::string workspacePath;
    std::string format;  // bedrock-batch | openai-batch | anthropic-batch
    std::string outPath; // the file; a second model or part gets a suffix before the extension
    // Either a policy, which sends each prompt where route sends it (a rule's canned answer
    // calls no model, a cascade calls its first tier) with its tier's parameters...
    std::string policy;
    // ... or models every prompt goes to, with `params`.
    std::vector<std::string> models;
    CallParams params;
    std::string set; // default: the policy's evidence set
    std::string runName;
};

struct BatchExportOutcome {
    int64_t runId = 0;
    std::string runName;
    std::vector<std::string> files;
    int64_t records = 0;
    std::map<std::string, int64_t> recordsPerModel;
    int64_t cannedAnswers = 0; // prompts a rule answers with no model call
    std::vector<std::string> warnings;
};

Expected<BatchExportOutcome> exportBatch(const BatchExportRequest& request,
                                         const CancelToken* cancel = nullptr);

struct BatchImportRequest {
    std::string workspacePath;
    std::vector<std::string> files;
    std::string runName; // renames the run the results fill (when they fill one)
};

struct BatchRunFilled {
    int64_t runId = 0;
    std::string runName;
    std::string status;   // "complete" when every exported record has a result, else "partial"
    int64_t exported = 0; // records the export sent
    int64_t results = 0;  // results the run holds now
};

struct BatchImportOutcome {
    std::vector<BatchRunFilled> runs;
    int64_t results = 0;  // stored by this import, failed ones included
    int64_t failed = 0;   // results recording a failed record
    double costUsd = 0.0; // of the stored results, at batch rates
    // Lines no exported record matches (another workspace's ids, a prompt no longer in the set, a
    // record answered twice), and lines that are not batch results: each with file and line.
    std::vector<Error> unmatched;
    std::vector<Error> rejected;
    std::vector<std::string> unpriced; // models without a batch price: cost left empty
};

Expected<BatchImportOutcome> importBatchResults(const BatchImportRequest& request,
                                                const CancelToken* cancel = nullptr);

} // namespace switchyard::workbench
