#include "cli_gate.h"

#include "cli_routing_common.h"
#include "common/text_format.h"
#include "workbench/gate_ops.h"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace switchyard;
using namespace cli_routing;

namespace {

nlohmann::json optional(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json gateJson(const workbench::GateOutcome& outcome) {
    nlohmann::json failures = nlohmann::json::array();
    for (const workbench::GateFailure& failure : outcome.failures)
        failures.push_back({{"workload", failure.workload},
                            {"metric", failure.metric},
                            {"value", failure.value},
                            {"limit", failure.limit},
                            {"message", failure.message}});
    nlohmann::json workloads = nlohmann::json::object();
    for (const workbench::WorkloadGate& gate : outcome.workloads) {
        nlohmann::json ci = nullptr;
        if (gate.qualityCi95)
            ci = {gate.qualityCi95->first, gate.qualityCi95->second};
        workloads[gate.name] = {{"requests", gate.requests},
                                {"quality", optional(gate.quality)},
                                {"quality_ci95", ci},
                                {"floor", optional(gate.limits.qualityFloor)},
                                {"cost_per_1k_usd", gate.costPer1kUsd},
                                {"budget_per_1k_usd", optional(gate.limits.budgetPer1kUsd)},
                                {"projected_month_usd", optional(gate.projectedMonthUsd)},
                                {"budget_usd_month", optional(gate.limits.budgetUsdMonth)},
                                {"passed", gate.passed}};
    }
    return {{"passed", outcome.passed},
            {"policy", outcome.policyName},
            {"run_id", outcome.runId},
            {"synthetic", outcome.synthetic},
            {"requests", outcome.requests},
            {"quality", outcome.quality},
            {"floor", optional(outcome.floor)},
            {"cost_per_1k_usd", outcome.costPer1kUsd},
            {"failures", failures},
            {"unchecked", outcome.unchecked},
            {"workloads", workloads}};
}

} // namespace

int runGateCommand(const CliArgs& args) {
    const auto policy = args.option("policy");
    if (!policy || policy->empty())
        return report({2, "--policy NAME|FILE is required"}, "gate");
    const auto runId = runArgument(args);
    if (failed(runId))
        return report(std::get<Failure>(runId), "gate");
    auto outcome = workbench::gatePolicy(sourceOf(args, std::get<std::optional<int64_t>>(runId)),
                                         *policy, &g_cancel);
    if (!outcome)
        return report({1, outcome.error().toString()}, "gate");
    if (args.flag("json")) {
        std::cout << gateJson(*outcome).dump(2) << "\n";
    } else {
        std::cout << "Gate of policy '" << outcome->policyName << "' on run " << outcome->runId
                  << (outcome->synthetic ? " (synthetic demo data)" : "") << ": "
                  << (outcome->passed ? "passed" : "FAILED") << "\n";
        for (const workbench::WorkloadGate& gate : outcome->workloads)
            std::cout << "  " << gate.name << ": " << gate.requests << " requests, quality "
                      << (gate.quality ? formatFixed(*gate.quality, 3) : std::string("-")) << ", "
                      << formatUsd(gate.costPer1kUsd) << " per 1,000"
                      << (gate.passed ? "" : "  FAILED") << "\n";
        for (const workbench::GateFailure& failure : outcome->failures)
            std::cout << "  failure: " << failure.message << "\n";
        for (const std::string& note : outcome->unchecked)
            std::cout << "  not checked: " << note << "\n";
    }
    return outcome->passed ? 0 : 1;
}
