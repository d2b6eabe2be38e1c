// The router kinds: each turns a configuration into a RouterSignal over a table's rows.
#include "routing/router.h"

#include "policy/policy.h"
#include "routing/detail/learning_rows.h"
#include "routing/rule_matcher.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <string>

namespace switchyard::routing {

namespace {

RouterSignal scoreSignal(const TierTable& table, RouterKind kind, std::string meaning) {
    RouterSignal signal;
    signal.kind = kind;
    signal.shape = RouterSignal::Shape::Score;
    signal.score.resize(table.rows());
    signal.scoreMeaning = std::move(meaning);
    return signal;
}

RouterSignal randomRouter(const TierTable& table, uint64_t seed) {
    RouterSignal signal = scoreSignal(table, RouterKind::Random, "uniform draw per prompt");
    const ReplayData& data = table.data();
    const auto rows = table.promptIndex();
    for (size_t row = 0; row < rows.size(); ++row)
        signal.score[row] = randomDraw(data.promptIds[rows[row]], seed);
    return signal;
}

RouterSignal complexityRouter(const TierTable& table) {
    RouterSignal signal =
        scoreSignal(table, RouterKind::Complexity, "complexity score (prompt_features.h)");
    const auto rows = table.promptIndex();
    for (size_t row = 0; row < rows.size(); ++row)
        signal.score[row] = static_cast<float>(complexityScore(table.data().features[rows[row]]));
    return signal;
}

Expected<RouterSignal> classifierRouter(const TierTable& table, const RouterConfig& config) {
    if (config.classifierModel.empty())
        return Error{"", 0, "router.params.classifier_model",
                     "a classifier router needs the model whose recorded labels it uses"};
    if (table.options().preRouterModel != config.classifierModel)
        return Error{"", 0, "router.params.classifier_model",
                     "the table must be built with the classifier as its pre-router, so its "
                     "cost is charged to the policy"};
    const ReplayData& data = table.data();
    const auto& column = data.models[*data.modelIndex(config.classifierModel)];
    if (column.label.empty())
        return Error{"", 0, "router.params.classifier_model",
                     "the classifier's answers were not read (load with readOutputs)"};
    RouterSignal signal =
        scoreSignal(table, RouterKind::Classifier, "label: 0 simple, 0.5 standard, 1 complex");
    const auto rows = table.promptIndex();
    int64_t unlabelled = 0;
    for (size_t row = 0; row < rows.size(); ++row) {
        const int8_t label = column.label[rows[row]];
        if (label == kNoLabel) {
            ++unlabelled;
            signal.score[row] = 1.0f; // no label: the safe choice, the strongest tier
        } else {
            signal.score[row] = static_cast<float>(label) / 2.0f;
        }
    }
    if (unlabelled == static_cast<int64_t>(rows.size()) && unlabelled > 0)
        return Error{"", 0, "router.params.classifier_model",
                     "no answer of '" + config.classifierModel +
                         "' contains a label (simple, standard or complex)"};
    if (unlabelled)
        signal.notes.push_back(std::to_string(unlabelled) +
                               " prompts have no label and go to the strongest tier");
    return signal;
}

// Out-of-fold probabilities that a tier's answer meets (or misses) the bar.
Expected<OutOfFoldScores> learnTier(const TierTable& table, size_t tier, bool predictMiss,
                                    bool withAnswers, const LearnedOptions& options,
                                    const CancelToken* cancel, const Progress& progress) {
    const detail::LearningRows rows = detail::learningRows(table, tier, predictMiss, withAnswers);
    return crossValidatedScores(rows.examples(), options, cancel, progress);
}

Expected<RouterSignal> learnedRouter(const TierTable& table, const RouterConfig& config,
                                     const CancelToken* cancel, const Progress& progress) {
    auto scores = learnTier(table, 0, true, false, config.learned, cancel, progress);
    if (!scores)
        return Error{"", 0, "router.params." + scores.error().field, scores.error().message};
    RouterSignal signal =
        scoreSignal(table, RouterKind::Learned,
                    "P(" + table.tierModel(0) + "'s answer misses the bar), out-of-fold");
    signal.score = std::move(scores->probability);
    signal.crossValidation = scores->report;
    return signal;
}

Expected<RouterSignal> cascadeRouter(const TierTable& table, const RouterConfig& config,
                                     const CancelToken* cancel, const Progress& progress) {
    if (table.options().accounting != Accounting::Cascade)
        return Error{"", 0, "router.kind",
                     "a cascade needs a table with cascade accounting (every tier tried counts)"};
    RouterSignal signal;
    signal.kind = RouterKind::Cascade;
    signal.shape = RouterSignal::Shape::Confidence;
    const ReplayData& data = table.data();
    const auto rows = table.promptIndex();
    const size_t tiers = table.tierCount();
    signal.confidence.assign(tiers > 0 ? tiers - 1 : 0, std::vector<float>(rows.size(), 0.0f));
    signal.scoreMeaning = std::string("confidence: ") + cascadeSignalName(config.cascadeSignal);
    for (size_t k = 0; k + 1 < tiers; ++k) {
        const ModelColumn& column = data.models[*data.modelIndex(table.tierModel(k))];
        std::vector<float>& confidence = signal.confidence[k];
        switch (config.cascadeSignal) {
        case CascadeSignal::Judge:
            if (column.confidence.empty())
                return Error{"", 0, "router.params.signal",
                             "the judge signal needs the run loaded with a confidence scorer"};
            for (size_t row = 0; row < rows.size(); ++row) {
                const float value = column.confidence[rows[row]];
                confidence[row] = std::isfinite(value) ? value : 0.0f;
            }
            break;
        case CascadeSignal::Stated:
            if (column.statedConfidence.empty())
                return Error{"", 0, "router.params.signal",
                             "'" + column.modelRef +
                                 "' recorded no confidence of its own in this run (local "
                                 "students do)"};
            for (size_t row = 0; row < rows.size(); ++row) {
                const float value = column.statedConfidence[rows[row]];
                confidence[row] = std::isfinite(value) ? value : 0.0f;
            }
            break;
        case CascadeSignal::Refusal:
        case CascadeSignal::Format: {
            if (column.outputFlags.empty())
                return Error{"", 0, "router.params.signal",
                             "this signal reads the answers: load the run with readOutputs"};
            const uint8_t flag =
                config.cascadeSignal == CascadeSignal::Refusal ? kRefusal : kBadFormat;
            for (size_t row = 0; row < rows.size(); ++row)
                confidence[row] = (column.outputFlags[rows[row]] & flag) ? 0.0f : 1.0f;
            break;
        }
        case CascadeSignal::Learned:
        case CascadeSignal::Answer: {
            const bool readsAnswer = config.cascadeSignal == CascadeSignal::Answer;
            if (readsAnswer && column.answers.empty())
                return Error{"", 0, "router.params.signal",
                             "the answer signal reads the answers: load the run with readOutputs"};
            auto scores = learnTier(table, k, false, readsAnswer, config.learned, cancel, progress);
            if (!scores)
                return Error{"", 0, "router.params." + scores.error().field,
                             scores.error().message};
            confidence = std::move(scores->probability);
            if (k == 0)
                signal.crossValidation = scores->report;
            break;
        }
        }
        // A failed call is never an answer to keep.
        for (size_t row = 0; row < rows.size(); ++row)
            if (column.status[rows[row]] == static_cast<uint8_t>(CellStatus::Failed))
                confidence[row] = 0.0f;
    }
    return signal;
}

Expected<RouterSignal> rulesRouter(const TierTable& table, const RouterConfig& config) {
    const size_t tiers = table.tierCount();
    auto matcher = RuleMatcher::compile(config, tiers);
    if (!matcher)
        return matcher.error();
    const size_t defaultTier = config.defaultTier.value_or(0);
    RouterSignal signal;
    signal.kind = RouterKind::Rules;
    signal.shape = RouterSignal::Shape::Fixed;
    signal.scoreMeaning = "first matching rule";
    const ReplayData& data = table.data();
    const auto rows = table.promptIndex();
    signal.fixedTier.assign(rows.size(), static_cast<uint8_t>(defaultTier));
    signal.matchedRule.assign(rows.size(), -1);
    signal.cannedQuality.assign(rows.size(), 0.0f);
    for (size_t row = 0; row < rows.size(); ++row) {
        const uint32_t i = rows[row];
        const auto matched =
            matcher->match(data.promptTexts[i], data.features[i], data.promptTags[i]);
        if (!matched)
            continue;
        const Rule& rule = config.rules[*matched];
        signal.matchedRule[row] = static_cast<int16_t>(*matched);
        if (rule.tier) {
            signal.fixedTier[row] = static_cast<uint8_t>(*rule.tier);
        } else {
            signal.fixedTier[row] = kCannedOutcome;
            signal.cannedQuality[row] = static_cast<float>(rule.cannedQuality);
        }
    }
    return signal;
}

} // namespace

const char* routerKindName(RouterKind kind) {
    switch (kind) {
    case RouterKind::Random:
        return "random";
    case RouterKind::Rules:
        return "rules";
    case RouterKind::Complexity:
        return "complexity";
    case RouterKind::Classifier:
        return "classifier";
    case RouterKind::Learned:
        return "learned";
    case RouterKind::Cascade:
        return "cascade";
    }
    return "random";
}

std::optional<RouterKind> routerKindFromName(std::string_view name) {
    for (RouterKind kind : {RouterKind::Random, RouterKind::Rules, RouterKind::Complexity,
                            RouterKind::Classifier, RouterKind::Learned, RouterKind::Cascade})
        if (name == routerKindName(kind))
            return kind;
    return std::nullopt;
}

const char* cascadeSignalName(CascadeSignal signal) {
    switch (signal) {
    case CascadeSignal::Judge:
        return "judge";
    case CascadeSignal::Refusal:
        return "refusal";
    case CascadeSignal::Format:
        return "format";
    case CascadeSignal::Learned:
        return "learned";
    case CascadeSignal::Answer:
        return "answer";
    case CascadeSignal::Stated:
        return "stated";
    }
    return "refusal";
}

std::optional<CascadeSignal> cascadeSignalFromName(std::string_view name) {
    for (CascadeSignal signal :
         {CascadeSignal::Judge, CascadeSignal::Refusal, CascadeSignal::Format,
          CascadeSignal::Learned, CascadeSignal::Answer, CascadeSignal::Stated})
        if (name == cascadeSignalName(signal))
            return signal;
    return std::nullopt;
}

Accounting accountingFor(RouterKind kind) {
    return kind == RouterKind::Cascade ? Accounting::Cascade : Accounting::Direct;
}

Expected<RouterSignal> prepareRouter(const TierTable& table, const RouterConfig& config,
                                     const CancelToken* cancel, const Progress& progress) {
    switch (config.kind) {
    case RouterKind::Random:
        return randomRouter(table, config.seed);
    case RouterKind::Complexity:
        return complexityRouter(table);
    case RouterKind::Classifier:
        return classifierRouter(table, config);
    case RouterKind::Learned:
        return learnedRouter(table, config, cancel, progress);
    case RouterKind::Cascade:
        return cascadeRouter(table, config, cancel, progress);
    case RouterKind::Rules:
        return rulesRouter(table, config);
    }
    return Error{"", 0, "router.kind", "unknown router kind"};
}

} // namespace switchyard::routing
