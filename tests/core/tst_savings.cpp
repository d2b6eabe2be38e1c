// The savings model's arithmetic, worked by hand: the waterfall's levers each priced on what the
// one before left (so they add up to the total exactly), the volume grid, the provisioned-
// throughput break-even, and spend by tier and tag.
#include "report/attribution.h"
#include "report/projection.h"
#include "report/waterfall.h"

#include <QtTest>

using namespace switchyard::report;

class TestSavings : public QObject {
    Q_OBJECT

private slots:
    void waterfallStacksTheLevers_data() {
        QTest::addColumn<double>("routed");
        QTest::addColumn<double>("caching");
        QTest::addColumn<double>("batch");
        QTest::addColumn<bool>("student");
        QTest::addColumn<QList<double>>("afterEachLever");

        // Baseline $10. Routing to a $4 tier, caching takes $1 off, half price as batch work:
        // 10 -> 4 -> 3 -> 1.5.
        QTest::newRow("every lever")
            << 4.0 << 1.0 << 0.5 << false << QList<double>{4.0, 3.0, 1.5, 1.5};
        // Cache writes dearer than the reads save: caching adds $0.5.
        QTest::newRow("caching costs more")
            << 4.0 << -0.5 << 1.0 << false << QList<double>{4.0, 4.5, 4.5, 4.5};
        // Served by a student whose call costs $0.2, in place of a $4 teacher call.
        QTest::newRow("student") << 4.0 << 1.0 << 0.5 << true << QList<double>{4.0, 3.0, 1.5, 0.2};
        // The policy served the baseline model itself, and nothing else applies.
        QTest::newRow("nothing") << 10.0 << 0.0 << 1.0 << false
                                 << QList<double>{10.0, 10.0, 10.0, 10.0};
    }
    void waterfallStacksTheLevers() {
        QFETCH(double, routed);
        QFETCH(double, caching);
        QFETCH(double, batch);
        QFETCH(bool, student);
        QFETCH(QList<double>, afterEachLever);
        RequestLedger request;
        request.baselineUsd = 10.0;
        request.routedUsd = routed;
        request.cachingSavingUsd = caching;
        request.batchMultiplier = batch;
        request.servedByStudent = student;
        request.studentUsd = 0.2;
        const LeverCosts costs = leverCosts(request);
        QCOMPARE(costs.afterUsd[0], 10.0);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(costs.afterUsd[i + 1], afterEachLever[i]);
    }

    void stepsAddUpToTheTotal() {
        // Three requests worked by hand:
        //   a: 10 -> 4 -> 3 -> 1.5 -> 1.5   (batch)
        //   b:  6 -> 6 -> 6.5 -> 6.5 -> 6.5 (served by the baseline model; caching costs 0.5)
        //   c:  8 -> 2 -> 2 -> 2 -> 0.1     (a student in place of a $2 teacher call)
        const std::vector<RequestLedger> requests{
            {10.0, 4.0, 1.0, 0.5, false, 0.0, 0},
            {6.0, 6.0, -0.5, 1.0, false, 0.0, 1},
            {8.0, 2.0, 0.0, 1.0, true, 0.1, 0},
        };
        const Waterfall waterfall = buildWaterfall(requests);
        QCOMPARE(waterfall.requests, int64_t(3));
        QCOMPARE(waterfall.baselineUsd, 24.0);
        QCOMPARE(waterfall.steps.size(), size_t(4));
        QCOMPARE(waterfall.step(Lever::Routing).afterUsd, 12.0);
        QCOMPARE(waterfall.step(Lever::Routing).requestsChanged, int64_t(2));
        QCOMPARE(waterfall.step(Lever::Caching).savingUsd(), 0.5);
        QCOMPARE(waterfall.step(Lever::Caching).requestsChanged, int64_t(2));
        QCOMPARE(waterfall.step(Lever::Batch).savingUsd(), 1.5);
        QCOMPARE(waterfall.step(Lever::Student).savingUsd(), 1.9);
        QCOMPARE(waterfall.finalUsd, 8.1);
        double steps = 0.0;
        for (const WaterfallStep& step : waterfall.steps)
            steps += step.savingUsd();
        QCOMPARE(steps, waterfall.savingsUsd());
        QCOMPARE(waterfall.savingsPct(), (24.0 - 8.1) / 24.0 * 100.0);
        QCOMPARE(leverName(Lever::Batch), std::string_view("batch"));
        // Every lever saved at least half a percent of the baseline; caching only 2.1 %.
        QCOMPARE(leversThatSave(waterfall), (std::vector<Lever>{Lever::Routing, Lever::Caching,
                                                                Lever::Batch, Lever::Student}));
        QCOMPARE(leversThatSave(waterfall, 0.05),
                 (std::vector<Lever>{Lever::Routing, Lever::Batch, Lever::Student}));
        QCOMPARE(leversThatSave(waterfall, 0.1), (std::vector<Lever>{Lever::Routing}));
    }

