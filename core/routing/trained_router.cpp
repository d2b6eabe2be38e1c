#include "routing/trained_router.h"

#include "routing/detail/learned_terms.h"
#include "routing/detail/learning_rows.h"
#include "routing/tier_table.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cstring>
#include <numeric>
#include <random>

namespace switchyard::routing {

static_assert(std::endian::native == std::endian::little,
              "the trained-router file stores little-endian words as they are in memory");

namespace {

constexpr std::string_view kMagicLine = "switchyard-trained-router 1";
// Bumped whenever learned_terms computes different terms or dense features: a model trained on
// other features must not route.
constexpr std::string_view kFeatureVersion = "switchyard-terms-1";

template <typename T> void appendWord(std::string& out, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

template <typename T> T readWord(std::string_view bytes, size_t at) {
    T value;
    std::memcpy(&value, bytes.data() + at, sizeof(T));
    return value;
}

std::string tierAnswer(const TierTable& table, size_t tier) {
    return "tier " + std::to_string(tier) + " (" + table.tierModel(tier) + ")";
}

} // namespace

namespace detail {

LearningRows learningRows(const TierTable& table, size_t tier, bool predictMiss, bool withAnswers) {
    const ReplayData& data = table.data();
    const auto rows = table.promptIndex();
    const auto quality = table.quality(tier);
    LearningRows out;
    out.texts.reserve(rows.size());
    out.features.reserve(rows.size());
    out.labels.reserve(rows.size());
    const std::vector<AnswerFeatures>* answers =
        withAnswers ? &data.models[*data.modelIndex(table.tierModel(tier))].answers : nullptr;
    for (size_t row = 0; row < rows.size(); ++row) {
        out.texts.push_back(data.promptTexts[rows[row]]);
        out.features.push_back(data.features[rows[row]]);
        if (answers)
            out.answers.push_back((*answers)[rows[row]]);
        const bool meets = quality[row] >= table.options().qualityBar;
        out.labels.push_back(static_cast<uint8_t>(meets != predictMiss));
    }
    return out;
}

} // namespace detail

double TrainedModel::probability(std::string_view text, const PromptFeatures& features,
                                 const AnswerFeatures* answer) const {
    std::vector<uint32_t> terms;
    detail::appendTerms(text, hashBits, maxTermsPerPrompt, terms);
    std::vector<float> dense;
    detail::appendDense(features, readsAnswer ? answer : nullptr, dense);
    if (readsAnswer && !answer)
        dense.resize(detail::denseWidth(true), 0.0f); // no answer yet: nothing it says counts
    return detail::predictWith(weights, terms, dense);
}

bool needsTrainedRouter(const RouterConfig& config) {
    return config.kind == RouterKind::Learned ||
           (config.kind == RouterKind::Cascade && (config.cascadeSignal == CascadeSignal::Learned ||
                                                   config.cascadeSignal == CascadeSignal::Answer));
}

Expected<TrainedModel> trainModel(const LearningExamples& examples, const LearnedOptions& options,
                                  const CancelToken* cancel) {
    const size_t rows = examples.labels.size();
    if (auto status = detail::checkExamples(examples); !status)
        return status.error();
    if (rows == 0)
        return Error{"", 0, "", "no examples to train on"};
    if (auto status = detail::checkModelOptions(options); !status)
        return status.error();
    const detail::TermMatrix terms = detail::termMatrix(examples, options);
    if (cancel && cancel->cancelled())
        return Error{"", 0, "", "cancelled"};
    std::vector<size_t> order(rows);
    std::iota(order.begin(), order.end(), size_t{0});
    std::mt19937_64 random(options.seed);
    detail::LogisticModel model(terms, options);
    model.fit(order, detail::trainingLabels(examples, options), random);
    TrainedModel out;
    out.hashBits = options.hashBits;
    out.maxTermsPerPrompt = options.maxTermsPerPrompt;
    out.readsAnswer = !examples.answers.empty();
    out.weights = model.takeWeights();
    return out;
}

Expected<TrainedRouter> trainRouter(const TierTable& table, const RouterConfig& config,
                                    const CancelToken* cancel) {
    if (!needsTrainedRouter(config))
        return Error{"", 0, "router.kind",
                     std::string("a ") + routerKindName(config.kind) +
                         " router decides without a learned model"};
    TrainedRouter out;
    out.kind = config.kind;
    const bool learned = config.kind == RouterKind::Learned;
    const size_t models = learned ? 1 : table.tierCount() - 1;
    for (size_t tier = 0; tier < models; ++tier) {
        const detail::LearningRows rows = detail::learningRows(
            table, tier, learned, config.cascadeSignal == CascadeSignal::Answer && !learned);
        auto model = trainModel(rows.examples(), config.learned, cancel);
        if (!model)
            return Error{"", 0, "router.params." + model.error().field, model.error().message};
        model->predicts = "P(" + tierAnswer(table, tier) + "'s answer " +
                          (learned ? "misses" : "meets") + " the bar)";
        out.models.push_back(std::move(model).value());
    }
    return out;
}

std::string serializeTrainedRouter(const TrainedRouter& router) {
    nlohmann::json header = {{"kind", routerKindName(router.kind)},
                             {"features", kFeatureVersion},
                             {"models", nlohmann::json::array()}};
    std::string body;
    for (const TrainedModel& model : router.models) {
        int64_t nonzero = 0;
        for (size_t i = 0; i < model.weights.size(); ++i) {
            if (model.weights[i] == 0.0f)
                continue;
            appendWord(body, static_cast<uint32_t>(i));
            appendWord(body, model.weights[i]);
            ++nonzero;
        }
        header["models"].push_back({{"predicts", model.predicts},
                                    {"hash_bits", model.hashBits},
                                    {"max_terms", model.maxTermsPerPrompt},
                                    {"reads_answer", model.readsAnswer},
                                    {"weights", model.weights.size()},
                                    {"nonzero", nonzero}});
    }
    return std::string(kMagicLine) + "\n" + header.dump() + "\n" + body;
}

Expected<TrainedRouter> parseTrainedRouter(std::string_view bytes, const std::string& source) {
    auto fail = [&](const std::string& message) { return Error{source, 0, "", message}; };
    const size_t firstLine = bytes.find('\n');
    if (firstLine == std::string_view::npos || bytes.substr(0, firstLine) != kMagicLine)
        return fail("not a Switchyard trained-router file (its first line is not '" +
                    std::string(kMagicLine) + "')");
    const size_t headerEnd = bytes.find('\n', firstLine + 1);
    if (headerEnd == std::string_view::npos)
        return fail("the file ends inside its header");
    const auto header =
        nlohmann::json::parse(bytes.substr(firstLine + 1, headerEnd - firstLine - 1), nullptr,
                              /*allow_exceptions=*/false);
    if (!header.is_object() || !header.contains("models") || !header["models"].is_array())
        return fail("the header is not the JSON object of a trained router");
    TrainedRouter out;
    size_t at = headerEnd + 1;
    try {
        if (header.value("features", "") != kFeatureVersion)
            return fail("the models were trained on features '" + header.value("features", "") +
                        "'; this build computes '" + std::string(kFeatureVersion) + "'");
        const auto kind = routerKindFromName(header.value("kind", ""));
        if (!kind)
            return fail("unknown router kind '" + header.value("kind", "") + "'");
        out.kind = *kind;
        for (const auto& entry : header["models"]) {
            TrainedModel model;
            model.predicts = entry.at("predicts").get<std::string>();
            model.hashBits = entry.at("hash_bits").get<int>();
            model.maxTermsPerPrompt = entry.at("max_terms").get<int>();
            model.readsAnswer = entry.value("reads_answer", false);
            const auto size = entry.at("weights").get<uint64_t>();
            const auto nonzero = entry.at("nonzero").get<uint64_t>();
            if (model.hashBits < 8 || model.hashBits > 24 ||
                size != (uint64_t{1} << model.hashBits) + detail::denseWidth(model.readsAnswer))
                return fail("model " + std::to_string(out.models.size()) +
                            ": hash_bits and weights do not agree");
            if (nonzero > size || (bytes.size() - at) / 8 < nonzero)
                return fail("the file is cut short in model " + std::to_string(out.models.size()) +
                            "'s weights");
            model.weights.assign(size, 0.0f);
            for (uint64_t i = 0; i < nonzero; ++i, at += 8) {
                const auto index = readWord<uint32_t>(bytes, at);
                if (index >= size)
                    return fail("model " + std::to_string(out.models.size()) + ": weight index " +
                                std::to_string(index) + " out of range");
                model.weights[index] = readWord<float>(bytes, at + 4);
            }
            out.models.push_back(std::move(model));
        }
    } catch (const nlohmann::json::exception& e) {
        return fail(std::string("the header has a missing or mistyped field: ") + e.what());
    }
    if (at != bytes.size())
        return fail(std::to_string(bytes.size() - at) + " bytes after the last model");
    if (out.models.empty())
        return fail("the file holds no model");
    return out;
}

} // namespace switchyard::routing
