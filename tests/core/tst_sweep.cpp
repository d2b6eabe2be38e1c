// Sweeps and the router metrics (APGR, CPT, AIQ, Pareto frontier) against worked examples, and
// the real two-model GSM8K results loaded from a workspace.
#include "replay_fixtures.h"
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
using namespace switchyard::routing::fixtures;

namespace {

const QString kGsm8k = QStringLiteral(SWITCHYARD_SHARED_DATA_DIR "/gsm8k-routellm.results.jsonl");

// The GSM8K results imported into a fresh workspace and loaded as columns.
Expected<ReplayData> gsm8kReplayData() {
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath("w.sqlite").toStdString());
    if (!ws)
        return ws.error();
    ResultsImportOptions options;
    options.setName = "gsm8k";
    auto report = importResultsFile(**ws, bundledCatalogue(), kGsm8k.toStdString(), options);
    if (!report)
        return report.error();
    return loadReplayData(**ws, report->runId, {});
}

} // namespace

class TestSweep : public QObject {
    Q_OBJECT

private slots:
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
        if (!QFile::exists(kGsm8k))
            QSKIP("../shared/data/gsm8k-routellm.results.jsonl is not available");
        auto data = gsm8kReplayData();
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

    // A cascade that reads Mixtral's answer before deciding (answer_features.h), scored
    // out-of-fold on the cost axis (every escalated request pays for Mixtral's answer too), beats
    // RouteLLM's best published GSM8K router (APGR 0.622); trained on shuffled labels it is no
    // better than chance, on any of five seeds.
    void gsm8kAnswerCascadeBeatsPublishedRouters() {
        if (!QFile::exists(kGsm8k))
            QSKIP("../shared/data/gsm8k-routellm.results.jsonl is not available");
        auto data = gsm8kReplayData();
        QVERIFY(data.ok());
        TableOptions cascadeAccounting;
        cascadeAccounting.accounting = Accounting::Cascade;
        const TierTable table =
            tableOf(*data, {"mistralai/Mixtral-8x7B-Instruct-v0.1", "gpt-4-1106-preview"},
                    cascadeAccounting);
        RouterConfig config;
        config.kind = RouterKind::Cascade;
        config.cascadeSignal = CascadeSignal::Answer;
        double learnedSum = 0.0;
        double shuffledSum = 0.0;
        for (uint64_t seed = 1; seed <= 5; ++seed) {
            config.learned.seed = seed;
            config.learned.shuffleLabels = false;
            auto learned = prepareRouter(table, config);
            QVERIFY2(learned.ok(), learned.ok() ? "" : learned.error().toString().c_str());
            const SweepResult learnedSweep = sweep(table, *learned);
            QCOMPARE(learnedSweep.metrics.axis, std::string("normalised_cost"));
            config.learned.shuffleLabels = true;
            auto shuffled = prepareRouter(table, config);
            QVERIFY(shuffled.ok());
            const double control = *sweep(table, *shuffled).metrics.apgr;
            qInfo("seed %d: answer cascade APGR %.3f, shuffled-labels control %.3f", int(seed),
                  *learnedSweep.metrics.apgr, control);
            QVERIFY(*learnedSweep.metrics.apgr >= 0.62);
            QVERIFY2(std::abs(control - 0.5) < 0.1, qPrintable(QString::number(control)));
            learnedSum += *learnedSweep.metrics.apgr;
            shuffledSum += control;
        }
        QVERIFY(learnedSum / 5 >= 0.65);
        QVERIFY2(std::abs(shuffledSum / 5 - 0.5) < 0.05, qPrintable(QString::number(shuffledSum)));
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
