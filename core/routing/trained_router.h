#pragma once

// A router's learned models trained on every recorded row, for prompts Switchyard has never
// seen: what a policy file carries beside it (router.params.model_file, with its SHA-256). The
// policy's figures stay the out-of-fold ones it was chosen by; this is the model production runs.
//
// The file: a first line "switchyard-trained-router 1", a second line of JSON describing the
// models (kind, feature version, per model what it predicts, hash_bits, max_terms, weights,
// nonzero), then per model its nonzero weights as (uint32 index, float32 weight) pairs, little
// endian. Term indices are the hashed word unigrams and bigrams of routing/detail/learned_terms.

#include "common/cancel.h"
#include "common/expected.h"
#include "routing/learned.h"
#include "routing/router.h"

#include <string>
#include <string_view>
#include <vector>

namespace switchyard::routing {

class TierTable;

struct TrainedModel {
    std::string predicts; // "P(tier 0's answer misses the bar)"
    int hashBits = 18;
    int maxTermsPerPrompt = 160;
    bool readsAnswer = false;   // a cascade's model that also reads the tier's answer
    std::vector<float> weights; // 2^hashBits term weights, then the dense features'

    // `answer` is required when readsAnswer, ignored otherwise.
    double probability(std::string_view text, const PromptFeatures& features,
                       const AnswerFeatures* answer = nullptr) const;
    bool operator==(const TrainedModel&) const = default;
};

// A learned router: one model, P(tier 0's answer misses the bar), its score. A cascade on the
// learned signal: one per tier below the top, P(tier k's answer meets the bar), its confidence.
struct TrainedRouter {
    RouterKind kind = RouterKind::Learned;
    std::vector<TrainedModel> models;
    bool operator==(const TrainedRouter&) const = default;
};

// Whether the router decides with learned models (and so needs them to route outside Switchyard).
bool needsTrainedRouter(const RouterConfig& config);

// One model on every example, with the cross-validation's options and training loop.
Expected<TrainedModel> trainModel(const LearningExamples& examples, const LearnedOptions& options,
                                  const CancelToken* cancel = nullptr);

// The router's models over a table built for it (RouterLab::table()).
Expected<TrainedRouter> trainRouter(const TierTable& table, const RouterConfig& config,
                                    const CancelToken* cancel = nullptr);

std::string serializeTrainedRouter(const TrainedRouter& router);
// Errors name `source` and what is wrong (a truncated file, a weight index out of range).
Expected<TrainedRouter> parseTrainedRouter(std::string_view bytes, const std::string& source);

} // namespace switchyard::routing
