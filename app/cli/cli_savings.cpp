#include "cli_savings.h"

#include "cli_json.h"
#include "cli_routing_common.h"
#include "common/text_format.h"
#include "workbench/savings_ops.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>

using namespace switchyard;
using namespace cli_routing;

namespace {

std::variant<std::optional<report::ProvisionedAssumption>, Failure>
provisionedArgument(const CliArgs& args) {
    const auto model = args.option("provisioned-model");
    const auto hourly = args.option("provisioned-hourly");
    if (!model && !hourly)
        return std::optional<report::ProvisionedAssumption>();
    if (!model || !hourly)
        return Failure{2, "--provisioned-model and --provisioned-hourly go together"};
    report::ProvisionedAssumption provisioned;
    provisioned.model = *model;
    const auto price = parseFiniteNumber(*hourly);
    if (!price || *price <= 0.0)
        return Failure{2, "--provisioned-hourly must be a price in USD per hour above 0"};
    provisioned.hourlyUsd = *price;
    if (auto units = args.option("provisioned-units")) {
        const auto count = parseFiniteNumber(*units);
        if (!count || *count < 1.0 || *count != static_cast<double>(static_cast<int64_t>(*count)))
            return Failure{2,
                           "--provisioned-units must be a whole number of model units, 1 or more"};
        provisioned.units = static_cast<int64_t>(*count);
    }
    provisioned.source = args.option("provisioned-source").value_or("");
    provisioned.date = args.option("provisioned-date").value_or("");
    return std::optional<report::ProvisionedAssumption>(provisioned);
}

nlohmann::json waterfallJson(const report::Waterfall& waterfall) {
    nlohmann::json steps = nlohmann::json::array();
    for (const report::WaterfallStep& step : waterfall.steps)
        steps.push_back({{"lever", report::leverName(step.lever)},
                         {"before_usd", step.beforeUsd},
                         {"after_usd", step.afterUsd},
                         {"saving_usd", step.savingUsd()},
                         {"requests_changed", step.requestsChanged},
                         {"note", step.note}});
    return steps;
}

nlohmann::json savingsJson(const workbench::SavingsOutcome& outcome) {
    const workbench::SavingsQuality& quality = outcome.quality;
    nlohmann::json projection = nlohmann::json::array();
    for (const report::VolumePoint& point : outcome.projection)
        projection.push_back({{"requests_month", point.requestsPerMonth},
                              {"baseline_usd", point.baselineUsd},
                              {"policy_usd", point.policyUsd},
                              {"commitment_model_usd", point.commitmentModelUsd}});
    nlohmann::json breakEven = nullptr;
    if (outcome.breakEven)
        breakEven = {{"kind", report::breakEvenKindName(outcome.breakEven->kind)},
                     {"commitment_month_usd", outcome.breakEven->commitmentMonthUsd},
                     {"requests_month", outcome.breakEven->kind == report::BreakEvenKind::Crossing
                                            ? nlohmann::json(outcome.breakEven->requestsPerMonth)
                                            : nlohmann::json(nullptr)},
                     {"model", outcome.provisioned->model},
                     {"hourly_usd", outcome.provisioned->hourlyUsd},
                     {"units", outcome.provisioned->units},
                     {"source", optionalText(outcome.provisioned->source)},
                     {"date", optionalText(outcome.provisioned->date)}};
    nlohmann::json tiers = nlohmann::json::object();
    for (size_t k = 0; k < outcome.tierSpend.size(); ++k)
        if (k + 1 < outcome.tierSpend.size() || outcome.tierSpend[k].requests > 0)
            tiers[outcome.tierLabels[k]] = {{"requests", outcome.tierSpend[k].requests},
                                            {"spend_usd", outcome.tierSpend[k].spendUsd}};
    nlohmann::json tags = nlohmann::json::array();
    for (const report::TagAttribution& tag : outcome.tags)
        tags.push_back({{"tag", optionalText(tag.tag)},
                        {"requests", tag.requests},
                        {"baseline_usd", tag.baselineUsd},
                        {"spend_usd", tag.spendUsd},
                        {"cost_per_request_usd", tag.costPerRequestUsd()},
                        {"tier_share", tag.tierShare},
                        {"chr", optionalNumber(tag.chr)}});
    const report::Waterfall& waterfall = outcome.waterfall;
    return {{"policy", outcome.context.policy.name},
            {"run_id", outcome.context.data->runId},
            {"synthetic", outcome.context.data->synthetic},
            {"requests", waterfall.requests},
            {"requests_month", outcome.requestsPerMonth},
            {"requests_month_source", outcome.requestsPerMonthSource},
            {"baseline", quality.baselineModel},
            {"baseline_usd", waterfall.baselineUsd},
            {"steps", waterfallJson(waterfall)},
            {"final_usd", waterfall.finalUsd},
            {"savings_usd", waterfall.savingsUsd()},
            {"savings_pct", waterfall.savingsPct()},
            {"month_baseline_usd", waterfall.baselineUsd * outcome.monthFactor()},
            {"month_final_usd", waterfall.finalUsd * outcome.monthFactor()},
            {"quality", quality.quality},
            {"quality_ci95", optionalInterval(quality.qualityCi95)},
            {"baseline_quality", quality.baselineQuality},
            {"paired",
             {{"n", quality.paired.n},
              {"delta_mean", quality.paired.deltaMean},
              {"ci95", optionalInterval(quality.paired.ci95)},
              {"p_value", optionalNumber(quality.paired.pValue)},
              {"test", eval::pairedTestName(quality.paired.test)},
              {"verdict", quality.verdictText}}},
            {"chr", optionalNumber(outcome.chr)},
            {"projection", projection},
            {"break_even", breakEven},
            {"tiers", tiers},
            {"tags", tags},
            {"notes", outcome.notes}};
}

void printSavings(const workbench::SavingsOutcome& outcome) {
    const report::Waterfall& waterfall = outcome.waterfall;
    const double month = outcome.monthFactor();
    std::cout << "Savings of policy '" << outcome.context.policy.name << "' on run "
              << outcome.context.data->runId
              << (outcome.context.data->synthetic ? " (synthetic demo data)" : "") << ", "
              << waterfall.requests << " requests, a month at "
              << withThousands(std::llround(outcome.requestsPerMonth)) << " requests ("
              << outcome.requestsPerMonthSource << "):\n";
    std::cout << "  baseline (" << outcome.quality.baselineModel
              << "): " << formatUsd(waterfall.baselineUsd * month) << " a month\n";
    for (const report::WaterfallStep& step : waterfall.steps)
        std::cout << "  " << report::leverName(step.lever) << ": -"
                  << formatUsd(step.savingUsd() * month) << "  (" << step.note << ")\n";
    std::cout << "  final: " << formatUsd(waterfall.finalUsd * month) << " a month, "
              << formatFixed(waterfall.savingsPct(), 1) << " % saved\n";
    std::cout << "  quality " << formatFixed(outcome.quality.quality, 3) << " against "
              << formatFixed(outcome.quality.baselineQuality, 3) << ": "
              << outcome.quality.verdictText << "\n";
    if (outcome.breakEven) {
        std::cout << "  provisioned throughput ("
                  << formatUsd(outcome.breakEven->commitmentMonthUsd) << " a month): ";
        if (outcome.breakEven->kind == report::BreakEvenKind::Crossing)
            std::cout << "pays off above "
                      << withThousands(std::llround(outcome.breakEven->requestsPerMonth))
                      << " requests a month\n";
        else
            std::cout << report::breakEvenKindName(outcome.breakEven->kind) << "\n";
    }
    for (const std::string& note : outcome.notes)
        std::cout << "  note: " << note << "\n";
}

} // namespace

