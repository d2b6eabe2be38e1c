#include "workbench/student_ops.h"

#include "common/text_format.h"
#include "pricing/cost.h"
#include "providers/detail/crypto.h"
#include "run/saved_students.h"
#include "workbench/detail/teacher_answers.h"
#include "workbench/local_model_ops.h"
#include "workbench/pricing_ops.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_map>

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

double entropyBits(const std::vector<int64_t>& counts) {
    int64_t total = 0;
    for (int64_t count : counts)
        total += count;
    double bits = 0.0;
    for (int64_t count : counts) {
        if (count == 0)
            continue;
        const double p = static_cast<double>(count) / static_cast<double>(total);
        bits -= p * std::log2(p);
    }
    return bits;
}

// What a call to the student costs, as a catalogue entry the runner prices its answers with:
// the hardware's hourly cost spread over the measured throughput, per token the student reads or
// writes (its usage: the words of the prompt, one label), so a request of average length costs
// the hardware's share of one prediction.
ModelPrice studentPrice(const TrainStudentRequest& request, double predictionsPerSecond,
                        const std::vector<std::string_view>& texts) {
    double words = 0.0;
    for (std::string_view text : texts)
        words += static_cast<double>(student::studentTokenCount(text));
    const double tokensPerRequest =
        words / static_cast<double>(std::max<size_t>(1, texts.size())) + 1.0;
    ModelPrice price = hardwarePrice(studentModelRef(request.saveName), request.hardwareUsdPerHour,
                                     predictionsPerSecond * tokensPerRequest, 1);
    price.provider = "local-student";
    price.family = "student";
    price.displayName = "Student " + request.saveName + " (local)";
    price.maxOutputTokens = 1;
    price.source = "hardware cost " + formatFixed(request.hardwareUsdPerHour, 2) +
                   " USD/hour over the measured " + formatFixed(predictionsPerSecond, 0) +
                   " predictions/s on one thread of the machine that trained it";
    price.notes.push_back("written when the student was saved; saving it again re-prices it");
    return price;
}

// Every example's out-of-fold answer, recorded in the teacher's run, and the run's answers scored
// against the teacher's.
Status addAsTier(Workspace& workspace, const TrainStudentRequest& request,
                 const std::vector<detail::TeacherExample>& examples,
                 TrainStudentOutcome& outcome) {
    const student::StudentEvaluation& evaluation = outcome.evaluation;
    outcome.tierModel = studentModelRef(request.saveName);
    const double latencyMs =
        outcome.predictionsPerSecond > 0 ? 1000.0 / outcome.predictionsPerSecond : 0.0;
    std::vector<ResultRecord> records;
    records.reserve(examples.size());
    for (size_t i = 0; i < examples.size(); ++i) {
        ResultRecord record;
        record.promptId = examples[i].promptId;
        record.modelRef = outcome.tierModel;
        record.output = outcome.labels.labels[static_cast<size_t>(evaluation.predicted[i])];
        record.inputTokens = student::studentTokenCount(examples[i].prompt.lastUserText());
        record.outputTokens = 1;
        auto cost = costUsd(outcome.price, Usage{record.inputTokens, 1, 0, 0, 0});
        if (cost)
            record.costUsd = *cost;
        record.latencyMs = latencyMs;
        record.pricedModel = request.saveName;
        record.confidence = evaluation.probability[i];
        records.push_back(std::move(record));
    }
    if (auto status = workspace.insertResults(outcome.runId, records); !status)
        return status.error();
    // Scored with the student's own normalisation of labels ("**Billing**", "Queue: billing"
    // and "billing" are one label), every model of the run against the teacher.
    outcome.tierScorer = "teacher:" + request.teacher + "/student-label@1";
    std::unordered_map<int64_t, std::string> teacherLabel; // by prompts.id
    for (const detail::TeacherExample& example : examples)
        teacherLabel.emplace(example.promptId, outcome.labels.labelOf(example.answer));
    std::unordered_map<int64_t, std::string> refOfModel;
    for (auto& [id, ref] : workspace.runModels(outcome.runId))
        if (ref != request.teacher) // agreeing with itself says nothing
            refOfModel.emplace(id, std::move(ref));
    std::vector<ScoreRecord> scores;
    auto read = workspace.forEachRunResult(outcome.runId, "", true, [&](const RunResultRow& row) {
        const auto teacher = teacherLabel.find(row.promptId);
        const auto ref = refOfModel.find(row.modelId);
        if (!row.errorClass.empty() || teacher == teacherLabel.end() || ref == refOfModel.end())
            return true;
        scores.push_back({row.promptId, ref->second, outcome.tierScorer,
                          outcome.labels.labelOf(row.output) == teacher->second ? 1.0 : 0.0, ""});
        return true;
    });
    if (!read)
        return read.error();
    if (auto status = workspace.insertScores(outcome.runId, scores); !status)
        return status.error();
    outcome.tierResults = static_cast<int64_t>(records.size());
    return success();
}

