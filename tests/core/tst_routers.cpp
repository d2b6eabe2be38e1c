// The router kinds: prompt features and the complexity score, the random draw, classifier
// labels, answer flags for cascades, and the learned router's cross-validation (no leakage).
#include "routing/learned.h"
#include "routing/prompt_features.h"
#include "routing/replay.h"
#include "routing/replay_data.h"
#include "routing/router.h"
#include "routing/sweep.h"
#include "routing/tier_table.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace switchyard;
using namespace switchyard::routing;

namespace {

// Prompts in memory: texts, two models with the given per-prompt qualities (cost 1 and 10).
ReplayData dataOf(const std::vector<std::string>& texts, const std::vector<float>& weakQuality,
                  const std::vector<float>& strongQuality) {
    ReplayData data;
    data.runName = "mem";
    for (size_t i = 0; i < texts.size(); ++i) {
        data.promptIds.push_back("p" + std::to_string(i));
        data.promptOrdinals.push_back(static_cast<int64_t>(i + 1));
        data.promptTexts.push_back(texts[i]);
        data.promptTags.emplace_back();
        data.features.push_back(
            promptFeatures(texts[i], static_cast<int64_t>(texts[i].size() / 4)));
    }
    for (const auto& [ref, quality, cost] :
         {std::tuple{"weak", weakQuality, 1.0f}, std::tuple{"strong", strongQuality, 10.0f}}) {
        ModelColumn model;
        model.modelRef = ref;
        model.quality = quality;
        model.costUsd.assign(texts.size(), cost);
        model.latencyMs.assign(texts.size(), 100.0f);
        model.status.assign(texts.size(), static_cast<uint8_t>(CellStatus::Ok));
        model.outputFlags.assign(texts.size(), 0);
        model.label.assign(texts.size(), kNoLabel);
        data.models.push_back(std::move(model));
    }
    return data;
}

std::string randomWord(std::mt19937& random) {
    std::string word;
    for (int i = 0; i < 8; ++i)
        word += static_cast<char>('a' + random() % 26);
    return word;
}

} // namespace

