// The replay engine against hand-computed cases: figures of one configuration, incomplete
// results, cascade accounting, the pre-router's charge, decisions and their explanations, and a
// table large enough to be replayed on several threads.
#include "replay_fixtures.h"
#include "routing/replay.h"
#include "routing/router.h"
#include "routing/tier_table.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace switchyard;
using namespace switchyard::routing;
using namespace switchyard::routing::fixtures;

class TestReplay : public QObject {
    Q_OBJECT

private slots:
    void oneConfigurationByHand() {
        const ReplayData data = fourPrompts();
        const TierTable table = tableOf(data, {"weak", "strong"});
        Replayer replayer(table);
        // Scores 0.1 0.9 0.6 0.3, threshold 0.5: rows 1 and 2 go to strong.
        const RouterSignal signal = scores({0.1f, 0.9f, 0.6f, 0.3f});
        const std::vector<double> thresholds{0.5};
        std::vector<uint8_t> decisions;
        const ReplayFigures figures = replayer.replay(signal, thresholds, &decisions);
        QCOMPARE(decisions, (std::vector<uint8_t>{0, 1, 1, 0}));
        QCOMPARE(figures.requests, 4);
        QCOMPARE(figures.costUsd, 4.5);         // 0.25 + 2 + 2 + 0.25
        QCOMPARE(figures.costPer1kUsd, 1125.0); // 4.5 / 4 * 1000
        QCOMPARE(figures.quality, 0.75);        // 1, 1, 1, 0
        QCOMPARE(figures.passRate, 0.75);
        QCOMPARE(figures.tierShare, (std::vector<double>{0.5, 0.5}));
        QCOMPARE(figures.strongShare, 0.5);
        // Latencies served: 100, 1100, 1200, 400 -> sorted 100 400 1100 1200.
        // p50 at position 1.5: 400 + 0.5 * 700 = 750; p95 at 2.85: 1100 + 0.85 * 100 = 1185.
        QCOMPARE(*figures.latencyP50Ms, 750.0);
        QCOMPARE(*figures.latencyP95Ms, 1185.0);
        QCOMPARE(figures.latencyUnknown, 0);
        // Baseline: all to strong, 8.00 at quality 0.75; savings 3.5 = 43.75 %.
        QCOMPARE(figures.baseline.modelRef, std::string("strong"));
        QCOMPARE(figures.baseline.costUsd, 8.0);
        QCOMPARE(figures.baseline.quality, 0.75);
        QCOMPARE(*figures.baseline.latencyP50Ms, 1150.0);
        QCOMPARE(figures.savingsUsd, 3.5);
        QCOMPARE(figures.savingsPct, 43.75);

        // A second move reuses the scratch memory and starts from nothing.
        const std::vector<double> allWeak{0.95};
        const ReplayFigures weakOnly = replayer.replay(signal, allWeak);
        QCOMPARE(weakOnly.costUsd, 1.0);
        QCOMPARE(weakOnly.quality, 0.5);
        QCOMPARE(*weakOnly.latencyP50Ms, 250.0);
    }

    void baselineCanBeAnyModel() {
        const ReplayData data = fourPrompts();
        TableOptions options;
        options.baselineModel = "weak";
        const TierTable table = tableOf(data, {"weak", "strong"}, options);
        Replayer replayer(table);
        const std::vector<double> thresholds{0.5};
        const ReplayFigures figures = replayer.replay(scores({0.1f, 0.9f, 0.6f, 0.3f}), thresholds);
        QCOMPARE(figures.baseline.costUsd, 1.0);
        QCOMPARE(figures.savingsPct, -350.0); // 4.5 against 1.0
    }

