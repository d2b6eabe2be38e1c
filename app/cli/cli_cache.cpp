#include "cli_cache.h"

#include "cli_catalogue.h"

#include "cache/cache_lab.h"
#include "cache/cache_linter.h"
#include "cache/cache_simulator.h"
#include "common/text_format.h"
#include "pricing/catalogue.h"
#include "store/price_overrides.h"
#include "store/workspace.h"
#include "workbench/cache_ops.h"

#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

using namespace switchyard;

namespace {

// Ctrl+C stops the simulation between chunks.
CancelToken g_cancel;
extern "C" void onCacheInterrupt(int) {
    g_cancel.cancel();
}

int badArguments(const std::string& message) {
    std::cerr << "switchyard-cli: " << message << " (see switchyard-cli cache --help)\n";
    return 2;
}

int failure(const std::string& message) {
    std::cerr << "switchyard-cli: " << message << "\n";
    return 1;
}

std::string rate(double perMinute) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", perMinute);
    return text;
}

std::vector<std::string> diagnosticsWarnings(const WorkloadDiagnostics& diagnostics,
                                             const ModelPrice& price) {
    std::vector<std::string> warnings;
    auto add = [&warnings](int64_t count, const std::string& what) {
        if (count > 0)
            warnings.push_back(withThousands(count) + " requests " + what);
    };
    const std::string limit = std::to_string(price.maxCacheCheckpoints);
    add(diagnostics.requestsOverCheckpointLimit,
        "have more than " + limit + " checkpoints (the provider rejects them; the last " + limit +
            " were simulated)");
    add(diagnostics.requestsWithTtlOrderFixed,
        "have a 1-hour checkpoint after a 5-minute one (simulated as 5-minute)");
    add(diagnostics.requestsWithOneHourDowngraded,
        "mark 1-hour checkpoints this model does not offer (simulated as 5-minute)");
    add(diagnostics.requestsWithoutCheckpoints,
        "have no cache checkpoint (try --checkpoints after_system)");
    add(diagnostics.requestsBelowMinimum, "have no prefix of the model's minimum " +
                                              withThousands(price.minCacheableTokens) + " tokens");
    return warnings;
}

} // namespace

