#pragma once

// A teacher's recorded answers exported as a distillation or fine-tuning dataset (distill/):
// switchyard-cli export --format distill calls this. Only answers the teacher gave are used:
// failed calls, empty answers and answers scored below a floor are left out and counted.

#include "common/expected.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct DistillExportRequest {
    std::string workspacePath;
    std::string outPath;
    // The teacher is the policy's strongest tier, answering in the run of its evidence...
    std::string policy;
    // ... or the model and run named here.
    std::string teacher;
    std::optional<int64_t> runId;
    std::string target = "bedrock"; // bedrock | openai
    std::string student;            // claude | llama | nova | openai; default by target
    std::optional<double> minScore; // answers scored below it are left out
};

struct DistillExportOutcome {
    std::string written;
    std::string teacher;
    int64_t runId = 0;
    std::string target;
    std::string student;
    int64_t examples = 0;
    std::map<std::string, int64_t> skipped; // why -> prompts
    std::vector<std::string> warnings;
};

Expected<DistillExportOutcome> exportDistillDataset(const DistillExportRequest& request);

} // namespace switchyard::workbench
