// The breakdowns of a cache simulation: the timeline of outcomes per time bucket and the hit
// ratio and cost per tag.
// Every cost in a comment is (tokens x $/MTok) summed, in millionths of a dollar ("u$").
#include "cache_test_fixtures.h"

#include "cache/cache_simulator.h"
#include "cache/request_trace.h"

#include <QtTest>

using namespace switchyard;
using namespace switchyard::cache_fixtures;

class TestCacheBreakdowns : public QObject {
    Q_OBJECT

private slots:
    // Timeline buckets of 300 s over the refreshed trace (writes at 0 s, hits at 299 and 598 s).
    void timelineBuckets() {
        const Run run =
            simulateTrace(traceOf({systemThenUser(0, 2000, 100), systemThenUser(299000, 2000, 100),
                                   systemThenUser(598000, 2000, 100)}),
                          {fixture("sonnet")}, marksOnly(), SimulationOptions{0, 300000, false});
        QVERIFY2(run.result, qPrintable(run.error));
        const auto& timeline = run.result->timeline;
        QCOMPARE(run.result->timelineBucketMs, qint64(300000));
        QCOMPARE(timeline.size(), size_t{2});
        QCOMPARE(timeline[0].startMs, qint64(0));
        QCOMPARE(timeline[0].writes, qint64(1));
        QCOMPARE(timeline[0].hits, qint64(1));
        QCOMPARE(timeline[0].misses, qint64(0));
        QCOMPARE(timeline[0].writeTokens, qint64(2000));
        QCOMPARE(timeline[0].cachedTokens, qint64(2000));
        QCOMPARE(timeline[0].uncachedTokens, qint64(200));
        QCOMPARE(timeline[1].startMs, qint64(300000));
        QCOMPARE(timeline[1].hits, qint64(1));
        QCOMPARE(timeline[1].cachedTokens, qint64(2000));
        QCOMPARE(timeline[1].uncachedTokens, qint64(100));

        // A bucket count instead: 598,000 ms over 4 buckets of ceil(598,001 / 4) = 149,501 ms.
        const Run counted =
            simulateTrace(traceOf({systemThenUser(0, 2000, 100), systemThenUser(299000, 2000, 100),
                                   systemThenUser(598000, 2000, 100)}),
                          {fixture("sonnet")}, marksOnly(), SimulationOptions{4, 0, false});
        QVERIFY(counted.result);
        QCOMPARE(counted.result->timelineBucketMs, qint64(149501));
        QCOMPARE(counted.result->timeline.size(), size_t{4});
        // 299,000 / 149,501 = 1.99998 -> bucket 1; 598,000 -> bucket 3.
        QCOMPARE(counted.result->timeline[0].writes, qint64(1));
        QCOMPARE(counted.result->timeline[1].hits, qint64(1));
        QCOMPARE(counted.result->timeline[2].hits + counted.result->timeline[2].writes +
                     counted.result->timeline[2].misses,
                 qint64(0));
        QCOMPARE(counted.result->timeline[3].hits, qint64(1));
    }

    // Tags: r1 {support} writes, r2 {support, vip} reads, r3 untagged is below the minimum.
    void perTagHitRatio() {
        TraceRequest r1 = systemThenUser(0, 2000, 100);
        r1.tags = {"support"};
        TraceRequest r2 = systemThenUser(1000, 2000, 100);
        r2.tags = {"support", "vip"};
        TraceRequest r3 =
            at(2000, {seg(SegmentKind::System, 500, "short", CheckpointMark::DefaultTtl),
                      seg(SegmentKind::UserTurn, 100, "q")});
        const Run run = simulateTrace(traceOf({r1, r2, r3}), {fixture("sonnet")}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        const auto& tags = run.result->tags;
        QCOMPARE(tags.size(), size_t{3});
        QCOMPARE(QString::fromStdString(tags[0].tag), QString());
        QCOMPARE(tags[0].requests, qint64(1));
        QCOMPARE(tags[0].chr, 0.0);
        COMPARE_USD(tags[0].costWithCacheUsd, 0.0018); // 600 x 3
        QCOMPARE(QString::fromStdString(tags[1].tag), QStringLiteral("support"));
        QCOMPARE(tags[1].requests, qint64(2));
        QCOMPARE(tags[1].cachedTokens, qint64(2000));
        QCOMPARE(tags[1].chr, 2000.0 / 4200.0);
        // 200 x 3 + 2,000 x 0.30 + 2,000 x 3.75 = 600 + 600 + 7,500 = 8,700
        COMPARE_USD(tags[1].costWithCacheUsd, 0.0087);
        COMPARE_USD(tags[1].costWithoutCacheUsd, 0.0126);
        QCOMPARE(QString::fromStdString(tags[2].tag), QStringLiteral("vip"));
        QCOMPARE(tags[2].chr, 2000.0 / 2100.0);
        COMPARE_USD(tags[2].costWithCacheUsd, 0.0009); // 100 x 3 + 2,000 x 0.30
        QCOMPARE(run.result->chr, 2000.0 / 4800.0);
    }
};

QTEST_GUILESS_MAIN(TestCacheBreakdowns)
#include "tst_cache_breakdowns.moc"
