#pragma once

#include "traffic/traffic_rows.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchyard {

// Price tiers, by a model's output price per million tokens (what separates a frontier model from
// a small one far more than input prices do): premium from $10, economy below $1.
enum class ModelTier { Economy, Standard, Premium, Unpriced };
const char* tierName(ModelTier tier);
ModelTier tierOfOutputPrice(std::optional<double> outputUsdPerMTok);

struct ModelTraffic {
    std::string model;
    ModelTier tier = ModelTier::Unpriced;
    int64_t requests = 0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    double costUsd = 0.0;
    int64_t unpriced = 0;
};

struct WorkloadTraffic {
    std::string workload;
    int64_t requests = 0;
    int64_t inputTokens = 0;
    int64_t cacheReadTokens = 0;
    int64_t premiumRequests = 0;
    double costUsd = 0.0;
    int64_t pricedRequests = 0;
    // Cache hit ratio achieved: cached input tokens read over all input tokens.
    double chr() const;
    std::optional<double> costPerRequest() const;
};

struct TierTraffic {
    ModelTier tier = ModelTier::Unpriced;
    int64_t requests = 0;
    double costUsd = 0.0;
};

// Spend of one model or workload per time bucket.
struct SpendSeries {
    std::string name;
    std::vector<double> costUsd;
};

// Spend over time per value of one tag key ("team" for the tags "team:search", "team:legal"...),
// the values most spend first. Requests without the key are one series, kNoTagValue.
struct TagSpend {
    std::string key;
    std::vector<SpendSeries> series;
};
inline constexpr const char* kNoTagValue = "(none)";

enum class AnomalyKind { SpendJump, RunawayLoop, PremiumShift };
const char* anomalyKindName(AnomalyKind kind);

struct TrafficAnomaly {
    AnomalyKind kind = AnomalyKind::SpendJump;
    std::string workload;
    int64_t atMs = 0;     // the day (jumps, shifts) or the loop's first request
    double before = 0.0;  // the previous day's spend or premium share; a loop's first turn count
    double after = 0.0;   // the day's spend or premium share; a loop's last turn count
    int64_t requests = 0; // of the day, or of the loop
    double costUsd = 0.0; // of the day, or of the loop
};

struct TrafficAnomalyRules {
    double spendJumpFactor = 3.0;   // a workload's day at this multiple of the day before, or more
    int64_t minDayRequests = 20;    // days with fewer requests are too small to judge
    double premiumShareJump = 0.25; // a rise of premium calls' share by this much, day over day
    int64_t loopMinRequests = 20;   // a conversation re-sent this many times, growing each time
    int64_t loopMaxGapMs = 60'000;  // ... each within this of the one before (an agent, no human)
};

// The Traffic page's figures for a set's recorded production requests.
struct TrafficDashboard {
    int64_t requests = 0;
    int64_t failed = 0;
    int64_t unpriced = 0;
    double costUsd = 0.0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    std::optional<int64_t> firstMs;
    std::optional<int64_t> lastMs;
    int64_t bucketMs = 0; // an hour when the traffic spans two days or less, else a day (UTC)
    std::vector<int64_t> bucketStartMs;
    std::vector<SpendSeries> spendByModel;    // in the order of `models`
    std::vector<SpendSeries> spendByWorkload; // in the order of `workloads`
    std::vector<TagSpend> spendByTag;         // per key:value tag key, keys in name order
    std::vector<ModelTraffic> models;         // most spend first
    std::vector<WorkloadTraffic> workloads;   // most spend first
    std::vector<TierTraffic> tiers;           // premium, standard, economy, unpriced: those seen
    std::vector<TrafficAnomaly> anomalies;    // in time order

    double chr() const; // over all requests
};

// `tiers` gives the tier of each of rows.models. Costs the catalogue could not price count as
// requests without spend, and are counted in `unpriced`.
TrafficDashboard analyzeTraffic(const TrafficRows& rows, const std::vector<ModelTier>& tiers,
                                const TrafficAnomalyRules& rules = {});

} // namespace switchyard
