#pragma once

// Prompt-cache simulation: what caching would save for a trace of requests with arrival times,
// per provider semantics from the pricing catalogue, with exact token accounting.
//
//   RequestTrace trace = traceFromPrompts(prompts, tokenizerFamilyForModel(model.id));
//   auto workload = compileWorkload(trace, {&model, 1}, placement);     // model/TTL/placement
//   auto arrivals = syntheticArrivals(spec, trace.size());              // or recordedArrivals
//   auto result = simulateCache(*workload, *arrivals, options, progress, &cancel);
//   auto curve = savingsVersusRate(*workload, *arrivals, rateGrid(0.01, 10000, 41));
//
// Plain C++, no shared state: call it from any worker thread. Only the CancelToken is touched
// from another thread.
//
// SEMANTICS (tests/core/tst_cache_simulator.cpp and tst_cache_checkpoints.cpp work each rule
// by hand)
//
// Which kind of caching a model has (cacheModeFor), from its catalogue entry:
//   None       supportsCaching is false: every token is plain input, CHR 0.
//   Explicit   maxCacheCheckpoints > 0 (Anthropic, Bedrock): only checkpoints cache.
//   Automatic  supportsCaching with maxCacheCheckpoints == 0 (OpenAI): every prefix caches.
//
// Explicit checkpoints, per request, in this order:
//   1. Placement. Checkpoints are the prompt's marks (CheckpointPlacement::fromPrompts) plus the
//      chosen automatic positions: after the last tools segment, after the last system segment,
//      after the last segment before the final user turn ("after history": with no earlier turns
//      that is the end of the system prompt). A position chosen twice is one checkpoint; a mark's
//      own TTL wins over the placement TTL (unless ttlOverridesMarks), a mark without TTL takes
//      the placement TTL.
//   2. Limit. Anthropic and Bedrock reject a request with more than maxCacheCheckpoints (4)
//      cache_control blocks. The simulator keeps the LAST four (the longest prefixes, which save
//      most), counts the request in requestsOverCheckpointLimit and the linter reports it.
//   3. TTL availability. A model without a 1-hour price (cacheWrite1hMultiplier 0) gets a 5-minute
//      checkpoint for a 1-hour mark (counted in requestsWithOneHourDowngraded). Choosing a
//      1-hour placement TTL for such a model is an error from compileWorkload.
//   4. TTL order. Anthropic requires 1-hour checkpoints before 5-minute ones. A 1-hour checkpoint
//      after a 5-minute one is simulated as 5-minute (requestsWithTtlOrderFixed; linter finding).
//   5. Minimum. A checkpoint whose prefix has fewer than minCacheableTokens tokens is ignored:
//      nothing is read or written there and nothing extra is charged (counted belowMinimum).
//      A prefix of exactly the minimum caches.
//   Lookup: entries exist only where some request placed a checkpoint, but each checkpoint
//      looks up its own prefix and those ending at the kCheckpointLookbackSegments (20) segment
//      boundaries before it, as Anthropic and Bedrock do for about 20 content blocks. This is
//      what makes the usual "checkpoint on the last user message" pattern hit across the turns
//      of a conversation. The longest live prefix wins (read = its prefix tokens).
//   Write: every checkpoint after it is written (boundaries are only looked up, never written).
//   Billing as Anthropic documents for mixed TTLs:
//      A = tokens read, B = prefix tokens at the last 1-hour checkpoint after A (B = A if none),
//      C = prefix tokens at the last checkpoint; 1-hour writes B - A, 5-minute writes C - B,
//      uncached input = prompt - C (or prompt - A when nothing is written).
//
// Automatic caching (OpenAI): every segment boundary whose prefix reaches minCacheableTokens
//   (1,024) is a candidate; the longest live one wins and the cached tokens are its prefix
//   rounded down to a multiple of kAutomaticCacheStepTokens (128): 1,151 tokens cache 1,024.
//   Every longer boundary of the request is stored. Nothing is billed for storing (cacheWrite
//   tokens are 0, as OpenAI reports); its "writes" count requests that stored a prefix. The TTL
//   is the inactivity window (OpenAI documents 5-10 minutes, up to an hour off-peak).
//
// Entries: keyed by (model slot, account, prefix hash); a write at t lives until t + TTL. A
//   request at time t hits when t < expiry: at exactly t + TTL the entry has expired. A hit
//   refreshes the entry it read to max(expiry, t + TTL of that checkpoint in this request);
//   shorter entries of the request are not touched. Requests at the same millisecond are served
//   in arrival order, each seeing the writes of the ones before it. Two models, or two accounts,
//   never share an entry. Prefix hashes are 64-bit and a collision is not detected: among a
//   million distinct prefixes the chance of any is about 3 in 100 million.
//
// Counting. A request is a Hit when it read any tokens, else a Write when it wrote (stored), else
//   a Miss. Per checkpoint row (by the kind of segment the checkpoint ends; one "automatic" row
//   for automatic caching): hits = the checkpoint the request read; writes = checkpoints written;
//   misses = writes + belowMinimum (checkpoints shorter than the one read count nothing; a
//   lookback boundary counts only when read, as a hit in the row of its segment's kind).
//   CHR = cached (read) tokens / input tokens, input tokens being whole prompts.
//
// Money. Simulated tokens become a Usage per request (Anthropic/Bedrock: input = uncached;
//   OpenAI: input = whole prompt, cacheRead inside it) and are priced by costBreakdown
//   (pricing/cost.h), summed per (model, tag set, long-context tier) group. Output tokens are
//   not simulated: all costs are input-side. "Without caching" is the same prompts as plain input.

