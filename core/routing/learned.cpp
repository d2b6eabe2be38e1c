#include "routing/learned.h"

#include "routing/detail/hash.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numeric>
#include <random>
#include <string>

namespace switchyard::routing {

namespace {

constexpr int kDenseFeatures = 8;

// The prompts as a sparse matrix of hashed term indices (compressed rows), built once and reused
// by every fold and epoch.
struct TermMatrix {
    std::vector<uint64_t> offsets{0};
    std::vector<uint32_t> indices;
    std::vector<float> scale; // 1/sqrt(terms): every prompt's term vector has unit length
    std::vector<std::array<float, kDenseFeatures>> dense;
};

void appendTerms(std::string_view text, const LearnedOptions& options, std::vector<uint32_t>& out) {
    const uint64_t mask = (uint64_t{1} << options.hashBits) - 1;
    out.clear();
    std::string word;
    std::string previous;
    auto flush = [&] {
        if (word.empty())
            return;
        out.push_back(static_cast<uint32_t>(detail::mix64(detail::fnv1a(word)) & mask));
        if (!previous.empty()) {
            const uint64_t bigram =
                detail::fnv1a(word, detail::fnv1a(" ", detail::fnv1a(previous)));
            out.push_back(static_cast<uint32_t>(detail::mix64(bigram) & mask));
        }
        previous.swap(word);
        word.clear();
    };
    for (const char c : text) {
        if (static_cast<int>(out.size()) >= options.maxTermsPerPrompt)
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

std::array<float, kDenseFeatures> denseFeatures(const PromptFeatures& f) {
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

std::string normalised(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

double sigmoid(double z) {
    return 1.0 / (1.0 + std::exp(-std::clamp(z, -35.0, 35.0)));
}

class Model {
public:
    Model(const TermMatrix& terms, const LearnedOptions& options)
        : m_terms(terms), m_options(options),
          m_weights((size_t{1} << options.hashBits) + kDenseFeatures, 0.0f),
          m_gradSquares(m_weights.size(), 0.0f) {}

    double predict(size_t row) const {
        const size_t denseBase = m_weights.size() - kDenseFeatures;
        double z = 0.0;
        for (uint64_t j = m_terms.offsets[row]; j < m_terms.offsets[row + 1]; ++j)
            z += m_weights[m_terms.indices[j]] * m_terms.scale[row];
        for (int d = 0; d < kDenseFeatures; ++d)
            z += m_weights[denseBase + static_cast<size_t>(d)] *
                 m_terms.dense[row][static_cast<size_t>(d)];
        return sigmoid(z);
    }

    // One AdaGrad step on the log loss of one example, L2 applied to the weights it touches.
    void learn(size_t row, uint8_t label) {
        const double error = predict(row) - static_cast<double>(label);
        const size_t denseBase = m_weights.size() - kDenseFeatures;
        auto step = [&](size_t index, double x) {
            const double gradient = error * x + m_options.l2 * m_weights[index];
            m_gradSquares[index] += static_cast<float>(gradient * gradient);
            m_weights[index] -= static_cast<float>(m_options.learningRate * gradient /
                                                   (std::sqrt(m_gradSquares[index]) + 1e-6));
        };
        for (uint64_t j = m_terms.offsets[row]; j < m_terms.offsets[row + 1]; ++j)
            step(m_terms.indices[j], m_terms.scale[row]);
        for (int d = 0; d < kDenseFeatures; ++d)
            step(denseBase + static_cast<size_t>(d), m_terms.dense[row][static_cast<size_t>(d)]);
    }

private:
    const TermMatrix& m_terms;
    const LearnedOptions& m_options;
    std::vector<float> m_weights;
    std::vector<float> m_gradSquares;
};

} // namespace

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

Expected<OutOfFoldScores> crossValidatedScores(std::span<const std::string_view> texts,
                                               std::span<const PromptFeatures> features,
                                               std::span<const uint8_t> labels,
                                               const LearnedOptions& options,
                                               const CancelToken* cancel,
                                               const Progress& progress) {
    const size_t rows = labels.size();
    if (texts.size() != rows || features.size() != rows)
        return Error{"", 0, "", "texts, features and labels differ in length"};
    if (options.folds < 2 || options.folds > 50)
        return Error{"", 0, "folds", "cross-validation needs from 2 to 50 folds"};
    if (rows < static_cast<size_t>(options.folds))
        return Error{"", 0, "folds",
                     "only " + std::to_string(rows) + " prompts for " +
                         std::to_string(options.folds) + " folds"};
    if (options.hashBits < 8 || options.hashBits > 24)
        return Error{"", 0, "hash_bits", "hash_bits must be from 8 to 24"};

    TermMatrix terms;
    terms.scale.reserve(rows);
    terms.dense.reserve(rows);
    std::vector<uint32_t> rowTerms;
    OutOfFoldScores out;
    out.fold.resize(rows);
    for (size_t row = 0; row < rows; ++row) {
        appendTerms(texts[row], options, rowTerms);
        terms.indices.insert(terms.indices.end(), rowTerms.begin(), rowTerms.end());
        terms.offsets.push_back(terms.indices.size());
        terms.scale.push_back(
            rowTerms.empty() ? 0.0f : 1.0f / std::sqrt(static_cast<float>(rowTerms.size())));
        terms.dense.push_back(denseFeatures(features[row]));
        // Identical texts share a fold, so a duplicate can never be scored by a model that
        // trained on its twin.
        out.fold[row] = static_cast<uint8_t>(
            detail::mix64(detail::fnv1a(normalised(texts[row])) ^ options.seed) %
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
        Model model(terms, options);
        for (int epoch = 0; epoch < options.epochs; ++epoch) {
            std::shuffle(train.begin(), train.end(), random);
            for (size_t row : train)
                model.learn(row, labels[row]);
        }
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
