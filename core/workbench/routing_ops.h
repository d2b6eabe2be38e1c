#pragma once

// The routing operations of the workbench: replay a policy, sweep a router kind, evaluate and
// save a policy. switchyard-cli's replay, sweep and policy commands and the Router Lab call
// these; every choice the front ends used to make on their own (which scorer, which order the
// tiers take, which run, which prices) is made here, once.

#include "common/cancel.h"
#include "common/expected.h"
#include "policy/policy.h"
#include "pricing/catalogue.h"
#include "routing/evaluation.h"
#include "routing/sweep.h"
#include "store/price_overrides.h"
#include "store/workspace.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace switchyard::workbench {

using routing::CalibrationTarget;
using routing::PolicyEvaluation;
using routing::ReplayData;
using routing::SweepResult;

// A router configuration as a user picks it: a kind by name, models, router.params as
// KEY=VALUE, thresholds (none: evenly spaced; a cascade keeps answers of confidence >= 0.5).
struct RouterChoice {
    std::string name; // the policy's name
    std::string kind; // random | complexity | classifier | learned | cascade
    std::vector<std::string> models;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<double> thresholds; // none: savePolicy starts at defaultOperatingPoint
};

// The policy the choice describes, validated as a policy file would be. Errors are the user's
// (a bad kind, parameter or threshold count), before any workspace is opened.
Expected<RoutingPolicy> configureRouter(const RouterChoice& choice);

// Where a routing operation's recorded results come from: the given run, else the newest run
// holding every tier model (in `preferredSet` when the workspace has that set).
struct RunSource {
    std::string workspacePath;
    std::optional<int64_t> runId;
    std::string preferredSet;
};

// What every routing operation returns beside its own figures.
struct RoutingContext {
    RoutingPolicy policy; // as evaluated (tiers cheapest first)
    std::shared_ptr<const ReplayData> data;
    std::string catalogueDate;
    // The prices the figures were computed with (the workspace's effective catalogue), for
    // operations that price further steps the same way.
    std::shared_ptr<const Catalogue> prices;
    std::vector<Error> priceProblems; // price overrides that could not be read, left out
    std::vector<std::string> notes;   // choices made that a user should know of
};

struct ReplayOutcome {
    RoutingContext context;
    PolicyEvaluation evaluation;
};

// A policy by name (saved in the workspace) or by file.
Expected<RoutingPolicy> findPolicy(const Workspace& workspace, const std::string& nameOrFile);

// A policy and the recorded results it is evaluated on: the given run, else the newest run of
// its evidence's prompt set holding every tier model. The tiers keep the policy's order.
Expected<RoutingContext> loadPolicyRun(const RunSource& source, const std::string& nameOrFile,
                                       const CancelToken* cancel = nullptr);

// One policy over recorded results. The tiers keep the policy's order.
Expected<ReplayOutcome> replayPolicy(const RunSource& source, const std::string& nameOrFile,
                                     const CancelToken* cancel = nullptr);

struct SweepOutcome {
    RoutingContext context;
    SweepResult result;
    int64_t requests = 0;
    int64_t excluded = 0;
};

// The cost-quality curve of a router kind over about `points` settings.
Expected<SweepOutcome> sweepRouter(RoutingPolicy policy, const RunSource& source, int points,
                                   const CancelToken* cancel = nullptr);

struct PolicyOutcome {
    RoutingContext context;
    PolicyEvaluation evaluation;
    std::string yaml;
    std::optional<std::string> writtenTo;
    std::optional<std::string> modelFile; // a learned router's, beside writtenTo
};

// Evaluates the policy (its thresholds calibrated to `target` when given, else to
// routing::defaultOperatingPoint when `defaultThresholds`), records the evidence
// (with the catalogue date its costs were computed with), saves it in the workspace under its
// name, and writes its YAML to `outFile` atomically when given.
Expected<PolicyOutcome> savePolicy(RoutingPolicy policy, const RunSource& source,
                                   const std::optional<CalibrationTarget>& target,
                                   bool defaultThresholds,
                                   const std::optional<std::string>& outFile,
                                   const CancelToken* cancel = nullptr);

} // namespace switchyard::workbench
