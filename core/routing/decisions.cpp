#include "routing/detail/thresholds.h"
#include "routing/replay.h"

#include <cstdio>

namespace switchyard::routing {

using detail::kMaxTiers;
using detail::thresholdArray;

namespace {

// The tier of one row: the same rule as the replay loop, for explanations.
int decideRow(const RouterSignal& signal, const std::array<float, kMaxTiers>& th, size_t tiers,
              size_t row) {
    switch (signal.shape) {
    case RouterSignal::Shape::Score:
        return static_cast<int>(detail::scoreTier(signal.score[row], th, tiers));
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

} // namespace

std::string scoreDecisionReason(float score, const std::array<float, detail::kMaxTiers>& th,
                                size_t tier, const std::string& tierLabel) {
    return (tier == 0 ? format("score %.3f < threshold %.3f: ", score, th[0])
                      : format("score %.3f >= threshold %.3f: ", score, th[tier - 1])) +
           tierLabel;
}

CascadeWalk walkCascade(std::span<const float> confidence,
                        const std::array<float, detail::kMaxTiers>& th,
                        const std::function<std::string(size_t)>& tierLabel) {
    CascadeWalk walk;
    for (size_t k = 0; k < confidence.size(); ++k) {
        if (confidence[k] >= th[k]) {
            walk.tier = k;
            walk.keptConfidence = confidence[k];
            walk.reason +=
                tierLabel(k) + format(" confident %.3f >= %.3f: kept", confidence[k], th[k]);
            return walk;
        }
        walk.reason +=
            tierLabel(k) + format(" confidence %.3f < %.3f: escalated; ", confidence[k], th[k]);
    }
    walk.tier = confidence.size();
    walk.reason += "answered by the last " + tierLabel(confidence.size());
    return walk;
}

std::string ruleDecisionReason(const Rule* rule, size_t index, const std::string& tierLabel) {
    if (!rule)
        return "no rule matched: default " + tierLabel;
    const std::string name = !rule->name.empty() ? rule->name : "#" + std::to_string(index + 1);
    return "rule '" + name + "' matched: " +
           (tierLabel.empty() ? std::string("canned response, no model") : tierLabel);
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
        detail.reason = scoreDecisionReason(detail.score, th, k, tierName(k));
        break;
    }
    case RouterSignal::Shape::Confidence: {
        std::vector<float> confidence;
        for (size_t k = 0; k + 1 < tiers; ++k)
            confidence.push_back(signal.confidence[k][row]);
        const CascadeWalk walk = walkCascade(confidence, th, tierName);
        detail.score = walk.keptConfidence;
        detail.reason = walk.reason;
        break;
    }
    case RouterSignal::Shape::Fixed: {
        const int rule = signal.matchedRule[row];
        const std::string target =
            detail.tier < 0 ? std::string() : tierName(static_cast<size_t>(detail.tier));
        if (rule < 0) {
            detail.reason = ruleDecisionReason(nullptr, 0, target);
        } else {
            const auto index = static_cast<size_t>(rule);
            static const Rule kUnnamed;
            detail.reason = ruleDecisionReason(
                config && index < config->rules.size() ? &config->rules[index] : &kUnnamed, index,
                target);
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
