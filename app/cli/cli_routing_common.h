#pragma once

// What the replay, sweep and policy commands share: reading the Router Lab's arguments into
// core's types, reporting a failure, and the figures block replay and policy both print.

#include "cli_args.h"
#include "cli_json.h"

#include "common/cancel.h"
#include "policy/policy.h"
#include "routing/evaluation.h"
#include "workbench/routing_ops.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cli_routing {

// Ctrl+C stops a long step (loading, training a learned router) at its next check; sourceOf
// installs the handler.
extern switchyard::CancelToken g_cancel;

// A handled failure (exit 1) or bad arguments (exit 2), with the message for stderr.
struct Failure {
    int exitCode = 1;
    std::string message;
};

int report(const Failure& failure, const std::string& command);

template <typename T> bool failed(const std::variant<T, Failure>& value) {
    return std::holds_alternative<Failure>(value);
}

// --run ID, when given.
std::variant<std::optional<int64_t>, Failure> runArgument(const CliArgs& args);

// --router, --models, --params and --threshold as core's RouterChoice; core validates it.
std::variant<switchyard::RoutingPolicy, Failure>
policyFromArgs(const CliArgs& args, const std::string& name, std::vector<double> thresholds);

// Provider name -> kind from the providers file (--providers, $SWITCHYARD_PROVIDERS or the
// default) when there is one; a file named with --providers that cannot be read is a failure.
std::variant<std::map<std::string, std::string>, Failure>
providerKindsArgument(const CliArgs& args);

// Where the recorded results come from, and what the operation had to say about its choices.
switchyard::workbench::RunSource sourceOf(const CliArgs& args, std::optional<int64_t> runId);
void printContext(const switchyard::workbench::RoutingContext& context);

nlohmann::json tierShareJson(const switchyard::RoutingPolicy& policy,
                             const std::vector<double>& shares);
nlohmann::json figuresJson(const switchyard::RoutingPolicy& policy,
                           const switchyard::routing::ReplayData& data,
                           const switchyard::routing::PolicyEvaluation& evaluation);
void printFigures(const switchyard::RoutingPolicy& policy,
                  const switchyard::routing::ReplayData& data,
                  const switchyard::routing::PolicyEvaluation& evaluation);

} // namespace cli_routing
