#pragma once

// How far a student can be trusted, measured only on examples it never saw: k-fold
// cross-validation, the folds fixed by a seed and by the text (identical texts share a fold), the
// vocabulary learned per fold. Agreement with the teacher with its Wilson 95 % interval, accuracy
// against reference answers where the prompts have them, per-label precision and recall, the
// confusion matrix, and the reliability of its probabilities.

#include "common/cancel.h"
#include "common/expected.h"
#include "student/student_model.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace switchyard::student {

struct LabelFigures {
    std::string label;
    int64_t support = 0;             // examples the teacher gave this label
    int64_t predicted = 0;           // examples the student gave it
    std::optional<double> precision; // empty when the student never predicted it
    std::optional<double> recall;    // empty when the teacher never gave it
};

// Examples whose out-of-fold probability fell in [lower, upper): how often the student agreed
// with the teacher there. A calibrated student's points lie on the diagonal.
struct ReliabilityBin {
    double lower = 0.0;
    double upper = 0.0;
    int64_t examples = 0;
    double meanProbability = 0.0;
    double agreement = 0.0;
};

// Keeping the student's answer only when its probability reaches a threshold: how much traffic it
// keeps, and how often the kept answers agree with the teacher.
struct ThresholdPoint {
    double threshold = 0.0;
    double keptShare = 0.0;
    std::optional<double> agreement; // empty when nothing is kept
};

struct StudentEvaluation {
    int folds = 0;
    int64_t examples = 0;
    std::vector<std::string> labels;
    int64_t agreements = 0;
    double agreement = 0.0;
    std::pair<double, double> agreementCi95{0.0, 0.0};
    int64_t referenceExamples = 0;           // examples with a reference answer
    std::optional<double> referenceAccuracy; // the student's, against the references
    std::optional<double> teacherReferenceAccuracy;
    std::vector<LabelFigures> perLabel;          // in the order of `labels`
    std::vector<std::vector<int64_t>> confusion; // [teacher's label][student's label]
    std::vector<ReliabilityBin> reliability;     // ten bins of probability
    std::vector<ThresholdPoint> thresholds;      // 0.0, 0.1, ... 0.9
    std::vector<int32_t> predicted;              // per example, out-of-fold
    std::vector<float> probability;              // per example, out-of-fold
    std::vector<uint8_t> fold;                   // per example
};

// Keeping an answer only at probability >= 0.0, 0.1, ... 0.9: the share kept of the examples
// `rows` (every example when empty) and how often the kept answers agree with `labels`.
std::vector<ThresholdPoint> thresholdPoints(std::span<const float> probability,
                                            std::span<const int32_t> predicted,
                                            std::span<const int32_t> labels,
                                            std::span<const size_t> rows = {});

struct EvaluationOptions {
    int folds = 5;
    uint64_t seed = 7;
    bool shuffleLabels = false; // the control: train on labels shuffled among the examples
};

// `references[i]` is the label index of example i's reference answer, -1 when it has none (or
// `references` is empty). Progress counts folds.
Expected<StudentEvaluation>
crossValidateStudent(std::span<const std::string_view> texts, std::span<const int32_t> labels,
                     std::span<const int32_t> references,
                     const std::vector<std::string>& labelNames, const StudentOptions& options,
                     const EvaluationOptions& evaluation, const CancelToken* cancel = nullptr,
                     const Progress& progress = {});

} // namespace switchyard::student