#include "cache/arrivals.h"
#include "cache/request_trace.h"
#include "common/cancel.h"
#include "common/expected.h"
#include "pricing/model_price.h"
#include "pricing/usage.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

enum class CacheMode { None, Explicit, Automatic };
CacheMode cacheModeFor(const ModelPrice& model);

constexpr int64_t kAutomaticCacheStepTokens = 128;
// Explicit caching also finds entries at the segment boundaries up to this many before each
// checkpoint (Anthropic and Bedrock document a lookback of about 20 content blocks).
constexpr size_t kCheckpointLookbackSegments = 20;
constexpr double kMinutesPerMonth = 30.0 * 24.0 * 60.0; // 43,200

// Where checkpoints go (explicit caching only; automatic caching ignores it but for the TTL).
struct CheckpointPlacement {
    bool fromPrompts = true; // the marks the prompts carry (cache_control, cachePoint)
    bool afterTools = false;
    bool afterSystem = false;
    bool afterHistory = false;
    CacheTtl ttl = CacheTtl::FiveMinutes; // for placed checkpoints and marks without a TTL
    // The what-if "every checkpoint at `ttl`": marks lose their own TTL. (Loaded prompts always
    // carry one: the loaders read an absent cache_control ttl as Anthropic's default, "5m".)
    bool ttlOverridesMarks = false;

    bool operator==(const CheckpointPlacement&) const = default;
};

// "prompt", "after_tools", "after_system", "after_history", comma-separated (the policy file's
// caching.checkpoints names); "none" for no checkpoints at all. The TTL is left at 5 minutes.
Expected<CheckpointPlacement> parseCheckpointPlacement(std::string_view text);
std::string checkpointPlacementName(const CheckpointPlacement& placement);

// Requests whose checkpoints the simulator had to adjust (see SEMANTICS), counted once each.
struct WorkloadDiagnostics {
    int64_t requestsOverCheckpointLimit = 0;
    int64_t requestsWithTtlOrderFixed = 0;
    int64_t requestsWithOneHourDowngraded = 0;
    int64_t requestsWithoutCheckpoints = 0; // explicit model, no checkpoint placed
    int64_t requestsBelowMinimum = 0;       // had checkpoints, every one below the minimum
};

