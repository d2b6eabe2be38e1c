#pragma once

#include "common/cancel.h"
#include "common/expected.h"
#include "routing/answer_features.h"
#include "routing/prompt_features.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::routing {

// Logistic regression over hashed word unigrams and bigrams of the prompt plus its
// PromptFeatures, trained by SGD. Evaluated by k-fold cross-validation only: every prompt's score
// comes from a model that did not see it (nor any prompt with the same normalised text, which
// always share a fold) in training.
struct LearnedOptions {
    int folds = 5;
    int hashBits = 18; // 2^18 weights per model
    int epochs = 5;
    double learningRate = 0.5;
    double l2 = 1e-6;
    uint64_t seed = 7;
    int maxTermsPerPrompt = 160; // first terms only, so memory stays bounded on long prompts
    // A control: train on the labels shuffled among the rows (by `seed`) and score against the
    // true ones. A router that still beats random then is leaking, not learning.
    bool shuffleLabels = false;
};

struct CrossValidationReport {
    int folds = 0;
    int64_t rows = 0;
    double positiveRate = 0.0; // share of rows labelled 1
    double auc = 0.0;          // out-of-fold ROC AUC (0.5 = no signal)
    double logLoss = 0.0;      // out-of-fold
    double accuracy = 0.0;     // out-of-fold, at probability 0.5
    // What the page shows beside the figures.
    std::string note = "out-of-fold: no prompt is scored by a router that saw it in training";
};

struct OutOfFoldScores {
    std::vector<float> probability; // per row, P(label = 1) from the fold that held it out
    std::vector<uint8_t> fold;      // per row
    CrossValidationReport report;
};

// A learned model's examples, one per row: the prompt's last user turn and features, and, for a
// cascade that reads a tier's answer before deciding, that answer's features.
struct LearningExamples {
    std::span<const std::string_view> texts;
    std::span<const PromptFeatures> features;
    std::span<const AnswerFeatures> answers; // empty: the model sees the prompt only
    std::span<const uint8_t> labels;
};

// Trains `options.folds` models, each on the other folds, and scores each row with the one that
// held it out. Fails on fewer rows than folds or folds < 2.
Expected<OutOfFoldScores> crossValidatedScores(const LearningExamples& examples,
                                               const LearnedOptions& options,
                                               const CancelToken* cancel = nullptr,
                                               const Progress& progress = {});

// Out-of-fold ROC AUC of scores against 0/1 labels (ties count half); 0.5 when one class is
// empty.
double rocAuc(std::span<const float> scores, std::span<const uint8_t> labels);

} // namespace switchyard::routing
