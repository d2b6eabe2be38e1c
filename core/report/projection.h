#pragma once

// Monthly cost against request volume, and when a provisioned-throughput commitment pays off.
// The volumes are a grid around the assumed volume; the caller prices the traffic at each (prompt
// caching saves more as requests arrive faster, so cost is not a straight line in volume).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace switchyard::report {

inline constexpr double kHoursPerMonth = 730.0; // 8,760 hours a year / 12, as AWS bills

struct VolumePoint {
    double requestsPerMonth = 0.0;
    double baselineUsd = 0.0; // a month of the baseline
    double policyUsd = 0.0;   // a month of the policy, every lever applied
    // A month of on-demand spend on the model a provisioned-throughput commitment would serve.
    double commitmentModelUsd = 0.0;
};

// `points` volumes evenly spaced on a log scale from a hundredth to a hundred times `around`
// (which is one of them when `points` is odd). Empty for a volume that is not positive.
std::vector<double> volumeGrid(double around, int points);

// A provisioned-throughput price: a user's assumption, with where and when it was read.
struct ProvisionedAssumption {
    std::string model; // the model reference it would serve
    double hourlyUsd = 0.0;
    int64_t units = 1;  // model units committed
    std::string source; // a URL or document
    std::string date;   // "YYYY-MM-DD"

    double monthlyUsd() const { return hourlyUsd * static_cast<double>(units) * kHoursPerMonth; }
};

enum class BreakEvenKind {
    Crossing,      // on-demand spend passes the commitment within the grid
    AlwaysCheaper, // on-demand costs less than the commitment at every volume tried
    NeverCheaper,  // the commitment costs less even at the smallest volume tried
};
std::string_view breakEvenKindName(BreakEvenKind kind); // "crossing", "on_demand_cheaper", ...

struct ProvisionedBreakEven {
    BreakEvenKind kind = BreakEvenKind::AlwaysCheaper;
    double commitmentMonthUsd = 0.0;
    // Crossing: the volume at which a month of on-demand spend on the model equals the
    // commitment (linear between the grid's points on either side).
    double requestsPerMonth = 0.0;
};

// `curve` ascending by volume. Empty for an empty curve or a commitment that is not positive.
std::optional<ProvisionedBreakEven> provisionedBreakEven(std::span<const VolumePoint> curve,
                                                         double commitmentMonthUsd);

} // namespace switchyard::report
