// The prompt-cache simulator (simulateCache): hand-worked traces with exact token counts and
// dollar figures for TTLs, minimum prefixes, the lookback, automatic caching and pricing.
// Every cost in a comment is (tokens x $/MTok) summed, in millionths of a dollar ("u$").
#include "cache_test_fixtures.h"

#include "cache/cache_simulator.h"
#include "cache/request_trace.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace switchyard;
using namespace switchyard::cache_fixtures;

class TestCacheSimulator : public QObject {
    Q_OBJECT

private slots:
    // A 2,000-token system prompt with a 5-minute checkpoint, then a 100-token user turn, on
    // Sonnet ($3/MTok; reads 0.1x = $0.30, 5-minute writes 1.25x = $3.75).
    void ttlExpiryAndRefresh_data() {
        QTest::addColumn<QList<qint64>>("timesMs");
        QTest::addColumn<QList<qint64>>("expectedReads");
        QTest::addColumn<QList<qint64>>("expectedWrites");
        QTest::addColumn<double>("costWithUsd");
        QTest::addColumn<double>("costWithoutUsd");
        // Written at 0, expires at 300,000 ms; a request at exactly 300 s misses and writes again.
        // 200 uncached x 3 = 600; 4,000 written x 3.75 = 15,000 -> 15,600 u$. Without: 4,200 x 3.
        QTest::newRow("expired at exactly 300 s") << QList<qint64>{0, 300000} << QList<qint64>{0, 0}
                                                  << QList<qint64>{2000, 2000} << 0.0156 << 0.0126;
        // One millisecond earlier it is still live: 600 + 2,000 x 0.30 + 2,000 x 3.75 = 8,700.
        QTest::newRow("hit at 299.999 s") << QList<qint64>{0, 299999} << QList<qint64>{0, 2000}
                                          << QList<qint64>{2000, 0} << 0.0087 << 0.0126;
        // The hit at 299 s refreshes the entry to 599 s, so 598 s hits too:
        // 300 x 3 + 4,000 x 0.30 + 2,000 x 3.75 = 900 + 1,200 + 7,500 = 9,600. Without: 6,300 x 3.
        QTest::newRow("refreshed by a hit at 299 s")
            << QList<qint64>{0, 299000, 598000} << QList<qint64>{0, 2000, 2000}
            << QList<qint64>{2000, 0, 0} << 0.0096 << 0.0189;
        // ... and expires exactly 300 s after that hit: 900 + 600 + 4,000 x 3.75 = 16,500.
        QTest::newRow("refreshed entry expires 300 s after the hit")
            << QList<qint64>{0, 299000, 599000} << QList<qint64>{0, 2000, 0}
            << QList<qint64>{2000, 0, 2000} << 0.0165 << 0.0189;
    }

    void ttlExpiryAndRefresh() {
        QFETCH(QList<qint64>, timesMs);
        QFETCH(QList<qint64>, expectedReads);
        QFETCH(QList<qint64>, expectedWrites);
        QFETCH(double, costWithUsd);
        QFETCH(double, costWithoutUsd);
        std::vector<TraceRequest> requests;
        for (qint64 time : timesMs)
            requests.push_back(systemThenUser(time, 2000, 100));
        const Run run = simulateTrace(traceOf(requests), {fixture("sonnet")}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(reads(*run.result), expectedReads);
        QCOMPARE(writes(*run.result), expectedWrites);
        COMPARE_USD(run.result->costWithCacheUsd, costWithUsd);
        COMPARE_USD(run.result->costWithoutCacheUsd, costWithoutUsd);
        COMPARE_USD(run.result->savingsUsd, costWithoutUsd - costWithUsd);
    }

    // Two requests a minute apart, the second reusing the first's system prompt.
    void minimumCacheablePrefix_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("systemTokens");
        QTest::addColumn<qint64>("cachedTokens");
        QTest::addColumn<qint64>("writeTokens");
        QTest::addColumn<double>("costWithUsd");
        QTest::addColumn<double>("costWithoutUsd");
        // One token short: nothing cached, nothing charged extra. 2 x 1,073 x 3 = 6,438 u$.
        QTest::newRow("sonnet 1,023 (one below 1,024)")
            << "sonnet" << qint64(1023) << qint64(0) << qint64(0) << 0.006438 << 0.006438;
        // 100 x 3 + 1,024 x 0.30 + 1,024 x 3.75 = 300 + 307.2 + 3,840 = 4,447.2. Without 2,148 x 3.
        QTest::newRow("sonnet 1,024 (the minimum)")
            << "sonnet" << qint64(1024) << qint64(1024) << qint64(1024) << 0.0044472 << 0.006444;
        // Bedrock Haiku at $0.80: 2 x 2,097 x 0.8 = 3,355.2.
        QTest::newRow("bedrock haiku 2,047 (one below 2,048)")
            << "bedrock-haiku" << qint64(2047) << qint64(0) << qint64(0) << 0.0033552 << 0.0033552;
        // 100 x 0.8 + 2,048 x 0.08 + 2,048 x 1.0 = 80 + 163.84 + 2,048 = 2,291.84.
        // Without: 4,196 x 0.8 = 3,356.8.
        QTest::newRow("bedrock haiku 2,048 (the minimum)")
            << "bedrock-haiku" << qint64(2048) << qint64(2048) << qint64(2048) << 0.00229184
            << 0.0033568;
    }

