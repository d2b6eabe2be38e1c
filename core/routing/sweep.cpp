#include "routing/sweep.h"

#include "routing/replay.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace switchyard::routing {

namespace {

// Order-preserving map of a float onto uint32 (negative values flipped), so comparing keys is
// comparing values. A bucket is the top 20 bits: 2^20 buckets, fine enough to put a threshold
// between almost any two distinct scores of a million.
constexpr int kBucketShift = 12;
constexpr size_t kBuckets = size_t{1} << (32 - kBucketShift);

uint32_t keyOf(float value) {
    const auto bits = std::bit_cast<uint32_t>(value == 0.0f ? 0.0f : value); // -0 == +0
    return (bits & 0x80000000u) ? ~bits : bits | 0x80000000u;
}

float valueOfKey(uint32_t key) {
    const uint32_t bits = (key & 0x80000000u) ? key & 0x7FFFFFFFu : ~key;
    return std::bit_cast<float>(bits);
}

// A grid of at most `count` thresholds on one signal, at quantiles of its values, each the lowest
// value of a bucket. bin(value) = how many grid thresholds are <= value, so "value >= grid[t]"
// is "bin >= t + 1", and every row's bin is one table lookup.
class Grid {
public:
    Grid(std::span<const float> values, size_t count) {
        std::vector<uint32_t> histogram(kBuckets, 0);
        for (const float value : values)
            ++histogram[keyOf(value) >> kBucketShift];
        const size_t n = values.size();
        size_t cumulative = 0;
        size_t next = 0; // the next quantile index wanted
        for (size_t bucket = 0; bucket < kBuckets && next < count; ++bucket) {
            if (histogram[bucket] == 0)
                continue;
            // The bucket holding the (next * n / count)-th smallest value starts a threshold.
            if (cumulative + histogram[bucket] > next * n / count) {
                m_values.push_back(valueOfKey(static_cast<uint32_t>(bucket << kBucketShift)));
                m_buckets.push_back(static_cast<uint32_t>(bucket));
                while (next < count && next * n / count < cumulative + histogram[bucket])
                    ++next;
            }
            cumulative += histogram[bucket];
        }
        m_binOfBucket.resize(kBuckets);
        uint16_t bin = 0;
        for (size_t bucket = 0; bucket < kBuckets; ++bucket) {
            while (bin < m_buckets.size() && m_buckets[bin] <= bucket)
                ++bin;
            m_binOfBucket[bucket] = bin;
        }
        float top = 0.0f;
        for (const float value : values)
            top = std::max(top, value);
        m_above = std::nextafter(top, std::numeric_limits<float>::infinity());
    }

