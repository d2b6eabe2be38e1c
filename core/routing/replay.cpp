#include "routing/replay.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <type_traits>

namespace switchyard::routing {

namespace {

constexpr size_t kMaxTiers = 16;

// Thresholds as floats, padded so a missing one never sends a prompt up.
std::array<float, kMaxTiers> thresholdArray(std::span<const double> thresholds, size_t tiers) {
    std::array<float, kMaxTiers> out;
    out.fill(std::numeric_limits<float>::infinity());
    for (size_t j = 0; j + 1 < tiers && j < thresholds.size(); ++j)
        out[j] = static_cast<float>(thresholds[j]);
    return out;
}

// The tier of one row: the same rule as the replay loop, for explanations.
int decideRow(const RouterSignal& signal, const std::array<float, kMaxTiers>& th, size_t tiers,
              size_t row) {
    switch (signal.shape) {
    case RouterSignal::Shape::Score: {
        int k = 0;
        for (size_t j = 0; j + 1 < tiers; ++j)
            k += signal.score[row] >= th[j];
        return k;
    }
    case RouterSignal::Shape::Confidence: {
        size_t k = 0;
        while (k + 1 < tiers && signal.confidence[k][row] < th[k])
            ++k;
        return static_cast<int>(k);
    }
    case RouterSignal::Shape::Fixed:
        return signal.fixedTier[row] == kCannedOutcome ? -1 : signal.fixedTier[row];
    }
    return 0;
}

std::string format(const char* pattern, double a, double b = 0.0) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, pattern, a, b);
    return buffer;
}

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
};

struct Columns {
    const std::array<const float*, kMaxTiers>& cost;
    const std::array<const float*, kMaxTiers>& previousCost; // cost(k - 1), cost(0) for k = 0
    const std::array<const float*, kMaxTiers>& waitBefore;
    const std::array<const float*, kMaxTiers>& quality;
    const std::array<const uint32_t*, kMaxTiers>& rank;
    uint64_t* bitmap;
    float bar;
};

