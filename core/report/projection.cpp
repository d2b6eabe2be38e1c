#include "report/projection.h"

#include <cmath>

namespace switchyard::report {

std::vector<double> volumeGrid(double around, int points) {
    std::vector<double> grid;
    if (!(around > 0.0) || points < 1)
        return grid;
    if (points == 1)
        return {around};
    const double low = std::log10(around) - 2.0;
    const double step = 4.0 / (points - 1);
    for (int i = 0; i < points; ++i)
        grid.push_back(std::pow(10.0, low + step * i));
    // Exactly the assumed volume at the middle, not its rounding through logarithms.
    if (points % 2 == 1)
        grid[static_cast<size_t>(points / 2)] = around;
    return grid;
}

std::string_view breakEvenKindName(BreakEvenKind kind) {
    switch (kind) {
    case BreakEvenKind::Crossing:
        return "crossing";
    case BreakEvenKind::AlwaysCheaper:
        return "on_demand_cheaper";
    case BreakEvenKind::NeverCheaper:
        return "commitment_cheaper";
    }
    return "crossing";
}

std::optional<ProvisionedBreakEven> provisionedBreakEven(std::span<const VolumePoint> curve,
                                                         double commitmentMonthUsd) {
    if (curve.empty() || !(commitmentMonthUsd > 0.0))
        return std::nullopt;
    ProvisionedBreakEven result;
    result.commitmentMonthUsd = commitmentMonthUsd;
    if (curve.front().commitmentModelUsd >= commitmentMonthUsd) {
        result.kind = BreakEvenKind::NeverCheaper;
        return result;
    }
    for (size_t i = 1; i < curve.size(); ++i) {
        const VolumePoint& a = curve[i - 1];
        const VolumePoint& b = curve[i];
        if (b.commitmentModelUsd < commitmentMonthUsd)
            continue;
        const double t = (commitmentMonthUsd - a.commitmentModelUsd) /
                         (b.commitmentModelUsd - a.commitmentModelUsd);
        result.kind = BreakEvenKind::Crossing;
        result.requestsPerMonth =
            a.requestsPerMonth + t * (b.requestsPerMonth - a.requestsPerMonth);
        return result;
    }
    result.kind = BreakEvenKind::AlwaysCheaper;
    return result;
}

} // namespace switchyard::report