// A trace compiled for given models and placement: flat arrays the simulation loop runs over.
// Immutable once built; simulate it any number of times, from several threads at once.
class CacheWorkload {
public:
    size_t size() const { return m_promptTokens.size(); }
    // Prefixes looked up over all requests: checkpoints at or above the minimum, plus the
    // lookback boundaries of explicit caching and every boundary of automatic caching.
    size_t lookupCandidateCount() const { return m_cpKey.size(); }
    const WorkloadDiagnostics& diagnostics() const { return m_diagnostics; }
    const std::vector<ModelPrice>& models() const { return m_models; }
    CheckpointPlacement placement() const { return m_placement; }

private:
    friend Expected<CacheWorkload> compileWorkload(const RequestTrace&, std::span<const ModelPrice>,
                                                   const CheckpointPlacement&);
    friend class CacheSimulatorEngine;

    struct Group {
        uint32_t modelSlot = 0;
        uint32_t tagSet = 0;
        bool longContext = false;
    };

    // Per request
    std::vector<uint32_t> m_cpBegin{0}; // checkpoints of request i: [m_cpBegin[i], m_cpBegin[i+1])
    std::vector<int64_t> m_promptTokens;
    std::vector<uint32_t> m_group;
    std::vector<uint8_t> m_automatic; // 1 when the request's model caches automatically
    // Per lookup candidate (checkpoints and lookback boundaries), ascending prefix within a request
    std::vector<uint64_t> m_cpKey;    // hash of (model slot, account, prefix); never 0
    std::vector<int64_t> m_cpTokens;  // prefix tokens cached when read (automatic: rounded down)
    std::vector<uint8_t> m_cpInfo;    // stats row | kOneHourBit | kLookupOnlyBit (detail/)
    std::vector<int64_t> m_slotTtlMs; // automatic caching TTL per model slot

    std::vector<Group> m_groups;
    std::vector<std::vector<std::string>> m_tagSets;
    std::vector<ModelPrice> m_models;
    std::vector<int64_t> m_rowBelowMinimum;
    size_t m_distinctKeys = 0;
    CheckpointPlacement m_placement;
    WorkloadDiagnostics m_diagnostics;
};

// Fails when there is no model, a request names a model slot out of range, or the placement TTL
// is 1 hour and an explicit-caching model has no 1-hour price.
Expected<CacheWorkload> compileWorkload(const RequestTrace& trace,
                                        std::span<const ModelPrice> models,
                                        const CheckpointPlacement& placement);

struct SimulationOptions {
    int timelineBuckets = 0;      // 0 = no timeline
    int64_t timelineBucketMs = 0; // a fixed bucket width instead (wins when > 0)
    bool keepPerRequest = false;  // fill CacheSimulation::perRequest
};

// One row per checkpoint position: "after tools", "after system", "after examples",
// "after history", "after user turn", or "automatic prefix". Only rows that saw a checkpoint.
struct CheckpointStats {
    std::string label;
    int64_t hits = 0;
    int64_t misses = 0; // writes + belowMinimum
    int64_t writes = 0;
    int64_t belowMinimum = 0;
    int64_t readTokens = 0;
    int64_t writeTokens = 0; // billed (0 for automatic caching)
};

struct TagStats {
    std::string tag; // empty: requests without tags
    int64_t requests = 0;
    int64_t inputTokens = 0;
    int64_t cachedTokens = 0;
    int64_t cacheWriteTokens = 0;
    double chr = 0.0;
    double costWithCacheUsd = 0.0;
    double costWithoutCacheUsd = 0.0;
};

struct TimelineBucket {
    int64_t startMs = 0; // from the first arrival
    int64_t hits = 0;    // requests by outcome
    int64_t writes = 0;
    int64_t misses = 0;
    int64_t cachedTokens = 0;
    int64_t writeTokens = 0;
    int64_t uncachedTokens = 0; // prompt tokens neither read nor written
};

struct CacheSimulation {
    int64_t requests = 0;
    int64_t inputTokens = 0;        // whole prompts
    int64_t cachedTokens = 0;       // read from the cache
    int64_t cacheWriteTokens = 0;   // billed writes, both TTLs
    int64_t cacheWrite1hTokens = 0; // the 1-hour part of cacheWriteTokens
    int64_t hitRequests = 0;
    int64_t writeRequests = 0;
    int64_t missRequests = 0;
    double chr = 0.0;
    double costWithCacheUsd = 0.0;
    double costWithoutCacheUsd = 0.0;
    double savingsUsd = 0.0; // without - with; negative when caching costs more
    // At the arrivals' mean rate, a 30-day month of this traffic saves this much.
    double requestsPerMinute = 0.0;
    double monthlySavingsUsd = 0.0;

