#include "workbench/detail/teacher_answers.h"

#include "store/workspace.h"

#include <unordered_map>

namespace switchyard::workbench::detail {

Expected<TeacherAnswers> readTeacherAnswers(const Workspace& workspace, int64_t runId,
                                            const std::string& teacher,
                                            std::optional<double> minScore) {
    const auto run = workspace.run(runId);
    if (!run || !run->setId)
        return Error{"", 0, "run", "no run " + std::to_string(runId) + " over a set"};
    std::optional<int64_t> teacherId;
    std::string models;
    for (const auto& [id, ref] : workspace.runModels(run->id)) {
        models += (models.empty() ? "" : ", ") + ref;
        if (ref == teacher)
            teacherId = id;
    }
    if (!teacherId)
        return Error{"", 0, "teacher",
                     "run '" + run->name + "' holds no answers of '" + teacher +
                         "' (models: " + models + ")"};
    TeacherAnswers out;
    out.run = *run;
    struct Answer {
        int64_t promptId = 0;
        std::string text;
        std::optional<double> costUsd;
    };
    std::unordered_map<int64_t, Answer> answers; // by ordinal
    auto read = workspace.forEachRunResult(run->id, "", true, [&](const RunResultRow& row) {
        if (row.modelId != *teacherId)
            return true;
        if (!row.errorClass.empty())
            ++out.skipped["the teacher's call failed"];
        else if (row.output.find_first_not_of(" \t\r\n") == std::string::npos)
            ++out.skipped["the teacher gave no answer"];
        else if (minScore && (!row.score || *row.score < *minScore))
            ++out.skipped["the answer scored below --min-score"];
        else
            answers.emplace(row.promptOrdinal, Answer{row.promptId, row.output, row.costUsd});
        return true;
    });
    if (!read)
        return read.error();
    auto prompts = workspace.forEachPrompt(*run->setId, [&](int64_t ordinal, Prompt&& prompt) {
        auto answer = answers.find(ordinal);
        if (answer != answers.end())
            out.examples.push_back({answer->second.promptId, std::move(prompt),
                                    std::move(answer->second.text), answer->second.costUsd});
        return true;
    });
    if (!prompts)
        return prompts.error();
    return out;
}

} // namespace switchyard::workbench::detail
