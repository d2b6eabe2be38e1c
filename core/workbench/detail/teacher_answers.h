#pragma once

// A teacher's answers in a run, each with the prompt it answers: what a distillation dataset and
// a local student are made from. Only answers the teacher gave count; the others are tallied by
// why they were left out.

#include "common/expected.h"
#include "prompts/prompt.h"
#include "store/records.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchyard {
class Workspace;
}

namespace switchyard::workbench::detail {

struct TeacherExample {
    int64_t promptId = 0; // prompts.id
    Prompt prompt;
    std::string answer;
    std::optional<double> costUsd; // of the teacher's call, when priced
};

struct TeacherAnswers {
    RunInfo run;
    std::vector<TeacherExample> examples;   // in the set's order
    std::map<std::string, int64_t> skipped; // why -> prompts
};

// Errors name the run or the teacher (with the models the run does hold).
Expected<TeacherAnswers> readTeacherAnswers(const Workspace& workspace, int64_t runId,
                                            const std::string& teacher,
                                            std::optional<double> minScore = std::nullopt);

} // namespace switchyard::workbench::detail
