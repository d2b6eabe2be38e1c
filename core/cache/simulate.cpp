#include "cache/cache_simulator.h"

#include "cache/detail/expiry_table.h"
#include "cache/detail/segments.h"
#include "pricing/cost.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace switchyard {

// Named, not anonymous: the class below holds these types, and in the unity build (several
// files in one translation unit) GCC warns about a class holding an anonymous namespace's type.
namespace simulate_parts {

using namespace cache_detail;

constexpr size_t kChunk = size_t{1} << 16; // requests between progress and cancel checks
constexpr size_t kPrefetchDistance = 16;   // requests ahead whose table slots are prefetched
constexpr int64_t kMsPerOneHour = 3'600'000;
constexpr int64_t kMsPerFiveMinutes = 300'000;

struct GroupTotals {
    int64_t requests = 0;
    int64_t promptTokens = 0;
    int64_t readTokens = 0;
    int64_t writeTokens = 0;
    int64_t write1hTokens = 0;
};

struct RowTotals {
    int64_t hits = 0;
    int64_t writes = 0;
    int64_t readTokens = 0;
    int64_t writeTokens = 0;
};

// The Usage of a request (or a group of them), output left at 0: input counts every prompt
// token, whatever the provider (pricing/usage.h).
Usage usageWithCache(int64_t prompt, int64_t read, int64_t write, int64_t write1h) {
    Usage usage;
    usage.input = prompt;
    usage.cacheRead = read;
    usage.cacheWrite = write;
    usage.cacheWrite1h = write1h;
    return usage;
}

// costBreakdown picks the long-context rate from the size of the usage it is given. Groups sum
// many requests, so the choice made per request is passed on as a price whose whole bill is at
// that tier's rates: the same formula, applied to a sum.
ModelPrice priceAtTier(const ModelPrice& model, bool longContext) {
    ModelPrice price = model;
    if (longContext) {
        price.inputUsdPerMTok = model.longContext.inputUsdPerMTok;
        price.outputUsdPerMTok = model.longContext.outputUsdPerMTok;
    }
    price.longContext = {};
    return price;
}

Error cancelledError() {
    return Error{{}, 0, {}, "cancelled"};
}

} // namespace simulate_parts

using namespace simulate_parts;

// The simulation loop, with a hash table kept between runs (a savings curve reruns the same
// workload at many rates; zeroing the table is cheaper than reallocating it).
class CacheSimulatorEngine {
public:
    Expected<CacheSimulation> run(const CacheWorkload& w, const Arrivals& arrivals,
                                  const SimulationOptions& options, const Progress& progress,
                                  const CancelToken* cancel);

private:
    ExpiryTable m_table;
    std::vector<GroupTotals> m_groups;
};