// A student answers every request (it is asked first); the teacher answers those it escalates.
// `rows` of the examples (every one when empty), taking their share of the month's requests.
StudentReadiness readinessOf(const TrainStudentOutcome& outcome,
                             const std::vector<detail::TeacherExample>& examples,
                             std::span<const int32_t> labels, const TrainStudentRequest& request,
                             std::span<const size_t> rows = {}) {
    const size_t count = rows.empty() ? examples.size() : rows.size();
    const auto at = [&](size_t n) { return rows.empty() ? n : rows[n]; };
    StudentReadiness readiness;
    readiness.examples = static_cast<int64_t>(count);
    std::vector<int64_t> labelCounts(outcome.labels.labels.size(), 0);
    for (size_t n = 0; n < count; ++n)
        ++labelCounts[static_cast<size_t>(labels[at(n)])];
    readiness.labelEntropyBits = entropyBits(labelCounts);
    readiness.requestsPerMonth = static_cast<int64_t>(
        std::llround(static_cast<double>(request.requestsPerMonth) * static_cast<double>(count) /
                     static_cast<double>(std::max<size_t>(1, examples.size()))));
    readiness.hardwareUsdPerHour = request.hardwareUsdPerHour;
    if (outcome.predictionsPerSecond > 0)
        readiness.studentCostPer1kUsd =
            request.hardwareUsdPerHour / (outcome.predictionsPerSecond * 3600.0) * 1000.0;
    double teacherCost = 0.0;
    int64_t priced = 0;
    for (size_t n = 0; n < count; ++n)
        if (const auto& cost = examples[at(n)].costUsd) {
            teacherCost += *cost;
            ++priced;
        }
    if (priced > 0)
        readiness.teacherCostPer1kUsd = teacherCost / static_cast<double>(priced) * 1000.0;
    const auto month = static_cast<double>(readiness.requestsPerMonth);
    const student::StudentEvaluation& e = outcome.evaluation;
    for (const student::ThresholdPoint& point :
         student::thresholdPoints(e.probability, e.predicted, labels, rows)) {
        ReadinessPoint out{point.threshold, point.keptShare, point.agreement, std::nullopt};
        if (readiness.teacherCostPer1kUsd)
            out.monthlySavingsUsd =
                month / 1000.0 *
                (point.keptShare * *readiness.teacherCostPer1kUsd - readiness.studentCostPer1kUsd);
        readiness.points.push_back(out);
    }
    return readiness;
}

// Per tag of the prompts with enough examples to say anything: a workload a student may be
// ready for while the set as a whole is not.
std::map<std::string, StudentReadiness>
readinessByTag(const TrainStudentOutcome& outcome,
               const std::vector<detail::TeacherExample>& examples, std::span<const int32_t> labels,
               const TrainStudentRequest& request) {
    std::map<std::string, std::vector<size_t>> rowsOfTag;
    for (size_t i = 0; i < examples.size(); ++i)
        for (const std::string& tag : examples[i].prompt.tags)
            rowsOfTag[tag].push_back(i);
    std::map<std::string, StudentReadiness> out;
    for (const auto& [tag, rows] : rowsOfTag)
        if (static_cast<int64_t>(rows.size()) >= kMinTagExamples)
            out.emplace(tag, readinessOf(outcome, examples, labels, request, rows));
    return out;
}

} // namespace

Expected<TrainStudentOutcome> trainStudent(Workspace& workspace, const TrainStudentRequest& request,
                                           const CancelToken* cancel, const Progress& progress) {
    if (request.teacher.empty())
        return Error{"", 0, "teacher", "name the teacher whose answers the student learns"};
    if (auto status = student::checkStudentOptions(request.options); !status)
        return status.error();
    if (request.requestsPerMonth < 0 || !(request.hardwareUsdPerHour >= 0.0))
        return Error{"", 0, "requests_month",
                     "the request rate and the hardware cost cannot be negative"};
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
    outcome.readiness = readinessOf(outcome, answers->examples, labels, request);
    outcome.readinessByTag = readinessByTag(outcome, answers->examples, labels, request);
    outcome.price = studentPrice(request, outcome.predictionsPerSecond, views);
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
    if (auto priced = savePrices(workspace, std::span(&outcome.price, 1)); !priced)
        return priced.error();
    outcome.saved = true;
    if (request.addToRun)
        if (auto added = addAsTier(workspace, request, answers->examples, outcome); !added)
            return added.error();
    return outcome;
}

std::string studentModelRef(const std::string& name) {
    return std::string(kSavedStudentsProvider) + "/" + name;
}

} // namespace switchyard::workbench