class TestRouters : public QObject {
    Q_OBJECT

private slots:
    void featuresOfPrompts_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("questions");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("maths");
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("domain");
        QTest::newRow("greeting") << "hi there" << 0 << 0 << 0 << 0 << 0;
        // "how many" and one expression (12 * 7).
        QTest::newRow("arithmetic") << "How many is 12 * 7?" << 1 << 0 << 2 << 0 << 0;
        // ``` and "def " and "return " and "python".
        QTest::newRow("code") << "Fix this Python:\n```\ndef f(x):\n    return x\n```" << 0 << 4
                              << 0 << 0 << 0;
        // "first", "then", "compare"; "then" is not found inside "authenticate".
        QTest::newRow("multi-step")
            << "First authenticate, then compare both plans" << 0 << 0 << 0 << 3 << 0;
        // "contract*" (contracts), "liabilit*", "gdpr".
        QTest::newRow("legal") << "Do the contracts limit liability under GDPR?" << 1 << 0 << 0 << 0
                               << 3;
    }

    void featuresOfPrompts() {
        QFETCH(QString, text);
        QFETCH(int, questions);
        QFETCH(int, code);
        QFETCH(int, maths);
        QFETCH(int, steps);
        QFETCH(int, domain);
        const PromptFeatures features = promptFeatures(text.toStdString(), 10);
        QCOMPARE(int(features.questions), questions);
        QCOMPARE(int(features.codeSignals), code);
        QCOMPARE(int(features.mathsSignals), maths);
        QCOMPARE(int(features.multiStepCues), steps);
        QCOMPARE(int(features.domainWords), domain);
    }

    void complexityScoreFormula() {
        PromptFeatures features;
        QCOMPARE(complexityScore(features), 0.0);
        // 2,000 tokens alone: L = 1, score 0.30.
        features.inputTokens = 2000;
        QVERIFY(std::abs(complexityScore(features) - 0.30) < 1e-12);
        // 175 tokens: L = log2(8) / log2(81) = 3 / 6.3399; plus one question: 0.1 / 3.
        features.inputTokens = 175;
        features.questions = 1;
        const double expected = 0.30 * 3.0 / std::log2(81.0) + 0.10 / 3.0;
        QVERIFY(std::abs(complexityScore(features) - expected) < 1e-12);
        // Everything at its cap: 1.
        features = PromptFeatures{5000, 900, 9, 9, 9, 9, 9};
        QVERIFY(std::abs(complexityScore(features) - 1.0) < 1e-12);
    }

    void answerFlagsAndLabels_data() {
        QTest::addColumn<QString>("output");
        QTest::addColumn<bool>("expectsJson");
        QTest::addColumn<int>("flags");
        QTest::addColumn<int>("label");
        QTest::newRow("plain answer") << "The answer is 42." << false << 0 << int(kNoLabel);
        QTest::newRow("does not know")
            << "I don't know the capital of Atlantis." << false << int(kRefusal) << int(kNoLabel);
        QTest::newRow("curly apostrophe")
            << QString::fromUtf8("I don’t know.") << false << int(kRefusal) << int(kNoLabel);
        QTest::newRow("fenced json") << "```json\n{\"a\": 1}\n```" << true << 0 << int(kNoLabel);
        QTest::newRow("broken json") << "{\"a\": 1" << true << int(kBadFormat) << int(kNoLabel);
        QTest::newRow("label") << "Label: COMPLEX (needs several steps; not simple)" << false << 0
                               << int(kComplex);
        QTest::newRow("label standard") << "standard" << false << 0 << int(kStandard);
    }

    void answerFlagsAndLabels() {
        QFETCH(QString, output);
        QFETCH(bool, expectsJson);
        QFETCH(int, flags);
        QFETCH(int, label);
        const std::string text = output.toStdString();
        QCOMPARE(int(outputFlagsOf(text, expectsJson)), flags);
        QCOMPARE(int(labelOf(text)), label);
    }

    void randomDrawIsStablePerPrompt() {
        std::vector<std::string> texts(1000, "x");
        const ReplayData data =
            dataOf(texts, std::vector<float>(1000, 1.0f), std::vector<float>(1000, 1.0f));
        auto table = TierTable::build(data, {"weak", "strong"});
        QVERIFY(table.ok());
        RouterConfig config;
        config.seed = 7;
        const auto first = prepareRouter(*table, config);
        const auto again = prepareRouter(*table, config);
        QCOMPARE(first->score, again->score);
        config.seed = 8;
        const auto other = prepareRouter(*table, config);
        QVERIFY(first->score != other->score);
        for (float score : first->score)
            QVERIFY(score >= 0.0f && score < 1.0f);
    }

    // Random labels, and every prompt made unique by a random word: a model that memorised its
    // training prompts would score them perfectly. Out of fold it must know nothing.
    void crossValidationDoesNotLeak() {
        std::mt19937 random(1);
        const size_t n = 2000;
        std::vector<std::string> texts;
        std::vector<uint8_t> labels;
        for (size_t i = 0; i < n; ++i) {
            // Each text appears twice with the same label: twins in different folds would be a
            // leak that memorising exploits. Identical texts share a fold.
            if (i % 2 == 1) {
                texts.push_back(texts.back());
                labels.push_back(labels.back());
                continue;
            }
            texts.push_back("please answer " + randomWord(random) + " " + randomWord(random));
            labels.push_back(static_cast<uint8_t>(random() % 2));
        }
        std::vector<std::string_view> views(texts.begin(), texts.end());
        std::vector<PromptFeatures> features;
        for (const std::string& text : texts)
            features.push_back(promptFeatures(text, 5));
        LearnedOptions options;
        options.epochs = 10; // enough to memorise the training folds
        auto scores = crossValidatedScores({views, features, {}, labels}, options);
        QVERIFY(scores.ok());
        for (size_t i = 1; i < n; i += 2)
            QCOMPARE(scores->fold[i], scores->fold[i - 1]);
        QVERIFY2(std::abs(scores->report.auc - 0.5) < 0.06,
                 qPrintable(QString::number(scores->report.auc)));
        QVERIFY(std::abs(scores->report.accuracy - 0.5) < 0.06);
        QCOMPARE(scores->report.rows, qint64(n));
        QCOMPARE(scores->report.folds, 5);

        // The same learner does find a real signal.
        for (size_t i = 0; i < n; ++i) {
            labels[i] = static_cast<uint8_t>(i % 3 == 0);
            texts[i] =
                (labels[i] ? "prove the theorem about " : "what time is ") + randomWord(random);
        }
        std::vector<std::string_view> signalViews(texts.begin(), texts.end());
        auto learnable = crossValidatedScores({signalViews, features, {}, labels}, options);
        QVERIFY(learnable.ok());
        QVERIFY2(learnable->report.auc > 0.95, qPrintable(QString::number(learnable->report.auc)));
    }

    void rocAucWorkedExample() {
        // Positives 0.9, 0.4; negatives 0.5, 0.1: 3 of 4 pairs ordered right.
        const std::vector<float> scores{0.9f, 0.5f, 0.4f, 0.1f};
        const std::vector<uint8_t> labels{1, 0, 1, 0};
        QCOMPARE(rocAuc(scores, labels), 0.75);
        const std::vector<float> ties{0.5f, 0.5f};
        const std::vector<uint8_t> mixed{1, 0};
        QCOMPARE(rocAuc(ties, mixed), 0.5);
    }

    void learnedRouterScoresOutOfFold() {
        std::mt19937 random(2);
        std::vector<std::string> texts;
        std::vector<float> weak, strong;
        for (int i = 0; i < 600; ++i) {
            const bool hard = i % 2 == 0;
            texts.push_back((hard ? "derive and prove the bound for " : "say hello to ") +
                            randomWord(random));
            weak.push_back(hard ? 0.0f : 1.0f);
            strong.push_back(1.0f);
        }
        const ReplayData data = dataOf(texts, weak, strong);
        auto table = TierTable::build(data, {"weak", "strong"});
        QVERIFY(table.ok());
        RouterConfig config;
        config.kind = RouterKind::Learned;
        auto signal = prepareRouter(*table, config);
        QVERIFY(signal.ok());
        QVERIFY(signal->crossValidation);
        QVERIFY(signal->crossValidation->note.find("out-of-fold") != std::string::npos);
        const SweepResult result = sweep(*table, *signal);
        // Half the prompts are hard: a perfect router recovers the whole gap at x = 0.5, so its
        // APGR is 0.5 * 1 / 2 + 0.5 * 1 = 0.25 + 0.5 = 0.75 and CPT(80%) = 0.4.
        QVERIFY2(*result.metrics.apgr > 0.73, qPrintable(QString::number(*result.metrics.apgr)));
        QVERIFY(std::abs(*result.metrics.cpt80 - 0.4) < 0.02);
    }

    void cascadeSignals() {
        const std::vector<std::string> texts{"a", "b", "c", "d"};
        ReplayData data = dataOf(texts, {1, 0, 1, 0}, {1, 1, 1, 1});
        data.models[0].outputFlags = {0, kRefusal, kBadFormat, kRefusal | kBadFormat};
        data.models[0].status[2] = static_cast<uint8_t>(CellStatus::Failed);
        data.models[0].quality[2] = kUnknown;
        TableOptions options;
        options.accounting = Accounting::Cascade;
        options.incomplete = IncompleteResults::CountAsFailure;
        auto table = TierTable::build(data, {"weak", "strong"}, options);
        QVERIFY(table.ok());
        RouterConfig config;
        config.kind = RouterKind::Cascade;
        config.cascadeSignal = CascadeSignal::Refusal;
        auto refusal = prepareRouter(*table, config);
        QVERIFY(refusal.ok());
        // A failed call is never kept, whatever the signal says.
        QCOMPARE(refusal->confidence[0], (std::vector<float>{1, 0, 0, 0}));
        config.cascadeSignal = CascadeSignal::Format;
        QCOMPARE(prepareRouter(*table, config)->confidence[0], (std::vector<float>{1, 1, 0, 0}));
        config.cascadeSignal = CascadeSignal::Judge;
        auto judge = prepareRouter(*table, config);
        QVERIFY(!judge.ok());
        QCOMPARE(judge.error().field, std::string("router.params.signal"));

        auto direct = TierTable::build(data, {"weak", "strong"});
        config.cascadeSignal = CascadeSignal::Refusal;
        auto wrongTable = prepareRouter(*direct, config);
        QVERIFY(!wrongTable.ok());
        QCOMPARE(wrongTable.error().field, std::string("router.kind"));

        QCOMPARE(std::string(routerKindName(*routerKindFromName("cascade"))),
                 std::string("cascade"));
        QVERIFY(!routerKindFromName("magic"));
        QCOMPARE(*cascadeSignalFromName("judge"), CascadeSignal::Judge);
    }
};

QTEST_GUILESS_MAIN(TestRouters)
#include "tst_routers.moc"
