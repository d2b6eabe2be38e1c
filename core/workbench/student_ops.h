#pragma once

// Local students: a fastText classifier trained on a teacher's recorded answers when they form a
// label set, judged by k-fold cross-validation, and saved in the workspace to be served as the
// provider kind local-student. switchyard-cli train-student and the Student page call these.

#include "common/cancel.h"
#include "common/expected.h"
#include "store/workspace.h"
#include "student/label_set.h"
#include "student/student_evaluation.h"
#include "student/student_model.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct TrainStudentRequest {
    int64_t runId = 0;
    std::string teacher;  // the model reference whose answers are the labels
    std::string saveName; // empty: trained and judged, not saved
    student::StudentOptions options;
    student::EvaluationOptions evaluation;
    student::LabelRules labelRules;
};

struct TrainStudentOutcome {
    std::string name;
    std::string teacher;
    int64_t runId = 0;
    std::string runName;
    std::map<std::string, int64_t> skipped; // prompts without a usable teacher answer, by why
    student::LabelSet labels;
    student::StudentEvaluation evaluation; // out-of-fold
    double trainSeconds = 0.0;             // the saved student, on every example, one thread
    double predictionsPerSecond = 0.0;     // the saved student, one thread
    bool saved = false;
};

// Fails, saying why, when the teacher's answers are not a label set (free text, one label) or
// there are too few for the folds. Progress: the folds, then the final student.
Expected<TrainStudentOutcome> trainStudent(Workspace& workspace, const TrainStudentRequest& request,
                                           const CancelToken* cancel = nullptr,
                                           const Progress& progress = {});

// The evaluation as stored beside a saved student, and read back for the Student page.
std::string evaluationToJson(const TrainStudentOutcome& outcome);

} // namespace switchyard::workbench
