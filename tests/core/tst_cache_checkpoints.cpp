// Where explicit-caching checkpoints go and what the simulator does with them: placement
// strategies, the four-checkpoint limit, TTL availability and TTL order (compileWorkload).
// Every cost in a comment is (tokens x $/MTok) summed, in millionths of a dollar ("u$").
#include "cache_test_fixtures.h"

#include "cache/cache_simulator.h"
#include "cache/request_trace.h"

#include <QtTest>

#include <string>

using namespace switchyard;
using namespace switchyard::cache_fixtures;

class TestCacheCheckpoints : public QObject {
    Q_OBJECT

private slots:
    // Five marks: tools 1,100 | system 500 | history 400 | history 300 | history 200 | user 100,
    // prefixes 1,100 / 1,600 / 2,000 / 2,300 / 2,500. The last four are kept (the tools mark is
    // dropped), so the longest cached prefix is 2,500, not 2,300.
    void fiveCheckpointsKeepTheLastFour() {
        const auto mark = CheckpointMark::DefaultTtl;
        auto request = [&](int64_t timeMs, const std::string& lastTurn) {
            return at(timeMs, {seg(SegmentKind::Tools, 1100, "tools", mark),
                               seg(SegmentKind::System, 500, "system", mark),
                               seg(SegmentKind::History, 400, "turn 1", mark),
                               seg(SegmentKind::History, 300, "turn 2", mark),
                               seg(SegmentKind::History, 200, lastTurn, mark),
                               seg(SegmentKind::UserTurn, 100, "question")});
        };
        // r1 writes 2,500; r2 (same) reads 2,500; r3 differs in the last turn: its 2,500 prefix
        // misses, the 2,300 one (written by r1 at 0 s, live) wins and 200 are written.
        const Run run = simulateTrace(
            traceOf({request(0, "turn 3"), request(10000, "turn 3"), request(20000, "other")}),
            {fixture("sonnet")}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        const CacheSimulation& result = *run.result;
        QCOMPARE(result.diagnostics.requestsOverCheckpointLimit, qint64(3));
        QCOMPARE(reads(result), (QList<qint64>{0, 2500, 2300}));
        QCOMPARE(writes(result), (QList<qint64>{2500, 0, 200}));
        QCOMPARE(row(result, "after tools"), nullptr);
        const CheckpointStats* system = row(result, "after system");
        QVERIFY(system);
        QCOMPARE(system->writes, qint64(1));
        QCOMPARE(system->writeTokens, qint64(1600));
        QCOMPARE(system->hits, qint64(0));
        const CheckpointStats* history = row(result, "after history");
        QVERIFY(history);
        QCOMPARE(history->hits, qint64(2));
        QCOMPARE(history->readTokens, qint64(4800));
        QCOMPARE(history->writes, qint64(4)); // 2,000 / 2,300 / 2,500 by r1, 2,500' by r3
        QCOMPARE(history->writeTokens, qint64(1100));
        QCOMPARE(history->misses, qint64(4));
        // 300 x 3 + 4,800 x 0.30 + 2,700 x 3.75 = 900 + 1,440 + 10,125 = 12,465. Without: 7,800
        // x 3.
        COMPARE_USD(result.costWithCacheUsd, 0.012465);
        COMPARE_USD(result.costWithoutCacheUsd, 0.0234);
    }

    // System 1,500 then history 1,500, both marked, then a 100-token user turn; Sonnet, 1-hour
    // writes 2x = $6, 5-minute 1.25x = $3.75. The second request comes at 400 s, after the
    // 5-minute entry expired.
    void oneHourBeforeFiveMinutes_data() {
        QTest::addColumn<bool>("oneHourFirst");
        QTest::addColumn<QList<qint64>>("expectedReads");
        QTest::addColumn<qint64>("write1hTokens");
        QTest::addColumn<qint64>("ttlOrderFixed");
        QTest::addColumn<double>("costWithUsd");
        // r1: A = 0, B = 1,500 (1h), C = 3,000 -> 1,500 at 1h + 1,500 at 5m. r2: the 1-hour entry
        // is live: reads 1,500, writes 1,500 at 5m.
        // 200 x 3 + 1,500 x 0.30 + 1,500 x 6 + 3,000 x 3.75 = 600 + 450 + 9,000 + 11,250 = 21,300
        QTest::newRow("1h then 5m")
            << true << QList<qint64>{0, 1500} << qint64(1500) << qint64(0) << 0.0213;
        // 5m then 1h is invalid: the later one is simulated as 5m, so both expire by 400 s.
        // 200 x 3 + 6,000 x 3.75 = 600 + 22,500 = 23,100
        QTest::newRow("5m then 1h (order fixed)")
            << false << QList<qint64>{0, 0} << qint64(0) << qint64(2) << 0.0231;
    }

    void oneHourBeforeFiveMinutes() {
        QFETCH(bool, oneHourFirst);
        QFETCH(QList<qint64>, expectedReads);
        QFETCH(qint64, write1hTokens);
        QFETCH(qint64, ttlOrderFixed);
        QFETCH(double, costWithUsd);
        const auto first = oneHourFirst ? CheckpointMark::OneHour : CheckpointMark::FiveMinutes;
        const auto second = oneHourFirst ? CheckpointMark::FiveMinutes : CheckpointMark::OneHour;
        auto request = [&](int64_t timeMs) {
            return at(timeMs, {seg(SegmentKind::System, 1500, "system", first),
                               seg(SegmentKind::History, 1500, "history", second),
                               seg(SegmentKind::UserTurn, 100, "question")});
        };
        const Run run =
            simulateTrace(traceOf({request(0), request(400000)}), {fixture("sonnet")}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(reads(*run.result), expectedReads);
        QCOMPARE(run.result->cacheWrite1hTokens, write1hTokens);
        QCOMPARE(run.result->diagnostics.requestsWithTtlOrderFixed, ttlOrderFixed);
        COMPARE_USD(run.result->costWithCacheUsd, costWithUsd);
        COMPARE_USD(run.result->costWithoutCacheUsd, 0.0186); // 6,200 x 3
    }

    void oneHourNeedsAOneHourPrice() {
        // Choosing 1 hour for a model without a 1-hour price is the user's error...
        const RequestTrace trace = traceOf({systemThenUser(0, 3000, 10)});
        const ModelPrice haiku = fixture("bedrock-haiku");
        auto refused = compileWorkload(trace, {&haiku, 1}, marksOnly(CacheTtl::OneHour));
        QVERIFY(!refused);
        QCOMPARE(QString::fromStdString(refused.error().message),
                 QStringLiteral("'bedrock-haiku' offers no 1-hour cache TTL (the catalogue has no "
                                "1-hour write price); use 5m"));
        // ... a 1-hour mark in the prompts is simulated as 5 minutes and counted.
        const Run run =
            simulateTrace(traceOf({systemThenUser(0, 3000, 10, "q", CheckpointMark::OneHour),
                                   systemThenUser(400000, 3000, 10, "q", CheckpointMark::OneHour)}),
                          {haiku}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(run.result->diagnostics.requestsWithOneHourDowngraded, qint64(2));
        QCOMPARE(run.result->cacheWrite1hTokens, qint64(0));
        QCOMPARE(writes(*run.result), (QList<qint64>{3000, 3000}));
    }

    // Marks keep their own TTL unless the placement's TTL overrides them (the "what if 1 hour"
    // control). The second request comes at 400 s: only a 1-hour entry is still live.
    void ttlOverridesMarks_data() {
        QTest::addColumn<bool>("override");
        QTest::addColumn<qint64>("secondReads");
        QTest::addColumn<qint64>("write1hTokens");
        QTest::newRow("marks keep 5m") << false << qint64(0) << qint64(0);
        QTest::newRow("1h overrides the marks") << true << qint64(2000) << qint64(2000);
    }

    void ttlOverridesMarks() {
        QFETCH(bool, override);
        QFETCH(qint64, secondReads);
        QFETCH(qint64, write1hTokens);
        CheckpointPlacement placement = marksOnly(CacheTtl::OneHour);
        placement.ttlOverridesMarks = override;
        const auto fiveMinutes = CheckpointMark::FiveMinutes;
        const Run run = simulateTrace(traceOf({systemThenUser(0, 2000, 10, "q", fiveMinutes),
                                               systemThenUser(400000, 2000, 10, "q", fiveMinutes)}),
                                      {fixture("sonnet")}, placement);
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(run.result->perRequest[1].cacheRead, secondReads);
        QCOMPARE(run.result->cacheWrite1hTokens, write1hTokens);
    }

    // Placed checkpoints on a prompt without marks: each strategy adds its position.
    void placementStrategies_data() {
        QTest::addColumn<QString>("placement");
        QTest::addColumn<qint64>("secondRequestReads");
        QTest::addColumn<QStringList>("rows");
        // tools 1,200 | system 800 | history 600 | user 50; the second request differs in history.
        QTest::newRow("none") << "none" << qint64(0) << QStringList{};
        QTest::newRow("after tools") << "after_tools" << qint64(1200) << QStringList{"after tools"};
        QTest::newRow("after system")
            << "after_system" << qint64(2000) << QStringList{"after system"};
        // After history: the second request's history differs, so its only checkpoint misses.
        QTest::newRow("after history")
            << "after_history" << qint64(0) << QStringList{"after history"};
        QTest::newRow("all three") << "after_tools,after_system,after_history" << qint64(2000)
                                   << QStringList{"after tools", "after system", "after history"};
    }

    void placementStrategies() {
        QFETCH(QString, placement);
        QFETCH(qint64, secondRequestReads);
        QFETCH(QStringList, rows);
        auto request = [](int64_t timeMs, const std::string& history) {
            return at(timeMs, {seg(SegmentKind::Tools, 1200, "tools"),
                               seg(SegmentKind::System, 800, "system"),
                               seg(SegmentKind::History, 600, history),
                               seg(SegmentKind::UserTurn, 50, "question")});
        };
        auto parsed = parseCheckpointPlacement(placement.toStdString());
        QVERIFY(parsed);
        QCOMPARE(QString::fromStdString(checkpointPlacementName(*parsed)), placement);
        const Run run = simulateTrace(traceOf({request(0, "a"), request(1000, "b")}),
                                      {fixture("sonnet")}, *parsed);
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(run.result->perRequest[1].cacheRead, secondRequestReads);
        QStringList labels;
        for (const CheckpointStats& stats : run.result->checkpoints)
            labels << QString::fromStdString(stats.label);
        QCOMPARE(labels, rows);
        QCOMPARE(run.result->diagnostics.requestsWithoutCheckpoints,
                 rows.isEmpty() ? qint64(2) : qint64(0));
    }

    void badPlacementIsAnError() {
        auto parsed = parseCheckpointPlacement("after_system,after_lunch");
        QVERIFY(!parsed);
        QVERIFY(QString::fromStdString(parsed.error().message).contains("after_lunch"));
    }
};

QTEST_GUILESS_MAIN(TestCacheCheckpoints)
#include "tst_cache_checkpoints.moc"