Expected<CacheSimulation> CacheSimulatorEngine::run(const CacheWorkload& w,
                                                    const Arrivals& arrivals,
                                                    const SimulationOptions& options,
                                                    const Progress& progress,
                                                    const CancelToken* cancel) {
    const size_t n = w.size();
    if (arrivals.size() != n)
        return Error{{},
                     0,
                     {},
                     "the arrivals are for " + std::to_string(arrivals.size()) +
                         " requests but the workload has " + std::to_string(n)};
    if (!arrivals.order.empty() && arrivals.order.size() != n)
        return Error{{}, 0, {}, "the arrival order does not cover every request"};

    CacheSimulation out;
    out.requests = static_cast<int64_t>(n);
    out.diagnostics = w.m_diagnostics;
    out.requestsPerMinute = arrivals.requestsPerMinute;

    // Everything the loop writes is allocated here, before it.
    m_table.reset(w.m_distinctKeys);
    m_groups.assign(w.m_groups.size(), GroupTotals{});
    std::array<RowTotals, kRowCount> rows{};
    int64_t bucketMs = 0;
    if (options.timelineBucketMs > 0 || options.timelineBuckets > 0) {
        int64_t lastMs = 0;
        for (const int64_t t : arrivals.timeMs) {
            if (t < 0)
                return Error{{}, 0, {}, "arrival times must not be negative"};
            lastMs = std::max(lastMs, t);
        }
        bucketMs = options.timelineBucketMs > 0
                       ? options.timelineBucketMs
                       : std::max<int64_t>(1, (lastMs + options.timelineBuckets) /
                                                  options.timelineBuckets);
        out.timelineBucketMs = bucketMs;
        out.timeline.resize(static_cast<size_t>(lastMs / bucketMs + 1));
        for (size_t b = 0; b < out.timeline.size(); ++b)
            out.timeline[b].startMs = static_cast<int64_t>(b) * bucketMs;
    }
    if (options.keepPerRequest)
        out.perRequest.resize(n);

    const uint32_t* order = arrivals.order.empty() ? nullptr : arrivals.order.data();
    const int64_t* timeMs = arrivals.timeMs.data();
    const uint32_t* cpBegin = w.m_cpBegin.data();
    const uint64_t* cpKey = w.m_cpKey.data();
    const int64_t* cpTokens = w.m_cpTokens.data();
    const uint8_t* cpInfo = w.m_cpInfo.data();
    const int64_t* promptTokens = w.m_promptTokens.data();
    const uint32_t* group = w.m_group.data();
    const uint8_t* automatic = w.m_automatic.data();
    const int64_t* slotTtlMs = w.m_slotTtlMs.data();
    GroupTotals* groups = m_groups.data();
    int64_t hitRequests = 0;
    int64_t writeRequests = 0;

    for (size_t chunkStart = 0; chunkStart < n; chunkStart += kChunk) {
        if (cancel && cancel->cancelled())
            return cancelledError();
        const size_t chunkEnd = std::min(n, chunkStart + kChunk);
        for (size_t k = chunkStart; k < chunkEnd; ++k) {
            if (k + kPrefetchDistance < n) {
                const size_t ahead = order ? order[k + kPrefetchDistance] : k + kPrefetchDistance;
                for (uint32_t c = cpBegin[ahead]; c < cpBegin[ahead + 1]; ++c)
                    __builtin_prefetch(m_table.home(cpKey[c]));
            }
            const size_t i = order ? order[k] : k;
            const int64_t now = timeMs[i];
            const uint32_t begin = cpBegin[i];
            const uint32_t end = cpBegin[i + 1];
            const bool isAutomatic = automatic[i] != 0;
            const uint32_t modelSlot = w.m_groups[group[i]].modelSlot;
            auto ttlOf = [&](uint32_t c) -> int64_t {
                if (isAutomatic)
                    return slotTtlMs[modelSlot];
                return (cpInfo[c] & kOneHourBit) ? kMsPerOneHour : kMsPerFiveMinutes;
            };

            // The longest live prefix wins; reading refreshes it.
            uint32_t firstWrite = begin; // checkpoints from here on are written
            int64_t read = 0;
            int hitRow = -1;
            for (uint32_t c = end; c-- > begin;) {
                ExpiryTable::Slot* slot = m_table.find(cpKey[c]);
                if (slot && now < slot->expiresMs) {
                    slot->expiresMs = std::max(slot->expiresMs, now + ttlOf(c));
                    read = cpTokens[c];
                    hitRow = cpInfo[c] & kRowMask;
                    firstWrite = c + 1;
                    break;
                }
            }
            int64_t write = 0;
            int64_t write1h = 0;
            if (isAutomatic) {
                for (uint32_t c = firstWrite; c < end; ++c)
                    m_table.put(cpKey[c], now + ttlOf(c), now);
                if (hitRow >= 0) {
                    ++rows[kAutomaticRow].hits;
                    rows[kAutomaticRow].readTokens += read;
                } else if (firstWrite < end) {
                    ++rows[kAutomaticRow].writes;
                }
            } else {
                // A = read, B = last 1-hour checkpoint written, C = last checkpoint written.
                int64_t previous = read;
                int64_t lastOneHour = read;
                for (uint32_t c = firstWrite; c < end; ++c) {
                    if (cpInfo[c] & kLookupOnlyBit)
                        continue;
                    m_table.put(cpKey[c], now + ttlOf(c), now);
                    RowTotals& row = rows[cpInfo[c] & kRowMask];
                    ++row.writes;
                    row.writeTokens += cpTokens[c] - previous;
                    previous = cpTokens[c];
                    if (cpInfo[c] & kOneHourBit)
                        lastOneHour = cpTokens[c];
                }
                write = previous - read;
                write1h = lastOneHour - read;
                if (hitRow >= 0) {
                    ++rows[hitRow].hits;
                    rows[hitRow].readTokens += read;
                }
            }

            const int64_t prompt = promptTokens[i];
            GroupTotals& totals = groups[group[i]];
            ++totals.requests;
            totals.promptTokens += prompt;
            totals.readTokens += read;
            totals.writeTokens += write;
            totals.write1hTokens += write1h;
            // Automatic caching stores whatever is past the hit; explicit caching wrote when the
            // last checkpoint reaches past what it read (lookup-only boundaries write nothing).
            const bool wroteAny = isAutomatic ? firstWrite < end : write > 0;
            hitRequests += hitRow >= 0 ? 1 : 0;
            writeRequests += (hitRow < 0 && wroteAny) ? 1 : 0;
            if (bucketMs > 0) {
                TimelineBucket& bucket = out.timeline[static_cast<size_t>(now / bucketMs)];
                if (hitRow >= 0)
                    ++bucket.hits;
                else if (wroteAny)
                    ++bucket.writes;
                else
                    ++bucket.misses;
                bucket.cachedTokens += read;
                bucket.writeTokens += write;
                bucket.uncachedTokens += prompt - read - write;
            }
            if (options.keepPerRequest)
                out.perRequest[i] = usageWithCache(prompt, read, write, write1h);
        }
        if (progress)
            progress(static_cast<int64_t>(chunkEnd), static_cast<int64_t>(n));
    }

    out.hitRequests = hitRequests;
    out.writeRequests = writeRequests;
    out.missRequests = out.requests - hitRequests - writeRequests;
    for (int r = 0; r < kRowCount; ++r) {
        const RowTotals& row = rows[static_cast<size_t>(r)];
        const int64_t below = w.m_rowBelowMinimum[static_cast<size_t>(r)];
        if (row.hits == 0 && row.writes == 0 && below == 0)
            continue;
        CheckpointStats stats;
        stats.label = std::string(rowLabel(r));
        stats.hits = row.hits;
        stats.writes = row.writes;
        stats.belowMinimum = below;
        stats.misses = row.writes + below;
        stats.readTokens = row.readTokens;
        stats.writeTokens = row.writeTokens;
        out.checkpoints.push_back(std::move(stats));
    }

    // Money: one costBreakdown per group, with and without caching.
    std::map<std::string, TagStats> tags;
    for (size_t g = 0; g < w.m_groups.size(); ++g) {
        const GroupTotals& totals = m_groups[g];
        if (totals.requests == 0)
            continue;
        const CacheWorkload::Group& info = w.m_groups[g];
        const ModelPrice price = priceAtTier(w.m_models[info.modelSlot], info.longContext);
        auto with = costBreakdown(price, usageWithCache(totals.promptTokens, totals.readTokens,
                                                        totals.writeTokens, totals.write1hTokens));
        if (!with)
            return with.error();
        auto without = costBreakdown(price, usageWithCache(totals.promptTokens, 0, 0, 0));
        if (!without)
            return without.error();
        out.inputTokens += totals.promptTokens;
        out.cachedTokens += totals.readTokens;
        out.cacheWriteTokens += totals.writeTokens;
        out.cacheWrite1hTokens += totals.write1hTokens;
        out.costWithCacheUsd += with->totalUsd;
        out.costWithoutCacheUsd += without->totalUsd;

        const std::vector<std::string>& tagSet = w.m_tagSets[info.tagSet];
        static const std::vector<std::string> kUntagged{std::string()};
        for (const std::string& tag : tagSet.empty() ? kUntagged : tagSet) {
            TagStats& stats = tags[tag];
            stats.tag = tag;
            stats.requests += totals.requests;
            stats.inputTokens += totals.promptTokens;
            stats.cachedTokens += totals.readTokens;
            stats.cacheWriteTokens += totals.writeTokens;
            stats.costWithCacheUsd += with->totalUsd;
            stats.costWithoutCacheUsd += without->totalUsd;
        }
    }
    for (auto& [name, stats] : tags) {
        stats.chr = stats.inputTokens > 0 ? static_cast<double>(stats.cachedTokens) /
                                                static_cast<double>(stats.inputTokens)
                                          : 0.0;
        out.tags.push_back(std::move(stats));
    }
    out.chr = out.inputTokens > 0
                  ? static_cast<double>(out.cachedTokens) / static_cast<double>(out.inputTokens)
                  : 0.0;
    out.savingsUsd = out.costWithoutCacheUsd - out.costWithCacheUsd;
    if (out.requests > 0)
        out.monthlySavingsUsd = out.savingsUsd / static_cast<double>(out.requests) *
                                out.requestsPerMinute * kMinutesPerMonth;
    return out;
}

