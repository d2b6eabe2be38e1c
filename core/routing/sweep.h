#pragma once

#include "common/expected.h"
#include "routing/metrics.h"
#include "routing/router.h"
#include "routing/tier_table.h"

#include <optional>
#include <string>
#include <vector>

namespace switchyard::routing {

struct SweepPoint {
    std::vector<double> thresholds;
    double costUsd = 0.0;
    double costPer1kUsd = 0.0;
    double quality = 0.0;
    double passRate = 0.0;
    double strongShare = 0.0;      // share served by the last tier
    std::vector<double> tierShare; // per tier (canned answers are in none)
    double x = 0.0;                // the metrics' axis (SweepResult::axis)
};

struct SweepMetrics {
    std::string axis;           // "strong_share" (two tiers) or "normalised_cost" (more tiers)
    double weakQuality = 0.0;   // every prompt to tier 0
    double strongQuality = 0.0; // every prompt to the last tier
    double weakCostUsd = 0.0;
    double strongCostUsd = 0.0;
    std::optional<double> apgr;
    std::optional<double> cpt50;
    std::optional<double> cpt80;
    std::optional<double> aiq;
};

struct SweepResult {
    std::vector<SweepPoint> points; // ordered by cost
    std::vector<size_t> frontier;   // indices into points, Pareto-optimal, by cost
    SweepMetrics metrics;
};

struct SweepOptions {
    int points = 1000; // about this many configurations
};

// The cost-quality curve of a router kind: its figures at about `options.points` threshold
// settings spread over the signal's distribution (quantiles), computed exactly for those
// thresholds from per-bin sums, without replaying each. Latency percentiles are left to replay().
// With two tiers the points are one threshold each and x is the strong-call share, so APGR and
// CPT are the published ones (RouteLLM); with more tiers the points are a grid of ascending
// threshold tuples (for cascades: of per-tier thresholds), the metrics are taken over the Pareto
// frontier and x is the cost normalised between all-cheapest (0) and all-strongest (1). A Fixed
// signal (rules) has one point.
SweepResult sweep(const TierTable& table, const RouterSignal& signal,
                  const SweepOptions& options = {});

// The settings that reach a target, from a sweep: the cheapest point whose strong share or
// quality is at least the target. Empty when no point reaches it.
struct CalibrationTarget {
    enum class Kind { StrongShare, Quality } kind = Kind::Quality;
    double value = 0.0;
};
std::optional<SweepPoint> calibrate(const SweepResult& sweep, const CalibrationTarget& target);

// Where a configuration starts when nobody chose its thresholds (the Router Lab on opening a run,
// `switchyard-cli policy` without --threshold or a target): the cheapest setting whose quality is
// within kDefaultQualityTolerance (one point on the 0-1 scale) of the strongest tier's alone.
inline constexpr double kDefaultQualityTolerance = 0.01;
std::optional<SweepPoint> defaultOperatingPoint(const SweepResult& sweep);

} // namespace switchyard::routing
