#pragma once

#include "common/expected.h"
#include "routing/replay_data.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace switchyard::routing {

// What to do with a prompt whose recorded result is missing, failed or unscored for a tier (or
// the baseline, or the pre-router). Never silent: the table counts each case per model.
enum class IncompleteResults {
    Exclude,        // leave the prompt out of every figure
    CountAsFailure, // keep it: quality 0 for that tier; a failed call costs what was recorded
                    // ($0 if nothing), a missing result the model's mean recorded cost
};

// How the cost and latency of a request that ends at tier k are counted.
enum class Accounting {
    Direct,  // one call: tier k's cost and latency (every router but the cascade)
    Cascade, // tiers 0..k were called in turn: their costs and latencies add up; the answers of
             // tiers below k were wasted
};

struct TableOptions {
    IncompleteResults incomplete = IncompleteResults::Exclude;
    Accounting accounting = Accounting::Direct;
    double qualityBar = 0.5;   // an answer passes when its quality >= qualityBar
    std::string baselineModel; // empty: the last (strongest) tier
    // A model called on every request before routing (the LLM classifier). Its recorded cost and
    // latency are added to every request routed, never to the baseline.
    std::string preRouterModel;
};

struct IncompleteCounts {
    std::string modelRef;
    int64_t missing = 0;
    int64_t failed = 0;
    int64_t unscored = 0;
};

struct BaselineFigures {
    std::string modelRef;
    double costUsd = 0.0;
    double quality = 0.0; // mean
    double passRate = 0.0;
    std::optional<double> latencyP50Ms;
    std::optional<double> latencyP95Ms;
};

// The chosen tiers' columns for the prompts that take part, laid out for the replay loop: one
// float array per tier and measure, indexed by table row. Built once per choice of tiers and
// options (a model picker change), then replayed on every slider move. Keeps a pointer to
// `data`, which must outlive it.
class TierTable {
public:
    // Tiers cheapest first, by model reference as stored in the run. Fails naming the model when
    // a tier is not in the run, or when an included result has no cost (an unpriced model).
    static Expected<TierTable> build(const ReplayData& data,
                                     const std::vector<std::string>& tierModels,
                                     const TableOptions& options = {});

    const ReplayData& data() const { return *m_data; }
    const TableOptions& options() const { return m_options; }
    size_t rows() const { return m_promptIndex.size(); }
    size_t tierCount() const { return m_tiers.size(); }
    const std::string& tierModel(size_t tier) const { return m_tiers[tier].modelRef; }
    // Row -> index into ReplayData's prompts.
    std::span<const uint32_t> promptIndex() const { return m_promptIndex; }

    // A request that ends at tier k: its total cost (with Cascade: tiers 0..k; with a pre-router:
    // plus its call), the answer's quality, total latency (NaN when not recorded).
    std::span<const float> cost(size_t tier) const { return m_tiers[tier].cost; }
    std::span<const float> quality(size_t tier) const { return m_tiers[tier].quality; }
    std::span<const float> latency(size_t tier) const { return m_tiers[tier].latency; }
    // Tier k's own call: its cost and latency alone (the counterfactual, the cascade's waste).
    std::span<const float> callCost(size_t tier) const { return m_tiers[tier].callCost; }
    std::span<const float> callLatency(size_t tier) const { return m_tiers[tier].callLatency; }
    // Cascade accounting only (empty otherwise): latency(k) - callLatency(k), the wait for the
    // tiers tried before k (0 when unknown).
    std::span<const float> waitBefore(size_t tier) const { return m_tiers[tier].waitBefore; }
    // The position of latency(k)[row] among all the table's known latencies (kNoRank if unknown),
    // so a percentile of any routing is a select over a bitmap instead of a sort.
    static constexpr uint32_t kNoRank = 0xFFFFFFFFu;
    std::span<const uint32_t> latencyRank(size_t tier) const { return m_tiers[tier].latencyRank; }
    std::span<const float> sortedLatencies() const { return m_sortedLatencies; }

    // Pre-router cost and latency per row (zeros without one) and their total.
    std::span<const float> preRouterCost() const { return m_preRouterCost; }
    double preRouterCostUsd() const { return m_preRouterCostUsd; }

    const BaselineFigures& baseline() const { return m_baseline; }
    // Every prompt to one tier: the ends of every cost-quality curve.
    double allToTierCostUsd(size_t tier) const { return m_tiers[tier].allCostUsd; }
    double allToTierQuality(size_t tier) const { return m_tiers[tier].allQuality; }

    int64_t excludedPrompts() const { return m_excluded; }
    // Per tier, then baseline and pre-router when they are other models.
    const std::vector<IncompleteCounts>& incomplete() const { return m_incomplete; }

private:
    struct Tier {
        std::string modelRef;
        std::vector<float> cost, quality, latency, callCost, callLatency, waitBefore;
        std::vector<uint32_t> latencyRank;
        double allCostUsd = 0.0, allQuality = 0.0;
    };

    const ReplayData* m_data = nullptr;
    TableOptions m_options;
    std::vector<uint32_t> m_promptIndex;
    std::vector<Tier> m_tiers;
    std::vector<float> m_sortedLatencies;
    std::vector<float> m_preRouterCost;
    double m_preRouterCostUsd = 0.0;
    BaselineFigures m_baseline;
    int64_t m_excluded = 0;
    std::vector<IncompleteCounts> m_incomplete;
};

} // namespace switchyard::routing