    size_t size() const { return m_values.size(); }
    uint16_t bin(float value) const { return m_binOfBucket[keyOf(value) >> kBucketShift]; }
    // Threshold t in [0, size()]: size() means "above every value".
    double threshold(size_t t) const { return t < m_values.size() ? m_values[t] : m_above; }

private:
    std::vector<float> m_values;
    std::vector<uint32_t> m_buckets;
    std::vector<uint16_t> m_binOfBucket;
    float m_above = 1.0f;
};

// Per cell (a combination of bins) and per tier a request could end at: how many rows, and the
// sums the figures need.
struct CellSums {
    int64_t rows = 0;
    std::vector<double> cost, quality;
    std::vector<int64_t> passes;
};

size_t binomial(size_t n, size_t k) {
    double result = 1.0;
    for (size_t i = 1; i <= k; ++i)
        result = result * static_cast<double>(n - k + i) / static_cast<double>(i);
    return static_cast<size_t>(std::llround(result));
}

// Every non-decreasing tuple of `length` indices from [0, limit].
void ascendingTuples(size_t length, size_t limit, std::vector<size_t>& current,
                     std::vector<std::vector<size_t>>& out) {
    if (current.size() == length) {
        out.push_back(current);
        return;
    }
    for (size_t t = current.empty() ? 0 : current.back(); t <= limit; ++t) {
        current.push_back(t);
        ascendingTuples(length, limit, current, out);
        current.pop_back();
    }
}

void addMetrics(const TierTable& table, SweepResult& result) {
    SweepMetrics& metrics = result.metrics;
    const size_t tiers = table.tierCount();
    metrics.weakQuality = table.allToTierQuality(0);
    metrics.strongQuality = table.allToTierQuality(tiers - 1);
    metrics.weakCostUsd = table.allToTierCostUsd(0);
    metrics.strongCostUsd = table.allToTierCostUsd(tiers - 1);
    const bool twoTiers = tiers == 2;
    // A cascade pays for the cheap answer of every request it escalates: on the strong-share axis
    // that waste would not show, so cascades are measured on cost.
    const bool cascade = table.options().accounting == Accounting::Cascade;
    const bool shareAxis = twoTiers && !cascade;
    metrics.axis = shareAxis ? "strong_share" : "normalised_cost";
    const double costSpan = metrics.strongCostUsd - metrics.weakCostUsd;
    std::vector<CostQualityPoint> costQuality;
    for (SweepPoint& point : result.points) {
        point.x = shareAxis
                      ? point.strongShare
                      : (costSpan > 0.0 ? (point.costUsd - metrics.weakCostUsd) / costSpan : 0.0);
        costQuality.push_back({point.costUsd, point.quality});
    }
    result.frontier = paretoFrontier(costQuality);
    std::vector<CurvePoint> curve;
    // Two tiers: the curve of every threshold, as RouteLLM measures it. More: the frontier.
    if (twoTiers) {
        for (const SweepPoint& point : result.points)
            curve.push_back({point.x, point.quality});
    } else {
        for (size_t index : result.frontier)
            curve.push_back({result.points[index].x, result.points[index].quality});
    }
    const GapMetrics gap = gapMetrics(curve, metrics.weakQuality, metrics.strongQuality);
    metrics.apgr = gap.apgr;
    metrics.cpt50 = gap.cpt50;
    metrics.cpt80 = gap.cpt80;
    costQuality.push_back({metrics.weakCostUsd, metrics.weakQuality});
    costQuality.push_back({metrics.strongCostUsd, metrics.strongQuality});
    metrics.aiq = averageImprovementInQuality(costQuality);
}

SweepPoint pointFromFigures(const ReplayFigures& figures) {
    SweepPoint point;
    point.costUsd = figures.costUsd;
    point.costPer1kUsd = figures.costPer1kUsd;
    point.quality = figures.quality;
    point.passRate = figures.passRate;
    point.strongShare = figures.strongShare;
    point.tierShare = figures.tierShare;
    return point;
}

} // namespace

