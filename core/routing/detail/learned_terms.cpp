#include "routing/detail/learned_terms.h"

#include "common/seeded_shuffle.h"
#include "common/stable_hash.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace switchyard::routing::detail {

Status checkModelOptions(const LearnedOptions& options) {
    if (options.hashBits < 8 || options.hashBits > 24)
        return Error{"", 0, "hash_bits", "hash_bits must be from 8 to 24"};
    if (options.epochs < 1)
        return Error{"", 0, "epochs", "at least one epoch"};
    return success();
}

void appendTerms(std::string_view text, int hashBits, int maxTerms, std::vector<uint32_t>& out) {
    const uint64_t mask = (uint64_t{1} << hashBits) - 1;
    out.clear();
    std::string word;
    std::string previous;
    auto flush = [&] {
        if (word.empty())
            return;
        out.push_back(static_cast<uint32_t>(mix64(fnv1a(word)) & mask));
        if (!previous.empty()) {
            const uint64_t bigram = fnv1a(word, fnv1a(" ", fnv1a(previous)));
            out.push_back(static_cast<uint32_t>(mix64(bigram) & mask));
        }
        previous.swap(word);
        word.clear();
    };
    for (const char c : text) {
        if (static_cast<int>(out.size()) >= maxTerms)
            break;
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || byte >= 0x80)
            word += static_cast<char>(std::tolower(byte));
        else
            flush();
    }
    flush();
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

DenseFeatures denseFeatures(const PromptFeatures& f) {
    const auto capped = [](double value, double cap) {
        return static_cast<float>(std::min(value, cap) / cap);
    };
    return {1.0f, // bias
            static_cast<float>(std::log1p(f.inputTokens) / 8.0),
            capped(f.questions, 5),
            capped(f.codeSignals, 4),
            capped(f.mathsSignals, 4),
            capped(f.multiStepCues, 4),
            capped(f.domainWords, 4),
            static_cast<float>(complexityScore(f))};
}

float termScale(size_t terms) {
    return terms == 0 ? 0.0f : 1.0f / std::sqrt(static_cast<float>(terms));
}

double sigmoid(double z) {
    return 1.0 / (1.0 + std::exp(-std::clamp(z, -35.0, 35.0)));
}

Status checkExamples(const LearningExamples& examples) {
    const size_t rows = examples.labels.size();
    if (examples.texts.size() != rows || examples.features.size() != rows ||
        (!examples.answers.empty() && examples.answers.size() != rows))
        return Error{"", 0, "", "texts, features, answers and labels differ in length"};
    return success();
}

std::vector<uint8_t> trainingLabels(const LearningExamples& examples,
                                    const LearnedOptions& options) {
    return options.shuffleLabels
               ? seededShuffle(examples.labels, options.seed)
               : std::vector<uint8_t>(examples.labels.begin(), examples.labels.end());
}

size_t denseWidth(bool readsAnswer) {
    return kDenseFeatures + (readsAnswer ? kAnswerFeatures : 0);
}

void appendDense(const PromptFeatures& features, const AnswerFeatures* answer,
                 std::vector<float>& out) {
    const DenseFeatures prompt = denseFeatures(features);
    out.insert(out.end(), prompt.begin(), prompt.end());
    if (answer)
        out.insert(out.end(), answer->begin(), answer->end());
}

TermMatrix termMatrix(const LearningExamples& examples, const LearnedOptions& options) {
    const size_t rows = examples.labels.size();
    const bool readsAnswer = !examples.answers.empty();
    TermMatrix terms;
    terms.width = denseWidth(readsAnswer);
    terms.scale.reserve(rows);
    terms.dense.reserve(rows * terms.width);
    std::vector<uint32_t> scratch;
    for (size_t row = 0; row < rows; ++row) {
        appendTerms(examples.texts[row], options.hashBits, options.maxTermsPerPrompt, scratch);
        terms.indices.insert(terms.indices.end(), scratch.begin(), scratch.end());
        terms.offsets.push_back(terms.indices.size());
        terms.scale.push_back(termScale(scratch.size()));
        appendDense(examples.features[row], readsAnswer ? &examples.answers[row] : nullptr,
                    terms.dense);
    }
    return terms;
}

LogisticModel::LogisticModel(const TermMatrix& terms, const LearnedOptions& options)
    : m_terms(terms), m_options(options),
      m_weights((size_t{1} << options.hashBits) + terms.width, 0.0f),
      m_gradSquares(m_weights.size(), 0.0f) {}

double LogisticModel::predict(size_t row) const {
    const uint64_t begin = m_terms.offsets[row];
    return predictWith(m_weights,
                       std::span(m_terms.indices).subspan(begin, m_terms.offsets[row + 1] - begin),
                       m_terms.denseRow(row));
}

void LogisticModel::learn(size_t row, uint8_t label) {
    const double error = predict(row) - static_cast<double>(label);
    const size_t denseBase = m_weights.size() - m_terms.width;
    auto step = [&](size_t index, double x) {
        const double gradient = error * x + m_options.l2 * m_weights[index];
        m_gradSquares[index] += static_cast<float>(gradient * gradient);
        m_weights[index] -= static_cast<float>(m_options.learningRate * gradient /
                                               (std::sqrt(m_gradSquares[index]) + 1e-6));
    };
    for (uint64_t j = m_terms.offsets[row]; j < m_terms.offsets[row + 1]; ++j)
        step(m_terms.indices[j], m_terms.scale[row]);
    const auto dense = m_terms.denseRow(row);
    for (size_t d = 0; d < dense.size(); ++d)
        step(denseBase + d, dense[d]);
}

void LogisticModel::fit(std::vector<size_t>& rows, std::span<const uint8_t> labels,
                        std::mt19937_64& random) {
    for (int epoch = 0; epoch < m_options.epochs; ++epoch) {
        std::shuffle(rows.begin(), rows.end(), random);
        for (const size_t row : rows)
            learn(row, labels[row]);
    }
}

double predictWith(std::span<const float> weights, std::span<const uint32_t> terms,
                   std::span<const float> dense) {
    const size_t denseBase = weights.size() - dense.size();
    const float scale = termScale(terms.size());
    double z = 0.0;
    for (const uint32_t index : terms)
        z += weights[index] * scale;
    for (size_t d = 0; d < dense.size(); ++d)
        z += weights[denseBase + d] * dense[d];
    return sigmoid(z);
}

} // namespace switchyard::routing::detail
