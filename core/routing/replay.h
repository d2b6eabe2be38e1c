#pragma once

#include "routing/detail/thresholds.h"
#include "routing/router.h"
#include "routing/tier_table.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace switchyard::routing {

// The figures of one router configuration over a table.
struct ReplayFigures {
    int64_t requests = 0;        // rows replayed
    int64_t excludedPrompts = 0; // left out for incomplete results (TierTable::incomplete)
    double costUsd = 0.0;        // everything: tier calls, wasted cascade calls, pre-router
    double costPer1kUsd = 0.0;
    double quality = 0.0;  // mean quality of the answers served
    double passRate = 0.0; // share of answers with quality >= the table's bar
    // 95 % confidence interval of the mean quality (normal approximation); empty below 2 rows.
    std::optional<std::pair<double, double>> qualityCi95;
    std::optional<double> latencyP50Ms; // over requests whose latency is recorded
    std::optional<double> latencyP95Ms;
    int64_t latencyUnknown = 0;    // requests without a recorded latency
    std::vector<double> tierShare; // per tier
    double strongShare = 0.0;      // share served by the last tier
    double cannedShare = 0.0;      // rules: share answered by a canned response, no model
    double preRouterCostUsd = 0.0; // the classifier's calls, included in costUsd
    double wastedCostUsd = 0.0;    // cascade: calls whose answers were discarded, in costUsd
    double addedLatencyMs = 0.0;   // cascade: mean latency of those calls, in the percentiles
    int64_t escalations = 0;       // cascade: requests that went past tier 0
    // Against the table's baseline (by default every prompt to the strongest tier).
    BaselineFigures baseline;
    double savingsUsd = 0.0;
    double savingsPct = 0.0; // of the baseline's cost
};

// Replays configurations of one router over one table. Owns its scratch memory (allocated once),
// so a slider move allocates nothing: keep one Replayer per worker thread; it is not
// thread-safe. The table and signal must outlive it.
class Replayer {
public:
    explicit Replayer(const TierTable& table);

    // One configuration. `thresholds` as RouterConfig::thresholds (ignored by Fixed signals).
    // When `decisions` is given it receives, per row, the tier served (kCannedOutcome for a
    // canned answer): what the page's decisions table shows.
    ReplayFigures replay(const RouterSignal& signal, std::span<const double> thresholds,
                         std::vector<uint8_t>* decisions = nullptr);

    // A row's figures at one tier side by side: routing a row to a tier then reads one cache
    // line instead of one per column. Column-wise, four cascade tiers are 20 streams, more
    // than the hardware prefetcher follows; packed, they are 4.
    struct DirectCell {
        float cost;
        float quality;
        uint32_t latencyRank;
    };
    struct CascadeCell {
        float cost;
        float quality;
        uint32_t latencyRank;
        float wastedCost; // the calls of the tiers tried before this one
        float waitBefore;
    };

private:
    double percentile(int64_t known, int64_t zeros, double q) const;

    const TierTable& m_table;
    std::vector<uint64_t> m_bitmap; // one bit per rank of TierTable::sortedLatencies()
    std::vector<std::vector<uint64_t>> m_partBitmaps; // the other threads' bitmaps
    // [tier * rows + row]; only the one the table's accounting needs is filled.
    std::vector<DirectCell> m_direct;
    std::vector<CascadeCell> m_cascade;
};

// Whether a decision was right, given what every tier actually answered.
enum class Verdict {
    Right,        // the cheapest tier whose answer meets the bar (or the best when none does)
    Overpaid,     // a cheaper tier's answer would have met the bar
    Underpowered, // the answer served misses the bar, and some tier's answer meets it
    NoneMeetsBar, // no tier's answer meets the bar; the router chose the best one or not
};

const char* verdictName(Verdict verdict); // "right", "overpaid", "underpowered", "none-meets-bar"

// One row of the decisions table: what was chosen, why, and what would have been best.
struct DecisionDetail {
    size_t row = 0;
    std::string promptId;
    int tier = 0;           // -1: a canned answer
    std::string reason;     // "score 0.62 >= threshold 0.50: tier 1", "rule 'faq' matched", ...
    float score = kUnknown; // the router's score (or the confidence that decided a cascade)
    double costUsd = 0.0;
    float quality = kUnknown;
    float latencyMs = kUnknown;
    // The cheapest tier whose answer meets the bar; without one, the tier with the best answer
    // (the cheaper on a tie).
    int bestTier = 0;
    double bestCostUsd = 0.0;
    float bestQuality = kUnknown;
    Verdict verdict = Verdict::Right;
};

// The words of a decision, shared by explainDecision and routing new prompts (route.h): a score
// router's ("score 0.412 >= threshold 0.350: tier 1 (model)"), and a rules router's (`rule`
// null: none matched; an empty tierLabel: a canned response).
std::string scoreDecisionReason(float score, const std::array<float, detail::kMaxTiers>& th,
                                size_t tier, const std::string& tierLabel);
std::string ruleDecisionReason(const Rule* rule, size_t index, const std::string& tierLabel);

// A cascade's walk up its tiers given each tier's confidence (all but the top): the tier that
// answers, the confidence it was kept with (0 for the top tier), and the words.
struct CascadeWalk {
    size_t tier = 0;
    float keptConfidence = 0.0f;
    std::string reason;
};
CascadeWalk walkCascade(std::span<const float> confidence,
                        const std::array<float, detail::kMaxTiers>& th,
                        const std::function<std::string(size_t)>& tierLabel);

// Explains row `row` under `thresholds`. `config` names rules in the reason (may be null).
DecisionDetail explainDecision(const TierTable& table, const RouterSignal& signal,
                               std::span<const double> thresholds, size_t row,
                               const RouterConfig* config = nullptr);

// The rows where the router was wrong (Overpaid or Underpowered), for the "router wrong" filter.
std::vector<size_t> wrongDecisions(const TierTable& table, std::span<const uint8_t> decisions);

} // namespace switchyard::routing