// The loop a slider move runs: one decision and a few gathers per row, no allocation, no
// branch but the one on an unknown latency. Canned rows (kCannedOutcome) are only counted.
// With Cascade, it also adds up the calls before the served tier and the waits for them.
template <bool Cascade = false, typename Decide>
void routeRows(const Columns& columns, size_t rows, uint8_t* decisions, Sums& sums, Decide decide) {
    double cost = 0.0;
    double wasted = 0.0;
    double waitBefore = 0.0;
    double quality = 0.0;
    double qualitySquares = 0.0;
    int64_t passes = 0;
    int64_t unknownLatency = 0;
    std::array<int64_t, kMaxTiers + 1> perTier{};
    for (size_t row = 0; row < rows; ++row) {
        const size_t k = decide(row);
        if (decisions)
            decisions[row] = static_cast<uint8_t>(k);
        if (k == kCannedOutcome) {
            ++perTier[kMaxTiers];
            continue;
        }
        ++perTier[k];
        cost += columns.cost[k][row];
        if constexpr (Cascade) {
            // Tiers 0..k-1 were tried first: their path cost is what was wasted. It is read
            // from a cost column the loop streams anyway (tier 0's, times 0, for k = 0).
            wasted += static_cast<float>(k != 0) * columns.previousCost[k][row];
            waitBefore += static_cast<float>(k != 0) * columns.waitBefore[k][row];
        }
        const float q = columns.quality[k][row];
        quality += q;
        qualitySquares += q * q;
        passes += q >= columns.bar;
        const uint32_t r = columns.rank[k][row];
        if (r != TierTable::kNoRank)
            columns.bitmap[r >> 6] |= uint64_t{1} << (r & 63);
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
    : m_table(table), m_bitmap((table.sortedLatencies().size() + 63) / 64) {}

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

    std::array<const float*, kMaxTiers> cost{}, quality{}, previousCost{}, waitBefore{};
    std::array<const uint32_t*, kMaxTiers> rank{};
    for (size_t k = 0; k < tiers; ++k) {
        cost[k] = table.cost(k).data();
        quality[k] = table.quality(k).data();
        // Tier 0 waited for nothing and wasted nothing: it reads a column of its neighbour
        // (times 0) instead of a column of zeros, so no memory is streamed for it.
        previousCost[k] = table.cost(k == 0 ? 0 : k - 1).data();
        waitBefore[k] = table.waitBefore(k == 0 && tiers > 1 ? 1 : k).data();
        rank[k] = table.latencyRank(k).data();
    }
    const float bar = static_cast<float>(table.options().qualityBar);
    const bool cascade = table.options().accounting == Accounting::Cascade;
    Sums sums;
    Columns columns{cost, previousCost, waitBefore, quality, rank, m_bitmap.data(), bar};
    uint8_t* out = decisions ? decisions->data() : nullptr;
    switch (signal.shape) {
    case RouterSignal::Shape::Score: {
        const float* score = signal.score.data();
        if (tiers == 2) {
            const float t0 = th[0];
            routeRows(columns, rows, out, sums,
                      [score, t0](size_t row) { return size_t{score[row] >= t0}; });
        } else {
            routeRows(columns, rows, out, sums, [score, &th, tiers](size_t row) {
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
        const auto run = [&](auto decide) {
            if (cascade)
                routeRows<true>(columns, rows, out, sums, decide);
            else
                routeRows(columns, rows, out, sums, decide);
        };
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
        routeRows(columns, rows, out, sums, [fixed](size_t row) { return size_t{fixed[row]}; });
        break;
    }
    }
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

const char* verdictName(Verdict verdict) {
    switch (verdict) {
    case Verdict::Right:
        return "right";
    case Verdict::Overpaid:
        return "overpaid";
    case Verdict::Underpowered:
        return "underpowered";
    case Verdict::NoneMeetsBar:
        return "none-meets-bar";
    }
    return "right";
}

namespace {

struct Counterfactual {
    int bestTier = 0;
    bool anyMeets = false;
};

Counterfactual counterfactual(const TierTable& table, size_t row) {
    const float bar = static_cast<float>(table.options().qualityBar);
    Counterfactual out;
    float bestQuality = -1.0f;
    for (size_t k = 0; k < table.tierCount(); ++k) {
        const float q = table.quality(k)[row];
        if (q >= bar) {
            out.bestTier = static_cast<int>(k);
            out.anyMeets = true;
            return out; // tiers are cheapest first
        }
        if (q > bestQuality) {
            bestQuality = q;
            out.bestTier = static_cast<int>(k);
        }
    }
    return out;
}

Verdict verdictOf(const TierTable& table, size_t row, int tier, const Counterfactual& best) {
    if (tier < 0)
        return Verdict::Right; // a canned answer has no recorded counterfactual
    if (!best.anyMeets)
        return Verdict::NoneMeetsBar;
    if (table.quality(static_cast<size_t>(tier))[row] < table.options().qualityBar)
        return Verdict::Underpowered;
    return tier > best.bestTier ? Verdict::Overpaid : Verdict::Right;
}

} // namespace

DecisionDetail explainDecision(const TierTable& table, const RouterSignal& signal,
                               std::span<const double> thresholds, size_t row,
                               const RouterConfig* config) {
    const size_t tiers = table.tierCount();
    const auto th = thresholdArray(thresholds, tiers);
    DecisionDetail detail;
    detail.row = row;
    detail.promptId = table.data().promptIds[table.promptIndex()[row]];
    detail.tier = decideRow(signal, th, tiers, row);
    auto tierName = [&](size_t k) {
        return "tier " + std::to_string(k) + " (" + table.tierModel(k) + ")";
    };
    switch (signal.shape) {
    case RouterSignal::Shape::Score: {
        detail.score = signal.score[row];
        const auto k = static_cast<size_t>(detail.tier);
        if (k == 0)
            detail.reason = format("score %.3f < threshold %.3f: ", detail.score, th[0]);
        else
            detail.reason = format("score %.3f >= threshold %.3f: ", detail.score, th[k - 1]);
        detail.reason += tierName(k);
        break;
    }
    case RouterSignal::Shape::Confidence: {
        for (size_t k = 0; k + 1 < tiers; ++k) {
            const float confidence = signal.confidence[k][row];
            if (confidence >= th[k]) {
                detail.score = confidence;
                detail.reason +=
                    tierName(k) + format(" confident %.3f >= %.3f: kept", confidence, th[k]);
                break;
            }
            detail.reason +=
                tierName(k) + format(" confidence %.3f < %.3f: escalated; ", confidence, th[k]);
        }
        if (detail.tier == static_cast<int>(tiers) - 1)
            detail.reason += "answered by the last " + tierName(tiers - 1);
        break;
    }
    case RouterSignal::Shape::Fixed: {
        const int rule = signal.matchedRule[row];
        if (rule < 0) {
            detail.reason =
                "no rule matched: default " + tierName(static_cast<size_t>(detail.tier));
        } else {
            const std::string name = config && static_cast<size_t>(rule) < config->rules.size() &&
                                             !config->rules[static_cast<size_t>(rule)].name.empty()
                                         ? config->rules[static_cast<size_t>(rule)].name
                                         : "#" + std::to_string(rule + 1);
            detail.reason = "rule '" + name + "' matched: " +
                            (detail.tier < 0 ? std::string("canned response, no model")
                                             : tierName(static_cast<size_t>(detail.tier)));
        }
        break;
    }
    }
    if (detail.tier >= 0) {
        const auto k = static_cast<size_t>(detail.tier);
        detail.costUsd = table.cost(k)[row];
        detail.quality = table.quality(k)[row];
        detail.latencyMs = table.latency(k)[row];
    } else {
        detail.quality = signal.cannedQuality[row];
        detail.latencyMs = 0.0f;
    }
    const Counterfactual best = counterfactual(table, row);
    detail.bestTier = best.bestTier;
    detail.bestCostUsd =
        table.callCost(static_cast<size_t>(best.bestTier))[row] + table.preRouterCost()[row];
    detail.bestQuality = table.quality(static_cast<size_t>(best.bestTier))[row];
    detail.verdict = verdictOf(table, row, detail.tier, best);
    return detail;
}

std::vector<size_t> wrongDecisions(const TierTable& table, std::span<const uint8_t> decisions) {
    std::vector<size_t> wrong;
    for (size_t row = 0; row < decisions.size() && row < table.rows(); ++row) {
        const int tier = decisions[row] == kCannedOutcome ? -1 : decisions[row];
        const Verdict verdict = verdictOf(table, row, tier, counterfactual(table, row));
        if (verdict == Verdict::Overpaid || verdict == Verdict::Underpowered)
            wrong.push_back(row);
    }
    return wrong;
}

} // namespace switchyard::routing