    void decisionsExplainedWithCounterfactual() {
        const ReplayData data = fourPrompts();
        const TierTable table = tableOf(data, {"weak", "strong"});
        const RouterSignal signal = scores({0.1f, 0.9f, 0.6f, 0.3f});
        const std::vector<double> thresholds{0.5};
        const DecisionDetail row0 = explainDecision(table, signal, thresholds, 0);
        QCOMPARE(row0.tier, 0);
        QCOMPARE(row0.reason, std::string("score 0.100 < threshold 0.500: tier 0 (weak)"));
        QCOMPARE(row0.verdict, Verdict::Right);
        const DecisionDetail row2 = explainDecision(table, signal, thresholds, 2);
        QCOMPARE(row2.tier, 1);
        QCOMPARE(row2.reason, std::string("score 0.600 >= threshold 0.500: tier 1 (strong)"));
        QCOMPARE(row2.costUsd, 2.0);
        QCOMPARE(row2.bestTier, 0); // weak answered row 2 correctly for 0.25
        QCOMPARE(row2.bestCostUsd, 0.25);
        QCOMPARE(row2.verdict, Verdict::Overpaid);
        QCOMPARE(explainDecision(table, signal, thresholds, 3).verdict, Verdict::NoneMeetsBar);
        // Threshold 0.95 sends row 1 to weak, which got it wrong: underpowered.
        const std::vector<double> high{0.95};
        QCOMPARE(explainDecision(table, signal, high, 1).verdict, Verdict::Underpowered);

        Replayer replayer(table);
        std::vector<uint8_t> decisions;
        replayer.replay(signal, thresholds, &decisions);
        QCOMPARE(wrongDecisions(table, decisions), std::vector<size_t>{2});
    }

    void incompleteResultsAreCounted_data() {
        QTest::addColumn<int>("policy");
        QTest::addColumn<qint64>("requests");
        QTest::addColumn<qint64>("excluded");
        QTest::addColumn<double>("cost");
        QTest::addColumn<double>("quality");
        // Strong is missing row 2 and failed row 3 (cost not recorded, 5000 ms timeout).
        // Exclude: rows 0 and 1 remain; threshold 0.5 sends row 1 to strong: 0.25 + 2 = 2.25,
        // quality (1 + 1) / 2.
        QTest::newRow("exclude") << int(IncompleteResults::Exclude) << qint64(2) << qint64(2)
                                 << 2.25 << 1.0;
        // Count as failure: all four; rows 1 and 2 to strong. Row 2 is missing: quality 0 at
        // strong's mean recorded cost (rows 0 and 1: 2.00; the failed row 3 recorded none).
        // Cost 0.25 + 2 + 2 + 0.25; quality (1 + 1 + 0 + 0) / 4.
        QTest::newRow("count as failure")
            << int(IncompleteResults::CountAsFailure) << qint64(4) << qint64(0) << 4.5 << 0.5;
    }

    void incompleteResultsAreCounted() {
        QFETCH(int, policy);
        QFETCH(qint64, requests);
        QFETCH(qint64, excluded);
        QFETCH(double, cost);
        QFETCH(double, quality);
        ReplayData data = fourPrompts();
        ModelColumn& strong = data.models[1];
        strong.status[2] = kMissing;
        strong.quality[2] = kUnknown;
        strong.costUsd[2] = kUnknown;
        strong.latencyMs[2] = kUnknown;
        strong.status[3] = kFailed;
        strong.quality[3] = kUnknown;
        strong.costUsd[3] = kUnknown;
        strong.latencyMs[3] = 5000;
        TableOptions options;
        options.incomplete = static_cast<IncompleteResults>(policy);
        const TierTable table = tableOf(data, {"weak", "strong"}, options);
        QCOMPARE(table.excludedPrompts(), excluded);
        QCOMPARE(table.incomplete().size(), size_t(1));
        QCOMPARE(table.incomplete()[0].modelRef, std::string("strong"));
        QCOMPARE(table.incomplete()[0].missing, 1);
        QCOMPARE(table.incomplete()[0].failed, 1);
        Replayer replayer(table);
        const std::vector<double> thresholds{0.5};
        RouterSignal signal = scores({0.1f, 0.9f, 0.6f, 0.3f});
        signal.score.resize(table.rows());
        const ReplayFigures figures = replayer.replay(signal, thresholds);
        QCOMPARE(figures.requests, requests);
        QCOMPARE(figures.excludedPrompts, excluded);
        QVERIFY(std::abs(figures.costUsd - cost) < 1e-6);
        QCOMPARE(figures.quality, quality);
        if (options.incomplete == IncompleteResults::CountAsFailure)
            QCOMPARE(figures.latencyUnknown, 1); // the missing row 2 has no latency
    }

