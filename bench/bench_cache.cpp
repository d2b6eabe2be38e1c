// Prompt-cache simulation speed: simulated requests per second on one core.
//
// BM_CacheSimulateFourCheckpoints: a million single-turn requests, each with four checkpoints
//   (after tools, system, few-shot examples, and the unique user turn), Poisson arrivals.
//   Every request misses its own last checkpoint, reads a shared one and writes one, so the
//   table of live prefixes grows to a million entries (far beyond the CPU caches).
// BM_CacheSimulateConversations: a million requests as conversations of six turns with think
//   time, interleaved in time, checkpoints on tools, system, examples and the final user turn,
//   with the lookback over the earlier turns.
// BM_CacheSavingsCurve: the 25-rate savings curve of the Cache Lab over 100,000 requests.
#include "cache/arrivals.h"
#include "cache/cache_simulator.h"
#include "cache/request_trace.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

using namespace switchyard;

ModelPrice sonnet() {
    ModelPrice price;
    price.id = "claude-sonnet-4-5";
    price.provider = "anthropic";
    price.inputUsdPerMTok = 3.0;
    price.outputUsdPerMTok = 15.0;
    price.semantics = UsageSemantics::CacheAdditive;
    price.supportsCaching = true;
    price.cacheReadMultiplier = 0.1;
    price.cacheWrite5mMultiplier = 1.25;
    price.cacheWrite1hMultiplier = 2.0;
    price.minCacheableTokens = 1024;
    price.maxCacheCheckpoints = 4;
    return price;
}

TraceSegment segment(SegmentKind kind, int64_t tokens, uint64_t content, bool checkpoint) {
    return TraceSegment{kind, checkpoint ? CheckpointMark::DefaultTtl : CheckpointMark::None,
                        tokens, content};
}

struct Prepared {
    CacheWorkload workload;
    Arrivals arrivals;
};

Prepared prepare(const RequestTrace& trace, const ArrivalSpec& spec) {
    const ModelPrice model = sonnet();
    auto workload = compileWorkload(trace, {&model, 1}, CheckpointPlacement{});
    auto arrivals = syntheticArrivals(spec, trace.size());
    if (!workload || !arrivals)
        std::abort();
    return {std::move(workload).value(), std::move(arrivals).value()};
}

const Prepared& fourCheckpoints(size_t requests) {
    static const Prepared prepared = [requests] {
        RequestTrace trace;
        trace.reserve(requests, requests * 4);
        TraceRequest request;
        for (size_t i = 0; i < requests; ++i) {
            request.segments = {
                segment(SegmentKind::Tools, 1200, 1 + i % 2, true),
                segment(SegmentKind::System, 900, 100 + i % 16, true),
                segment(SegmentKind::Examples, 700, 200 + i % 4, true),
                segment(SegmentKind::UserTurn, 150, 1000 + i, true),
            };
            trace.add(request);
        }
        ArrivalSpec spec;
        spec.requestsPerMinute = 600.0;
        return prepare(trace, spec);
    }();
    return prepared;
}

const Prepared& conversations(size_t requests) {
    static const Prepared prepared = [requests] {
        constexpr size_t kTurns = 6;
        RequestTrace trace;
        trace.reserve(requests, requests * 10);
        TraceRequest request;
        for (size_t i = 0; i < requests; ++i) {
            const size_t session = i / kTurns;
            const size_t turn = i % kTurns;
            request.segments = {
                segment(SegmentKind::Tools, 1200, 1 + session % 2, true),
                segment(SegmentKind::System, 900, 100 + session % 16, true),
                segment(SegmentKind::Examples, 700, 200 + session % 4, true),
            };
            for (size_t earlier = 0; earlier < turn; ++earlier) {
                request.segments.push_back(
                    segment(SegmentKind::History, 150, (session << 8) + 2 * earlier, false));
                request.segments.push_back(
                    segment(SegmentKind::History, 250, (session << 8) + 2 * earlier + 1, false));
            }
            request.segments.push_back(
                segment(SegmentKind::UserTurn, 150, (session << 8) + 2 * turn, true));
            trace.add(request);
        }
        ArrivalSpec spec;
        spec.requestsPerMinute = 600.0;
        spec.turnsPerSession = static_cast<int>(kTurns);
        spec.thinkTimeSeconds = 40.0;
        return prepare(trace, spec);
    }();
    return prepared;
}

void runSimulation(benchmark::State& state, const Prepared& prepared) {
    int64_t requests = 0;
    double chr = 0.0;
    for (auto _ : state) {
        auto result = simulateCache(prepared.workload, prepared.arrivals);
        if (!result) {
            state.SkipWithError(result.error().message.c_str());
            return;
        }
        requests += result->requests;
        chr = result->chr;
        benchmark::DoNotOptimize(result->costWithCacheUsd);
    }
    state.SetItemsProcessed(requests);
    state.counters["requests_per_s"] =
        benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsRate);
    state.counters["chr"] = chr;
    state.counters["lookups_per_request"] =
        static_cast<double>(prepared.workload.lookupCandidateCount()) /
        static_cast<double>(prepared.workload.size());
}

void BM_CacheSimulateFourCheckpoints(benchmark::State& state) {
    runSimulation(state, fourCheckpoints(1'000'000));
}
BENCHMARK(BM_CacheSimulateFourCheckpoints)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_CacheSimulateConversations(benchmark::State& state) {
    runSimulation(state, conversations(1'000'000));
}
BENCHMARK(BM_CacheSimulateConversations)->Unit(benchmark::kMillisecond)->MinTime(2.0);

const Prepared& curveWorkload() {
    static const Prepared prepared = [] {
        RequestTrace trace;
        TraceRequest request;
        for (size_t i = 0; i < 100'000; ++i) {
            request.segments = {segment(SegmentKind::System, 2000, 1 + i % 8, true),
                                segment(SegmentKind::UserTurn, 150, 1000 + i, false)};
            trace.add(request);
        }
        ArrivalSpec spec;
        spec.requestsPerMinute = 10.0;
        return prepare(trace, spec);
    }();
    return prepared;
}

void BM_CacheSavingsCurve(benchmark::State& state) {
    const Prepared& prepared = curveWorkload();
    const std::vector<double> grid = rateGrid(0.01, 10000.0, 25);
    for (auto _ : state) {
        auto curve = savingsVersusRate(prepared.workload, prepared.arrivals, grid);
        if (!curve) {
            state.SkipWithError(curve.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(curve->breakEvenPerMinute);
    }
    state.SetItemsProcessed(state.iterations() * 25 * 100'000);
}
BENCHMARK(BM_CacheSavingsCurve)->Unit(benchmark::kMillisecond);

} // namespace
