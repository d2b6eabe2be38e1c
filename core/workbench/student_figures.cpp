#include "workbench/student_ops.h"

#include <nlohmann/json.hpp>

// The figures a student is judged by, as stored beside it (students.evaluation_json) and read
// back for the Student page: one format, written and read here.

namespace switchyard::workbench {

namespace {

nlohmann::json optionalNumber(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json readinessJson(const StudentReadiness& readiness) {
    nlohmann::json points = nlohmann::json::array();
    for (const ReadinessPoint& point : readiness.points)
        points.push_back({{"threshold", point.threshold},
                          {"kept_share", point.keptShare},
                          {"agreement", optionalNumber(point.agreement)},
                          {"monthly_savings_usd", optionalNumber(point.monthlySavingsUsd)}});
    return {{"examples", readiness.examples},
            {"label_entropy_bits", readiness.labelEntropyBits},
            {"teacher_cost_per_1k_usd", optionalNumber(readiness.teacherCostPer1kUsd)},
            {"student_cost_per_1k_usd", readiness.studentCostPer1kUsd},
            {"requests_month", readiness.requestsPerMonth},
            {"hardware_usd_hour", readiness.hardwareUsdPerHour},
            {"points", points}};
}

std::optional<double> numberOrNone(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? std::optional(it->get<double>()) : std::nullopt;
}

StudentReadiness readinessOfJson(const nlohmann::json& json) {
    StudentReadiness readiness;
    readiness.examples = json.value("examples", int64_t{0});
    readiness.labelEntropyBits = json.value("label_entropy_bits", 0.0);
    readiness.teacherCostPer1kUsd = numberOrNone(json, "teacher_cost_per_1k_usd");
    readiness.studentCostPer1kUsd = json.value("student_cost_per_1k_usd", 0.0);
    readiness.requestsPerMonth = json.value("requests_month", int64_t{0});
    readiness.hardwareUsdPerHour = json.value("hardware_usd_hour", 0.0);
    for (const auto& point : json.value("points", nlohmann::json::array()))
        readiness.points.push_back({point.value("threshold", 0.0), point.value("kept_share", 0.0),
                                    numberOrNone(point, "agreement"),
                                    numberOrNone(point, "monthly_savings_usd")});
    return readiness;
}

} // namespace

std::string evaluationToJson(const TrainStudentOutcome& outcome) {
    const student::StudentEvaluation& e = outcome.evaluation;
    nlohmann::json perLabel = nlohmann::json::object();
    for (const auto& figures : e.perLabel)
        perLabel[figures.label] = {{"support", figures.support},
                                   {"predicted", figures.predicted},
                                   {"precision", optionalNumber(figures.precision)},
                                   {"recall", optionalNumber(figures.recall)}};
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
                              {"agreement", optionalNumber(point.agreement)}});
    nlohmann::json byTag = nlohmann::json::object();
    for (const auto& [tag, readiness] : outcome.readinessByTag)
        byTag[tag] = readinessJson(readiness);
    return nlohmann::json{
        {"folds", e.folds},
        {"examples", e.examples},
        {"labels", e.labels},
        {"cv_agreement", e.agreement},
        {"cv_agreement_ci95", {e.agreementCi95.first, e.agreementCi95.second}},
        {"reference_examples", e.referenceExamples},
        {"reference_accuracy", optionalNumber(e.referenceAccuracy)},
        {"teacher_reference_accuracy", optionalNumber(e.teacherReferenceAccuracy)},
        {"per_label", perLabel},
        {"confusion", e.confusion},
        {"reliability", reliability},
        {"thresholds", thresholds},
        {"other_share", outcome.labels.otherShare},
        {"readiness", readinessJson(outcome.readiness)},
        {"readiness_by_tag", byTag},
        {"train_s", outcome.trainSeconds},
        {"predictions_per_s", outcome.predictionsPerSecond}}
        .dump();
}

Expected<StudentFigures> readStudentFigures(const StoredStudent& student) {
    const auto json = nlohmann::json::parse(student.evaluationJson, nullptr, false);
    if (!json.is_object() || !json.contains("cv_agreement"))
        return Error{"", 0, "evaluation_json",
                     "student '" + student.name + "' has no readable evaluation; train it again"};
    try {
        StudentFigures figures;
        student::StudentEvaluation& e = figures.evaluation;
        e.folds = json.value("folds", 0);
        e.examples = json.value("examples", int64_t{0});
        e.labels = json.value("labels", std::vector<std::string>{});
        e.agreement = json.value("cv_agreement", 0.0);
        const auto ci = json.value("cv_agreement_ci95", std::vector<double>{});
        if (ci.size() == 2)
            e.agreementCi95 = {ci[0], ci[1]};
        e.agreements =
            static_cast<int64_t>(std::llround(e.agreement * static_cast<double>(e.examples)));
        e.referenceExamples = json.value("reference_examples", int64_t{0});
        e.referenceAccuracy = numberOrNone(json, "reference_accuracy");
        e.teacherReferenceAccuracy = numberOrNone(json, "teacher_reference_accuracy");
        const auto perLabel = json.value("per_label", nlohmann::json::object());
        for (const std::string& label : e.labels) {
            const auto figures = perLabel.value(label, nlohmann::json::object());
            e.perLabel.push_back({label, figures.value("support", int64_t{0}),
                                  figures.value("predicted", int64_t{0}),
                                  numberOrNone(figures, "precision"),
                                  numberOrNone(figures, "recall")});
        }
        e.confusion = json.value("confusion", std::vector<std::vector<int64_t>>{});
        for (const auto& bin : json.value("reliability", nlohmann::json::array()))
            e.reliability.push_back({bin.value("lower", 0.0), bin.value("upper", 0.0),
                                     bin.value("examples", int64_t{0}),
                                     bin.value("mean_probability", 0.0),
                                     bin.value("agreement", 0.0)});
        for (const auto& point : json.value("thresholds", nlohmann::json::array()))
            e.thresholds.push_back({point.value("threshold", 0.0), point.value("kept_share", 0.0),
                                    numberOrNone(point, "agreement")});
        figures.otherShare = json.value("other_share", 0.0);
        figures.readiness = readinessOfJson(json.value("readiness", nlohmann::json::object()));
        const auto byTag = json.value("readiness_by_tag", nlohmann::json::object());
        for (const auto& [tag, readiness] : byTag.items())
            figures.readinessByTag.emplace(tag, readinessOfJson(readiness));
        figures.trainSeconds = json.value("train_s", 0.0);
        figures.predictionsPerSecond = json.value("predictions_per_s", 0.0);
        return figures;
    } catch (const nlohmann::json::exception& error) {
        return Error{"", 0, "evaluation_json",
                     "student '" + student.name + "': " + std::string(error.what())};
    }
}

} // namespace switchyard::workbench