Expected<CacheSimulation> simulateCache(const CacheWorkload& workload, const Arrivals& arrivals,
                                        const SimulationOptions& options, const Progress& progress,
                                        const CancelToken* cancel) {
    CacheSimulatorEngine engine;
    return engine.run(workload, arrivals, options, progress, cancel);
}

std::string_view breakEvenKindName(BreakEvenKind kind) {
    switch (kind) {
    case BreakEvenKind::Crossing:
        return "crossing";
    case BreakEvenKind::AlwaysSaves:
        return "always_saves";
    case BreakEvenKind::NeverSaves:
        return "never_saves";
    case BreakEvenKind::AboveRange:
        return "above_range";
    }
    return "never_saves";
}

std::vector<double> rateGrid(double lowestPerMinute, double highestPerMinute, int points) {
    std::vector<double> rates;
    if (points <= 0 || !(lowestPerMinute > 0.0) || !(highestPerMinute >= lowestPerMinute))
        return rates;
    if (points == 1)
        return {lowestPerMinute};
    const double logLow = std::log(lowestPerMinute);
    const double step = (std::log(highestPerMinute) - logLow) / (points - 1);
    for (int k = 0; k < points; ++k)
        rates.push_back(k == points - 1 ? highestPerMinute : std::exp(logLow + step * k));
    return rates;
}

