#pragma once
// Hand-built request traces, model prices written out, and a one-call simulation for the
// prompt-cache tests. Shared so every cache test works its figures from the same prices.
#include "cache/arrivals.h"
#include "cache/cache_simulator.h"
#include "cache/request_trace.h"
#include "pricing/model_price.h"

#include <QtTest>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#define COMPARE_USD(actual, expected)                                                              \
    QVERIFY2(std::abs((actual) - (expected)) < 1e-12,                                              \
             qPrintable(QStringLiteral("%1 != %2")                                                 \
                            .arg(double(actual), 0, 'g', 17)                                       \
                            .arg(double(expected), 0, 'g', 17)))

namespace switchyard::cache_fixtures {

// Prices written out (mirroring published ones) so catalogue updates do not move these figures.
inline ModelPrice fixture(const std::string& name) {
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

inline TraceSegment seg(SegmentKind kind, int64_t tokens, const std::string& content,
                        CheckpointMark mark = CheckpointMark::None) {
    return TraceSegment{kind, mark, tokens, contentHash(content)};
}

inline TraceRequest at(int64_t timeMs, std::vector<TraceSegment> segments, std::string id = {}) {
    TraceRequest request;
    request.id = id.empty() ? "r@" + std::to_string(timeMs) : std::move(id);
    request.segments = std::move(segments);
    request.timestampMs = timeMs;
    return request;
}

// System prompt of `systemTokens` with a checkpoint, then a user turn.
inline TraceRequest systemThenUser(int64_t timeMs, int64_t systemTokens, int64_t userTokens,
                                   const std::string& user = "question",
                                   CheckpointMark mark = CheckpointMark::DefaultTtl) {
    return at(timeMs, {seg(SegmentKind::System, systemTokens, "policy", mark),
                       seg(SegmentKind::UserTurn, userTokens, user)});
}

inline CheckpointPlacement marksOnly(CacheTtl ttl = CacheTtl::FiveMinutes) {
    CheckpointPlacement placement;
    placement.ttl = ttl;
    return placement;
}

struct Run {
    std::optional<CacheSimulation> result;
    QString error;
};

inline Run simulateTrace(const RequestTrace& trace, const std::vector<ModelPrice>& models,
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

inline RequestTrace traceOf(std::vector<TraceRequest> requests) {
    RequestTrace trace;
    for (const TraceRequest& request : requests)
        trace.add(request);
    return trace;
}

inline const CheckpointStats* row(const CacheSimulation& result, const std::string& label) {
    for (const CheckpointStats& stats : result.checkpoints)
        if (stats.label == label)
            return &stats;
    return nullptr;
}

inline QList<qint64> reads(const CacheSimulation& result) {
    QList<qint64> out;
    for (const Usage& usage : result.perRequest)
        out.append(usage.cacheRead);
    return out;
}

inline QList<qint64> writes(const CacheSimulation& result) {
    QList<qint64> out;
    for (const Usage& usage : result.perRequest)
        out.append(usage.cacheWrite);
    return out;
}

} // namespace switchyard::cache_fixtures