    void unpricedModelIsAnErrorNotZero() {
        ReplayData data = fourPrompts();
        data.models[1].costUsd[1] = kUnknown;
        auto table = TierTable::build(data, {"weak", "strong"});
        QVERIFY(!table.ok());
        QCOMPARE(table.error().field, std::string("cost_usd"));
        QVERIFY(table.error().message.find("1 results of model 'strong' have no cost") == 0);
        auto unknown = TierTable::build(data, {"weak", "gpt-9"});
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().field, std::string("tiers[1].model"));
        QVERIFY(unknown.error().message.find("models: weak, strong") != std::string::npos);
    }

    // A cascade answers with weak, escalates when its confidence is below the threshold, and
    // pays for both calls and both waits.
    void cascadeCountsWastedCallsAndLatency() {
        const ReplayData data = fourPrompts();
        TableOptions options;
        options.accounting = Accounting::Cascade;
        const TierTable table = tableOf(data, {"weak", "strong"}, options);
        RouterSignal signal;
        signal.kind = RouterKind::Cascade;
        signal.shape = RouterSignal::Shape::Confidence;
        signal.confidence = {{1.0f, 0.0f, 1.0f, 0.0f}}; // weak unsure on rows 1 and 3
        Replayer replayer(table);
        const std::vector<double> thresholds{0.5};
        const ReplayFigures figures = replayer.replay(signal, thresholds);
        // Rows 0, 2: 0.25 each. Rows 1, 3: 0.25 wasted + 2 = 2.25 each. Total 5.0.
        QCOMPARE(figures.costUsd, 5.0);
        QCOMPARE(figures.wastedCostUsd, 0.5);
        QCOMPARE(figures.escalations, 2);
        QCOMPARE(figures.quality, 0.75); // 1 (weak), 1 (strong), 1 (weak), 0 (strong)
        // Latencies 100, 200 + 1100, 300, 400 + 1300 -> 100 300 1300 1700: p50 = 800.
        QCOMPARE(*figures.latencyP50Ms, 800.0);
        QCOMPARE(figures.addedLatencyMs, 150.0); // (200 + 400) / 4
        const DecisionDetail detail = explainDecision(table, signal, thresholds, 1);
        QCOMPARE(detail.tier, 1);
        QCOMPARE(detail.costUsd, 2.25);
        QCOMPARE(detail.latencyMs, 1300.0f);
        QCOMPARE(detail.reason,
                 std::string("tier 0 (weak) confidence 0.000 < 0.500: escalated; answered by the "
                             "last tier 1 (strong)"));
    }

    // The classifier's own call is charged to every routed request, never to the baseline.
    void preRouterIsCharged() {
        ReplayData data = fourPrompts();
        data.models.push_back(
            column("labeller", {0, 0, 0, 0}, {0.125f, 0.125f, 0.125f, 0.125f}, {50, 50, 50, 50}));
        data.models[2].status.assign(4, static_cast<uint8_t>(CellStatus::Unscored));
        data.models[2].label = {kSimple, kComplex, kStandard, kNoLabel};
        TableOptions options;
        options.preRouterModel = "labeller";
        const TierTable table = tableOf(data, {"weak", "strong"}, options);
        QCOMPARE(table.excludedPrompts(), 0); // unscored is normal for a labeller
        RouterConfig config;
        config.kind = RouterKind::Classifier;
        config.classifierModel = "labeller";
        auto signal = prepareRouter(table, config);
        QVERIFY2(signal.ok(), signal.ok() ? "" : signal.error().toString().c_str());
        QCOMPARE(signal->score, (std::vector<float>{0.0f, 1.0f, 0.5f, 1.0f}));
        QCOMPARE(signal->notes.size(), size_t(1)); // one prompt without a label
        Replayer replayer(table);
        // Threshold 0.75: complex (and unlabelled) to strong: rows 1 and 3.
        const std::vector<double> thresholds{0.75};
        const ReplayFigures figures = replayer.replay(*signal, thresholds);
        QCOMPARE(figures.preRouterCostUsd, 0.5);
        QCOMPARE(figures.costUsd, 0.5 + 0.25 + 2 + 0.25 + 2);
        QCOMPARE(figures.baseline.costUsd, 8.0);
        // Latencies 150, 1150, 350, 1350: p50 = 750.
        QCOMPARE(*figures.latencyP50Ms, 750.0);
    }

    void rulesWithCannedAnswers() {
        ReplayData data = fourPrompts();
        data.promptTexts = {"What are your opening hours?", "Refactor this C++ class", "hello",
                            "Summarise the contract"};
        data.promptTags = {{"faq"}, {"code"}, {}, {"legal"}};
        const TierTable table = tableOf(data, {"weak", "strong"});
        RouterConfig config;
        config.kind = RouterKind::Rules;
        Rule faq;
        faq.name = "faq-hours";
        faq.condition = Rule::Condition::Keywords;
        faq.keywords = {"OPENING HOURS"};
        faq.cannedResponse = "We are open 9 to 5.";
        faq.cannedQuality = 1.0;
        Rule code;
        code.name = "code";
        code.condition = Rule::Condition::Regex;
        code.pattern = R"((^|\s)(c\+\+|python)(\s|$))";
        code.tier = 1;
        Rule legal;
        legal.condition = Rule::Condition::Tag;
        legal.pattern = "legal";
        legal.tier = 1;
        config.rules = {faq, code, legal};
        auto signal = prepareRouter(table, config);
        QVERIFY2(signal.ok(), signal.ok() ? "" : signal.error().toString().c_str());
        QCOMPARE(signal->fixedTier, (std::vector<uint8_t>{kCannedOutcome, 1, 0, 1}));
        QCOMPARE(signal->matchedRule, (std::vector<int16_t>{0, 1, -1, 2}));
        Replayer replayer(table);
        std::vector<uint8_t> decisions;
        const ReplayFigures figures = replayer.replay(*signal, {}, &decisions);
        QCOMPARE(figures.cannedShare, 0.25);
        QCOMPARE(figures.costUsd, 0.0 + 2 + 0.25 + 2);
        QCOMPARE(figures.quality, (1.0 + 1 + 1 + 0) / 4);
        QCOMPARE(figures.tierShare, (std::vector<double>{0.25, 0.5}));
        // Latencies 0 (canned), 1100, 300, 1300: p50 = 700.
        QCOMPARE(*figures.latencyP50Ms, 700.0);
        QCOMPARE(explainDecision(table, *signal, {}, 0, &config).reason,
                 std::string("rule 'faq-hours' matched: canned response, no model"));
        QCOMPARE(explainDecision(table, *signal, {}, 2, &config).reason,
                 std::string("no rule matched: default tier 0 (weak)"));

        Rule bad;
        bad.condition = Rule::Condition::Regex;
        bad.pattern = "(unclosed";
        bad.tier = 0;
        config.rules = {faq, bad};
        auto invalid = prepareRouter(table, config);
        QVERIFY(!invalid.ok());
        QCOMPARE(invalid.error().field, std::string("router.params.rules[1].regex"));
    }

    // The rank bitmap gives the same percentiles as sorting, on random data with gaps.
    void percentilesMatchSorting() {
        std::mt19937 random(11);
        std::uniform_real_distribution<float> unit(0.0f, 1.0f);
        const size_t n = 5000;
        std::vector<ModelColumn> models;
        for (int m = 0; m < 3; ++m) {
            std::vector<float> quality(n), cost(n), latency(n);
            for (size_t i = 0; i < n; ++i) {
                quality[i] = unit(random) < 0.5f + 0.2f * static_cast<float>(m) ? 1.0f : 0.0f;
                cost[i] = 0.001f * static_cast<float>(m + 1);
                latency[i] = unit(random) < 0.05f ? kUnknown : std::round(unit(random) * 3000.0f);
            }
            models.push_back(column("m" + std::to_string(m), quality, cost, latency));
        }
        const ReplayData data = dataWith(std::move(models));
        const TierTable table = tableOf(data, {"m0", "m1", "m2"});
        RouterSignal signal;
        signal.shape = RouterSignal::Shape::Score;
        for (size_t i = 0; i < n; ++i)
            signal.score.push_back(unit(random));
        Replayer replayer(table);
        for (const auto& thresholds :
             std::vector<std::vector<double>>{{0.2, 0.7}, {0.0, 0.0}, {0.5, 0.5}, {1.1, 1.1}}) {
            std::vector<uint8_t> decisions;
            const ReplayFigures figures = replayer.replay(signal, thresholds, &decisions);
            std::vector<double> served;
            for (size_t row = 0; row < n; ++row) {
                const float latency = table.latency(decisions[row])[row];
                if (std::isfinite(latency))
                    served.push_back(latency);
            }
            QCOMPARE(figures.latencyUnknown, qint64(n - served.size()));
            QCOMPARE(*figures.latencyP50Ms, slowPercentile(served, 0.5));
            QCOMPARE(*figures.latencyP95Ms, slowPercentile(served, 0.95));
        }
    }

    // A table this large is split between threads (replay.cpp, kRowsPerPart): the figures must
    // be those of one plain pass over the rows, percentiles included.
    void largeCascadeAgreesWithOnePass() {
        std::mt19937 random(23);
        std::uniform_real_distribution<float> unit(0.0f, 1.0f);
        const size_t n = 600'000;
        std::vector<ModelColumn> models;
        for (int m = 0; m < 4; ++m) {
            std::vector<float> quality(n), cost(n), latency(n);
            for (size_t i = 0; i < n; ++i) {
                quality[i] = unit(random) < 0.4f + 0.15f * static_cast<float>(m) ? 1.0f : 0.0f;
                cost[i] = 0.0009765625f * static_cast<float>(1 << (2 * m)); // 2^-10 * 4^m
                latency[i] = unit(random) < 0.02f ? kUnknown : std::round(unit(random) * 4000.0f);
            }
            models.push_back(column("m" + std::to_string(m), quality, cost, latency));
        }
        const ReplayData data = dataWith(std::move(models));
        TableOptions options;
        options.accounting = Accounting::Cascade;
        const TierTable table = tableOf(data, {"m0", "m1", "m2", "m3"}, options);
        RouterSignal signal;
        signal.kind = RouterKind::Cascade;
        signal.shape = RouterSignal::Shape::Confidence;
        signal.confidence.assign(3, std::vector<float>(n));
        for (auto& confidence : signal.confidence)
            for (float& value : confidence)
                value = unit(random);
        const std::vector<double> thresholds{0.3, 0.5, 0.7};
        Replayer replayer(table);
        std::vector<uint8_t> decisions;
        const ReplayFigures figures = replayer.replay(signal, thresholds, &decisions);

        double cost = 0.0, quality = 0.0, wasted = 0.0;
        std::vector<int64_t> perTier(4, 0);
        std::vector<double> served;
        for (size_t row = 0; row < n; ++row) {
            size_t k = 0;
            while (k < 3 && signal.confidence[k][row] < thresholds[k])
                ++k;
            QCOMPARE(size_t{decisions[row]}, k);
            ++perTier[k];
            cost += table.cost(k)[row];
            quality += table.quality(k)[row];
            if (k > 0)
                wasted += table.cost(k - 1)[row];
            if (std::isfinite(table.latency(k)[row]))
                served.push_back(table.latency(k)[row]);
        }
        QCOMPARE(figures.requests, qint64(n));
        QCOMPARE(figures.costUsd, cost); // binary fractions: every order of summing is exact
        QCOMPARE(figures.wastedCostUsd, wasted);
        QCOMPARE(figures.quality, quality / static_cast<double>(n));
        for (size_t k = 0; k < 4; ++k)
            QCOMPARE(figures.tierShare[k],
                     static_cast<double>(perTier[k]) / static_cast<double>(n));
        QCOMPARE(figures.escalations, qint64(n) - perTier[0]);
        QCOMPARE(figures.latencyUnknown, qint64(n - served.size()));
        QCOMPARE(*figures.latencyP50Ms, slowPercentile(served, 0.5));
        QCOMPARE(*figures.latencyP95Ms, slowPercentile(served, 0.95));
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
