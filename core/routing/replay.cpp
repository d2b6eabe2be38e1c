#include "routing/replay.h"

#include "routing/detail/thresholds.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <thread>
#include <type_traits>

namespace switchyard::routing {

using detail::kMaxTiers;
using detail::thresholdArray;

namespace {

// Below this many rows per thread, starting a thread costs more than it saves.
constexpr size_t kRowsPerPart = 128 * 1024;
constexpr size_t kMaxParts = 4;

// What the replay loop adds up.
struct Sums {
    std::array<int64_t, kMaxTiers> perTier{};
    double cost = 0.0;
    double quality = 0.0;
    double qualitySquares = 0.0;
    int64_t passes = 0;
    int64_t unknownLatency = 0;
    int64_t canned = 0;
    double wasted = 0.0;       // cascade: the calls before the served tier
    double addedLatency = 0.0; // cascade: waits for the tiers below

    void add(const Sums& other) {
        for (size_t k = 0; k < kMaxTiers; ++k)
            perTier[k] += other.perTier[k];
        cost += other.cost;
        quality += other.quality;
        qualitySquares += other.qualitySquares;
        passes += other.passes;
        unknownLatency += other.unknownLatency;
        canned += other.canned;
        wasted += other.wasted;
        addedLatency += other.addedLatency;
    }
};

// The loop a slider move runs: one decision and one packed cell per row, no allocation, no
// branch but the one on an unknown latency. Canned rows (kCannedOutcome) are only counted.
// With a CascadeCell, it also adds up the calls before the served tier and the waits for them.
template <typename Cell, typename Decide>
void routeRows(const Cell* cells, size_t rows, size_t begin, size_t end, uint64_t* bitmap,
               float bar, uint8_t* decisions, Sums& sums, Decide decide) {
    constexpr bool cascade = std::is_same_v<Cell, Replayer::CascadeCell>;
    double cost = 0.0;
    double wasted = 0.0;
    double waitBefore = 0.0;
    double quality = 0.0;
    double qualitySquares = 0.0;
    int64_t passes = 0;
    int64_t unknownLatency = 0;
    std::array<int64_t, kMaxTiers + 1> perTier{};
    for (size_t row = begin; row < end; ++row) {
        const size_t k = decide(row);
        if (decisions)
            decisions[row] = static_cast<uint8_t>(k);
        if (k == kCannedOutcome) {
            ++perTier[kMaxTiers];
            continue;
        }
        ++perTier[k];
        const Cell& cell = cells[k * rows + row];
        cost += cell.cost;
        if constexpr (cascade) {
            wasted += cell.wastedCost;
            waitBefore += cell.waitBefore;
        }
        const float q = cell.quality;
        quality += q;
        qualitySquares += q * q;
        passes += q >= bar;
        const uint32_t r = cell.latencyRank;
        if (r != TierTable::kNoRank)
            bitmap[r >> 6] |= uint64_t{1} << (r & 63);
        else
            ++unknownLatency;
    }
    std::copy_n(perTier.begin(), kMaxTiers, sums.perTier.begin());
    sums.canned = perTier[kMaxTiers];
    sums.cost = cost;
    sums.quality = quality;
    sums.qualitySquares = qualitySquares;
    sums.passes = passes;
    sums.unknownLatency = unknownLatency;
    sums.wasted = wasted;
    sums.addedLatency = waitBefore;
}

} // namespace

Replayer::Replayer(const TierTable& table)
    : m_table(table), m_bitmap((table.sortedLatencies().size() + 63) / 64) {
    const size_t rows = table.rows();
    const size_t tiers = table.tierCount();
    if (rows >= kRowsPerPart * 2) {
        const size_t parts = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, kMaxParts);
        m_partBitmaps.assign(std::min(parts, rows / kRowsPerPart) - 1,
                             std::vector<uint64_t>(m_bitmap.size()));
    }
    if (table.options().accounting == Accounting::Cascade) {
        m_cascade.resize(rows * tiers);
        for (size_t k = 0; k < tiers; ++k)
            for (size_t row = 0; row < rows; ++row)
                m_cascade[k * rows + row] = {table.cost(k)[row], table.quality(k)[row],
                                             table.latencyRank(k)[row],
                                             k == 0 ? 0.0f : table.cost(k - 1)[row],
                                             k == 0 ? 0.0f : table.waitBefore(k)[row]};
    } else {
        m_direct.resize(rows * tiers);
        for (size_t k = 0; k < tiers; ++k)
            for (size_t row = 0; row < rows; ++row)
                m_direct[k * rows + row] = {table.cost(k)[row], table.quality(k)[row],
                                            table.latencyRank(k)[row]};
    }
}

