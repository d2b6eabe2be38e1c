#pragma once

#include <optional>
#include <span>
#include <vector>

namespace switchyard::routing {

// A point of a cost-quality curve for the metrics: x is the strong-call share for two tiers
// (the published definition) or the normalised cost for more (see sweep.h); y is quality.
struct CurvePoint {
    double x = 0.0;
    double quality = 0.0;
};

// PGR(q) = (q - weakQuality) / (strongQuality - weakQuality): the share of the gap between the
// weak and the strong model recovered.
//
// APGR: the area under PGR(x) for x from 0 to 1, by the trapezoid rule over the points sorted by
// x, with (0, PGR of all-weak = 0) and (1, PGR of all-strong = 1) added as ends. A random router
// has PGR(x) = x in expectation, so APGR = 0.5.
// CPT(p): the smallest x at which the curve reaches PGR >= p, interpolated linearly between the
// last point below p and the first at or above it. Empty when the curve never reaches p.
// Both empty when strongQuality == weakQuality (there is no gap to recover).
struct GapMetrics {
    std::optional<double> apgr;
    std::optional<double> cpt50;
    std::optional<double> cpt80;
};
GapMetrics gapMetrics(std::span<const CurvePoint> points, double weakQuality, double strongQuality);
std::optional<double> callPerformanceThreshold(std::span<const CurvePoint> sortedByX,
                                               double weakQuality, double strongQuality,
                                               double pgr);

// AIQ (RouterBench): the area under the non-decreasing convex hull of quality against cost,
// divided by the cost range, i.e. the hull's mean quality from the cheapest to the dearest
// point. The hull is the upper concave envelope of the points (mixing two configurations
// reaches any point on the segment between them), kept flat after its highest point. Empty for
// fewer than two distinct costs.
struct CostQualityPoint {
    double costUsd = 0.0;
    double quality = 0.0;
};
std::optional<double> averageImprovementInQuality(std::span<const CostQualityPoint> points);
// The hull itself, from the cheapest point, non-decreasing.
std::vector<CostQualityPoint> nonDecreasingConvexHull(std::span<const CostQualityPoint> points);

// Indices of the Pareto-optimal points (no other point is at most as dear and at least as good,
// and strictly better in one), ordered by cost. Of equal points, the first is kept.
std::vector<size_t> paretoFrontier(std::span<const CostQualityPoint> points);

} // namespace switchyard::routing
