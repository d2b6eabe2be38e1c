#include "traffic/traffic_dashboard.h"

#include "traffic/tag_spend.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace switchyard {

namespace {

constexpr int64_t kHourMs = 3'600'000;
constexpr int64_t kDayMs = 24 * kHourMs;

int64_t floorTo(int64_t ms, int64_t unit) {
    return ms >= 0 ? ms / unit * unit : (ms - unit + 1) / unit * unit;
}

template <typename Figures>
void sortBySpend(std::vector<Figures>& list, std::vector<size_t>& order) {
    order.resize(list.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&list](size_t a, size_t b) { return list[a].costUsd > list[b].costUsd; });
}

// Per workload and day: spend, requests and premium requests, for the day-over-day rules.
struct DayCell {
    double costUsd = 0.0;
    int64_t requests = 0;
    int64_t premium = 0;
};

void findDayAnomalies(const TrafficRows& rows, const std::vector<ModelTier>& tiers,
                      const TrafficAnomalyRules& rules, std::vector<TrafficAnomaly>& out) {
    std::vector<std::map<int64_t, DayCell>> days(rows.workloads.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        DayCell& cell = days[rows.workload[i]][floorTo(rows.timestampMs[i], kDayMs)];
        if (!std::isnan(rows.costUsd[i]))
            cell.costUsd += rows.costUsd[i];
        ++cell.requests;
        cell.premium += tiers[rows.model[i]] == ModelTier::Premium ? 1 : 0;
    }
    for (size_t w = 0; w < days.size(); ++w) {
        const DayCell* previous = nullptr;
        int64_t previousDay = 0;
        for (const auto& [day, cell] : days[w]) {
            // Only consecutive days compare: a gap means no traffic, not a baseline of zero.
            if (previous && day - previousDay == kDayMs && cell.requests >= rules.minDayRequests &&
                previous->requests >= rules.minDayRequests) {
                if (previous->costUsd > 0 &&
                    cell.costUsd >= rules.spendJumpFactor * previous->costUsd)
                    out.push_back({AnomalyKind::SpendJump, rows.workloads[w], day,
                                   previous->costUsd, cell.costUsd, cell.requests, cell.costUsd});
                const double before = double(previous->premium) / double(previous->requests);
                const double after = double(cell.premium) / double(cell.requests);
                if (after - before >= rules.premiumShareJump)
                    out.push_back({AnomalyKind::PremiumShift, rows.workloads[w], day, before, after,
                                   cell.requests, cell.costUsd});
            }
            previous = &cell;
            previousDay = day;
        }
    }
}

// A conversation re-sent again and again, one turn longer each time, in quick succession.
void findRunawayLoops(const TrafficRows& rows, const TrafficAnomalyRules& rules,
                      std::vector<TrafficAnomaly>& out) {
    struct Streak {
        size_t first = 0;
        size_t last = 0;
        int64_t requests = 0;
        double costUsd = 0.0;
        bool reported = false;
    };
    std::map<int64_t, Streak> streaks; // by conversation
    auto report = [&](Streak& streak) {
        if (streak.reported || streak.requests < rules.loopMinRequests)
            return;
        streak.reported = true;
        out.push_back({AnomalyKind::RunawayLoop, rows.workloads[rows.workload[streak.first]],
                       rows.timestampMs[streak.first], double(rows.turns[streak.first]),
                       double(rows.turns[streak.last]), streak.requests, streak.costUsd});
    };
    for (size_t i = 0; i < rows.size(); ++i) {
        if (rows.conversation[i] < 0)
            continue;
        const double cost = std::isnan(rows.costUsd[i]) ? 0.0 : rows.costUsd[i];
        auto [it, added] = streaks.try_emplace(rows.conversation[i], Streak{i, i, 1, cost, false});
        if (added)
            continue;
        Streak& streak = it->second;
        const bool grows =
            rows.turns[i] > rows.turns[streak.last] &&
            rows.timestampMs[i] - rows.timestampMs[streak.last] <= rules.loopMaxGapMs;
        if (grows) {
            streak.last = i;
            ++streak.requests;
            streak.costUsd += cost;
            continue;
        }
        report(streak);
        streak = Streak{i, i, 1, cost, false};
    }
    for (auto& [conversation, streak] : streaks)
        report(streak);
}

} // namespace

const char* tierName(ModelTier tier) {
    switch (tier) {
    case ModelTier::Economy:
        return "economy";
    case ModelTier::Standard:
        return "standard";
    case ModelTier::Premium:
        return "premium";
    case ModelTier::Unpriced:
        break;
    }
    return "unpriced";
}

ModelTier tierOfOutputPrice(std::optional<double> outputUsdPerMTok) {
    if (!outputUsdPerMTok)
        return ModelTier::Unpriced;
    if (*outputUsdPerMTok >= 10.0)
        return ModelTier::Premium;
    return *outputUsdPerMTok >= 1.0 ? ModelTier::Standard : ModelTier::Economy;
}

const char* anomalyKindName(AnomalyKind kind) {
    switch (kind) {
    case AnomalyKind::SpendJump:
        return "spend_jump";
    case AnomalyKind::RunawayLoop:
        return "runaway_loop";
    case AnomalyKind::PremiumShift:
        break;
    }
    return "premium_shift";
}