    void emptyTrafficSavesNothing() {
        const Waterfall waterfall = buildWaterfall({});
        QCOMPARE(waterfall.baselineUsd, 0.0);
        QCOMPARE(waterfall.savingsPct(), 0.0);
        QCOMPARE(waterfall.steps.size(), size_t(4));
    }

    void volumeGridSpansFourDecades() {
        const std::vector<double> grid = volumeGrid(1e6, 5);
        QCOMPARE(grid.size(), size_t(5));
        QVERIFY(qAbs(grid[0] - 1e4) < 1e-6);
        QVERIFY(qAbs(grid[1] - 1e5) < 1e-5);
        QCOMPARE(grid[2], 1e6); // the assumed volume itself
        QVERIFY(qAbs(grid[4] - 1e8) < 1e-2);
        QVERIFY(volumeGrid(0.0, 5).empty());
        QCOMPARE(volumeGrid(300.0, 1), std::vector<double>{300.0});
    }

    void provisionedBreakEven_data() {
        QTest::addColumn<double>("commitment");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("volume");
        // On-demand spend on the model: $100 at 1,000 requests, $1,000 at 10,000, $10,000 at
        // 100,000 (ten cents a request).
        QTest::newRow("between two points") << 5500.0 << int(BreakEvenKind::Crossing) << 55000.0;
        QTest::newRow("on a point") << 1000.0 << int(BreakEvenKind::Crossing) << 10000.0;
        QTest::newRow("on-demand always cheaper")
            << 20000.0 << int(BreakEvenKind::AlwaysCheaper) << 0.0;
        QTest::newRow("commitment always cheaper")
            << 50.0 << int(BreakEvenKind::NeverCheaper) << 0.0;
    }
    void provisionedBreakEven() {
        QFETCH(double, commitment);
        QFETCH(int, kind);
        QFETCH(double, volume);
        std::vector<VolumePoint> curve;
        for (double requests : {1000.0, 10000.0, 100000.0})
            curve.push_back({requests, requests * 0.5, requests * 0.2, requests * 0.1});
        const auto breakEven = switchyard::report::provisionedBreakEven(curve, commitment);
        QVERIFY(breakEven);
        QCOMPARE(int(breakEven->kind), kind);
        QCOMPARE(breakEven->commitmentMonthUsd, commitment);
        if (breakEven->kind == BreakEvenKind::Crossing)
            QVERIFY(qAbs(breakEven->requestsPerMonth - volume) < 1e-6);
    }

    void provisionedMonthIsHoursTimesUnits() {
        ProvisionedAssumption provisioned;
        provisioned.hourlyUsd = 21.18;
        provisioned.units = 2;
        QCOMPARE(provisioned.monthlyUsd(), 21.18 * 2 * 730.0);
        QVERIFY(!switchyard::report::provisionedBreakEven({}, 100.0));
    }

    void spendByTierAndTag() {
        // a: tier 0, $1.5 after every lever; b: tier 1, $6.5; c: canned, $0.
        const std::vector<RequestLedger> requests{
            {10.0, 4.0, 1.0, 0.5, false, 0.0, 0},
            {6.0, 6.0, -0.5, 1.0, false, 0.0, 1},
            {2.0, 0.0, 0.0, 1.0, false, 0.0, -1},
        };
        const std::vector<TierSpend> tiers = spendByTier(requests, 2);
        QCOMPARE(tiers.size(), size_t(3));
        QCOMPARE(tiers[0].spendUsd, 1.5);
        QCOMPARE(tiers[1].spendUsd, 6.5);
        QCOMPARE(tiers[2].requests, int64_t(1)); // canned

        const std::vector<std::vector<std::string>> tags{
            {"team:support", "env:prod"}, {"team:support"}, {}};
        const std::vector<RequestCacheTokens> cache{{1000, 900}, {3000, 0}, {0, 0}};
        const std::vector<TagAttribution> byTag = attributeByTag(requests, tags, cache, 2);
        QCOMPARE(byTag.size(), size_t(3));
        QCOMPARE(byTag[0].tag, std::string("team:support")); // the largest spend first
        QCOMPARE(byTag[0].requests, int64_t(2));
        QCOMPARE(byTag[0].spendUsd, 8.0);
        QCOMPARE(byTag[0].baselineUsd, 16.0);
        QCOMPARE(byTag[0].costPerRequestUsd(), 4.0);
        QCOMPARE(byTag[0].tierShare, (std::vector<double>{0.5, 0.5}));
        QCOMPARE(*byTag[0].chr, 900.0 / 4000.0);
        QCOMPARE(byTag[1].tag, std::string("env:prod"));
        QCOMPARE(*byTag[1].chr, 0.9);
        QCOMPARE(byTag[2].tag, std::string()); // untagged
        QCOMPARE(byTag[2].cannedShare, 1.0);
        // Without a cache simulation there is no hit ratio to show, rather than a zero.
        QVERIFY(!attributeByTag(requests, tags, {}, 2)[0].chr);
    }
};

QTEST_APPLESS_MAIN(TestSavings)
#include "tst_savings.moc"
