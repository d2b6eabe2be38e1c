#include "student/student_evaluation.h"

#include "common/seeded_shuffle.h"
#include "common/stable_hash.h"
#include "eval/paired_stats.h"

#include <algorithm>

namespace switchyard::student {

namespace {

constexpr int kBins = 10;

void addFigures(StudentEvaluation& out, std::span<const int32_t> labels,
                std::span<const int32_t> references) {
    const size_t labelCount = out.labels.size();
    out.confusion.assign(labelCount, std::vector<int64_t>(labelCount, 0));
    std::vector<int64_t> binExamples(kBins, 0), binAgreements(kBins, 0);
    std::vector<double> binProbability(kBins, 0.0);
    int64_t referenceHits = 0, teacherReferenceHits = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
        const bool agrees = out.predicted[i] == labels[i];
        out.agreements += agrees ? 1 : 0;
        if (out.predicted[i] >= 0)
            ++out.confusion[static_cast<size_t>(labels[i])][static_cast<size_t>(out.predicted[i])];
        const int bin = std::clamp(static_cast<int>(out.probability[i] * kBins), 0, kBins - 1);
        ++binExamples[static_cast<size_t>(bin)];
        binAgreements[static_cast<size_t>(bin)] += agrees ? 1 : 0;
        binProbability[static_cast<size_t>(bin)] += out.probability[i];
        if (!references.empty() && references[i] >= 0) {
            ++out.referenceExamples;
            referenceHits += out.predicted[i] == references[i] ? 1 : 0;
            teacherReferenceHits += labels[i] == references[i] ? 1 : 0;
        }
    }
    out.agreement = static_cast<double>(out.agreements) / static_cast<double>(out.examples);
    out.agreementCi95 = *eval::wilsonInterval(out.agreements, out.examples);
    if (out.referenceExamples > 0) {
        const auto n = static_cast<double>(out.referenceExamples);
        out.referenceAccuracy = static_cast<double>(referenceHits) / n;
        out.teacherReferenceAccuracy = static_cast<double>(teacherReferenceHits) / n;
    }
    for (size_t label = 0; label < labelCount; ++label) {
        LabelFigures figures;
        figures.label = out.labels[label];
        int64_t hits = out.confusion[label][label];
        for (size_t other = 0; other < labelCount; ++other) {
            figures.support += out.confusion[label][other];
            figures.predicted += out.confusion[other][label];
        }
        if (figures.predicted > 0)
            figures.precision = static_cast<double>(hits) / static_cast<double>(figures.predicted);
        if (figures.support > 0)
            figures.recall = static_cast<double>(hits) / static_cast<double>(figures.support);
        out.perLabel.push_back(std::move(figures));
    }
    for (int bin = 0; bin < kBins; ++bin) {
        ReliabilityBin reliability;
        reliability.lower = bin / static_cast<double>(kBins);
        reliability.upper = (bin + 1) / static_cast<double>(kBins);
        reliability.examples = binExamples[static_cast<size_t>(bin)];
        if (reliability.examples > 0) {
            const auto n = static_cast<double>(reliability.examples);
            reliability.meanProbability = binProbability[static_cast<size_t>(bin)] / n;
            reliability.agreement =
                static_cast<double>(binAgreements[static_cast<size_t>(bin)]) / n;
        }
        out.reliability.push_back(reliability);
    }
    out.thresholds = thresholdPoints(out.probability, out.predicted, labels);
}

} // namespace

std::vector<ThresholdPoint> thresholdPoints(std::span<const float> probability,
                                            std::span<const int32_t> predicted,
                                            std::span<const int32_t> labels,
                                            std::span<const size_t> rows) {
    std::vector<ThresholdPoint> points;
    const size_t count = rows.empty() ? labels.size() : rows.size();
    for (int step = 0; step < kBins; ++step) {
        ThresholdPoint point;
        point.threshold = step / static_cast<double>(kBins);
        int64_t kept = 0, agreed = 0;
        for (size_t n = 0; n < count; ++n) {
            const size_t i = rows.empty() ? n : rows[n];
            if (probability[i] < point.threshold)
                continue;
            ++kept;
            agreed += predicted[i] == labels[i] ? 1 : 0;
        }
        point.keptShare = count > 0 ? static_cast<double>(kept) / static_cast<double>(count) : 0.0;
        if (kept > 0)
            point.agreement = static_cast<double>(agreed) / static_cast<double>(kept);
        points.push_back(point);
    }
    return points;
}

Expected<StudentEvaluation>
crossValidateStudent(std::span<const std::string_view> texts, std::span<const int32_t> labels,
                     std::span<const int32_t> references,
                     const std::vector<std::string>& labelNames, const StudentOptions& options,
                     const EvaluationOptions& evaluation, const CancelToken* cancel,
                     const Progress& progress) {
    const size_t rows = labels.size();
    if (texts.size() != rows || (!references.empty() && references.size() != rows))
        return Error{"", 0, "", "texts, labels and references differ in length"};
    if (evaluation.folds < 2 || evaluation.folds > 50)
        return Error{"", 0, "folds", "cross-validation needs from 2 to 50 folds"};
    if (rows < static_cast<size_t>(evaluation.folds) * 2)
        return Error{"", 0, "folds",
                     "only " + std::to_string(rows) + " examples for " +
                         std::to_string(evaluation.folds) + " folds"};
    StudentEvaluation out;
    out.folds = evaluation.folds;
    out.examples = static_cast<int64_t>(rows);
    out.labels = labelNames;
    out.predicted.assign(rows, -1);
    out.probability.assign(rows, 0.0f);
    out.fold.resize(rows);
    for (size_t i = 0; i < rows; ++i) {
        // Identical texts share a fold: a duplicate is never scored by a student that saw it.
        out.fold[i] = static_cast<uint8_t>(mix64(fnv1a(studentTokens(texts[i])) ^ evaluation.seed) %
                                           static_cast<uint64_t>(evaluation.folds));
    }
    const std::vector<int32_t> trainingLabels =
        evaluation.shuffleLabels ? seededShuffle(labels, evaluation.seed)
                                 : std::vector<int32_t>(labels.begin(), labels.end());
    for (int fold = 0; fold < evaluation.folds; ++fold) {
        std::vector<std::string_view> trainTexts;
        std::vector<int32_t> trainLabels;
        for (size_t i = 0; i < rows; ++i) {
            if (out.fold[i] == fold)
                continue;
            trainTexts.push_back(texts[i]);
            trainLabels.push_back(trainingLabels[i]);
        }
        auto model = StudentModel::train(trainTexts, trainLabels, labelNames, options, cancel);
        if (!model)
            return model.error();
        for (size_t i = 0; i < rows; ++i) {
            if (out.fold[i] != fold)
                continue;
            const StudentPrediction prediction = model->predict(texts[i]);
            out.predicted[i] = prediction.label;
            out.probability[i] = static_cast<float>(prediction.probability);
        }
        if (progress)
            progress(fold + 1, evaluation.folds);
    }
    addFigures(out, labels, references);
    return out;
}

} // namespace switchyard::student
