#include "workbench/routing_ops.h"

#include "common/atomic_file.h"
#include "routing/model_order.h"
#include "workbench/detail/trained_model_export.h"

#include <filesystem>

namespace switchyard::workbench {

using namespace switchyard::routing;

namespace {

// What loading a run for a policy gives: the workspace stays open for saving.
struct Loaded {
    std::unique_ptr<Workspace> workspace;
    RoutingContext context;
};

Expected<int64_t> chooseRun(const Workspace& workspace, const RunSource& source,
                            const std::vector<std::string>& models) {
    if (source.runId) {
        if (!workspace.run(*source.runId))
            return Error{workspace.path(), 0, "run",
                         "no run " + std::to_string(*source.runId) + " in " + workspace.path()};
        return *source.runId;
    }
    const std::string set =
        !source.preferredSet.empty() && workspace.findPromptSet(source.preferredSet)
            ? source.preferredSet
            : std::string();
    return findRunWithModels(workspace, models, set);
}

// The run's recorded results for `policy`, from a workspace already open (it stays open, for
// saving).
Expected<Loaded> load(std::unique_ptr<Workspace> workspace, RoutingPolicy policy,
                      const RunSource& source, const CancelToken* cancel) {
    auto prices = workspacePrices(*workspace);
    if (!prices)
        return prices.error();
    auto runId = chooseRun(*workspace, source, tierModels(policy));
    if (!runId)
        return runId.error();
    ReplayLoadOptions options;
    options.scorer = policy.scorer;
    options.confidenceScorer = policy.confidenceScorer;
    // Answers are read only when the router needs them: they are the bulk of the data.
    const RouterKind kind = policy.router.kind;
    options.readOutputs =
        kind == RouterKind::Classifier ||
        (kind == RouterKind::Cascade && (policy.router.cascadeSignal == CascadeSignal::Refusal ||
                                         policy.router.cascadeSignal == CascadeSignal::Format ||
                                         policy.router.cascadeSignal == CascadeSignal::Answer));
    auto data = loadReplayData(*workspace, *runId, options, &prices->catalogue, cancel);
    if (!data)
        return data.error();
    Loaded loaded;
    if (data->synthetic)
        loaded.context.notes.push_back(
            "run '" + data->runName + "' is synthetic demo data, not a measurement of real models");
    loaded.context.data = std::make_shared<const ReplayData>(std::move(data).value());
    loaded.context.catalogueDate = prices->catalogue.catalogueDate();
    loaded.context.priceProblems = prices->problems;
    loaded.context.prices = std::make_shared<const Catalogue>(std::move(prices->catalogue));
    loaded.context.policy = std::move(policy);
    loaded.workspace = std::move(workspace);
    return loaded;
}

Expected<Loaded> load(RoutingPolicy policy, const RunSource& source, const CancelToken* cancel) {
    auto workspace = Workspace::open(source.workspacePath);
    if (!workspace)
        return workspace.error();
    return load(std::move(workspace).value(), std::move(policy), source, cancel);
}

// The configuration's RouterLab over the loaded run: its table, signal and replayer.
Expected<std::unique_ptr<RouterLab>> labFor(const RoutingContext& context,
                                            const CancelToken* cancel) {
    const RoutingPolicy& policy = context.policy;
    return RouterLab::create(*context.data, tierModels(policy), policy.router, policy.table,
                             cancel);
}

// Tiers go cheapest first, by what their recorded answers cost (routing/model_order.h), the
// order the Router Lab lists them in; a note says when that is not the order given.
void orderTiers(RoutingContext& context) {
    RoutingPolicy& policy = context.policy;
    const std::vector<std::string> given = tierModels(policy);
    const std::vector<std::string> ordered = orderCheapestFirst(*context.data, given);
    if (ordered == given)
        return;
    const std::vector<std::string> names = defaultTierNames(ordered.size());
    for (size_t k = 0; k < ordered.size(); ++k)
        policy.tiers[k] = {names[k], ordered[k], {}};
    std::string list;
    for (const std::string& model : ordered)
        list += (list.empty() ? "" : ", ") + model;
    context.notes.push_back("tiers put cheapest first by mean recorded cost: " + list);
}

} // namespace

Expected<RoutingPolicy> configureRouter(const RouterChoice& choice) {
    const auto kind = routing::routerKindFromName(choice.kind);
    if (!kind)
        return Error{"", 0, "router.kind",
                     "unknown router kind '" + choice.kind +
                         "' (random, complexity, classifier, learned, cascade)"};
    if (*kind == RouterKind::Rules)
        return Error{"", 0, "router.kind",
                     "rules are written in a policy file: replay the file instead"};
    if (choice.models.size() < 2)
        return Error{"", 0, "models",
                     "a router needs at least two model references, cheapest first"};
    RoutingPolicy policy = newPolicy(choice.name, *kind, choice.models);
    for (const auto& [key, value] : choice.params)
        if (auto status = setPolicyParam(policy, key, value); !status)
            return status.error();
    const size_t wanted = policy.tiers.size() - 1;
    policy.router.thresholds = choice.thresholds;
    if (choice.thresholds.empty())
        for (size_t j = 0; j < wanted; ++j)
            policy.router.thresholds.push_back(*kind == RouterKind::Cascade
                                                   ? 0.5
                                                   : static_cast<double>(j + 1) /
                                                         static_cast<double>(wanted + 1));
    // Validated exactly as a file would be.
    auto parsed = parsePolicyYaml(policyToYaml(policy), "policy");
    if (!parsed)
        return parsed.error();
    return parsed;
}

Expected<RoutingPolicy> findPolicy(const Workspace& workspace, const std::string& nameOrFile) {
    if (std::filesystem::is_regular_file(nameOrFile))
        return loadPolicyFile(nameOrFile);
    if (const auto saved = workspace.policy(nameOrFile))
        return parsePolicyYaml(saved->yaml, "policy '" + nameOrFile + "'");
    std::string names;
    for (const PolicyRecord& record : workspace.policies())
        names += (names.empty() ? "" : ", ") + record.name;
    return Error{"", 0, "policy",
                 "no policy file '" + nameOrFile + "' and no policy of that name in " +
                     workspace.path() +
                     (names.empty() ? " (it has none)" : " (policies: " + names + ")")};
}

Expected<RoutingContext> loadPolicyRun(const RunSource& source, const std::string& nameOrFile,
                                       const CancelToken* cancel) {
    auto workspace = Workspace::open(source.workspacePath);
    if (!workspace)
        return workspace.error();
    auto policy = findPolicy(**workspace, nameOrFile);
    if (!policy)
        return policy.error();
    RunSource from = source;
    if (from.preferredSet.empty() && policy->evidence)
        from.preferredSet = policy->evidence->promptSet;
    auto loaded = load(std::move(workspace).value(), std::move(policy).value(), from, cancel);
    if (!loaded)
        return loaded.error();
    return std::move(loaded->context);
}

Expected<ReplayOutcome> replayPolicy(const RunSource& source, const std::string& nameOrFile,
                                     const CancelToken* cancel) {
    auto context = loadPolicyRun(source, nameOrFile, cancel);
    if (!context)
        return context.error();
    ReplayOutcome outcome;
    outcome.context = std::move(context).value();
    auto evaluation = evaluatePolicy(*outcome.context.data, outcome.context.policy, cancel);
    if (!evaluation)
        return evaluation.error();
    outcome.evaluation = std::move(evaluation).value();
    return outcome;
}

Expected<SweepOutcome> sweepRouter(RoutingPolicy policy, const RunSource& source, int points,
                                   const CancelToken* cancel) {
    auto loaded = load(std::move(policy), source, cancel);
    if (!loaded)
        return loaded.error();
    SweepOutcome outcome;
    outcome.context = std::move(loaded->context);
    orderTiers(outcome.context);
    auto lab = labFor(outcome.context, cancel);
    if (!lab)
        return lab.error();
    outcome.result = (*lab)->sweep({points});
    outcome.requests = static_cast<int64_t>((*lab)->table().rows());
    outcome.excluded = static_cast<int64_t>((*lab)->table().excludedPrompts());
    for (std::string& note : (*lab)->notes())
        outcome.context.notes.push_back(std::move(note));
    return outcome;
}

Expected<PolicyOutcome> savePolicy(RoutingPolicy configured, const RunSource& source,
                                   const std::optional<CalibrationTarget>& target,
                                   bool defaultThresholds,
                                   const std::optional<std::string>& outFile,
                                   const CancelToken* cancel) {
    auto loaded = load(std::move(configured), source, cancel);
    if (!loaded)
        return loaded.error();
    PolicyOutcome outcome;
    outcome.context = std::move(loaded->context);
    orderTiers(outcome.context);
    RoutingPolicy& policy = outcome.context.policy;
    // One lab for calibration and evaluation: a learned router is trained once.
    auto lab = labFor(outcome.context, cancel);
    if (!lab)
        return lab.error();
    if (target || defaultThresholds) {
        const SweepResult swept = (*lab)->sweep();
        const auto point = target ? calibrate(swept, *target) : defaultOperatingPoint(swept);
        if (!point)
            return Error{"", 0, "target", "no setting of this router reaches the target"};
        policy.router.thresholds = point->thresholds;
    }
    outcome.evaluation = (*lab)->evaluate(policy.router.thresholds);
    recordEvidence(policy, *outcome.context.data, outcome.evaluation,
                   outcome.context.catalogueDate);
    outcome.yaml = policyToYaml(policy);
    if (auto status = loaded->workspace->savePolicy(policy.name, outcome.yaml); !status)
        return status.error();
    if (outFile) {
        // The file carries the trained model; the workspace's copy retrains from its run.
        RoutingPolicy exported = policy;
        auto model = detail::writeTrainedModel(exported, (*lab)->table(), *outFile, cancel);
        if (!model)
            return model.error();
        const std::string yaml = model->has_value() ? policyToYaml(exported) : outcome.yaml;
        if (auto status = writeFileAtomically(*outFile, yaml, "the policy file"); !status)
            return status.error();
        outcome.writtenTo = *outFile;
        outcome.modelFile = *model;
    }
    return outcome;
}

} // namespace switchyard::workbench
