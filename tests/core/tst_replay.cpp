// The replay engine against hand-computed cases: figures of one configuration, incomplete
// results, cascade accounting, the pre-router's charge, decisions and their explanations, sweeps
// and the router metrics (APGR, CPT, AIQ, Pareto frontier), and a load from a real workspace.
#include "pricing/catalogue.h"
#include "results/results_import.h"
#include "routing/metrics.h"
#include "routing/replay.h"
#include "routing/replay_data.h"
#include "routing/router.h"
#include "routing/sweep.h"
#include "routing/tier_table.h"
#include "store/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace switchyard;
using namespace switchyard::routing;

namespace {

constexpr uint8_t kOk = static_cast<uint8_t>(CellStatus::Ok);
constexpr uint8_t kFailed = static_cast<uint8_t>(CellStatus::Failed);
constexpr uint8_t kMissing = static_cast<uint8_t>(CellStatus::Missing);

ModelColumn column(std::string ref, std::vector<float> quality, std::vector<float> cost,
                   std::vector<float> latency) {
    ModelColumn model;
    model.modelRef = std::move(ref);
    model.status.assign(quality.size(), kOk);
    model.quality = std::move(quality);
    model.costUsd = std::move(cost);
    model.latencyMs = std::move(latency);
    return model;
}

ReplayData dataWith(std::vector<ModelColumn> models) {
    ReplayData data;
    data.runName = "hand";
    const size_t n = models.front().quality.size();
    for (size_t i = 0; i < n; ++i) {
        data.promptIds.push_back("p" + std::to_string(i));
        data.promptOrdinals.push_back(static_cast<int64_t>(i + 1));
        data.promptTexts.push_back("prompt " + std::to_string(i));
        data.promptTags.emplace_back();
        data.features.push_back(promptFeatures(data.promptTexts.back(), 3));
    }
    data.models = std::move(models);
    return data;
}

// Four prompts. Costs and latencies are binary fractions, so every sum below is exact.
//            row:     0     1     2     3
//   weak   quality:   1     0     1     0     cost 0.25 each, latency 100 200 300 400
//   strong quality:   1     1     1     0     cost 2.00 each, latency 1000 1100 1200 1300
ReplayData fourPrompts() {
    return dataWith(
        {column("weak", {1, 0, 1, 0}, {0.25f, 0.25f, 0.25f, 0.25f}, {100, 200, 300, 400}),
         column("strong", {1, 1, 1, 0}, {2, 2, 2, 2}, {1000, 1100, 1200, 1300})});
}

RouterSignal scores(std::vector<float> values) {
    RouterSignal signal;
    signal.shape = RouterSignal::Shape::Score;
    signal.score = std::move(values);
    return signal;
}

TierTable tableOf(const ReplayData& data, const std::vector<std::string>& tiers,
                  TableOptions options = {}) {
    auto table = TierTable::build(data, tiers, options);
    if (!table)
        qFatal("%s", table.error().toString().c_str());
    return std::move(table).value();
}

Catalogue bundledCatalogue() {
    auto catalogue = Catalogue::fromFile(SWITCHYARD_SOURCE_DIR "/resources/pricing/catalogue.json");
    if (!catalogue)
        qFatal("%s", catalogue.error().toString().c_str());
    return std::move(catalogue).value();
}

// The exact percentile the replay must match: linear interpolation between order statistics.
double slowPercentile(std::vector<double> values, double q) {
    std::sort(values.begin(), values.end());
    const double position = q * static_cast<double>(values.size() - 1);
    const auto below = static_cast<size_t>(position);
    const size_t above = std::min(below + 1, values.size() - 1);
    return values[below] +
           (position - static_cast<double>(below)) * (values[above] - values[below]);
}

} // namespace

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

    void metricsWorkedExamples_data() {
        QTest::addColumn<QList<double>>("x");
        QTest::addColumn<QList<double>>("quality");
        QTest::addColumn<double>("apgr");
        QTest::addColumn<double>("cpt50");
        QTest::addColumn<double>("cpt80");
        // weak 0.5, strong 0.9 throughout.
        // A random router: PGR(x) = x, a straight line: APGR 0.5, CPT(50%) 0.5, CPT(80%) 0.8.
        QTest::newRow("random") << QList<double>{0.25, 0.5, 0.75} << QList<double>{0.6, 0.7, 0.8}
                                << 0.5 << 0.5 << 0.8;
        // Recovers everything with a quarter of the calls: PGR 0, 1, 1, 1, 1 at x 0, .25 ...
        // APGR = 0.25 * 0.5 + 0.75 * 1 = 0.875; CPT(50%) = 0.125, CPT(80%) = 0.2.
        QTest::newRow("perfect at 25%") << QList<double>{0.25, 0.5, 0.75}
                                        << QList<double>{0.9, 0.9, 0.9} << 0.875 << 0.125 << 0.2;
        // Beats the strong model in the middle (PGR 1.5 at x 0.5): APGR = 0.25*0.5*... =
        // (0.5)(0 + 1.5)/2 + (0.5)(1.5 + 1)/2 = 0.375 + 0.625 = 1.0; CPT(50%) on the first
        // segment: 0.5 * (0.5 / 1.5) = 1/6; CPT(80%) = 0.5 * 0.8 / 1.5 = 4/15.
        QTest::newRow("better than strong")
            << QList<double>{0.5} << QList<double>{1.1} << 1.0 << 1.0 / 6.0 << 4.0 / 15.0;
    }

    void metricsWorkedExamples() {
        QFETCH(QList<double>, x);
        QFETCH(QList<double>, quality);
        QFETCH(double, apgr);
        QFETCH(double, cpt50);
        QFETCH(double, cpt80);
        std::vector<CurvePoint> points;
        for (int i = 0; i < x.size(); ++i)
            points.push_back({x[i], quality[i]});
        const GapMetrics metrics = gapMetrics(points, 0.5, 0.9);
        QVERIFY(std::abs(*metrics.apgr - apgr) < 1e-12);
        QVERIFY(std::abs(*metrics.cpt50 - cpt50) < 1e-12);
        QVERIFY(std::abs(*metrics.cpt80 - cpt80) < 1e-12);
        QVERIFY(!gapMetrics(points, 0.7, 0.7).apgr); // no gap, no metric
    }

    void aiqAndFrontierWorkedExamples() {
        // Hull (0, .5) (1, .8) (3, .9); (2, .6) lies below it.
        // AIQ = [1 * (.5 + .8)/2 + 2 * (.8 + .9)/2] / 3 = (0.65 + 1.7) / 3.
        const std::vector<CostQualityPoint> points{{0, 0.5}, {1, 0.8}, {2, 0.6}, {3, 0.9}};
        QVERIFY(std::abs(*averageImprovementInQuality(points) - 2.35 / 3.0) < 1e-12);
        // The hull falls after its best point: it stays level instead.
        // (0, .5) (1, .9) (2, .9): AIQ = (0.7 + 0.9) / 2 = 0.8.
        const std::vector<CostQualityPoint> falling{{0, 0.5}, {1, 0.9}, {2, 0.7}};
        QVERIFY(std::abs(*averageImprovementInQuality(falling) - 0.8) < 1e-12);
        QCOMPARE(nonDecreasingConvexHull(falling).back().quality, 0.9);
        QVERIFY(!averageImprovementInQuality(std::vector<CostQualityPoint>{{1, 0.5}}));

        const std::vector<CostQualityPoint> cloud{{1, 0.5}, {2, 0.4}, {2, 0.7},
                                                  {3, 0.7}, {4, 0.9}, {4, 0.9}};
        QCOMPARE(paretoFrontier(cloud), (std::vector<size_t>{0, 2, 4}));
    }

    // The four-prompt sweep, point by point: thresholds at each distinct score.
    void sweepByHand() {
        const ReplayData data = fourPrompts();
        const TierTable table = tableOf(data, {"weak", "strong"});
        const SweepResult result = sweep(table, scores({0.1f, 0.9f, 0.6f, 0.3f}));
        // Strong for 4, 3, 2, 1, 0 prompts: costs 8, 6.25, 4.5, 2.75, 1 (ordered by cost).
        QCOMPARE(result.points.size(), size_t(5));
        const std::vector<double> costs{1.0, 2.75, 4.5, 6.25, 8.0};
        const std::vector<double> shares{0.0, 0.25, 0.5, 0.75, 1.0};
        const std::vector<double> quality{0.5, 0.75, 0.75, 0.75, 0.75};
        for (size_t i = 0; i < 5; ++i) {
            QCOMPARE(result.points[i].costUsd, costs[i]);
            QCOMPARE(result.points[i].strongShare, shares[i]);
            QCOMPARE(result.points[i].quality, quality[i]);
        }
        QCOMPARE(result.points[0].thresholds.size(), size_t(1));
        QVERIFY(result.points[0].thresholds[0] > 0.9);  // nobody to strong
        QVERIFY(result.points[4].thresholds[0] <= 0.1); // everybody
        QCOMPARE(result.frontier, (std::vector<size_t>{0, 1}));
        const SweepMetrics& metrics = result.metrics;
        QCOMPARE(metrics.axis, std::string("strong_share"));
        QCOMPARE(metrics.weakQuality, 0.5);
        QCOMPARE(metrics.strongQuality, 0.75);
        // PGR 0, 1, 1, 1, 1 at x 0, .25, .5, .75, 1: the "perfect at 25%" example.
        QCOMPARE(*metrics.apgr, 0.875);
        QCOMPARE(*metrics.cpt50, 0.125);
        QCOMPARE(*metrics.cpt80, 0.2);
        // Hull (1, .5) (2.75, .75) then level to 8: (1.75 * 0.625 + 5.25 * 0.75) / 7.
        QVERIFY(std::abs(*metrics.aiq - (1.75 * 0.625 + 5.25 * 0.75) / 7.0) < 1e-12);

        const auto cheapest = calibrate(result, {CalibrationTarget::Kind::Quality, 0.7});
        QVERIFY(cheapest);
        QCOMPARE(cheapest->costUsd, 2.75);
        const auto half = calibrate(result, {CalibrationTarget::Kind::StrongShare, 0.5});
        QCOMPARE(half->strongShare, 0.5);
        QVERIFY(!calibrate(result, {CalibrationTarget::Kind::Quality, 0.8}));
    }

    // Every sweep point equals a full replay at its thresholds: the binning is exact.
    void sweepPointsEqualReplay_data() {
        QTest::addColumn<int>("tiers");
        QTest::addColumn<bool>("cascade");
        QTest::newRow("two tiers") << 2 << false;
        QTest::newRow("three tiers") << 3 << false;
        QTest::newRow("four tiers") << 4 << false;
        QTest::newRow("cascade of two") << 2 << true;
        QTest::newRow("cascade of three") << 3 << true;
    }

    void sweepPointsEqualReplay() {
        QFETCH(int, tiers);
        QFETCH(bool, cascade);
        std::mt19937 random(5);
        std::uniform_real_distribution<float> unit(0.0f, 1.0f);
        const size_t n = 20000;
        std::vector<ModelColumn> models;
        std::vector<std::string> refs;
        for (int m = 0; m < tiers; ++m) {
            std::vector<float> quality(n), cost(n), latency(n);
            for (size_t i = 0; i < n; ++i) {
                quality[i] = std::round(unit(random) * 4.0f) / 4.0f;
                cost[i] = std::ldexp(std::round(unit(random) * 64.0f), -10 + 2 * m);
                latency[i] = 100.0f * static_cast<float>(m + 1);
            }
            refs.push_back("m" + std::to_string(m));
            models.push_back(column(refs.back(), quality, cost, latency));
        }
        const ReplayData data = dataWith(std::move(models));
        TableOptions options;
        options.accounting = cascade ? Accounting::Cascade : Accounting::Direct;
        const TierTable table = tableOf(data, refs, options);
        RouterSignal signal;
        if (cascade) {
            signal.shape = RouterSignal::Shape::Confidence;
            signal.confidence.assign(static_cast<size_t>(tiers - 1), {});
            for (auto& confidence : signal.confidence)
                for (size_t i = 0; i < n; ++i)
                    confidence.push_back(unit(random));
        } else {
            signal.shape = RouterSignal::Shape::Score;
            for (size_t i = 0; i < n; ++i)
                signal.score.push_back(unit(random));
        }
        const SweepResult result = sweep(table, signal, {1000});
        QVERIFY2(result.points.size() >= 500 && result.points.size() <= 1500,
                 qPrintable(QString::number(result.points.size())));
        Replayer replayer(table);
        for (size_t i = 0; i < result.points.size(); i += 37) {
            const SweepPoint& point = result.points[i];
            const ReplayFigures figures = replayer.replay(signal, point.thresholds);
            QVERIFY(std::abs(figures.costUsd - point.costUsd) < 1e-9);
            QVERIFY(std::abs(figures.quality - point.quality) < 1e-12);
            QCOMPARE(figures.passRate, point.passRate);
            QCOMPARE(figures.tierShare, point.tierShare);
        }
        QVERIFY(!result.frontier.empty());
        QVERIFY(result.metrics.apgr && result.metrics.aiq);
    }

    // "Its APGR is 0.5 by construction": the random router over many prompts.
    void randomRouterApgrIsHalf() {
        std::mt19937 random(3);
        std::uniform_real_distribution<float> unit(0.0f, 1.0f);
        const size_t n = 100000;
        std::vector<float> weakQuality(n), strongQuality(n);
        for (size_t i = 0; i < n; ++i) {
            weakQuality[i] = unit(random) < 0.6f ? 1.0f : 0.0f;
            strongQuality[i] = unit(random) < 0.85f ? 1.0f : 0.0f;
        }
        const ReplayData data =
            dataWith({column("weak", weakQuality, std::vector<float>(n, 0.001f),
                             std::vector<float>(n, 100.0f)),
                      column("strong", strongQuality, std::vector<float>(n, 0.01f),
                             std::vector<float>(n, 900.0f))});
        const TierTable table = tableOf(data, {"weak", "strong"});
        RouterConfig config;
        config.kind = RouterKind::Random;
        config.seed = 42;
        auto signal = prepareRouter(table, config);
        QVERIFY(signal.ok());
        const SweepResult result = sweep(table, *signal);
        QVERIFY2(std::abs(*result.metrics.apgr - 0.5) < 0.01,
                 qPrintable(QString::number(*result.metrics.apgr)));
        QVERIFY(std::abs(*result.metrics.cpt50 - 0.5) < 0.03);
        QVERIFY(std::abs(*result.metrics.cpt80 - 0.8) < 0.03);
        // P(strong) = 1 - threshold, as the policy file documents.
        Replayer replayer(table);
        const std::vector<double> thresholds{0.3};
        QVERIFY(std::abs(replayer.replay(*signal, thresholds).strongShare - 0.7) < 0.01);
    }

    // A real workspace: the GSM8K results imported, loaded as columns, replayed and swept.
    void realGsm8kFromWorkspace() {
        const std::string file = SWITCHYARD_SHARED_DATA_DIR "/gsm8k-routellm.results.jsonl";
        if (!QFile::exists(QString::fromStdString(file)))
            QSKIP("../shared/data/gsm8k-routellm.results.jsonl is not available");
        QTemporaryDir dir;
        auto ws = Workspace::open(dir.filePath("w.sqlite").toStdString());
        QVERIFY(ws.ok());
        const Catalogue catalogue = bundledCatalogue();
        ResultsImportOptions options;
        options.setName = "gsm8k";
        auto report = importResultsFile(**ws, catalogue, file, options);
        QVERIFY(report.ok());
        auto data = loadReplayData(**ws, report->runId, {});
        QVERIFY2(data.ok(), data.ok() ? "" : data.error().toString().c_str());
        QCOMPARE(data->promptCount(), size_t(1319));
        QCOMPARE(data->models.size(), size_t(2));
        QCOMPARE(data->scorer, std::string("imported"));
        const std::string mixtral = "mistralai/Mixtral-8x7B-Instruct-v0.1";
        const std::string gpt4 = "gpt-4-1106-preview";
        const TierTable table = tableOf(*data, {mixtral, gpt4});
        QCOMPARE(table.rows(), size_t(1319));
        RouterConfig config;
        config.kind = RouterKind::Random;
        auto random = prepareRouter(table, config);
        QVERIFY(random.ok());
        const SweepResult randomSweep = sweep(table, *random);
        QVERIFY(randomSweep.metrics.strongQuality > randomSweep.metrics.weakQuality);
        QVERIFY2(std::abs(*randomSweep.metrics.apgr - 0.5) < 0.08,
                 qPrintable(QString::number(*randomSweep.metrics.apgr)));
        config.kind = RouterKind::Learned;
        auto learned = prepareRouter(table, config);
        QVERIFY2(learned.ok(), learned.ok() ? "" : learned.error().toString().c_str());
        QVERIFY(learned->crossValidation);
        QCOMPARE(learned->crossValidation->rows, 1319);
        const SweepResult learnedSweep = sweep(table, *learned);
        config.kind = RouterKind::Complexity;
        auto complexity = prepareRouter(table, config);
        QVERIFY(complexity.ok());
        const SweepResult complexitySweep = sweep(table, *complexity);
        qInfo("GSM8K Mixtral -> GPT-4 APGR: random %.3f, complexity %.3f, learned %.3f "
              "(out-of-fold AUC %.3f)",
              *randomSweep.metrics.apgr, *complexitySweep.metrics.apgr, *learnedSweep.metrics.apgr,
              learned->crossValidation->auc);
        // Baseline: everything to GPT-4; the all-weak end of the curve saves the most.
        Replayer replayer(table);
        const std::vector<double> none{2.0};
        const ReplayFigures cheap = replayer.replay(*random, none);
        QCOMPARE(cheap.baseline.modelRef, gpt4);
        QVERIFY(cheap.savingsPct > 90.0);
        QVERIFY(!cheap.latencyP50Ms); // the file records no latencies
        QCOMPARE(cheap.latencyUnknown, 1319);
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
