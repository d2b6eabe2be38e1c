#include "cli_routing.h"

#include "common/text_format.h"
#include "policy/policy.h"
#include "routing/evaluation.h"
#include "workbench/routing_ops.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <csignal>
#include <iostream>
#include <sstream>
#include <variant>

using namespace switchyard;
using namespace switchyard::routing;
using nlohmann::json;

namespace {

// Ctrl+C stops a long step (loading, training a learned router) at its next check.
CancelToken g_cancel;
extern "C" void onRoutingInterrupt(int) {
    g_cancel.cancel();
}

// A handled failure (exit 1) or bad arguments (exit 2), with the message for stderr.
struct Failure {
    int exitCode = 1;
    std::string message;
};

int report(const Failure& failure, const std::string& command) {
    std::cerr << "switchyard-cli: " << failure.message;
    if (failure.exitCode == 2)
        std::cerr << " (see switchyard-cli " << command << " --help)";
    std::cerr << "\n";
    return failure.exitCode;
}

// --- text formatting ----------------------------------------------------------------------------

json optionalNumber(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

// --- arguments ---------------------------------------------------------------------------------

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

std::optional<double> parseNumber(const std::string& text) {
    try {
        size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size() && std::isfinite(value))
            return value;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

// --run ID, when given.
std::variant<std::optional<int64_t>, Failure> runArgument(const CliArgs& args) {
    const auto run = args.option("run");
    if (!run)
        return std::optional<int64_t>();
    const auto id = parseNumber(*run);
    if (!id || *id < 1 || std::floor(*id) != *id)
        return Failure{2, "--run needs a run id"};
    return std::optional<int64_t>(static_cast<int64_t>(*id));
}

// --router, --models, --params and --threshold as core's RouterChoice; core validates it.
std::variant<RoutingPolicy, Failure> policyFromArgs(const CliArgs& args, const std::string& name,
                                                    std::vector<double> thresholds) {
    const auto kind = args.option("router");
    if (!kind)
        return Failure{2, "--router KIND is required"};
    workbench::RouterChoice choice;
    choice.name = name;
    choice.kind = *kind;
    choice.models = splitList(args.option("models").value_or(""));
    choice.thresholds = std::move(thresholds);
    const auto params = args.options.find("params");
    if (params != args.options.end()) {
        for (const std::string& pair : params->second) {
            const auto eq = pair.find('=');
            if (eq == std::string::npos || eq == 0)
                return Failure{2, "--params takes KEY=VALUE, got '" + pair + "'"};
            choice.params.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
        }
    }
    auto policy = workbench::configureRouter(choice);
    if (!policy)
        return Failure{2, policy.error().toString()};
    return std::move(policy).value();
}

// Where the recorded results come from, and what the operation had to say about its choices.
workbench::RunSource sourceOf(const CliArgs& args, std::optional<int64_t> runId) {
    std::signal(SIGINT, onRoutingInterrupt);
    return {*args.option("workspace"), runId, ""};
}

void printContext(const workbench::RoutingContext& context) {
    for (const Error& problem : context.priceProblems)
        std::cerr << "switchyard-cli: warning: price override ignored: " << problem.toString()
                  << "\n";
    for (const std::string& note : context.notes)
        std::cerr << "switchyard-cli: note: " << note << "\n";
}

json tierShareJson(const RoutingPolicy& policy, const std::vector<double>& shares) {
    json out = json::object();
    for (size_t k = 0; k < policy.tiers.size() && k < shares.size(); ++k)
        out[policy.tiers[k].model] = shares[k];
    return out;
}

json figuresJson(const RoutingPolicy& policy, const ReplayData& data,
                 const PolicyEvaluation& evaluation) {
    const ReplayFigures& f = evaluation.figures;
    json out = {{"requests", f.requests},
                {"cost_usd", f.costUsd},
                {"cost_per_1k_usd", f.costPer1kUsd},
                {"quality", f.quality},
                {"quality_ci95", f.qualityCi95
                                     ? json::array({f.qualityCi95->first, f.qualityCi95->second})
                                     : json(nullptr)},
                {"pass_rate", f.passRate},
                {"quality_bar", policy.table.qualityBar},
                {"baseline_model", f.baseline.modelRef},
                {"baseline_cost_usd", f.baseline.costUsd},
                {"baseline_quality", f.baseline.quality},
                {"savings_usd", f.savingsUsd},
                {"savings_pct", f.savingsPct},
                {"tier_share", tierShareJson(policy, f.tierShare)},
                {"canned_share", f.cannedShare},
                {"latency_p50_ms", optionalNumber(f.latencyP50Ms)},
                {"latency_p95_ms", optionalNumber(f.latencyP95Ms)},
                {"latency_unknown", f.latencyUnknown},
                {"excluded", f.excludedPrompts},
                {"pre_router_cost_usd", f.preRouterCostUsd},
                {"wasted_cost_usd", f.wastedCostUsd},
                {"added_latency_ms", f.addedLatencyMs},
                {"escalations", f.escalations},
                {"router", routerKindName(policy.router.kind)},
                {"thresholds", policy.router.thresholds},
                {"run_id", data.runId},
                {"run", data.runName},
                {"prompt_set", data.setName},
                {"scorer", data.scorer},
                {"synthetic", data.synthetic},
                {"notes", evaluation.notes}};
    if (evaluation.crossValidation) {
        const CrossValidationReport& cv = *evaluation.crossValidation;
        out["cross_validation"] = {{"folds", cv.folds},      {"rows", cv.rows},
                                   {"auc", cv.auc},          {"accuracy", cv.accuracy},
                                   {"log_loss", cv.logLoss}, {"note", cv.note}};
    }
    return out;
}

void printFigures(const RoutingPolicy& policy, const ReplayData& data,
                  const PolicyEvaluation& evaluation) {
    const ReplayFigures& f = evaluation.figures;
    std::cout << "policy '" << policy.name << "' (" << routerKindName(policy.router.kind)
              << ") on run '" << data.runName << "' (set '" << data.setName << "')"
              << (data.synthetic ? " [synthetic demo data]" : "") << "\n";
    std::cout << "  requests       " << f.requests;
    if (f.excludedPrompts)
        std::cout << " (" << f.excludedPrompts << " excluded)";
    std::cout << "\n  cost           " << formatUsd(f.costUsd) << " total, "
              << formatUsd(f.costPer1kUsd) << " per 1,000 requests\n";
    std::cout << "  quality        " << formatFixed(f.quality, 3);
    if (f.qualityCi95)
        std::cout << " (95% CI " << formatFixed(f.qualityCi95->first, 3) << " to "
                  << formatFixed(f.qualityCi95->second, 3) << ")";
    std::cout << ", pass rate " << formatPercent(f.passRate) << "\n";
    std::cout << "  latency        "
              << (f.latencyP50Ms ? "p50 " + formatFixed(*f.latencyP50Ms, 0) + " ms, p95 " +
                                       formatFixed(*f.latencyP95Ms, 0) + " ms"
                                 : std::string("not recorded"))
              << "\n";
    std::cout << "  baseline       " << f.baseline.modelRef << ": " << formatUsd(f.baseline.costUsd)
              << ", quality " << formatFixed(f.baseline.quality, 3) << "\n";
    std::cout << "  savings        " << formatUsd(f.savingsUsd) << " ("
              << formatFixed(f.savingsPct, 1) << "%)\n";
    for (size_t k = 0; k < policy.tiers.size() && k < f.tierShare.size(); ++k)
        std::cout << "  tier " << policy.tiers[k].name << "  " << formatPercent(f.tierShare[k])
                  << "  " << policy.tiers[k].model << "\n";
    if (f.cannedShare > 0.0)
        std::cout << "  canned answers " << formatPercent(f.cannedShare) << " (quality assumed)\n";
    if (f.preRouterCostUsd > 0.0)
        std::cout << "  classifier     " << formatUsd(f.preRouterCostUsd) << " (included)\n";
    if (policy.router.kind == RouterKind::Cascade)
        std::cout << "  cascade        " << f.escalations << " escalations, "
                  << formatUsd(f.wastedCostUsd) << " on discarded answers (included), +"
                  << formatFixed(f.addedLatencyMs, 0) << " ms mean added latency\n";
    for (const std::string& note : evaluation.notes)
        std::cout << "  note: " << note << "\n";
}

template <typename T> bool failed(const std::variant<T, Failure>& value) {
    return std::holds_alternative<Failure>(value);
}

} // namespace

int runReplayCommand(const CliArgs& args) {
    const auto policyArg = args.option("policy");
    if (!policyArg)
        return report({2, "--policy NAME|FILE is required"}, "replay");
    auto runId = runArgument(args);
    if (failed(runId))
        return report(std::get<Failure>(runId), "replay");
    auto outcome = workbench::replayPolicy(sourceOf(args, std::get<std::optional<int64_t>>(runId)),
                                           *policyArg, &g_cancel);
    if (!outcome)
        return report({1, outcome.error().toString()}, "replay");
    printContext(outcome->context);
    const RoutingPolicy& p = outcome->context.policy;
    if (args.flag("json")) {
        json out = figuresJson(p, *outcome->context.data, outcome->evaluation);
        out["policy"] = p.name;
        std::cout << out.dump(2) << "\n";
    } else {
        printFigures(p, *outcome->context.data, outcome->evaluation);
    }
    return 0;
}

int runSweepCommand(const CliArgs& args) {
    auto policy = policyFromArgs(args, "sweep", {});
    if (failed(policy))
        return report(std::get<Failure>(policy), "sweep");
    int points = 1000;
    if (const auto value = args.option("points")) {
        const auto parsed = parseNumber(*value);
        if (!parsed || *parsed < 2 || *parsed > 100000 || std::floor(*parsed) != *parsed)
            return report({2, "--points needs a whole number from 2 to 100000"}, "sweep");
        points = static_cast<int>(*parsed);
    }
    auto runId = runArgument(args);
    if (failed(runId))
        return report(std::get<Failure>(runId), "sweep");
    auto outcome = workbench::sweepRouter(std::get<RoutingPolicy>(std::move(policy)),
                                          sourceOf(args, std::get<std::optional<int64_t>>(runId)),
                                          points, &g_cancel);
    if (!outcome)
        return report({1, outcome.error().toString()}, "sweep");
    printContext(outcome->context);
    const RoutingPolicy& p = outcome->context.policy;
    const ReplayData& d = *outcome->context.data;
    const SweepResult& result = outcome->result;
    const SweepMetrics& m = result.metrics;

    auto pointJson = [&p](const SweepPoint& point) {
        return json{
            {"threshold", point.thresholds.empty() ? json(nullptr) : json(point.thresholds.back())},
            {"thresholds", point.thresholds},
            {"cost_usd", point.costUsd},
            {"cost_per_1k_usd", point.costPer1kUsd},
            {"quality", point.quality},
            {"pass_rate", point.passRate},
            {"strong_share", point.strongShare},
            {"tier_share", tierShareJson(p, point.tierShare)}};
    };
    if (args.flag("json")) {
        json points = json::array();
        for (const SweepPoint& point : result.points)
            points.push_back(pointJson(point));
        json frontier = json::array();
        for (size_t index : result.frontier)
            frontier.push_back(pointJson(result.points[index]));
        json out = {{"router", routerKindName(p.router.kind)},
                    {"models", tierModels(p)},
                    {"points", points},
                    {"frontier", frontier},
                    {"apgr", optionalNumber(m.apgr)},
                    {"cpt50", optionalNumber(m.cpt50)},
                    {"cpt80", optionalNumber(m.cpt80)},
                    {"aiq", optionalNumber(m.aiq)},
                    {"axis", m.axis},
                    {"weak",
                     {{"model", p.tiers.front().model},
                      {"quality", m.weakQuality},
                      {"cost_usd", m.weakCostUsd}}},
                    {"strong",
                     {{"model", p.tiers.back().model},
                      {"quality", m.strongQuality},
                      {"cost_usd", m.strongCostUsd}}},
                    {"requests", outcome->requests},
                    {"excluded", outcome->excluded},
                    {"run_id", d.runId},
                    {"run", d.runName},
                    {"synthetic", d.synthetic},
                    {"notes", outcome->context.notes}};
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    auto metric = [](const std::optional<double>& value, bool asPercent) {
        return value ? (asPercent ? formatPercent(*value) : formatFixed(*value, 3))
                     : std::string("n/a");
    };
    std::cout << routerKindName(p.router.kind) << " router on run '" << d.runName << "'"
              << (d.synthetic ? " [synthetic demo data]" : "") << ": " << result.points.size()
              << " points, " << result.frontier.size() << " on the Pareto frontier\n";
    std::cout << "  weak   " << p.tiers.front().model << ": quality "
              << formatFixed(m.weakQuality, 3) << ", " << formatUsd(m.weakCostUsd) << "\n";
    std::cout << "  strong " << p.tiers.back().model << ": quality "
              << formatFixed(m.strongQuality, 3) << ", " << formatUsd(m.strongCostUsd) << "\n";
    std::cout << "  APGR " << metric(m.apgr, false) << "   CPT(50%) " << metric(m.cpt50, true)
              << "   CPT(80%) " << metric(m.cpt80, true) << "   AIQ " << metric(m.aiq, false)
              << "   (x axis: " << m.axis << ")\n";
    std::cout << "  frontier (cost per 1k, quality, strong share, thresholds):\n";
    const size_t step = std::max<size_t>(1, result.frontier.size() / 12);
    for (size_t i = 0; i < result.frontier.size(); i += step) {
        const SweepPoint& point = result.points[result.frontier[i]];
        std::cout << "    " << formatUsd(point.costPer1kUsd) << "  "
                  << formatFixed(point.quality, 3) << "  " << formatPercent(point.strongShare)
                  << "  [";
        for (size_t j = 0; j < point.thresholds.size(); ++j)
            std::cout << (j ? ", " : "") << formatFixed(point.thresholds[j], 4);
        std::cout << "]\n";
    }
    return 0;
}

int runPolicyCommand(const CliArgs& args) {
    const auto name = args.option("save");
    if (!name || name->empty())
        return report({2, "--save NAME is required"}, "policy");
    const auto given = args.options.find("threshold");
    const bool hasThresholds = given != args.options.end() && !given->second.empty();
    const auto targetQuality = args.option("target-quality");
    const auto targetShare = args.option("target-share");
    if (hasThresholds + targetQuality.has_value() + targetShare.has_value() > 1)
        return report({2, "give --threshold, --target-quality or --target-share, not several"},
                      "policy");
    std::optional<CalibrationTarget> target;
    if (targetQuality || targetShare) {
        const auto value = parseNumber(targetQuality ? *targetQuality : *targetShare);
        if (!value || *value < 0.0 || *value > 1.0)
            return report({2, "a target is a number from 0 to 1"}, "policy");
        target = CalibrationTarget{targetQuality ? CalibrationTarget::Kind::Quality
                                                 : CalibrationTarget::Kind::StrongShare,
                                   *value};
    }
    std::vector<double> thresholds;
    if (hasThresholds) {
        for (const std::string& text : given->second) {
            const auto value = parseNumber(text);
            if (!value)
                return report({2, "--threshold needs a number, got '" + text + "'"}, "policy");
            thresholds.push_back(*value);
        }
    }
    auto policy = policyFromArgs(args, *name, std::move(thresholds));
    if (failed(policy))
        return report(std::get<Failure>(policy), "policy");
    auto runId = runArgument(args);
    if (failed(runId))
        return report(std::get<Failure>(runId), "policy");
    auto outcome =
        workbench::savePolicy(std::get<RoutingPolicy>(std::move(policy)),
                              sourceOf(args, std::get<std::optional<int64_t>>(runId)), target,
                              !hasThresholds && !target, args.option("out"), &g_cancel);
    if (!outcome)
        return report({1, outcome.error().toString()}, "policy");
    printContext(outcome->context);
    const RoutingPolicy& p = outcome->context.policy;
    const ReplayData& d = *outcome->context.data;
    if (args.flag("json")) {
        json out = figuresJson(p, d, outcome->evaluation);
        out["name"] = p.name;
        out["written"] = outcome->writtenTo ? json(*outcome->writtenTo) : json(nullptr);
        out["saved"] = true;
        std::cout << out.dump(2) << "\n";
    } else {
        printFigures(p, d, outcome->evaluation);
        std::cout << "saved as policy '" << p.name << "' in " << *args.option("workspace")
                  << (outcome->writtenTo ? " and written to " + *outcome->writtenTo : std::string())
                  << "\n";
    }
    return 0;
}
