#pragma once

// The CI quality gate (switchyard-cli gate): a policy replayed on a run, and each workload its
// governance names held to its quality floor and budget. A workload is the prompts tagged with
// its name (or "workload:NAME"). What cannot be measured fails the gate instead of passing it.

#include "common/cancel.h"
#include "common/expected.h"
#include "workbench/routing_ops.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace switchyard::workbench {

struct WorkloadGate {
    std::string name;
    int64_t requests = 0;
    std::optional<double> quality; // mean quality of the answers served; none without requests
    std::optional<std::pair<double, double>> qualityCi95;
    double costPer1kUsd = 0.0;
    std::optional<double> projectedMonthUsd; // at the workload's requests_month
    WorkloadGovernance limits;
    bool passed = true;
};

struct GateFailure {
    std::string workload;
    std::string metric; // "quality", "cost_per_1k_usd", "month_usd", "requests"
    double value = 0.0;
    double limit = 0.0;
    std::string message; // in words, with by how much
};

struct GateOutcome {
    std::string policyName;
    int64_t runId = 0;
    std::string runName;
    bool synthetic = false;
    int64_t requests = 0;
    double quality = 0.0; // the whole run, as replay reports it
    double costPer1kUsd = 0.0;
    std::optional<double> floor;         // the strictest workload floor
    std::vector<WorkloadGate> workloads; // in the policy's order (by name)
    std::vector<GateFailure> failures;
    std::vector<std::string> unchecked; // limits that could not be checked, and why
    bool passed = true;
};

Expected<GateOutcome> gatePolicy(const RunSource& source, const std::string& nameOrFile,
                                 const CancelToken* cancel = nullptr);

} // namespace switchyard::workbench
