#include "routing/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace switchyard::routing {

namespace {

struct PgrPoint {
    double x;
    double pgr;
};

// The curve in PGR terms, sorted by x, with the all-weak (0, 0) and all-strong (1, 1) ends.
std::vector<PgrPoint> pgrCurve(std::span<const CurvePoint> points, double weak, double strong) {
    std::vector<PgrPoint> curve;
    curve.reserve(points.size() + 2);
    curve.push_back({0.0, 0.0});
    for (const CurvePoint& point : points)
        curve.push_back({std::clamp(point.x, 0.0, 1.0), (point.quality - weak) / (strong - weak)});
    curve.push_back({1.0, 1.0});
    std::stable_sort(curve.begin(), curve.end(),
                     [](const PgrPoint& a, const PgrPoint& b) { return a.x < b.x; });
    return curve;
}

std::optional<double> cptOnCurve(const std::vector<PgrPoint>& curve, double target) {
    for (size_t j = 0; j < curve.size(); ++j) {
        if (curve[j].pgr < target)
            continue;
        if (j == 0)
            return curve[0].x;
        const PgrPoint& a = curve[j - 1];
        const PgrPoint& b = curve[j];
        const double span = b.pgr - a.pgr;
        return span > 0.0 ? a.x + (target - a.pgr) / span * (b.x - a.x) : b.x;
    }
    return std::nullopt;
}

bool noGap(double weak, double strong) {
    return std::abs(strong - weak) < 1e-12;
}

double cross(const CostQualityPoint& o, const CostQualityPoint& a, const CostQualityPoint& b) {
    return (a.costUsd - o.costUsd) * (b.quality - o.quality) -
           (a.quality - o.quality) * (b.costUsd - o.costUsd);
}

} // namespace

GapMetrics gapMetrics(std::span<const CurvePoint> points, double weakQuality,
                      double strongQuality) {
    GapMetrics metrics;
    if (noGap(weakQuality, strongQuality))
        return metrics;
    const auto curve = pgrCurve(points, weakQuality, strongQuality);
    double area = 0.0;
    for (size_t j = 1; j < curve.size(); ++j)
        area += (curve[j].x - curve[j - 1].x) * (curve[j].pgr + curve[j - 1].pgr) / 2.0;
    metrics.apgr = area;
    metrics.cpt50 = cptOnCurve(curve, 0.5);
    metrics.cpt80 = cptOnCurve(curve, 0.8);
    return metrics;
}

std::optional<double> callPerformanceThreshold(std::span<const CurvePoint> sortedByX,
                                               double weakQuality, double strongQuality,
                                               double pgr) {
    if (noGap(weakQuality, strongQuality))
        return std::nullopt;
    return cptOnCurve(pgrCurve(sortedByX, weakQuality, strongQuality), pgr);
}

std::vector<CostQualityPoint> nonDecreasingConvexHull(std::span<const CostQualityPoint> points) {
    std::vector<CostQualityPoint> sorted(points.begin(), points.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.costUsd < b.costUsd || (a.costUsd == b.costUsd && a.quality > b.quality);
    });
    // Andrew's monotone chain, upper half: keep right turns only.
    std::vector<CostQualityPoint> hull;
    for (const CostQualityPoint& point : sorted) {
        if (!hull.empty() && hull.back().costUsd == point.costUsd)
            continue; // the better of equal costs came first
        while (hull.size() >= 2 && cross(hull[hull.size() - 2], hull.back(), point) >= 0.0)
            hull.pop_back();
        hull.push_back(point);
    }
    // Non-decreasing: after the best point the hull goes down; stay level instead.
    const auto best = std::max_element(hull.begin(), hull.end(), [](const auto& a, const auto& b) {
        return a.quality < b.quality;
    });
    if (best != hull.end()) {
        const double top = best->quality;
        for (auto it = best + 1; it != hull.end(); ++it)
            it->quality = top;
    }
    return hull;
}

std::optional<double> averageImprovementInQuality(std::span<const CostQualityPoint> points) {
    const auto hull = nonDecreasingConvexHull(points);
    if (hull.size() < 2)
        return std::nullopt;
    const double range = hull.back().costUsd - hull.front().costUsd;
    if (range <= 0.0)
        return std::nullopt;
    double area = 0.0;
    for (size_t j = 1; j < hull.size(); ++j)
        area +=
            (hull[j].costUsd - hull[j - 1].costUsd) * (hull[j].quality + hull[j - 1].quality) / 2.0;
    return area / range;
}

std::vector<size_t> paretoFrontier(std::span<const CostQualityPoint> points) {
    std::vector<size_t> order(points.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return points[a].costUsd < points[b].costUsd ||
               (points[a].costUsd == points[b].costUsd && points[a].quality > points[b].quality);
    });
    std::vector<size_t> frontier;
    double best = -std::numeric_limits<double>::infinity();
    for (size_t index : order) {
        if (points[index].quality > best) {
            frontier.push_back(index);
            best = points[index].quality;
        }
    }
    return frontier;
}

} // namespace switchyard::routing
