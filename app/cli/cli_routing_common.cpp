#include "cli_routing_common.h"

#include "cli_catalogue.h"

#include "common/text_format.h"
#include "policy/gateway_export.h"
#include "providers/providers_file.h"

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

std::variant<std::map<std::string, std::string>, Failure>
providerKindsArgument(const CliArgs& args) {
    const std::string path = args.option("providers").value_or(defaultProvidersFilePath());
    if (auto providers = loadProvidersFile(path))
        return providerKindsOf(*providers);
    else if (args.option("providers"))
        return Failure{1, providers.error().toString()};
    return std::map<std::string, std::string>{};
}

std::variant<std::optional<int64_t>, Failure> runArgument(const CliArgs& args) {
    const auto run = args.option("run");
    if (!run)
        return std::optional<int64_t>();
    const auto id = parseFiniteNumber(*run);
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
    choice.models = splitCommaList(args.option("models").value_or(""));
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
    printPriceProblems(context.priceProblems);
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
    const ReplayFigures& figures = evaluation.figures;
    json out = {{"requests", figures.requests},
                {"cost_usd", figures.costUsd},
                {"cost_per_1k_usd", figures.costPer1kUsd},
                {"quality", figures.quality},
                {"quality_ci95", optionalInterval(figures.qualityCi95)},
                {"pass_rate", figures.passRate},
                {"quality_bar", policy.table.qualityBar},
                {"baseline_model", figures.baseline.modelRef},
                {"baseline_cost_usd", figures.baseline.costUsd},
                {"baseline_quality", figures.baseline.quality},
                {"savings_usd", figures.savingsUsd},
                {"savings_pct", figures.savingsPct},
                {"tier_share", tierShareJson(policy, figures.tierShare)},
                {"canned_share", figures.cannedShare},
                {"latency_p50_ms", optionalNumber(figures.latencyP50Ms)},
                {"latency_p95_ms", optionalNumber(figures.latencyP95Ms)},
                {"latency_unknown", figures.latencyUnknown},
                {"excluded", figures.excludedPrompts},
                {"pre_router_cost_usd", figures.preRouterCostUsd},
                {"wasted_cost_usd", figures.wastedCostUsd},
                {"added_latency_ms", figures.addedLatencyMs},
                {"escalations", figures.escalations},
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
    const ReplayFigures& figures = evaluation.figures;
    std::cout << "policy '" << policy.name << "' (" << routerKindName(policy.router.kind)
              << ") on run '" << data.runName << "' (set '" << data.setName << "')"
              << (data.synthetic ? " [synthetic demo data]" : "") << "\n";
    std::cout << "  requests       " << figures.requests;
    if (figures.excludedPrompts)
        std::cout << " (" << figures.excludedPrompts << " excluded)";
    std::cout << "\n  cost           " << formatUsd(figures.costUsd) << " total, "
              << formatUsd(figures.costPer1kUsd) << " per 1,000 requests\n";
    std::cout << "  quality        " << formatFixed(figures.quality, 3);
    if (figures.qualityCi95)
        std::cout << " (95% CI " << formatFixed(figures.qualityCi95->first, 3) << " to "
                  << formatFixed(figures.qualityCi95->second, 3) << ")";
    std::cout << ", pass rate " << formatPercent(figures.passRate) << "\n";
    std::cout << "  latency        "
              << (figures.latencyP50Ms
                      ? "p50 " + formatFixed(*figures.latencyP50Ms, 0) + " ms, p95 " +
                            formatFixed(*figures.latencyP95Ms, 0) + " ms"
                      : std::string("not recorded"))
              << "\n";
    std::cout << "  baseline       " << figures.baseline.modelRef << ": "
              << formatUsd(figures.baseline.costUsd) << ", quality "
              << formatFixed(figures.baseline.quality, 3) << "\n";
    std::cout << "  savings        " << formatUsd(figures.savingsUsd) << " ("
              << formatFixed(figures.savingsPct, 1) << "%)\n";
    for (size_t k = 0; k < policy.tiers.size() && k < figures.tierShare.size(); ++k)
        std::cout << "  tier " << policy.tiers[k].name << "  "
                  << formatPercent(figures.tierShare[k]) << "  " << policy.tiers[k].model << "\n";
    if (figures.cannedShare > 0.0)
        std::cout << "  canned answers " << formatPercent(figures.cannedShare)
                  << " (quality assumed)\n";
    if (figures.preRouterCostUsd > 0.0)
        std::cout << "  classifier     " << formatUsd(figures.preRouterCostUsd) << " (included)\n";
    if (policy.router.kind == RouterKind::Cascade)
        std::cout << "  cascade        " << figures.escalations << " escalations, "
                  << formatUsd(figures.wastedCostUsd) << " on discarded answers (included), +"
                  << formatFixed(figures.addedLatencyMs, 0) << " ms mean added latency\n";
    for (const std::string& note : evaluation.notes)
        std::cout << "  note: " << note << "\n";
}

} // namespace cli_routing
