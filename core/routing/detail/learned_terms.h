#pragma once

// What a learned model sees of a prompt, and the model itself: shared by cross-validation
// (learned.cpp), which trains one model per fold, and the trained router a policy file carries
// (trained_router.cpp), which trains one on every row. Both must compute the same terms, or a
// policy would route differently from the figures it was chosen by.

#include "common/expected.h"
#include "routing/learned.h"
#include "routing/prompt_features.h"

#include <array>
#include <cstdint>
#include <random>
#include <span>
#include <string_view>
#include <vector>

namespace switchyard::routing::detail {

inline constexpr int kDenseFeatures = 8;
using DenseFeatures = std::array<float, kDenseFeatures>;

// The options a model can be built with: hash_bits from 8 to 24, at least one epoch.
Status checkModelOptions(const LearnedOptions& options);
// Every column of the examples has one entry per label (answers may be empty).
Status checkExamples(const LearningExamples& examples);

// The labels a model trains on: the examples' own, or shuffled among them by the seed when the
// options ask for the shuffled-labels control.
std::vector<uint8_t> trainingLabels(const LearningExamples& examples,
                                    const LearnedOptions& options);

// The sorted, distinct hashed word unigrams and bigrams of the text, lower-cased, the first
// `maxTerms` only.
void appendTerms(std::string_view text, int hashBits, int maxTerms, std::vector<uint32_t>& out);

// The bias and the PromptFeatures, each scaled to about 0..1.
DenseFeatures denseFeatures(const PromptFeatures& features);

// 1/sqrt(terms): every prompt's term vector has unit length.
float termScale(size_t terms);

double sigmoid(double z);

// The weights a model has beyond its hashed terms: the prompt's dense features, then the answer's
// when it reads one.
size_t denseWidth(bool readsAnswer);

// The prompts as a sparse matrix of hashed term indices (compressed rows) and a dense block, built
// once and reused by every fold and epoch.
struct TermMatrix {
    std::vector<uint64_t> offsets{0};
    std::vector<uint32_t> indices;
    std::vector<float> scale;
    size_t width = kDenseFeatures; // dense values per row
    std::vector<float> dense;      // rows * width

    std::span<const float> denseRow(size_t row) const {
        return std::span(dense).subspan(row * width, width);
    }
};
TermMatrix termMatrix(const LearningExamples& examples, const LearnedOptions& options);

// One row's dense values: DenseFeatures of the prompt, then the answer's features if any.
void appendDense(const PromptFeatures& features, const AnswerFeatures* answer,
                 std::vector<float>& out);

// Logistic regression over a TermMatrix's rows: 2^hashBits term weights, then the dense ones.
class LogisticModel {
public:
    LogisticModel(const TermMatrix& terms, const LearnedOptions& options);

    double predict(size_t row) const;
    // One AdaGrad step on the log loss of one example, L2 applied to the weights it touches.
    void learn(size_t row, uint8_t label);
    // options.epochs passes over `rows`, shuffled before each.
    void fit(std::vector<size_t>& rows, std::span<const uint8_t> labels, std::mt19937_64& random);
    std::vector<float> takeWeights() { return std::move(m_weights); }

private:
    const TermMatrix& m_terms;
    const LearnedOptions& m_options;
    std::vector<float> m_weights;
    std::vector<float> m_gradSquares;
};

// The model's probability for one prompt from its weights: what LogisticModel::predict computes
// for a row of the matrix.
double predictWith(std::span<const float> weights, std::span<const uint32_t> terms,
                   std::span<const float> dense);

} // namespace switchyard::routing::detail
