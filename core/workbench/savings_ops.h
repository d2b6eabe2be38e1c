#pragma once

// The savings operation: a policy replayed on a run and every lever stacked on it (routing,
// prompt caching, batch, the local student), with the quality it costs, a projection over
// request volume, the provisioned-throughput break-even and spend by tier and tag. The Savings
// page, switchyard-cli savings and the stakeholder report all read this one outcome.

#include "common/cancel.h"
#include "common/expected.h"
#include "eval/paired_stats.h"
#include "eval/verdict.h"
#include "report/attribution.h"
#include "report/projection.h"
#include "report/waterfall.h"
#include "workbench/routing_ops.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::workbench {

// Requests a month when neither the user nor the policy's governance gives a volume.
inline constexpr double kDefaultRequestsPerMonth = 1'000'000.0;

struct SavingsAssumptions {
    // The month the figures are projected to. None: the policy's workloads' requests_month
    // added up, else kDefaultRequestsPerMonth.
    std::optional<double> requestsPerMonth;
    std::optional<report::ProvisionedAssumption> provisioned;
    // Provider name -> kind, from a providers file: tiers of "local-student" providers are the
    // student step's.
    std::map<std::string, std::string> providerKinds;
    int projectionPoints = 21;
};

struct SavingsRequest {
    RunSource source;
    std::string policy; // a name saved in the workspace, or a file
    SavingsAssumptions assumptions;
};

struct SavingsQuality {
    int64_t requests = 0;
    double quality = 0.0; // the answers the policy served
    std::optional<std::pair<double, double>> qualityCi95;
    std::string baselineModel;
    double baselineQuality = 0.0;
    eval::PairedComparison paired; // policy against baseline, on the prompts both were scored on
    eval::Verdict verdict;         // with the waterfall's final cost against the baseline's
    std::string verdictText;
};

struct SavingsOutcome {
    RoutingContext context;
    double requestsPerMonth = 0.0;
    std::string requestsPerMonthSource; // "assumption", "governance.workloads", "default"
    // Over the run's requests, caching simulated at requestsPerMonth's rate. A month is the same
    // scaled by monthFactor().
    report::Waterfall waterfall;
    SavingsQuality quality;
    std::vector<report::VolumePoint> projection; // ascending volume
    std::optional<report::ProvisionedAssumption> provisioned;
    std::optional<report::ProvisionedBreakEven> breakEven;
    std::vector<std::string> tierLabels;      // "small (model)"; then "canned"
    std::vector<report::TierSpend> tierSpend; // per tier, then canned answers
    std::vector<report::TagAttribution> tags;
    std::optional<double> chr; // of the routed traffic, when caching was simulated
    std::vector<std::string> notes;

    double monthFactor() const {
        return waterfall.requests > 0 ? requestsPerMonth / static_cast<double>(waterfall.requests)
                                      : 0.0;
    }
};

Expected<SavingsOutcome> computeSavings(const SavingsRequest& request,
                                        const CancelToken* cancel = nullptr,
                                        const Progress& progress = {});

} // namespace switchyard::workbench
