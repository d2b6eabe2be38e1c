#include "cli_routing_common.h"

#include "common/text_format.h"

#include <cmath>
#include <csignal>
#include <iostream>
#include <sstream>

using namespace switchyard;
using namespace switchyard::routing;
using nlohmann::json;

namespace {

extern "C" void onRoutingInterrupt(int) {
    cli_routing::g_cancel.cancel();
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

} // namespace

namespace cli_routing {

CancelToken g_cancel;

int report(const Failure& failure, const std::string& command) {
    std::cerr << "switchyard-cli: " << failure.message;
    if (failure.exitCode == 2)
        std::cerr << " (see switchyard-cli " << command << " --help)";
    std::cerr << "\n";
    return failure.exitCode;
}

json optionalNumber(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
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

std::variant<std::optional<int64_t>, Failure> runArgument(const CliArgs& args) {
    const auto run = args.option("run");
    if (!run)
        return std::optional<int64_t>();
    const auto id = parseNumber(*run);
    if (!id || *id < 1 || std::floor(*id) != *id)
        return Failure{2, "--run needs a run id"};
    return std::optional<int64_t>(static_cast<int64_t>(*id));
}

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

} // namespace cli_routing
