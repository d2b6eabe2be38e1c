// The prompt-cache simulator: hand-worked traces with exact token counts and dollar figures.
// Every cost in a comment is (tokens x $/MTok) summed, in millionths of a dollar ("u$").
#include "cache/arrivals.h"
#include "cache/cache_simulator.h"
#include "cache/request_trace.h"
#include "pricing/bundled_catalogue.h"
#include "pricing/catalogue.h"
#include "prompts/token_estimate.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace switchyard;

namespace {

#define COMPARE_USD(actual, expected)                                                              \
    QVERIFY2(std::abs((actual) - (expected)) < 1e-12,                                              \
             qPrintable(QStringLiteral("%1 != %2")                                                 \
                            .arg(double(actual), 0, 'g', 17)                                       \
                            .arg(double(expected), 0, 'g', 17)))

// Prices written out (mirroring published ones) so catalogue updates do not move these figures.
ModelPrice fixture(const std::string& name) {
    ModelPrice price;
    price.id = name;
    price.source = "test";
    price.supportsCaching = true;
    if (name == "sonnet" || name == "opus" || name == "sonnet-long") {
        price.provider = "anthropic";
        price.inputUsdPerMTok = name == "opus" ? 15.0 : 3.0;
        price.outputUsdPerMTok = name == "opus" ? 75.0 : 15.0;
        price.semantics = UsageSemantics::CacheAdditive;
        price.cacheReadMultiplier = 0.1;
        price.cacheWrite5mMultiplier = 1.25;
        price.cacheWrite1hMultiplier = 2.0;
        price.minCacheableTokens = 1024;
        price.maxCacheCheckpoints = 4;
        if (name == "sonnet-long")
            price.longContext = {200000, 6.0, 22.5};
    } else if (name == "bedrock-haiku") {
        price.provider = "bedrock";
        price.inputUsdPerMTok = 0.8;
        price.outputUsdPerMTok = 4.0;
        price.semantics = UsageSemantics::CacheAdditive;
        price.cacheReadMultiplier = 0.1;
        price.cacheWrite5mMultiplier = 1.25; // no 1-hour TTL
        price.minCacheableTokens = 2048;
        price.maxCacheCheckpoints = 4;
    } else if (name == "gpt-4o-mini") {
        price.provider = "openai";
        price.inputUsdPerMTok = 0.15;
        price.outputUsdPerMTok = 0.6;
        price.semantics = UsageSemantics::CacheSubset;
        price.cacheReadMultiplier = 0.5;
        price.minCacheableTokens = 1024;
    } else if (name == "llama") {
        price.provider = "bedrock";
        price.inputUsdPerMTok = 0.72;
        price.outputUsdPerMTok = 0.72;
        price.supportsCaching = false;
    }
    return price;
}

TraceSegment seg(SegmentKind kind, int64_t tokens, const std::string& content,
                 CheckpointMark mark = CheckpointMark::None) {
    return TraceSegment{kind, mark, tokens, contentHash(content)};
}

TraceRequest at(int64_t timeMs, std::vector<TraceSegment> segments, std::string id = {}) {
    TraceRequest request;
    request.id = id.empty() ? "r@" + std::to_string(timeMs) : std::move(id);
    request.segments = std::move(segments);
    request.timestampMs = timeMs;
    return request;
}

// System prompt of `systemTokens` with a checkpoint, then a user turn.
TraceRequest systemThenUser(int64_t timeMs, int64_t systemTokens, int64_t userTokens,
                            const std::string& user = "question",
                            CheckpointMark mark = CheckpointMark::DefaultTtl) {
    return at(timeMs, {seg(SegmentKind::System, systemTokens, "policy", mark),
                       seg(SegmentKind::UserTurn, userTokens, user)});
}

CheckpointPlacement marksOnly(CacheTtl ttl = CacheTtl::FiveMinutes) {
    CheckpointPlacement placement;
    placement.ttl = ttl;
    return placement;
}

struct Run {
    std::optional<CacheSimulation> result;
    QString error;
};

Run simulateTrace(const RequestTrace& trace, const std::vector<ModelPrice>& models,
                  const CheckpointPlacement& placement, SimulationOptions options = {}) {
    options.keepPerRequest = true;
    auto workload = compileWorkload(trace, models, placement);
    if (!workload)
        return {std::nullopt, QString::fromStdString(workload.error().toString())};
    auto arrivals = recordedArrivals(trace);
    if (!arrivals)
        return {std::nullopt, QString::fromStdString(arrivals.error().toString())};
    auto result = simulateCache(*workload, *arrivals, options);
    if (!result)
        return {std::nullopt, QString::fromStdString(result.error().toString())};
    return {std::move(result).value(), {}};
}

RequestTrace traceOf(std::vector<TraceRequest> requests) {
    RequestTrace trace;
    for (const TraceRequest& request : requests)
        trace.add(request);
    return trace;
}

const CheckpointStats* row(const CacheSimulation& result, const std::string& label) {
    for (const CheckpointStats& stats : result.checkpoints)
        if (stats.label == label)
            return &stats;
    return nullptr;
}

QList<qint64> reads(const CacheSimulation& result) {
    QList<qint64> out;
    for (const Usage& usage : result.perRequest)
        out.append(usage.cacheRead);
    return out;
}

QList<qint64> writes(const CacheSimulation& result) {
    QList<qint64> out;
    for (const Usage& usage : result.perRequest)
        out.append(usage.cacheWrite);
    return out;
}

} // namespace

