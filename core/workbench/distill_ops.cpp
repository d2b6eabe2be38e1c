#include "workbench/distill_ops.h"

#include "common/atomic_file.h"
#include "distill/distill_dataset.h"
#include "store/workspace.h"
#include "workbench/routing_ops.h"

#include <unordered_map>

namespace switchyard::workbench {

namespace {

struct Teacher {
    std::string model;
    int64_t runId = 0;
};

Expected<Teacher> teacherOf(const Workspace& workspace, const DistillExportRequest& request) {
    if (request.policy.empty() == request.teacher.empty())
        return Error{"", 0, "policy",
                     "name the teacher: a policy (its strongest tier) or --teacher REF --run ID"};
    if (!request.teacher.empty()) {
        if (!request.runId)
            return Error{"", 0, "run", "--teacher needs the run holding its answers (--run ID)"};
        return Teacher{request.teacher, *request.runId};
    }
    auto policy = findPolicy(workspace, request.policy);
    if (!policy)
        return policy.error();
    const int64_t run = request.runId.value_or(policy->evidence ? policy->evidence->runId : 0);
    if (run <= 0)
        return Error{"", 0, "run", "the policy names no run of its evidence: give --run ID"};
    return Teacher{policy->tiers.back().model, run};
}

} // namespace

Expected<DistillExportOutcome> exportDistillDataset(const DistillExportRequest& request) {
    const auto target = distillTargetFromName(request.target);
    if (!target)
        return Error{"", 0, "target", "'" + request.target + "' is not bedrock or openai"};
    const std::string studentName = !request.student.empty()                     ? request.student
                                    : *target == DistillTarget::OpenAiFineTuning ? "openai"
                                                                                 : "claude";
    const auto student = studentFamilyFromName(studentName);
    if (!student ||
        (*student == StudentFamily::OpenAi) != (*target == DistillTarget::OpenAiFineTuning))
        return Error{"", 0, "student",
                     "'" + studentName + "' is not a student of the " + request.target +
                         " target (bedrock: claude, llama, nova; openai: openai)"};
    if (request.outPath.empty())
        return Error{"", 0, "out", "no file to write"};
    auto workspace = Workspace::open(request.workspacePath, Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return workspace.error();
    auto teacher = teacherOf(**workspace, request);
    if (!teacher)
        return teacher.error();
    const auto run = (*workspace)->run(teacher->runId);
    if (!run || !run->setId)
        return Error{"", 0, "run", "no run " + std::to_string(teacher->runId) + " over a set"};
    std::optional<int64_t> teacherId;
    std::string models;
    for (const auto& [id, ref] : (*workspace)->runModels(run->id)) {
        models += (models.empty() ? "" : ", ") + ref;
        if (ref == teacher->model)
            teacherId = id;
    }
    if (!teacherId)
        return Error{"", 0, "teacher",
                     "run '" + run->name + "' holds no answers of '" + teacher->model +
                         "' (models: " + models + ")"};

    DistillExportOutcome outcome;
    outcome.teacher = teacher->model;
    outcome.runId = run->id;
    outcome.target = request.target;
    outcome.student = studentName;
    std::unordered_map<int64_t, std::string> answers; // by prompt ordinal
    auto read = (*workspace)->forEachRunResult(run->id, "", true, [&](const RunResultRow& row) {
        if (row.modelId != *teacherId)
            return true;
        if (!row.errorClass.empty())
            ++outcome.skipped["the teacher's call failed"];
        else if (row.output.find_first_not_of(" \t\r\n") == std::string::npos)
            ++outcome.skipped["the teacher gave no answer"];
        else if (request.minScore && (!row.score || *row.score < *request.minScore))
            ++outcome.skipped["the answer scored below --min-score"];
        else
            answers.emplace(row.promptOrdinal, row.output);
        return true;
    });
    if (!read)
        return read.error();
    std::string text;
    auto prompts = (*workspace)->forEachPrompt(*run->setId, [&](int64_t ordinal, Prompt&& prompt) {
        const auto answer = answers.find(ordinal);
        if (answer == answers.end())
            return true;
        auto record = distillRecord(*target, *student, prompt, answer->second);
        if (!record) {
            ++outcome.skipped[record.error().message];
            return true;
        }
        text += record->dump() + "\n";
        ++outcome.examples;
        return true;
    });
    if (!prompts)
        return prompts.error();
    if (outcome.examples == 0)
        return Error{"", 0, "",
                     "no answer of '" + teacher->model + "' in run '" + run->name +
                         "' makes a record: nothing written"};
    if (*target == DistillTarget::OpenAiFineTuning &&
        outcome.examples < kOpenAiMinFineTuningExamples)
        outcome.warnings.push_back(
            "OpenAI fine-tuning needs at least " + std::to_string(kOpenAiMinFineTuningExamples) +
            " examples; this dataset has " + std::to_string(outcome.examples));
    if (auto written = writeFileAtomically(request.outPath, text, "the dataset"); !written)
        return written.error();
    outcome.written = request.outPath;
    return outcome;
}

} // namespace switchyard::workbench
