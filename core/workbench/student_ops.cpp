#include "workbench/student_ops.h"

#include "providers/detail/crypto.h"
#include "workbench/detail/teacher_answers.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

namespace switchyard::workbench {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

int32_t indexOf(const std::vector<std::string>& labels, const std::string& label) {
    const auto found = std::find(labels.begin(), labels.end(), label);
    return found == labels.end() ? -1 : static_cast<int32_t>(found - labels.begin());
}

// Predictions per second of one thread, over at least 20,000 predictions or 0.2 s.
double measureThroughput(const student::StudentModel& model,
                         const std::vector<std::string_view>& texts) {
    const auto start = Clock::now();
    int64_t predictions = 0;
    double labelSum = 0; // used, so the loop is not optimised away
    while (predictions < 20'000 || secondsSince(start) < 0.2) {
        for (std::string_view text : texts)
            labelSum += model.predict(text).label;
        predictions += static_cast<int64_t>(texts.size());
    }
    const double seconds = secondsSince(start);
    return labelSum >= 0 && seconds > 0 ? static_cast<double>(predictions) / seconds : 0.0;
}

nlohmann::json optionalJson(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

} // namespace

Expected<TrainStudentOutcome> trainStudent(Workspace& workspace, const TrainStudentRequest& request,
                                           const CancelToken* cancel, const Progress& progress) {
    if (request.teacher.empty())
        return Error{"", 0, "teacher", "name the teacher whose answers the student learns"};
    if (auto status = student::checkStudentOptions(request.options); !status)
        return status.error();
    auto answers = detail::readTeacherAnswers(workspace, request.runId, request.teacher);
    if (!answers)
        return answers.error();
    TrainStudentOutcome outcome;
    outcome.name = request.saveName;
    outcome.teacher = request.teacher;
    outcome.runId = answers->run.id;
    outcome.runName = answers->run.name;
    outcome.skipped = answers->skipped;

    std::vector<std::string> answerTexts;
    for (const auto& example : answers->examples)
        answerTexts.push_back(example.answer);
    outcome.labels = student::detectLabels(answerTexts, request.labelRules);
    if (!outcome.labels.isLabelSet)
        return Error{"", 0, "teacher",
                     "the answers of '" + request.teacher + "' in run '" + outcome.runName +
                         "' are not a label set a student can learn: " + outcome.labels.why};
    std::vector<std::string> texts;
    std::vector<int32_t> labels, references;
    for (const auto& example : answers->examples) {
        texts.push_back(example.prompt.lastUserText());
        labels.push_back(indexOf(outcome.labels.labels, outcome.labels.labelOf(example.answer)));
        references.push_back(
            example.prompt.expected
                ? indexOf(outcome.labels.labels, outcome.labels.labelOf(*example.prompt.expected))
                : -1);
    }
    const std::vector<std::string_view> views(texts.begin(), texts.end());
    const int steps = request.evaluation.folds + 1;
    auto evaluation = student::crossValidateStudent(
        views, labels, references, outcome.labels.labels, request.options, request.evaluation,
        cancel, [&](int64_t done, int64_t) {
            if (progress)
                progress(done, steps);
        });
    if (!evaluation)
        return evaluation.error();
    outcome.evaluation = std::move(evaluation).value();

    const auto start = Clock::now();
    auto model =
        student::StudentModel::train(views, labels, outcome.labels.labels, request.options, cancel);
    if (!model)
        return model.error();
    outcome.trainSeconds = secondsSince(start);
    outcome.predictionsPerSecond = measureThroughput(*model, views);
    if (progress)
        progress(steps, steps);
    if (request.saveName.empty())
        return outcome;
    StoredStudent stored;
    stored.name = request.saveName;
    stored.teacher = request.teacher;
    stored.runId = outcome.runId;
    stored.examples = outcome.evaluation.examples;
    stored.labelsJson = nlohmann::json(outcome.labels.labels).dump();
    stored.evaluationJson = evaluationToJson(outcome);
    stored.model = model->toBytes();
    stored.modelSha256 = switchyard::detail::sha256Hex(stored.model);
    if (auto status = workspace.saveStudent(stored); !status)
        return status.error();
    outcome.saved = true;
    return outcome;
}

std::string evaluationToJson(const TrainStudentOutcome& outcome) {
    const student::StudentEvaluation& e = outcome.evaluation;
    nlohmann::json perLabel = nlohmann::json::object();
    for (const auto& figures : e.perLabel)
        perLabel[figures.label] = {{"support", figures.support},
                                   {"predicted", figures.predicted},
                                   {"precision", optionalJson(figures.precision)},
                                   {"recall", optionalJson(figures.recall)}};
    nlohmann::json reliability = nlohmann::json::array();
    for (const auto& bin : e.reliability)
        reliability.push_back({{"lower", bin.lower},
                               {"upper", bin.upper},
                               {"examples", bin.examples},
                               {"mean_probability", bin.meanProbability},
                               {"agreement", bin.agreement}});
    nlohmann::json thresholds = nlohmann::json::array();
    for (const auto& point : e.thresholds)
        thresholds.push_back({{"threshold", point.threshold},
                              {"kept_share", point.keptShare},
                              {"agreement", optionalJson(point.agreement)}});
    return nlohmann::json{{"folds", e.folds},
                          {"examples", e.examples},
                          {"labels", e.labels},
                          {"cv_agreement", e.agreement},
                          {"cv_agreement_ci95", {e.agreementCi95.first, e.agreementCi95.second}},
                          {"reference_examples", e.referenceExamples},
                          {"reference_accuracy", optionalJson(e.referenceAccuracy)},
                          {"teacher_reference_accuracy", optionalJson(e.teacherReferenceAccuracy)},
                          {"per_label", perLabel},
                          {"confusion", e.confusion},
                          {"reliability", reliability},
                          {"thresholds", thresholds},
                          {"other_share", outcome.labels.otherShare},
                          {"train_s", outcome.trainSeconds},
                          {"predictions_per_s", outcome.predictionsPerSecond}}
        .dump();
}

} // namespace switchyard::workbench