class TestCache : public QObject {
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

    // Eleven identical requests (2,000-token system + 100-token user) recorded 240 s apart:
    // 10 gaps over 40 minutes, 0.25 requests a minute. Rescaled to 0.2/min the gaps are exactly
    // 300 s (all writes); at 0.25/min all but the first hit.
    void breakEvenRate_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("systemTokens");
        QTest::addColumn<QList<double>>("rates");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("breakEvenPerMinute");
        // Savings at 0.1 and 0.2: -11 x 2,000 x (3.75 - 3) = -16,500 u$. At 0.25:
        // without 11 x 2,100 x 3 = 69,300; with 1,100 x 3 + 2,000 x 3.75 + 20,000 x 0.30 =
        // 3,300 + 7,500 + 6,000 = 16,800; savings 52,500. Break-even by linear interpolation:
        // 0.2 + 16,500 x 0.05 / (52,500 + 16,500) = 0.2 + 0.0119565217... = 0.2119565217...
        QTest::newRow("sonnet crosses")
            << "sonnet" << qint64(2000) << QList<double>{0.1, 0.2, 0.25, 1.0}
            << int(BreakEvenKind::Crossing) << 0.2 + 16500.0 * 0.05 / 69000.0;
        QTest::newRow("sonnet above range") << "sonnet" << qint64(2000) << QList<double>{0.1, 0.2}
                                            << int(BreakEvenKind::AboveRange) << 0.0;
        // No write fee: caching never costs more.
        QTest::newRow("openai always saves")
            << "gpt-4o-mini" << qint64(2000) << QList<double>{0.1, 0.2, 0.25, 1.0}
            << int(BreakEvenKind::AlwaysSaves) << 0.0;
        QTest::newRow("below minimum never saves")
            << "sonnet" << qint64(500) << QList<double>{0.1, 1.0, 10.0}
            << int(BreakEvenKind::NeverSaves) << 0.0;
    }

    void breakEvenRate() {
        QFETCH(QString, model);
        QFETCH(qint64, systemTokens);
        QFETCH(QList<double>, rates);
        QFETCH(int, kind);
        QFETCH(double, breakEvenPerMinute);
        std::vector<TraceRequest> requests;
        for (int k = 0; k < 11; ++k)
            requests.push_back(systemThenUser(k * 240000LL, systemTokens, 100));
        const RequestTrace trace = traceOf(requests);
        const ModelPrice price = fixture(model.toStdString());
        auto workload = compileWorkload(trace, {&price, 1}, marksOnly());
        QVERIFY(workload);
        auto arrivals = switchyard::recordedArrivals(trace);
        QVERIFY(arrivals);
        QCOMPARE(arrivals->requestsPerMinute, 0.25);
        const std::vector<double> grid(rates.begin(), rates.end());
        auto curve = savingsVersusRate(*workload, *arrivals, grid);
        QVERIFY2(curve, curve ? "" : curve.error().toString().c_str());
        QCOMPARE(int(curve->kind), kind);
        QCOMPARE(curve->points.size(), grid.size());
        COMPARE_USD(curve->breakEvenPerMinute, breakEvenPerMinute);
        if (kind == int(BreakEvenKind::Crossing)) {
            COMPARE_USD(curve->points[1].savingsUsd, -0.0165);
            COMPARE_USD(curve->points[2].savingsUsd, 0.0525);
            // A month at 0.25/min is 10,800 requests: 0.0525 / 11 x 10,800.
            COMPARE_USD(curve->points[2].monthlySavingsUsd, 0.0525 / 11.0 * 0.25 * 43200.0);
        }
    }

    void rateGridIsLogSpaced() {
        const std::vector<double> grid = rateGrid(0.01, 100.0, 5);
        QCOMPARE(grid.size(), size_t{5});
        QCOMPARE(grid.front(), 0.01);
        QCOMPARE(grid.back(), 100.0);
        QVERIFY(std::abs(grid[2] - 1.0) < 1e-12);
        QVERIFY(std::abs(grid[1] - 0.1) < 1e-12);
    }

    void syntheticPoissonArrivals() {
        ArrivalSpec spec;
        spec.requestsPerMinute = 30.0;
        spec.seed = 7;
        auto arrivals = syntheticArrivals(spec, 20000);
        QVERIFY(arrivals);
        QCOMPARE(arrivals->requestsPerMinute, 30.0);
        QVERIFY(arrivals->order.empty()); // one Poisson stream is already in order
        const double minutes = static_cast<double>(arrivals->timeMs.back()) / 60000.0;
        QVERIFY2(std::abs(20000.0 / minutes - 30.0) < 1.0, qPrintable(QString::number(minutes)));
        // The same seed gives the same arrivals; another seed does not.
        auto again = syntheticArrivals(spec, 20000);
        QCOMPARE(again->timeMs, arrivals->timeMs);
        spec.seed = 8;
        QVERIFY(syntheticArrivals(spec, 20000)->timeMs != arrivals->timeMs);
    }

    void syntheticSessions() {
        ArrivalSpec spec;
        spec.requestsPerMinute = 6.0;
        spec.turnsPerSession = 4;
        spec.thinkTimeSeconds = 30.0;
        spec.thinkTime = ThinkTime::Fixed;
        auto arrivals = syntheticArrivals(spec, 4000);
        QVERIFY(arrivals);
        for (size_t first = 0; first < 4000; first += 4)
            for (size_t turn = 1; turn < 4; ++turn)
                QCOMPARE(arrivals->timeMs[first + turn] - arrivals->timeMs[first + turn - 1],
                         qint64(30000));
        // Sessions start every 40 s on average and last 90 s: they overlap, so arrival order
        // interleaves them.
        QCOMPARE(arrivals->order.size(), size_t{4000});
        for (size_t k = 1; k < 4000; ++k)
            QVERIFY(arrivals->timeMs[arrivals->order[k - 1]] <=
                    arrivals->timeMs[arrivals->order[k]]);
        const double minutes = static_cast<double>(arrivals->spanMs()) / 60000.0;
        QVERIFY(std::abs(4000.0 / minutes - 6.0) < 0.5);
    }

    // Peak-to-trough 3 with the peak at noon: the hour around noon sees about three times the
    // arrivals of the hour around midnight.
    void diurnalShape() {
        ArrivalSpec spec;
        spec.requestsPerMinute = 60.0;
        spec.diurnal = DiurnalShape{3.0, 12.0};
        spec.seed = 3;
        auto arrivals = syntheticArrivals(spec, 4 * 86400);
        QVERIFY(arrivals);
        int64_t noon = 0;
        int64_t midnight = 0;
        for (const int64_t t : arrivals->timeMs) {
            const double hour = std::fmod(static_cast<double>(t) / 3600000.0, 24.0);
            if (hour >= 11.5 && hour < 12.5)
                ++noon;
            if (hour >= 23.5 || hour < 0.5)
                ++midnight;
        }
        const double ratio = static_cast<double>(noon) / static_cast<double>(midnight);
        QVERIFY2(ratio > 2.7 && ratio < 3.3, qPrintable(QString::number(ratio)));
        const double days = static_cast<double>(arrivals->timeMs.back()) / 86400000.0;
        QVERIFY2(std::abs(days - 4.0) < 0.1, qPrintable(QString::number(days)));
    }

    void badArrivalSpecs_data() {
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("turns");
        QTest::addColumn<double>("peakToTrough");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero rate")
            << 0.0 << 1 << 1.0 << "the arrival rate must be a positive number";
        QTest::newRow("no turns") << 1.0 << 0 << 1.0 << "a session has at least one turn";
        QTest::newRow("trough above peak")
            << 1.0 << 1 << 0.5 << "the peak-to-trough ratio must be at least 1";
    }

    void badArrivalSpecs() {
        QFETCH(double, rate);
        QFETCH(int, turns);
        QFETCH(double, peakToTrough);
        QFETCH(QString, message);
        ArrivalSpec spec;
        spec.requestsPerMinute = rate;
        spec.turnsPerSession = turns;
        spec.diurnal.peakToTrough = peakToTrough;
        auto arrivals = syntheticArrivals(spec, 10);
        QVERIFY(!arrivals);
        QCOMPARE(QString::fromStdString(arrivals.error().message), message);
    }

    void recordedArrivals() {
        // Out of order: arrival order sorts them, times count from the earliest.
        RequestTrace trace =
            traceOf({systemThenUser(1795000120000, 10, 1), systemThenUser(1795000000000, 10, 1),
                     systemThenUser(1795000060000, 10, 1)});
        auto arrivals = switchyard::recordedArrivals(trace);
        QVERIFY(arrivals);
        QCOMPARE(arrivals->timeMs, (std::vector<int64_t>{120000, 0, 60000}));
        QCOMPARE(arrivals->order, (std::vector<uint32_t>{1, 2, 0}));
        QCOMPARE(arrivals->requestsPerMinute, 1.0); // 2 gaps over 2 minutes

        TraceRequest undated = systemThenUser(0, 10, 1);
        undated.id = "q-7";
        undated.timestampMs.reset();
        trace.add(undated);
        auto refused = switchyard::recordedArrivals(trace);
        QVERIFY(!refused);
        QCOMPARE(QString::fromStdString(refused.error().message),
                 QStringLiteral("1 of 4 requests have no recorded timestamp (the first is 'q-7'); "
                                "choose a synthetic arrival rate instead"));
    }

    void truthCheck() {
        // Input counts every input token, cached ones included (pricing/usage.h).
        const std::vector<CacheUsagePair> pairs = {
            {{2100, 0, 2000, 0, 0}, {2100, 0, 2000, 0, 0}}, // both read
            {{2100, 0, 0, 2000, 0}, {2100, 0, 0, 2000, 0}}, // both wrote
            {{2100, 0, 2000, 0, 0}, {2100, 0, 0, 2000, 0}}, // simulated a hit, recorded a write
        };
        const TruthCheck check = compareWithRecorded(pairs);
        QCOMPARE(check.requests, qint64(3));
        QCOMPARE(check.simulatedInputTokens, qint64(6300));
        QCOMPARE(check.recordedInputTokens, qint64(6300));
        QCOMPARE(check.simulatedCachedTokens, qint64(4000));
        QCOMPARE(check.recordedCachedTokens, qint64(2000));
        QCOMPARE(check.simulatedWriteTokens, qint64(2000));
        QCOMPARE(check.recordedWriteTokens, qint64(4000));
        QCOMPARE(check.simulatedChr, 4000.0 / 6300.0);
        QCOMPARE(check.recordedChr, 2000.0 / 6300.0);
        QCOMPARE(check.chrDifference, 4000.0 / 6300.0 - 2000.0 / 6300.0);
        QCOMPARE(check.outcomeAgreements, qint64(2));
        QCOMPARE(check.outcomeAgreement, 2.0 / 3.0);
        QCOMPARE(check.cachedTokensMeanAbsError, 2000.0 / 3.0);
    }

    // Prompts become segments in provider order, with marks and estimated tokens.
    void traceFromPrompt() {
        Prompt prompt;
        prompt.id = "p1";
        prompt.toolsJson = R"([{"name":"lookup"}])";
        prompt.system = {{"You are terse.", false, {}}, {"Policy text here.", true, "1h"}};
        prompt.messages = {{"user", {{"Hi there", false, {}}}},
                           {"assistant", {{"Hello.", true, {}}}},
                           {"user", {{"Refund my order", false, {}}, {"Order 7", false, {}}}}};
        prompt.tags = {"support"};
        prompt.timestampMs = 1795000000000;
        const TokenizerFamily family = TokenizerFamily::Claude;
        const TraceRequest request = traceRequestFromPrompt(prompt, family);
        QCOMPARE(request.segments.size(), size_t{7});
        const std::vector<SegmentKind> kinds = {
            SegmentKind::Tools,   SegmentKind::System,   SegmentKind::System,  SegmentKind::History,
            SegmentKind::History, SegmentKind::UserTurn, SegmentKind::UserTurn};
        for (size_t k = 0; k < kinds.size(); ++k)
            QVERIFY(request.segments[k].kind == kinds[k]);
        QVERIFY(request.segments[2].checkpoint == CheckpointMark::OneHour);
        QVERIFY(request.segments[4].checkpoint == CheckpointMark::DefaultTtl);
        QVERIFY(request.segments[1].checkpoint == CheckpointMark::None);
        // A block that opens no message carries no framing: its tokens are its text's estimate.
        QCOMPARE(request.segments[2].tokens, estimateTokens("Policy text here.", family));
        QCOMPARE(request.segments[6].tokens, estimateTokens("Order 7", family));
        // Claude framing: 3 per request (first segment), 3 per message, 346 for tool use.
        QCOMPARE(request.segments[0].tokens, estimateTokens(prompt.toolsJson, family) + 3 + 346);
        QCOMPARE(request.segments[1].tokens, estimateTokens("You are terse.", family) + 3);
        QCOMPARE(request.segments[3].tokens, estimateTokens("Hi there", family) + 3);
        int64_t total = 0;
        for (const TraceSegment& segment : request.segments)
            total += segment.tokens;
        QVERIFY(std::abs(total - estimatePromptTokens(prompt, family)) <= 2);
        QCOMPARE(*request.timestampMs, qint64(1795000000000));

        // The same text as a system block and as a user block is not the same prefix.
        Prompt other = prompt;
        other.messages[0].content[0].text = "Policy text here.";
        const TraceRequest second = traceRequestFromPrompt(other, family);
        QCOMPARE(second.segments[2].contentHash, request.segments[2].contentHash);
        QVERIFY(second.segments[3].contentHash != request.segments[2].contentHash);
    }

    void traceInternsTagsAndAccounts() {
        TraceRequest a = systemThenUser(0, 10, 1);
        a.tags = {"x", "y"};
        a.account = "acme";
        TraceRequest b = systemThenUser(1, 10, 1);
        b.tags = {"x", "y"};
        RequestTrace trace = traceOf({a, b});
        QCOMPARE(trace.tagSetId(0), trace.tagSetId(1));
        QCOMPARE(trace.tagSet(trace.tagSetId(0)), (std::vector<std::string>{"x", "y"}));
        QVERIFY(trace.accountId(0) != trace.accountId(1));
        QCOMPARE(QString::fromStdString(trace.accountName(trace.accountId(0))),
                 QStringLiteral("acme"));
        QCOMPARE(trace.promptTokens(0), qint64(11));
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

    // The catalogue embedded at build time is the file in resources/, byte for byte.
    void bundledCatalogueIsEmbedded() {
        std::ifstream file(SWITCHYARD_SOURCE_DIR "/resources/pricing/catalogue.json",
                           std::ios::binary);
        std::stringstream text;
        text << file.rdbuf();
        QCOMPARE(std::string(bundledCatalogueJson()), text.str());
        auto catalogue = Catalogue::fromJson(bundledCatalogueJson(), "bundled");
        QVERIFY(catalogue);
        QVERIFY(catalogue->find("claude-sonnet-4-5"));
        QVERIFY(cacheModeFor(*catalogue->find("claude-sonnet-4-5")) == CacheMode::Explicit);
        QVERIFY(cacheModeFor(*catalogue->find("gpt-4o-mini")) == CacheMode::Automatic);
    }
};

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