    void minimumCacheablePrefix() {
        QFETCH(QString, model);
        QFETCH(qint64, systemTokens);
        QFETCH(qint64, cachedTokens);
        QFETCH(qint64, writeTokens);
        QFETCH(double, costWithUsd);
        QFETCH(double, costWithoutUsd);
        const Run run = simulateTrace(
            traceOf({systemThenUser(0, systemTokens, 50), systemThenUser(60000, systemTokens, 50)}),
            {fixture(model.toStdString())}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(run.result->cachedTokens, cachedTokens);
        QCOMPARE(run.result->cacheWriteTokens, writeTokens);
        COMPARE_USD(run.result->costWithCacheUsd, costWithUsd);
        COMPARE_USD(run.result->costWithoutCacheUsd, costWithoutUsd);
        const CheckpointStats* system = row(*run.result, "after system");
        QVERIFY(system);
        const bool below = cachedTokens == 0;
        QCOMPARE(system->belowMinimum, below ? qint64(2) : qint64(0));
        QCOMPARE(system->misses, qint64(below ? 2 : 1));
        QCOMPARE(system->writes, qint64(below ? 0 : 1));
        QCOMPARE(system->hits, qint64(below ? 0 : 1));
        QCOMPARE(run.result->diagnostics.requestsBelowMinimum, below ? qint64(2) : qint64(0));
        QCOMPARE(run.result->missRequests, below ? qint64(2) : qint64(0));
    }

    // A conversation with one checkpoint, on the last user message, as Anthropic suggests. Each
    // turn repeats the earlier ones, so the previous turn's checkpoint is a block boundary of this
    // one; the lookback finds it although this turn marks only its own end.
    //   turn 1: system 1,500 | user 100*                        -> writes 1,600
    //   turn 2: system | user 100 | assistant 80 | user 100*    -> reads 1,600, writes 180
    //   turn 3: ... | user 100 | assistant 80 | user 100*       -> reads 1,780, writes 180
    void conversationHitsThePreviousTurn() {
        const auto mark = CheckpointMark::DefaultTtl;
        const Run run = simulateTrace(
            traceOf({at(0, {seg(SegmentKind::System, 1500, "system"),
                            seg(SegmentKind::UserTurn, 100, "u1", mark)}),
                     at(30000,
                        {seg(SegmentKind::System, 1500, "system"),
                         seg(SegmentKind::History, 100, "u1"), seg(SegmentKind::History, 80, "a1"),
                         seg(SegmentKind::UserTurn, 100, "u2", mark)}),
                     at(60000,
                        {seg(SegmentKind::System, 1500, "system"),
                         seg(SegmentKind::History, 100, "u1"), seg(SegmentKind::History, 80, "a1"),
                         seg(SegmentKind::History, 100, "u2"), seg(SegmentKind::History, 80, "a2"),
                         seg(SegmentKind::UserTurn, 100, "u3", mark)})}),
            {fixture("sonnet")}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(reads(*run.result), (QList<qint64>{0, 1600, 1780}));
        QCOMPARE(writes(*run.result), (QList<qint64>{1600, 180, 180}));
        const CheckpointStats* history = row(*run.result, "after history");
        QVERIFY(history);
        QCOMPARE(history->hits, qint64(2));
        QCOMPARE(history->writes, qint64(0)); // looked up, never written
        const CheckpointStats* user = row(*run.result, "after user turn");
        QVERIFY(user);
        QCOMPARE(user->writes, qint64(3));
        QCOMPARE(user->writeTokens, qint64(1960));
        // 1,600 x 3.75 + 1,600 x 0.30 + 180 x 3.75 + 1,780 x 0.30 + 180 x 3.75
        // = 6,000 + 480 + 675 + 534 + 675 = 8,364. Without: (1,600 + 1,780 + 1,960) x 3 = 16,020.
        COMPARE_USD(run.result->costWithCacheUsd, 0.008364);
        COMPARE_USD(run.result->costWithoutCacheUsd, 0.01602);
    }

    // The lookback reaches 20 segments before a checkpoint, not 21.
    void lookbackWindow_data() {
        QTest::addColumn<int>("segmentsBetween");
        QTest::addColumn<qint64>("secondReads");
        QTest::newRow("previous checkpoint 20 segments back") << 19 << qint64(1600);
        QTest::newRow("previous checkpoint 21 segments back") << 20 << qint64(0);
    }

    void lookbackWindow() {
        QFETCH(int, segmentsBetween);
        QFETCH(qint64, secondReads);
        std::vector<TraceSegment> second = {seg(SegmentKind::System, 1500, "system"),
                                            seg(SegmentKind::History, 100, "u1")};
        for (int k = 0; k < segmentsBetween; ++k)
            second.push_back(seg(SegmentKind::History, 10, "turn " + std::to_string(k)));
        second.push_back(seg(SegmentKind::UserTurn, 100, "u2", CheckpointMark::DefaultTtl));
        const Run run = simulateTrace(
            traceOf({at(0, {seg(SegmentKind::System, 1500, "system"),
                            seg(SegmentKind::UserTurn, 100, "u1", CheckpointMark::DefaultTtl)}),
                     at(1000, second)}),
            {fixture("sonnet")}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(run.result->perRequest[1].cacheRead, secondReads);
    }

    // The same 2,000-token prefix on two models and two accounts: caches are per (model,
    // account), so only r3 (same model and account as r1) hits.
    void modelsAndAccountsShareNothing() {
        auto request = [](int64_t timeMs, uint32_t slot, std::string account) {
            TraceRequest r = systemThenUser(timeMs, 2000, 100);
            r.modelSlot = slot;
            r.account = std::move(account);
            return r;
        };
        const Run run = simulateTrace(traceOf({request(0, 0, ""), request(1000, 1, ""),
                                               request(2000, 0, ""), request(3000, 0, "team-b")}),
                                      {fixture("sonnet"), fixture("opus")}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(reads(*run.result), (QList<qint64>{0, 0, 2000, 0}));
        QCOMPARE(writes(*run.result), (QList<qint64>{2000, 2000, 0, 2000}));
        // Sonnet (r1, r3, r4): 300 x 3 + 2,000 x 0.30 + 4,000 x 3.75 = 900 + 600 + 15,000 = 16,500
        // Opus (r2) at $15: 100 x 15 + 2,000 x 18.75 = 1,500 + 37,500 = 39,000
        COMPARE_USD(run.result->costWithCacheUsd, 0.0555);
        // 6,300 x 3 + 2,100 x 15 = 18,900 + 31,500
        COMPARE_USD(run.result->costWithoutCacheUsd, 0.0504);
        QCOMPARE(run.result->chr, 2000.0 / 8400.0);
    }

    // OpenAI: two requests sharing a system prompt of S tokens, then 50-token user turns. The
    // cached part is the shared prefix rounded down to 128 tokens, from 1,024. gpt-4o-mini at
    // $0.15, cached reads $0.075; no write fee.
    void openAiCachesIn128TokenSteps_data() {
        QTest::addColumn<qint64>("systemTokens");
        QTest::addColumn<bool>("sameUserTurn");
        QTest::addColumn<qint64>("cachedTokens");
        QTest::addColumn<double>("costWithUsd");
        // 2 x 1,073 = 2,146 x 0.15 = 321.9 (the whole first prompt, 1,073, is stored, but the
        // second shares only the 1,023-token system prompt).
        QTest::newRow("1,023") << qint64(1023) << false << qint64(0) << 0.0003219;
        // 2,148: 1,124 x 0.15 + 1,024 x 0.075 = 168.6 + 76.8 = 245.4
        QTest::newRow("1,024") << qint64(1024) << false << qint64(1024) << 0.0002454;
        // 2,402: 1,378 x 0.15 + 1,024 x 0.075 = 206.7 + 76.8 = 283.5
        QTest::newRow("1,151 -> 1,024") << qint64(1151) << false << qint64(1024) << 0.0002835;
        // 2,404: 1,252 x 0.15 + 1,152 x 0.075 = 187.8 + 86.4 = 274.2
        QTest::newRow("1,152") << qint64(1152) << false << qint64(1152) << 0.0002742;
        // 3,100: 1,692 x 0.15 + 1,408 x 0.075 = 253.8 + 105.6 = 359.4
        QTest::newRow("1,500 -> 1,408") << qint64(1500) << false << qint64(1408) << 0.0003594;
        // The same whole prompt (1,050) twice: the stored 1,050 prefix reads 1,024.
        // 2,100: 1,076 x 0.15 + 1,024 x 0.075 = 161.4 + 76.8 = 238.2
        QTest::newRow("whole prompt 1,050 -> 1,024")
            << qint64(1000) << true << qint64(1024) << 0.0002382;
    }

    void openAiCachesIn128TokenSteps() {
        QFETCH(qint64, systemTokens);
        QFETCH(bool, sameUserTurn);
        QFETCH(qint64, cachedTokens);
        QFETCH(double, costWithUsd);
        const Run run = simulateTrace(
            traceOf({systemThenUser(0, systemTokens, 50, "first"),
                     systemThenUser(1000, systemTokens, 50, sameUserTurn ? "first" : "second")}),
            {fixture("gpt-4o-mini")}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(run.result->cachedTokens, cachedTokens);
        QCOMPARE(run.result->cacheWriteTokens, qint64(0));
        QCOMPARE(run.result->perRequest[1].cacheRead, cachedTokens);
        // OpenAI counts cached tokens inside the prompt tokens.
        QCOMPARE(run.result->perRequest[1].input, systemTokens + 50);
        COMPARE_USD(run.result->costWithCacheUsd, costWithUsd);
        const CheckpointStats* automatic = row(*run.result, "automatic prefix");
        QVERIFY(automatic);
        QCOMPARE(automatic->hits, cachedTokens > 0 ? qint64(1) : qint64(0));
    }

    // A model without prompt caching: every token is plain input.
    void modelWithoutCaching() {
        const Run run =
            simulateTrace(traceOf({systemThenUser(0, 3000, 10), systemThenUser(1000, 3000, 10)}),
                          {fixture("llama")}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        QCOMPARE(run.result->cachedTokens, qint64(0));
        QCOMPARE(run.result->chr, 0.0);
        QCOMPARE(run.result->missRequests, qint64(2));
        COMPARE_USD(run.result->costWithCacheUsd, 0.00433440); // 6,020 x 0.72 = 4,334.4
        QVERIFY(run.result->checkpoints.empty());
    }

    // Long-context pricing is decided per request even though groups are costed in sums:
    // 150,000 tokens at $3 and 250,000 at the $6 tier = 450,000 + 1,500,000 u$ (summed blindly,
    // 400,000 tokens would all be billed at $6 = $2.40).
    void longContextTierPerRequest() {
        const Run run =
            simulateTrace(traceOf({at(0, {seg(SegmentKind::UserTurn, 150000, "a")}),
                                   at(1000, {seg(SegmentKind::UserTurn, 250000, "b")})}),
                          {fixture("sonnet-long")}, marksOnly());
        QVERIFY2(run.result, qPrintable(run.error));
        COMPARE_USD(run.result->costWithoutCacheUsd, 1.95);
        COMPARE_USD(run.result->costWithCacheUsd, 1.95);
    }

    void cancelStopsTheSimulation() {
        const RequestTrace trace = traceOf({systemThenUser(0, 2000, 10)});
        const ModelPrice price = fixture("sonnet");
        auto workload = compileWorkload(trace, {&price, 1}, marksOnly());
        auto arrivals = switchyard::recordedArrivals(trace);
        CancelToken cancel;
        cancel.cancel();
        auto result = simulateCache(*workload, *arrivals, {}, {}, &cancel);
        QVERIFY(!result);
        QCOMPARE(QString::fromStdString(result.error().message), QStringLiteral("cancelled"));
    }

    void unpricedModelIsAnError() {
        ModelPrice unpriced = fixture("sonnet");
        unpriced.inputUsdPerMTok = 0.0;
        const Run run =
            simulateTrace(traceOf({systemThenUser(0, 2000, 10)}), {unpriced}, marksOnly());
        QVERIFY(!run.result);
        QVERIFY(run.error.contains("no input price"));
    }
};

QTEST_GUILESS_MAIN(TestCacheSimulator)
#include "tst_cache_simulator.moc"
