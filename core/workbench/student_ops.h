#pragma once

// Local students: a fastText classifier trained on a teacher's recorded answers when they form a
// label set, judged by k-fold cross-validation, and saved in the workspace to be served as the
// provider kind local-student. switchyard-cli train-student and the Student page call these.

#include "common/cancel.h"
#include "common/expected.h"
#include "pricing/model_price.h"
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
    // The readiness report's assumptions: the traffic the student would take, and what the
    // machine serving it costs (by default a small two-vCPU cloud instance).
    int64_t requestsPerMonth = 100'000;
    double hardwareUsdPerHour = 0.10;
    // With saveName: record the student's out-of-fold answers in the teacher's run as the model
    // student/NAME, scored by agreement with the teacher, so the Router Lab can try it as the
    // cheap tier of a cascade (signal "stated": its probability) with no call and no leakage.
    bool addToRun = false;
};

// Keeping the student's answer at or above a confidence threshold, escalating the rest to the
// teacher: what share it keeps, how often the kept answers agree with the teacher (out-of-fold),
// and what that saves a month against sending everything to the teacher.
struct ReadinessPoint {
    double threshold = 0.0;
    double keptShare = 0.0;
    std::optional<double> agreement;
    std::optional<double> monthlySavingsUsd; // empty when the teacher's calls were not priced
};

// Whether a set's traffic is ready to be distilled into a student.
struct StudentReadiness {
    int64_t examples = 0;
    double labelEntropyBits = 0.0; // of the teacher's labels: 0 is one label, log2(k) is uniform
    std::optional<double> teacherCostPer1kUsd; // recorded, per 1,000 requests
    double studentCostPer1kUsd = 0.0;          // hardware cost per hour over measured throughput
    int64_t requestsPerMonth = 0;
    double hardwareUsdPerHour = 0.0;
    std::vector<ReadinessPoint> points; // thresholds 0.0, 0.1, ... 0.9
};

// Tags with fewer examples get no readiness of their own: their figures would be noise.
inline constexpr int64_t kMinTagExamples = 20;

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
    StudentReadiness readiness;
    std::map<std::string, StudentReadiness> readinessByTag; // kMinTagExamples or more
    // What the runner prices the student's answers with; saved as the workspace's price of
    // the student's name.
    ModelPrice price;
    bool saved = false;
    // addToRun: the model the answers were recorded as, how many, and the agreement scorer.
    std::string tierModel;
    int64_t tierResults = 0;
    std::string tierScorer;
};

// Fails, saying why, when the teacher's answers are not a label set (free text, one label) or
// there are too few for the folds. Progress: the folds, then the final student.
Expected<TrainStudentOutcome> trainStudent(Workspace& workspace, const TrainStudentRequest& request,
                                           const CancelToken* cancel = nullptr,
                                           const Progress& progress = {});

// The model reference a saved student runs as: "student/NAME".
std::string studentModelRef(const std::string& name);

// The evaluation as stored beside a saved student (student_figures.cpp), and read back for the
// Student page.
std::string evaluationToJson(const TrainStudentOutcome& outcome);

struct StudentFigures {
    student::StudentEvaluation evaluation; // without the per-example arrays
    double otherShare = 0.0;               // of the teacher's answers, put in "other"
    StudentReadiness readiness;
    std::map<std::string, StudentReadiness> readinessByTag;
    double trainSeconds = 0.0;
    double predictionsPerSecond = 0.0;
};
Expected<StudentFigures> readStudentFigures(const StoredStudent& student);

} // namespace switchyard::workbench