double WorkloadTraffic::chr() const {
    return inputTokens > 0 ? double(cacheReadTokens) / double(inputTokens) : 0.0;
}

std::optional<double> WorkloadTraffic::costPerRequest() const {
    return pricedRequests > 0 ? std::optional<double>(costUsd / double(pricedRequests))
                              : std::nullopt;
}

double TrafficDashboard::chr() const {
    return inputTokens > 0 ? double(cacheReadTokens) / double(inputTokens) : 0.0;
}

TrafficDashboard analyzeTraffic(const TrafficRows& rows, const std::vector<ModelTier>& tiers,
                                const TrafficAnomalyRules& rules) {
    TrafficDashboard board;
    if (rows.size() == 0)
        return board;
    board.firstMs = rows.timestampMs.front();
    board.lastMs = rows.timestampMs.back();
    board.bucketMs = *board.lastMs - *board.firstMs <= 2 * kDayMs ? kHourMs : kDayMs;
    const int64_t firstBucket = floorTo(*board.firstMs, board.bucketMs);
    const size_t buckets =
        static_cast<size_t>((floorTo(*board.lastMs, board.bucketMs) - firstBucket) /
                            board.bucketMs) +
        1;
    for (size_t b = 0; b < buckets; ++b)
        board.bucketStartMs.push_back(firstBucket + static_cast<int64_t>(b) * board.bucketMs);

    std::vector<ModelTraffic> models(rows.models.size());
    std::vector<WorkloadTraffic> workloads(rows.workloads.size());
    std::vector<SpendSeries> modelSpend(rows.models.size(), {"", std::vector<double>(buckets)});
    std::vector<SpendSeries> workloadSpend(rows.workloads.size(),
                                           {"", std::vector<double>(buckets)});
    for (size_t m = 0; m < models.size(); ++m) {
        models[m].model = modelSpend[m].name = rows.models[m];
        models[m].tier = tiers[m];
    }
    for (size_t w = 0; w < workloads.size(); ++w)
        workloads[w].workload = workloadSpend[w].name = rows.workloads[w];
    std::map<ModelTier, TierTraffic> tierTotals;
    for (size_t i = 0; i < rows.size(); ++i) {
        ModelTraffic& model = models[rows.model[i]];
        WorkloadTraffic& workload = workloads[rows.workload[i]];
        TierTraffic& tier = tierTotals[model.tier];
        tier.tier = model.tier;
        const bool priced = !std::isnan(rows.costUsd[i]);
        const double cost = priced ? rows.costUsd[i] : 0.0;
        const size_t bucket = static_cast<size_t>(
            (floorTo(rows.timestampMs[i], board.bucketMs) - firstBucket) / board.bucketMs);
        ++board.requests;
        board.failed += rows.failed[i];
        board.unpriced += priced ? 0 : 1;
        board.costUsd += cost;
        board.inputTokens += rows.inputTokens[i];
        board.outputTokens += rows.outputTokens[i];
        board.cacheReadTokens += rows.cacheReadTokens[i];
        board.cacheWriteTokens += rows.cacheWriteTokens[i];
        ++model.requests;
        model.inputTokens += rows.inputTokens[i];
        model.outputTokens += rows.outputTokens[i];
        model.cacheReadTokens += rows.cacheReadTokens[i];
        model.cacheWriteTokens += rows.cacheWriteTokens[i];
        model.costUsd += cost;
        model.unpriced += priced ? 0 : 1;
        ++workload.requests;
        workload.inputTokens += rows.inputTokens[i];
        workload.cacheReadTokens += rows.cacheReadTokens[i];
        workload.premiumRequests += model.tier == ModelTier::Premium ? 1 : 0;
        workload.costUsd += cost;
        workload.pricedRequests += priced ? 1 : 0;
        ++tier.requests;
        tier.costUsd += cost;
        modelSpend[rows.model[i]].costUsd[bucket] += cost;
        workloadSpend[rows.workload[i]].costUsd[bucket] += cost;
    }
    std::vector<size_t> order;
    sortBySpend(models, order);
    for (size_t m : order) {
        board.models.push_back(models[m]);
        board.spendByModel.push_back(std::move(modelSpend[m]));
    }
    sortBySpend(workloads, order);
    for (size_t w : order) {
        board.workloads.push_back(workloads[w]);
        board.spendByWorkload.push_back(std::move(workloadSpend[w]));
    }
    board.spendByTag = spendByTagKey(rows, firstBucket, board.bucketMs, buckets);
    for (ModelTier tier :
         {ModelTier::Premium, ModelTier::Standard, ModelTier::Economy, ModelTier::Unpriced})
        if (const auto it = tierTotals.find(tier); it != tierTotals.end())
            board.tiers.push_back(it->second);
    findDayAnomalies(rows, tiers, rules, board.anomalies);
    findRunawayLoops(rows, rules, board.anomalies);
    std::stable_sort(
        board.anomalies.begin(), board.anomalies.end(),
        [](const TrafficAnomaly& a, const TrafficAnomaly& b) { return a.atMs < b.atMs; });
    return board;
}

} // namespace switchyard
