#include "routing/learned.h"

#include "common/stable_hash.h"
#include "common/text_format.h"
#include "routing/detail/learned_terms.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numeric>
#include <random>
#include <string>

namespace switchyard::routing {

double rocAuc(std::span<const float> scores, std::span<const uint8_t> labels) {
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return scores[a] < scores[b]; });
    double positiveRankSum = 0.0;
    int64_t positives = 0;
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]])
            ++j;
        const double averageRank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (size_t k = i; k < j; ++k)
            if (labels[order[k]]) {
                positiveRankSum += averageRank;
                ++positives;
            }
        i = j;
    }
    const int64_t negatives = static_cast<int64_t>(scores.size()) - positives;
    if (positives == 0 || negatives == 0)
        return 0.5;
    const double p = static_cast<double>(positives);
    return (positiveRankSum - p * (p + 1.0) / 2.0) / (p * static_cast<double>(negatives));
}

Expected<OutOfFoldScores> crossValidatedScores(const LearningExamples& examples,
                                               const LearnedOptions& options,
                                               const CancelToken* cancel,
                                               const Progress& progress) {
    const size_t rows = examples.labels.size();
    if (auto status = detail::checkExamples(examples); !status)
        return status.error();
    if (options.folds < 2 || options.folds > 50)
        return Error{"", 0, "folds", "cross-validation needs from 2 to 50 folds"};
    if (rows < static_cast<size_t>(options.folds))
        return Error{"", 0, "folds",
                     "only " + std::to_string(rows) + " prompts for " +
                         std::to_string(options.folds) + " folds"};
    if (auto status = detail::checkModelOptions(options); !status)
        return status.error();

    const detail::TermMatrix terms = detail::termMatrix(examples, options);
    const std::vector<uint8_t> trainingLabels = detail::trainingLabels(examples, options);
    const std::span<const uint8_t> labels = examples.labels; // what the report scores against
    OutOfFoldScores out;
    out.fold.resize(rows);
    for (size_t row = 0; row < rows; ++row) {
        // Identical texts share a fold, so a duplicate can never be scored by a model that
        // trained on its twin.
        out.fold[row] = static_cast<uint8_t>(
            mix64(fnv1a(collapsedLowerCase(examples.texts[row])) ^ options.seed) %
            static_cast<uint64_t>(options.folds));
    }

    out.probability.assign(rows, 0.5f);
    std::mt19937_64 random(options.seed);
    std::vector<size_t> train;
    train.reserve(rows);
    for (int fold = 0; fold < options.folds; ++fold) {
        if (cancel && cancel->cancelled())
            return Error{"", 0, "", "cancelled"};
        train.clear();
        for (size_t row = 0; row < rows; ++row)
            if (out.fold[row] != fold)
                train.push_back(row);
        detail::LogisticModel model(terms, options);
        model.fit(train, trainingLabels, random);
        for (size_t row = 0; row < rows; ++row)
            if (out.fold[row] == fold)
                out.probability[row] = static_cast<float>(model.predict(row));
        if (progress)
            progress(fold + 1, options.folds);
    }

    CrossValidationReport& report = out.report;
    report.folds = options.folds;
    report.rows = static_cast<int64_t>(rows);
    int64_t positives = 0;
    int64_t correct = 0;
    double logLoss = 0.0;
    for (size_t row = 0; row < rows; ++row) {
        positives += labels[row];
        const double p = std::clamp<double>(out.probability[row], 1e-7, 1.0 - 1e-7);
        logLoss -= labels[row] ? std::log(p) : std::log(1.0 - p);
        correct += (p >= 0.5) == (labels[row] != 0);
    }
    report.positiveRate = static_cast<double>(positives) / static_cast<double>(rows);
    report.logLoss = logLoss / static_cast<double>(rows);
    report.accuracy = static_cast<double>(correct) / static_cast<double>(rows);
    report.auc = rocAuc(out.probability, labels);
    return out;
}

} // namespace switchyard::routing