    std::vector<CheckpointStats> checkpoints;
    std::vector<TagStats> tags; // sorted by tag
    std::vector<TimelineBucket> timeline;
    int64_t timelineBucketMs = 0;
    // Per request in trace order (with SimulationOptions::keepPerRequest): the Usage the provider
    // would report, output 0. Pair it with recorded usage for compareWithRecorded.
    std::vector<Usage> perRequest;
    WorkloadDiagnostics diagnostics;
};

// Fails when arrivals and workload differ in size, pricing fails (a model without a price), or
// the token is cancelled (message "cancelled"). Progress is reported every 65,536 requests.
Expected<CacheSimulation> simulateCache(const CacheWorkload& workload, const Arrivals& arrivals,
                                        const SimulationOptions& options = {},
                                        const Progress& progress = {},
                                        const CancelToken* cancel = nullptr);

// SAVINGS AGAINST REQUEST RATE. The arrivals are rescaled in time to each rate (scaledArrivals)
// and simulated. Break-even: the rate below which caching costs more than it saves, linearly
// interpolated between the highest grid rate with negative savings and the next one.
enum class BreakEvenKind {
    Crossing,    // breakEvenPerMinute lies between two grid rates
    AlwaysSaves, // savings >= 0 at every rate tried and > 0 somewhere (no write premium, say)
    NeverSaves,  // savings are 0 everywhere (nothing cacheable)
    AboveRange,  // caching still costs more at the highest rate tried
};
std::string_view breakEvenKindName(BreakEvenKind kind); // "crossing", "always_saves", ...

struct SavingsPoint {
    double requestsPerMinute = 0.0;
    double chr = 0.0;
    double costWithCacheUsd = 0.0; // for the whole trace
    double costWithoutCacheUsd = 0.0;
    double savingsUsd = 0.0;
    double monthlySavingsUsd = 0.0; // a 30-day month at this rate
};

struct SavingsCurve {
    std::vector<SavingsPoint> points;
    BreakEvenKind kind = BreakEvenKind::NeverSaves;
    double breakEvenPerMinute = 0.0; // Crossing: the rate; AlwaysSaves: 0; else unused
};

// `points` rates from `lowest` to `highest` per minute, evenly spaced on a log scale.
std::vector<double> rateGrid(double lowestPerMinute, double highestPerMinute, int points);

// Rates must be positive and ascending; fails like simulateCache.
Expected<SavingsCurve> savingsVersusRate(const CacheWorkload& workload, const Arrivals& arrivals,
                                         std::span<const double> ratesPerMinute,
                                         const Progress& progress = {},
                                         const CancelToken* cancel = nullptr);

// TRUTH CHECK: simulated against recorded cache tokens of the same requests (a run that
// recorded cache-read and cache-write tokens).
struct CacheUsagePair {
    Usage simulated;
    Usage recorded;
};

struct TruthCheck {
    int64_t requests = 0;
    int64_t simulatedInputTokens = 0; // whole prompts, per the semantics
    int64_t recordedInputTokens = 0;
    int64_t simulatedCachedTokens = 0;
    int64_t recordedCachedTokens = 0;
    int64_t simulatedWriteTokens = 0;
    int64_t recordedWriteTokens = 0;
    double simulatedChr = 0.0;
    double recordedChr = 0.0;
    double chrDifference = 0.0; // simulated - recorded
    // Requests whose outcome (read anything? wrote anything?) agrees.
    int64_t outcomeAgreements = 0;
    double outcomeAgreement = 0.0;         // share of requests
    double cachedTokensMeanAbsError = 0.0; // per request
};

TruthCheck compareWithRecorded(std::span<const CacheUsagePair> pairs);

} // namespace switchyard