int runCacheCommand(const CliArgs& args) {
    const bool json = args.flag("json");
    if (!args.positional.empty())
        return badArguments("unexpected argument '" + args.positional.front() + "'");
    const auto setName = args.option("set");
    if (!setName)
        return badArguments("--set NAME is required");
    const auto modelRef = args.option("model");
    if (!modelRef)
        return badArguments("--model REF is required");
    const auto ttl = parseCacheTtl(args.option("ttl").value_or("5m"));
    if (!ttl)
        return badArguments("--ttl must be 5m or 1h");
    std::optional<double> requestsPerMinute;
    if (auto text = args.option("rate")) {
        requestsPerMinute = parseFiniteNumber(*text);
        if (!requestsPerMinute || !(*requestsPerMinute > 0.0))
            return badArguments("--rate must be a positive number of requests per minute");
    }
    auto placement = parseCheckpointPlacement(args.option("checkpoints").value_or("prompt"));
    if (!placement)
        return badArguments("--checkpoints: " + placement.error().message);
    placement->ttl = *ttl;
    // An explicit --ttl is the what-if for every checkpoint; without it marks keep their own.
    placement->ttlOverridesMarks = args.option("ttl").has_value();

    auto workspace = Workspace::open(*args.option("workspace"));
    if (!workspace)
        return failure(workspace.error().toString());
    const auto setId = (*workspace)->findPromptSet(*setName);
    if (!setId)
        return failure("no prompt set named '" + *setName + "' in " + (*workspace)->path());

    auto noted = workspacePricesNoted(**workspace);
    if (!noted)
        return failure(noted.error().toString());
    const EffectiveCatalogue& prices = *noted;
    auto model = prices.catalogue.lookup(*modelRef);
    if (!model)
        return failure(model.error().toString());
    const ModelPrice& price = **model;

    std::signal(SIGINT, onCacheInterrupt);
    // The Cache Lab's evaluation (workbench/cache_ops.h): the same arrival rule, rate grid and
    // truth check as the page. Without --rate, recorded timestamps when every prompt has one.
    CacheLabSettings settings;
    settings.model = price.id;
    settings.placement = *placement;
    settings.recordedTimestamps = !requestsPerMinute;
    settings.synthetic.requestsPerMinute =
        requestsPerMinute.value_or(kDefaultCacheRequestsPerMinute);
    settings.timelineBuckets = 0;
    settings.lint = args.flag("lint");
    auto evaluated = workbench::evaluateCache(**workspace, prices.catalogue, *setId, settings,
                                              nullptr, &g_cancel);
    if (!evaluated) {
        if (evaluated.error().field == "set")
            return failure("prompt set '" + *setName + "' is empty");
        return failure(evaluated.error().toString());
    }
    const CacheLabReport& report = evaluated->report;
    const std::string arrivalKind = report.recordedTimestamps ? "recorded" : "poisson";
    const std::string& arrivalNote = report.arrivalNote;
    const std::optional<SavingsCurve> curve =
        report.curve.points.empty() ? std::nullopt : std::optional<SavingsCurve>(report.curve);
    const std::vector<LintFinding>& findings = report.findings;
    const CacheSimulation& simulation = report.simulation;
    const std::vector<std::string> warnings = diagnosticsWarnings(simulation.diagnostics, price);

    if (json) {
        nlohmann::json checkpoints = nlohmann::json::array();
        for (const CheckpointStats& stats : simulation.checkpoints)
            checkpoints.push_back({{"label", stats.label},
                                   {"hits", stats.hits},
                                   {"misses", stats.misses},
                                   {"writes", stats.writes},
                                   {"below_minimum", stats.belowMinimum},
                                   {"read_tokens", stats.readTokens},
                                   {"write_tokens", stats.writeTokens}});
        nlohmann::json tags = nlohmann::json::object();
        for (const TagStats& tag : simulation.tags)
            tags[tag.tag.empty() ? "(untagged)" : tag.tag] = {
                {"requests", tag.requests},
                {"input_tokens", tag.inputTokens},
                {"cached_tokens", tag.cachedTokens},
                {"cache_write_tokens", tag.cacheWriteTokens},
                {"chr", tag.chr},
                {"cost_with_cache_usd", tag.costWithCacheUsd},
                {"cost_without_cache_usd", tag.costWithoutCacheUsd}};
        nlohmann::json out = {
            {"set", *setName},
            {"model", price.id},
            {"ttl", std::string(cacheTtlName(*ttl))},
            {"placement", checkpointPlacementName(*placement)},
            {"arrivals", {{"kind", arrivalKind}, {"rate_per_min", report.requestsPerMinute}}},
            {"requests", simulation.requests},
            {"input_tokens", simulation.inputTokens},
            {"cached_tokens", simulation.cachedTokens},
            {"cache_write_tokens", simulation.cacheWriteTokens},
            {"cache_write_1h_tokens", simulation.cacheWrite1hTokens},
            {"chr", simulation.chr},
            {"cost_with_cache_usd", simulation.costWithCacheUsd},
            {"cost_without_cache_usd", simulation.costWithoutCacheUsd},
            {"savings_usd", simulation.savingsUsd},
            {"monthly_savings_usd", simulation.monthlySavingsUsd},
            {"hit_requests", simulation.hitRequests},
            {"write_requests", simulation.writeRequests},
            {"miss_requests", simulation.missRequests},
            {"checkpoints", checkpoints},
            {"tags", tags},
            {"break_even", curve ? std::string(breakEvenKindName(curve->kind)) : "unknown"},
            {"break_even_rate_per_min", curve && curve->kind == BreakEvenKind::Crossing
                                            ? nlohmann::json(curve->breakEvenPerMinute)
                                            : nlohmann::json(nullptr)},
            {"warnings", warnings},
            {"catalogue_date", prices.catalogue.catalogueDate()},
            {"price_overridden", prices.overriddenIds.count(price.id) > 0}};
        if (!arrivalNote.empty())
            out["arrivals"]["note"] = arrivalNote;
        if (report.truth)
            out["truth_check"] = {{"run", report.truthRunName},
                                  {"requests", report.truth->requests},
                                  {"simulated_chr", report.truth->simulatedChr},
                                  {"recorded_chr", report.truth->recordedChr},
                                  {"outcome_agreement", report.truth->outcomeAgreement}};
        if (args.flag("lint")) {
            nlohmann::json list = nlohmann::json::array();
            for (const LintFinding& finding : findings) {
                nlohmann::json item = {{"kind", std::string(lintKindName(finding.kind))},
                                       {"location", finding.where.label},
                                       {"title", finding.title},
                                       {"affected_requests", finding.affectedRequests},
                                       {"fix", finding.fix},
                                       {"auto_fixable", finding.autoFixable},
                                       {"example", finding.example},
                                       {"sample_prompt_ids", finding.samplePromptIds}};
                if (finding.kind == LintKind::VolatileContent)
                    item["volatile_kind"] = std::string(volatileKindName(finding.volatileKind));
                item["monthly_cost_usd"] = finding.monthlyCostUsd
                                               ? nlohmann::json(*finding.monthlyCostUsd)
                                               : nlohmann::json(nullptr);
                list.push_back(std::move(item));
            }
            out["findings"] = std::move(list);
        }
        // Prompt ids and examples are user text: invalid UTF-8 is replaced, never fatal.
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }

    std::cout << "Prompt cache: set '" << *setName << "' on " << price.id << ", TTL "
              << cacheTtlName(*ttl) << ", checkpoints " << checkpointPlacementName(*placement)
              << "\n";
    if (arrivalKind == "recorded")
        std::cout << "Arrivals:         recorded timestamps, " << rate(report.requestsPerMinute)
                  << " requests/min\n";
    else
        std::cout << "Arrivals:         Poisson, " << rate(report.requestsPerMinute)
                  << " requests/min" << (arrivalNote.empty() ? "" : " (" + arrivalNote + ")")
                  << "\n";
    std::cout << "Requests:         " << withThousands(simulation.requests) << " ("
              << simulation.hitRequests << " hits, " << simulation.writeRequests << " writes, "
              << simulation.missRequests << " misses)\n"
              << "Input tokens:     " << withThousands(simulation.inputTokens) << "\n"
              << "Cached tokens:    " << withThousands(simulation.cachedTokens) << " (CHR "
              << formatPercent(simulation.chr) << ")\n"
              << "Cache writes:     " << withThousands(simulation.cacheWriteTokens) << " tokens";
    if (simulation.cacheWrite1hTokens > 0)
        std::cout << " (" << withThousands(simulation.cacheWrite1hTokens) << " at 1h)";
    std::cout << "\nCost with cache:  " << formatUsd(simulation.costWithCacheUsd) << "\n"
              << "Cost without:     " << formatUsd(simulation.costWithoutCacheUsd) << "\n"
              << "Savings:          " << formatUsd(simulation.savingsUsd) << " ("
              << formatPercent(simulation.costWithoutCacheUsd > 0
                                   ? simulation.savingsUsd / simulation.costWithoutCacheUsd
                                   : 0.0)
              << "); " << formatUsd(simulation.monthlySavingsUsd) << " a month at this rate\n";
    if (curve) {
        std::cout << "Break-even:       ";
        switch (curve->kind) {
        case BreakEvenKind::Crossing:
            std::cout << rate(curve->breakEvenPerMinute)
                      << " requests/min (below it caching costs more than it saves)\n";
            break;
        case BreakEvenKind::AlwaysSaves:
            std::cout << "none: caching never costs more at any rate\n";
            break;
        case BreakEvenKind::NeverSaves:
            std::cout << "none: caching saves nothing at any rate\n";
            break;
        case BreakEvenKind::AboveRange:
            std::cout << "above " << rate(curve->points.back().requestsPerMinute)
                      << " requests/min\n";
            break;
        }
    }
    if (!simulation.checkpoints.empty()) {
        std::cout << "Per checkpoint:\n";
        for (const CheckpointStats& stats : simulation.checkpoints)
            std::cout << "  " << stats.label << ": " << withThousands(stats.hits) << " hits, "
                      << withThousands(stats.writes) << " writes, " << withThousands(stats.misses)
                      << " misses (" << withThousands(stats.belowMinimum)
                      << " below minimum); read " << withThousands(stats.readTokens) << ", written "
                      << withThousands(stats.writeTokens) << " tokens\n";
    }
    for (const std::string& warning : warnings)
        std::cout << "Note: " << warning << "\n";
    if (args.flag("lint")) {
        std::cout << (findings.empty() ? "Linter: no findings\n" : "Linter findings:\n");
        for (const LintFinding& finding : findings) {
            std::cout << "  " << finding.title << ": " << withThousands(finding.affectedRequests)
                      << " requests";
            if (finding.monthlyCostUsd)
                std::cout << ", " << formatUsd(*finding.monthlyCostUsd) << " a month";
            std::cout << "\n    fix: " << finding.fix << "\n";
        }
    }
    return 0;
}
