#include "workbench/gate_ops.h"

#include "common/text_format.h"
#include "eval/paired_stats.h"
#include "routing/evaluation.h"

#include <algorithm>
#include <cmath>

namespace switchyard::workbench {

namespace {

using routing::kCannedOutcome;

bool inWorkload(const std::vector<std::string>& tags, const std::string& name) {
    const std::string prefixed = "workload:" + name;
    return std::any_of(tags.begin(), tags.end(),
                       [&](const std::string& tag) { return tag == name || tag == prefixed; });
}

// The served answers of the workload's rows under `decisions`.
WorkloadGate measure(const routing::RouterLab& lab, const std::vector<uint8_t>& decisions,
                     const std::string& name, const WorkloadGovernance& limits) {
    const routing::TierTable& table = lab.table();
    const routing::ReplayData& data = table.data();
    WorkloadGate gate;
    gate.name = name;
    gate.limits = limits;
    std::vector<double> qualities;
    double cost = 0.0;
    for (size_t row = 0; row < table.rows(); ++row) {
        if (!inWorkload(data.promptTags[table.promptIndex()[row]], name))
            continue;
        const uint8_t tier = decisions[row];
        if (tier == kCannedOutcome) {
            qualities.push_back(lab.signal().cannedQuality[row]);
        } else {
            qualities.push_back(table.quality(tier)[row]);
            cost += table.cost(tier)[row];
        }
    }
    gate.requests = static_cast<int64_t>(qualities.size());
    if (qualities.empty())
        return gate;
    double sum = 0.0;
    for (double quality : qualities)
        sum += quality;
    gate.quality = sum / static_cast<double>(qualities.size());
    gate.qualityCi95 = eval::normalMeanCi(qualities);
    gate.costPer1kUsd = cost / static_cast<double>(qualities.size()) * 1000.0;
    if (limits.requestsMonth)
        gate.projectedMonthUsd =
            gate.costPer1kUsd * static_cast<double>(*limits.requestsMonth) / 1000.0;
    return gate;
}

void check(WorkloadGate& gate, GateOutcome& outcome) {
    const auto fail = [&](const char* metric, double value, double limit, std::string message) {
        gate.passed = false;
        outcome.failures.push_back({gate.name, metric, value, limit, std::move(message)});
    };
    const WorkloadGovernance& limits = gate.limits;
    if (gate.requests == 0) {
        fail("requests", 0.0, 1.0,
             "workload '" + gate.name + "' has no prompts tagged '" + gate.name +
                 "' in the run: nothing shows it meets its limits");
        return;
    }
    if (limits.qualityFloor && *gate.quality < *limits.qualityFloor)
        fail("quality", *gate.quality, *limits.qualityFloor,
             "workload '" + gate.name + "': quality " + formatFixed(*gate.quality, 3) +
                 " is below its floor " + formatFixed(*limits.qualityFloor, 3) + " by " +
                 formatFixed(*limits.qualityFloor - *gate.quality, 3) +
                 " (n = " + std::to_string(gate.requests) + ")");
    if (limits.budgetPer1kUsd && gate.costPer1kUsd > *limits.budgetPer1kUsd)
        fail("cost_per_1k_usd", gate.costPer1kUsd, *limits.budgetPer1kUsd,
             "workload '" + gate.name + "': " + formatUsd(gate.costPer1kUsd) +
                 " per 1,000 requests is over its budget " + formatUsd(*limits.budgetPer1kUsd) +
                 " by " + formatUsd(gate.costPer1kUsd - *limits.budgetPer1kUsd));
    if (limits.budgetUsdMonth) {
        if (!gate.projectedMonthUsd)
            outcome.unchecked.push_back("workload '" + gate.name +
                                        "': budget_usd_month needs requests_month to project "
                                        "the month's spend");
        else if (*gate.projectedMonthUsd > *limits.budgetUsdMonth)
            fail("month_usd", *gate.projectedMonthUsd, *limits.budgetUsdMonth,
                 "workload '" + gate.name + "': " + formatUsd(*gate.projectedMonthUsd) +
                     " a month at " + std::to_string(*limits.requestsMonth) +
                     " requests is over its budget " + formatUsd(*limits.budgetUsdMonth) + " by " +
                     formatUsd(*gate.projectedMonthUsd - *limits.budgetUsdMonth));
    }
}

} // namespace

Expected<GateOutcome> gatePolicy(const RunSource& source, const std::string& nameOrFile,
                                 const CancelToken* cancel) {
    auto context = loadPolicyRun(source, nameOrFile, cancel);
    if (!context)
        return context.error();
    const RoutingPolicy& policy = context->policy;
    if (!policy.governance || policy.governance->workloads.empty())
        return Error{"", 0, "governance.workloads",
                     "policy '" + policy.name +
                         "' names no workloads to gate (governance.workloads)"};
    auto lab = routing::RouterLab::create(*context->data, tierModels(policy), policy.router,
                                          policy.table, cancel);
    if (!lab)
        return lab.error();
    // The whole run's figures as replay gives them, and each row's decision for the workloads.
    std::vector<uint8_t> decisions;
    const routing::PolicyEvaluation overall =
        (*lab)->evaluate(policy.router.thresholds, &decisions);

    GateOutcome outcome;
    outcome.policyName = policy.name;
    outcome.runId = context->data->runId;
    outcome.runName = context->data->runName;
    outcome.synthetic = context->data->synthetic;
    outcome.requests = overall.figures.requests;
    outcome.quality = overall.figures.quality;
    outcome.costPer1kUsd = overall.figures.costPer1kUsd;
    for (const auto& [name, limits] : policy.governance->workloads) {
        WorkloadGate gate = measure(**lab, decisions, name, limits);
        check(gate, outcome);
        if (limits.qualityFloor)
            outcome.floor = std::max(outcome.floor.value_or(0.0), *limits.qualityFloor);
        outcome.workloads.push_back(std::move(gate));
    }
    outcome.passed = outcome.failures.empty();
    return outcome;
}

} // namespace switchyard::workbench