double Replayer::percentile(int64_t known, int64_t zeros, double q) const {
    // The j-th smallest selected latency: zeros first (canned answers), then the set bits of
    // the rank bitmap in order.
    auto nth = [&](int64_t j) -> double {
        if (j < zeros)
            return 0.0;
        int64_t remaining = j - zeros;
        for (size_t word = 0; word < m_bitmap.size(); ++word) {
            const int64_t count = std::popcount(m_bitmap[word]);
            if (remaining >= count) {
                remaining -= count;
                continue;
            }
            uint64_t bits = m_bitmap[word];
            for (int64_t skip = 0; skip < remaining; ++skip)
                bits &= bits - 1;
            return m_table
                .sortedLatencies()[word * 64 + static_cast<size_t>(std::countr_zero(bits))];
        }
        return 0.0;
    };
    const double position = q * static_cast<double>(known - 1);
    const auto below = static_cast<int64_t>(position);
    const double fraction = position - static_cast<double>(below);
    const double low = nth(below);
    return fraction > 0.0 ? low + fraction * (nth(below + 1) - low) : low;
}

ReplayFigures Replayer::replay(const RouterSignal& signal, std::span<const double> thresholds,
                               std::vector<uint8_t>* decisions) {
    const TierTable& table = m_table;
    const size_t rows = table.rows();
    const size_t tiers = table.tierCount();
    assert(signal.shape != RouterSignal::Shape::Score || signal.score.size() == rows);
    const auto th = thresholdArray(thresholds, tiers);
    if (decisions)
        decisions->resize(rows);
    std::fill(m_bitmap.begin(), m_bitmap.end(), 0);
    for (auto& bitmap : m_partBitmaps)
        std::fill(bitmap.begin(), bitmap.end(), 0);

    const float bar = static_cast<float>(table.options().qualityBar);
    const bool cascade = table.options().accounting == Accounting::Cascade;
    Sums sums;
    uint8_t* out = decisions ? decisions->data() : nullptr;
    // Every router shape runs the same loop, over the cells the table's accounting packed. A
    // large table is split between threads: one core alone cannot pull the cells fast enough.
    const size_t parts = m_partBitmaps.size() + 1;
    std::array<Sums, kMaxParts> partSums{};
    const auto run = [&](auto decide) {
        const auto routePart = [&](size_t part) {
            const size_t begin = rows * part / parts;
            const size_t end = rows * (part + 1) / parts;
            uint64_t* bitmap = part == 0 ? m_bitmap.data() : m_partBitmaps[part - 1].data();
            if (cascade)
                routeRows(m_cascade.data(), rows, begin, end, bitmap, bar, out, partSums[part],
                          decide);
            else
                routeRows(m_direct.data(), rows, begin, end, bitmap, bar, out, partSums[part],
                          decide);
        };
        std::vector<std::thread> helpers;
        for (size_t part = 1; part < parts; ++part)
            helpers.emplace_back(routePart, part);
        routePart(0);
        for (auto& helper : helpers)
            helper.join();
    };
    switch (signal.shape) {
    case RouterSignal::Shape::Score: {
        const float* score = signal.score.data();
        if (tiers == 2) {
            const float t0 = th[0];
            run([score, t0](size_t row) { return size_t{score[row] >= t0}; });
        } else {
            run([score, &th, tiers](size_t row) {
                size_t k = 0;
                for (size_t j = 0; j + 1 < tiers; ++j)
                    k += score[row] >= th[j];
                return k;
            });
        }
        break;
    }
    case RouterSignal::Shape::Confidence: {
        std::array<const float*, kMaxTiers> confidence{};
        for (size_t j = 0; j + 1 < tiers; ++j)
            confidence[j] = signal.confidence[j].data();
        // Branch-free: a row stays at the first tier confident enough, so it climbs one tier
        // for each leading tier below its threshold. The common tier counts get loops of a
        // fixed length, which the compiler unrolls with the columns in registers.
        const auto climbing = [&confidence, &th](auto fixedTiers) {
            constexpr size_t kTiers = decltype(fixedTiers)::value;
            std::array<const float*, kTiers - 1> columns{};
            std::array<float, kTiers - 1> bars{};
            for (size_t j = 0; j + 1 < kTiers; ++j) {
                columns[j] = confidence[j];
                bars[j] = th[j];
            }
            return [columns, bars](size_t row) {
                size_t k = 0;
                size_t climbing = 1;
                for (size_t j = 0; j + 1 < kTiers; ++j) {
                    climbing &= static_cast<size_t>(columns[j][row] < bars[j]);
                    k += climbing;
                }
                return k;
            };
        };
        if (tiers == 2) {
            run(climbing(std::integral_constant<size_t, 2>{}));
        } else if (tiers == 3) {
            run(climbing(std::integral_constant<size_t, 3>{}));
        } else if (tiers == 4) {
            run(climbing(std::integral_constant<size_t, 4>{}));
        } else {
            run([&confidence, &th, tiers](size_t row) {
                size_t k = 0;
                size_t climbing = 1;
                for (size_t j = 0; j + 1 < tiers; ++j) {
                    climbing &= static_cast<size_t>(confidence[j][row] < th[j]);
                    k += climbing;
                }
                return k;
            });
        }
        break;
    }
    case RouterSignal::Shape::Fixed: {
        const uint8_t* fixed = signal.fixedTier.data();
        run([fixed](size_t row) { return size_t{fixed[row]}; });
        break;
    }
    }
    for (size_t part = 1; part < parts; ++part) {
        partSums[0].add(partSums[part]);
        for (size_t word = 0; word < m_bitmap.size(); ++word)
            m_bitmap[word] |= m_partBitmaps[part - 1][word];
    }
    sums = partSums[0];
    if (sums.canned) {
        // Canned answers: no model, no cost, no wait (a latency of 0); their quality is the
        // rule's assumption.
        double cannedQuality = 0.0;
        int64_t cannedPasses = 0;
        for (size_t row = 0; row < rows; ++row)
            if (signal.fixedTier[row] == kCannedOutcome) {
                cannedQuality += signal.cannedQuality[row];
                sums.qualitySquares += signal.cannedQuality[row] * signal.cannedQuality[row];
                cannedPasses += signal.cannedQuality[row] >= bar;
            }
        sums.quality += cannedQuality;
        sums.passes += cannedPasses;
    }

    ReplayFigures figures;
    figures.requests = static_cast<int64_t>(rows);
    figures.excludedPrompts = table.excludedPrompts();
    figures.costUsd = sums.cost;
    figures.quality = rows ? sums.quality / static_cast<double>(rows) : 0.0;
    figures.passRate = rows ? static_cast<double>(sums.passes) / static_cast<double>(rows) : 0.0;
    if (rows > 1) {
        // Normal approximation: mean +- 1.96 standard errors.
        const double n = static_cast<double>(rows);
        const double variance =
            std::max(0.0, (sums.qualitySquares - n * figures.quality * figures.quality) / (n - 1));
        const double halfWidth = 1.96 * std::sqrt(variance / n);
        figures.qualityCi95 = {figures.quality - halfWidth, figures.quality + halfWidth};
    }
    figures.costPer1kUsd = rows ? sums.cost / static_cast<double>(rows) * 1000.0 : 0.0;
    figures.tierShare.resize(tiers);
    for (size_t k = 0; k < tiers; ++k)
        figures.tierShare[k] =
            rows ? static_cast<double>(sums.perTier[k]) / static_cast<double>(rows) : 0.0;
    figures.strongShare = figures.tierShare.empty() ? 0.0 : figures.tierShare.back();
    figures.cannedShare = rows ? static_cast<double>(sums.canned) / static_cast<double>(rows) : 0.0;
    figures.latencyUnknown = sums.unknownLatency;
    const int64_t known = static_cast<int64_t>(rows) - sums.unknownLatency;
    if (known > 0) {
        figures.latencyP50Ms = percentile(known, sums.canned, 0.50);
        figures.latencyP95Ms = percentile(known, sums.canned, 0.95);
    }
    // Every routed request paid the pre-router (a rules table never has one).
    figures.preRouterCostUsd = table.preRouterCostUsd();
    if (cascade && signal.shape == RouterSignal::Shape::Confidence) {
        figures.wastedCostUsd = sums.wasted;
        figures.escalations = static_cast<int64_t>(rows) - sums.perTier[0];
        figures.addedLatencyMs = known > 0 ? sums.addedLatency / static_cast<double>(known) : 0.0;
    }
    figures.baseline = table.baseline();
    figures.savingsUsd = figures.baseline.costUsd - figures.costUsd;
    figures.savingsPct = figures.baseline.costUsd > 0.0
                             ? 100.0 * figures.savingsUsd / figures.baseline.costUsd
                             : 0.0;
    return figures;
}

} // namespace switchyard::routing