Expected<SavingsCurve> savingsVersusRate(const CacheWorkload& workload, const Arrivals& arrivals,
                                         std::span<const double> ratesPerMinute,
                                         const Progress& progress, const CancelToken* cancel) {
    for (size_t k = 0; k < ratesPerMinute.size(); ++k)
        if (!(ratesPerMinute[k] > 0.0) || (k > 0 && !(ratesPerMinute[k] > ratesPerMinute[k - 1])))
            return Error{{}, 0, "rates", "request rates must be positive and ascending"};
    SavingsCurve curve;
    CacheSimulatorEngine engine;
    for (size_t k = 0; k < ratesPerMinute.size(); ++k) {
        auto scaled = scaledArrivals(arrivals, ratesPerMinute[k]);
        if (!scaled)
            return scaled.error();
        auto result = engine.run(workload, *scaled, {}, {}, cancel);
        if (!result)
            return result.error();
        curve.points.push_back({ratesPerMinute[k], result->chr, result->costWithCacheUsd,
                                result->costWithoutCacheUsd, result->savingsUsd,
                                result->monthlySavingsUsd});
        if (progress)
            progress(static_cast<int64_t>(k + 1), static_cast<int64_t>(ratesPerMinute.size()));
    }

    // The highest rate at which caching still costs more; break-even lies just above it.
    std::optional<size_t> lastNegative;
    bool anyPositive = false;
    for (size_t k = 0; k < curve.points.size(); ++k) {
        if (curve.points[k].savingsUsd < 0.0)
            lastNegative = k;
        if (curve.points[k].savingsUsd > 0.0)
            anyPositive = true;
    }
    if (!lastNegative) {
        curve.kind = anyPositive ? BreakEvenKind::AlwaysSaves : BreakEvenKind::NeverSaves;
        curve.breakEvenPerMinute = 0.0;
    } else if (*lastNegative + 1 == curve.points.size()) {
        curve.kind = BreakEvenKind::AboveRange;
    } else {
        const SavingsPoint& below = curve.points[*lastNegative];
        const SavingsPoint& above = curve.points[*lastNegative + 1];
        curve.kind = BreakEvenKind::Crossing;
        curve.breakEvenPerMinute =
            below.requestsPerMinute + (0.0 - below.savingsUsd) *
                                          (above.requestsPerMinute - below.requestsPerMinute) /
                                          (above.savingsUsd - below.savingsUsd);
    }
    return curve;
}

TruthCheck compareWithRecorded(std::span<const CacheUsagePair> pairs) {
    TruthCheck check;
    double absoluteError = 0.0;
    for (const CacheUsagePair& pair : pairs) {
        ++check.requests;
        check.simulatedInputTokens += pair.simulated.input;
        check.recordedInputTokens += pair.recorded.input;
        check.simulatedCachedTokens += pair.simulated.cacheRead;
        check.recordedCachedTokens += pair.recorded.cacheRead;
        check.simulatedWriteTokens += pair.simulated.cacheWrite;
        check.recordedWriteTokens += pair.recorded.cacheWrite;
        const bool sameRead = (pair.simulated.cacheRead > 0) == (pair.recorded.cacheRead > 0);
        const bool sameWrite = (pair.simulated.cacheWrite > 0) == (pair.recorded.cacheWrite > 0);
        check.outcomeAgreements += sameRead && sameWrite ? 1 : 0;
        absoluteError += std::abs(static_cast<double>(pair.simulated.cacheRead) -
                                  static_cast<double>(pair.recorded.cacheRead));
    }
    const auto ratio = [](int64_t part, int64_t whole) {
        return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
    };
    check.simulatedChr = ratio(check.simulatedCachedTokens, check.simulatedInputTokens);
    check.recordedChr = ratio(check.recordedCachedTokens, check.recordedInputTokens);
    check.chrDifference = check.simulatedChr - check.recordedChr;
    check.outcomeAgreement = ratio(check.outcomeAgreements, check.requests);
    if (check.requests > 0)
        check.cachedTokensMeanAbsError = absoluteError / static_cast<double>(check.requests);
    return check;
}

} // namespace switchyard