int savingsRequestFromArgs(const CliArgs& args, const std::string& command,
                           workbench::SavingsRequest& request) {
    request.policy = args.option("policy").value_or("");
    if (request.policy.empty())
        return cli_routing::report({2, "--policy NAME|FILE is required"}, command);
    if (auto volume = args.option("requests-month")) {
        const auto value = parseFiniteNumber(*volume);
        if (!value || *value <= 0.0)
            return cli_routing::report({2, "--requests-month must be a number of requests above 0"},
                                       command);
        request.assumptions.requestsPerMonth = *value;
    }
    auto provisioned = provisionedArgument(args);
    if (failed(provisioned))
        return cli_routing::report(std::get<Failure>(provisioned), command);
    request.assumptions.provisioned = std::get<0>(provisioned);
    auto kinds = providerKindsArgument(args);
    if (failed(kinds))
        return cli_routing::report(std::get<Failure>(kinds), command);
    request.assumptions.providerKinds = std::get<0>(std::move(kinds));
    const auto runId = runArgument(args);
    if (failed(runId))
        return cli_routing::report(std::get<Failure>(runId), command);
    request.source = sourceOf(args, std::get<std::optional<int64_t>>(runId));
    return 0;
}

int runSavingsCommand(const CliArgs& args) {
    workbench::SavingsRequest request;
    if (const int failure = savingsRequestFromArgs(args, "savings", request))
        return failure;
    auto outcome = workbench::computeSavings(request, &g_cancel);
    if (!outcome)
        return cli_routing::report({1, outcome.error().toString()}, "savings");
    if (args.flag("json"))
        std::cout << savingsJson(*outcome).dump(2) << "\n";
    else
        printSavings(*outcome);
    return 0;
}