SweepResult sweep(const TierTable& table, const RouterSignal& signal, const SweepOptions& options) {
    SweepResult result;
    const size_t rows = table.rows();
    const size_t tiers = table.tierCount();
    if (rows == 0 || tiers == 0)
        return result;
    if (signal.shape == RouterSignal::Shape::Fixed || tiers == 1) {
        Replayer replayer(table);
        result.points.push_back(pointFromFigures(replayer.replay(signal, {})));
        addMetrics(table, result);
        return result;
    }
    const size_t wanted = static_cast<size_t>(std::max(options.points, 2));
    const bool cascade = signal.shape == RouterSignal::Shape::Confidence;
    const size_t dims = cascade ? tiers - 1 : 1;
    // Grid size per dimension, so that the number of threshold settings is about `wanted`.
    size_t gridSize = 1;
    if (cascade) {
        gridSize = std::max<size_t>(
            1, static_cast<size_t>(std::llround(
                   std::pow(static_cast<double>(wanted), 1.0 / static_cast<double>(dims)))) -
                   1);
    } else {
        while (binomial(gridSize + tiers - 1, tiers - 1) < wanted && gridSize < 60000)
            ++gridSize;
        if (tiers == 2)
            gridSize = wanted - 1;
    }
    gridSize = std::min<size_t>(gridSize, 65535);

    std::vector<Grid> grids;
    if (cascade) {
        for (size_t d = 0; d < dims; ++d)
            grids.emplace_back(signal.confidence[d], gridSize);
    } else {
        grids.emplace_back(signal.score, gridSize);
    }
    // Cells: one per combination of bins, bins numbered 0..grid.size().
    std::vector<size_t> stride(dims, 1);
    size_t cells = 1;
    for (size_t d = 0; d < dims; ++d) {
        stride[d] = cells;
        cells *= grids[d].size() + 1;
    }
    std::vector<int64_t> cellRows(cells, 0);
    std::vector<double> cellCost(cells * tiers, 0.0), cellQuality(cells * tiers, 0.0);
    std::vector<int64_t> cellPasses(cells * tiers, 0);
    std::vector<const float*> cost(tiers), quality(tiers);
    for (size_t k = 0; k < tiers; ++k) {
        cost[k] = table.cost(k).data();
        quality[k] = table.quality(k).data();
    }
    const float bar = static_cast<float>(table.options().qualityBar);
    for (size_t row = 0; row < rows; ++row) {
        size_t cell = 0;
        if (cascade) {
            for (size_t d = 0; d < dims; ++d)
                cell += grids[d].bin(signal.confidence[d][row]) * stride[d];
        } else {
            cell = grids[0].bin(signal.score[row]);
        }
        ++cellRows[cell];
        double* cellCostRow = &cellCost[cell * tiers];
        double* cellQualityRow = &cellQuality[cell * tiers];
        int64_t* cellPassRow = &cellPasses[cell * tiers];
        for (size_t k = 0; k < tiers; ++k) {
            cellCostRow[k] += cost[k][row];
            cellQualityRow[k] += quality[k][row];
            cellPassRow[k] += quality[k][row] >= bar;
        }
    }

    // Threshold settings: ascending tuples for score routers, every combination for cascades.
    std::vector<std::vector<size_t>> settings;
    if (cascade) {
        std::vector<size_t> tuple(dims, 0);
        for (;;) {
            settings.push_back(tuple);
            size_t d = 0;
            while (d < dims && ++tuple[d] > grids[d].size())
                tuple[d++] = 0;
            if (d == dims)
                break;
        }
    } else {
        std::vector<size_t> current;
        ascendingTuples(tiers - 1, grids[0].size(), current, settings);
    }

    std::vector<uint16_t> cellBins(cells * dims);
    for (size_t cell = 0; cell < cells; ++cell)
        for (size_t d = 0; d < dims; ++d)
            cellBins[cell * dims + d] =
                static_cast<uint16_t>((cell / stride[d]) % (grids[d].size() + 1));
    std::vector<int64_t> perTier(tiers);
    const double n = static_cast<double>(rows);
    for (const std::vector<size_t>& setting : settings) {
        double costSum = 0.0, qualitySum = 0.0;
        int64_t passes = 0;
        std::fill(perTier.begin(), perTier.end(), 0);
        for (size_t cell = 0; cell < cells; ++cell) {
            if (cellRows[cell] == 0)
                continue;
            size_t k = 0;
            if (cascade) {
                // Kept at the first tier whose confidence bin reaches its threshold.
                while (k + 1 < tiers && cellBins[cell * dims + k] < setting[k] + 1)
                    ++k;
            } else {
                for (size_t j = 0; j + 1 < tiers; ++j)
                    k += cellBins[cell] >= setting[j] + 1;
            }
            perTier[k] += cellRows[cell];
            costSum += cellCost[cell * tiers + k];
            qualitySum += cellQuality[cell * tiers + k];
            passes += cellPasses[cell * tiers + k];
        }
        SweepPoint point;
        for (size_t j = 0; j < setting.size(); ++j)
            point.thresholds.push_back(grids[cascade ? j : 0].threshold(setting[j]));
        point.costUsd = costSum;
        point.costPer1kUsd = costSum / n * 1000.0;
        point.quality = qualitySum / n;
        point.passRate = static_cast<double>(passes) / n;
        for (int64_t count : perTier)
            point.tierShare.push_back(static_cast<double>(count) / n);
        point.strongShare = point.tierShare.back();
        result.points.push_back(std::move(point));
    }
    std::stable_sort(
        result.points.begin(), result.points.end(), [](const SweepPoint& a, const SweepPoint& b) {
            return a.costUsd < b.costUsd || (a.costUsd == b.costUsd && a.quality > b.quality);
        });
    addMetrics(table, result);
    return result;
}

std::optional<SweepPoint> calibrate(const SweepResult& sweep, const CalibrationTarget& target) {
    // Points are ordered by cost: the first that reaches the target is the cheapest.
    for (const SweepPoint& point : sweep.points) {
        const double value =
            target.kind == CalibrationTarget::Kind::StrongShare ? point.strongShare : point.quality;
        if (value >= target.value - 1e-12)
            return point;
    }
    return std::nullopt;
}

std::optional<SweepPoint> defaultOperatingPoint(const SweepResult& sweep) {
    if (sweep.points.empty())
        return std::nullopt;
    const CalibrationTarget target{CalibrationTarget::Kind::Quality,
                                   sweep.metrics.strongQuality - kDefaultQualityTolerance};
    if (auto point = calibrate(sweep, target))
        return point;
    return sweep.points.back(); // no setting comes that close: the best this router reaches
}

} // namespace switchyard::routing
