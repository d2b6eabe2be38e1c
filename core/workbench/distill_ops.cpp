#include "workbench/distill_ops.h"

#include "common/atomic_file.h"
#include "distill/distill_dataset.h"
#include "store/workspace.h"
#include "workbench/detail/teacher_answers.h"
#include "workbench/routing_ops.h"

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
    auto answers =
        detail::readTeacherAnswers(**workspace, teacher->runId, teacher->model, request.minScore);
    if (!answers)
        return answers.error();

    DistillExportOutcome outcome;
    outcome.teacher = teacher->model;
    outcome.runId = answers->run.id;
    outcome.target = request.target;
    outcome.student = studentName;
    outcome.skipped = std::move(answers->skipped);
    std::string text;
    for (const detail::TeacherExample& example : answers->examples) {
        auto record = distillRecord(*target, *student, example.prompt, example.answer);
        if (!record) {
            ++outcome.skipped[record.error().message];
            continue;
        }
        text += record->dump() + "\n";
        ++outcome.examples;
    }
    if (outcome.examples == 0)
        return Error{"", 0, "",
                     "no answer of '" + teacher->model + "' in run '" + answers->run.name +
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
