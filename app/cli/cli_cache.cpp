#include "cli_cache.h"

#include "cli_catalogue.h"

#include "cache/arrivals.h"
#include "cache/cache_linter.h"
#include "cache/cache_simulator.h"
#include "cache/request_trace.h"
#include "pricing/catalogue.h"
#include "store/price_overrides.h"
#include "store/workspace.h"

#include <nlohmann/json.hpp>

#include <cmath>
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

// Without --rate and without a timestamp on every prompt, requests arrive at this rate.
constexpr double kDefaultRequestsPerMinute = 60.0;
// The break-even search: 0.01 to 10,000 requests a minute, 4 points a decade.
constexpr double kLowestRate = 0.01;
constexpr double kHighestRate = 10000.0;
constexpr int kRatePoints = 25;

int badArguments(const std::string& message) {
    std::cerr << "switchyard-cli: " << message << " (see switchyard-cli cache --help)\n";
    return 2;
}

int failure(const std::string& message) {
    std::cerr << "switchyard-cli: " << message << "\n";
    return 1;
}

std::string withThousands(int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<size_t>(at), ",");
    return value < 0 ? "-" + digits : digits;
}

// $1,234.56 from a dollar up, four decimals below ($0.0042).
std::string usd(double value) {
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 1.0 ? 2 : 4;
    const auto scale = std::pow(10.0, decimals);
    const auto units = static_cast<int64_t>(std::llround(magnitude * scale));
    char fraction[32];
    std::snprintf(fraction, sizeof fraction, ".%0*lld", decimals,
                  static_cast<long long>(units % static_cast<int64_t>(scale)));
    return std::string(value < 0 ? "-$" : "$") +
           withThousands(units / static_cast<int64_t>(scale)) + fraction;
}

std::string percent(double fraction) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", fraction * 100.0);
    return text;
}

std::string rate(double perMinute) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", perMinute);
    return text;
}

std::optional<double> parsePositive(const std::string& text) {
    try {
        size_t used = 0;
        const double value = std::stod(text, &used);
        if (used != text.size() || !(value > 0.0) || !std::isfinite(value))
            return std::nullopt;
        return value;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

ArrivalSpec poissonAt(double requestsPerMinute) {
    ArrivalSpec spec;
    spec.requestsPerMinute = requestsPerMinute;
    return spec;
}

bool allTimestamped(const RequestTrace& trace) {
    for (size_t i = 0; i < trace.size(); ++i)
        if (!trace.timestampMs(i))
            return false;
    return true;
}

std::vector<std::string> diagnosticsWarnings(const WorkloadDiagnostics& d, const ModelPrice& m) {
    std::vector<std::string> warnings;
    auto add = [&warnings](int64_t count, const std::string& what) {
        if (count > 0)
            warnings.push_back(withThousands(count) + " requests " + what);
    };
    const std::string limit = std::to_string(m.maxCacheCheckpoints);
    add(d.requestsOverCheckpointLimit, "have more than " + limit +
                                           " checkpoints (the provider rejects them; the last " +
                                           limit + " were simulated)");
    add(d.requestsWithTtlOrderFixed,
        "have a 1-hour checkpoint after a 5-minute one (simulated as 5-minute)");
    add(d.requestsWithOneHourDowngraded,
        "mark 1-hour checkpoints this model does not offer (simulated as 5-minute)");
    add(d.requestsWithoutCheckpoints, "have no cache checkpoint (try --checkpoints after_system)");
    add(d.requestsBelowMinimum,
        "have no prefix of the model's minimum " + withThousands(m.minCacheableTokens) + " tokens");
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
        requestsPerMinute = parsePositive(*text);
        if (!requestsPerMinute)
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

    auto noted = workspacePricesNoted(**workspace, std::cerr);
    if (!noted)
        return failure(noted.error().toString());
    const EffectiveCatalogue& prices = *noted;
    auto model = prices.catalogue.lookup(*modelRef);
    if (!model)
        return failure(model.error().toString());
    const ModelPrice& price = **model;

    std::signal(SIGINT, onCacheInterrupt);
    const TokenizerFamily family = tokenizerFamilyForModel(price.id);
    std::vector<Prompt> prompts; // kept only for --lint
    Expected<RequestTrace> trace = RequestTrace{};
    if (args.flag("lint")) {
        auto status = (*workspace)->forEachPrompt(*setId, [&](int64_t, Prompt&& prompt) {
            prompts.push_back(std::move(prompt));
            return !g_cancel.cancelled();
        });
        if (!status)
            return failure(status.error().toString());
        trace = traceFromPrompts(prompts, family);
    } else {
        trace = traceFromPromptSet(**workspace, *setId, family, {}, &g_cancel);
    }
    if (!trace)
        return failure(trace.error().toString());
    if (g_cancel.cancelled())
        return failure("cancelled");
    if (trace->empty())
        return failure("prompt set '" + *setName + "' is empty");

    std::string arrivalKind = "poisson";
    std::string arrivalNote;
    Expected<Arrivals> arrivals = Arrivals{};
    if (requestsPerMinute) {
        arrivals = syntheticArrivals(poissonAt(*requestsPerMinute), trace->size());
    } else if (allTimestamped(*trace)) {
        arrivalKind = "recorded";
        arrivals = recordedArrivals(*trace);
    } else {
        arrivalNote = "no --rate given and not every prompt has a timestamp: Poisson at " +
                      rate(kDefaultRequestsPerMinute) + " requests/min assumed";
        arrivals = syntheticArrivals(poissonAt(kDefaultRequestsPerMinute), trace->size());
    }
    if (!arrivals)
        return failure(arrivals.error().toString());

    auto workload = compileWorkload(*trace, {&price, 1}, *placement);
    if (!workload)
        return failure(workload.error().toString());
    auto result = simulateCache(*workload, *arrivals, {}, {}, &g_cancel);
    if (!result)
        return failure(result.error().toString());
    std::optional<SavingsCurve> curve;
    if (arrivals->requestsPerMinute > 0.0) {
        const std::vector<double> grid = rateGrid(kLowestRate, kHighestRate, kRatePoints);
        auto computed = savingsVersusRate(*workload, *arrivals, grid, {}, &g_cancel);
        if (!computed)
            return failure(computed.error().toString());
        curve = std::move(computed).value();
    }
    std::vector<LintFinding> findings;
    if (args.flag("lint")) {
        const LintOptions lintOptions{price, *placement};
        findings = lintPrompts(prompts, lintOptions);
        if (auto status = priceFindings(findings, prompts, lintOptions, *arrivals, {}, &g_cancel);
            !status)
            return failure(status.error().toString());
    }
    const std::vector<std::string> warnings = diagnosticsWarnings(result->diagnostics, price);
    const CacheSimulation& r = *result;

    if (json) {
        nlohmann::json checkpoints = nlohmann::json::array();
        for (const CheckpointStats& stats : r.checkpoints)
            checkpoints.push_back({{"label", stats.label},
                                   {"hits", stats.hits},
                                   {"misses", stats.misses},
                                   {"writes", stats.writes},
                                   {"below_minimum", stats.belowMinimum},
                                   {"read_tokens", stats.readTokens},
                                   {"write_tokens", stats.writeTokens}});
        nlohmann::json tags = nlohmann::json::object();
        for (const TagStats& tag : r.tags)
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
            {"arrivals", {{"kind", arrivalKind}, {"rate_per_min", arrivals->requestsPerMinute}}},
            {"requests", r.requests},
            {"input_tokens", r.inputTokens},
            {"cached_tokens", r.cachedTokens},
            {"cache_write_tokens", r.cacheWriteTokens},
            {"cache_write_1h_tokens", r.cacheWrite1hTokens},
            {"chr", r.chr},
            {"cost_with_cache_usd", r.costWithCacheUsd},
            {"cost_without_cache_usd", r.costWithoutCacheUsd},
            {"savings_usd", r.savingsUsd},
            {"monthly_savings_usd", r.monthlySavingsUsd},
            {"hit_requests", r.hitRequests},
            {"write_requests", r.writeRequests},
            {"miss_requests", r.missRequests},
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
        std::cout << "Arrivals:         recorded timestamps, " << rate(arrivals->requestsPerMinute)
                  << " requests/min\n";
    else
        std::cout << "Arrivals:         Poisson, " << rate(arrivals->requestsPerMinute)
                  << " requests/min" << (arrivalNote.empty() ? "" : " (assumed: no --rate given)")
                  << "\n";
    std::cout << "Requests:         " << withThousands(r.requests) << " (" << r.hitRequests
              << " hits, " << r.writeRequests << " writes, " << r.missRequests << " misses)\n"
              << "Input tokens:     " << withThousands(r.inputTokens) << "\n"
              << "Cached tokens:    " << withThousands(r.cachedTokens) << " (CHR " << percent(r.chr)
              << ")\n"
              << "Cache writes:     " << withThousands(r.cacheWriteTokens) << " tokens";
    if (r.cacheWrite1hTokens > 0)
        std::cout << " (" << withThousands(r.cacheWrite1hTokens) << " at 1h)";
    std::cout << "\nCost with cache:  " << usd(r.costWithCacheUsd) << "\n"
              << "Cost without:     " << usd(r.costWithoutCacheUsd) << "\n"
              << "Savings:          " << usd(r.savingsUsd) << " ("
              << percent(r.costWithoutCacheUsd > 0 ? r.savingsUsd / r.costWithoutCacheUsd : 0.0)
              << "); " << usd(r.monthlySavingsUsd) << " a month at this rate\n";
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
            std::cout << "above " << rate(kHighestRate) << " requests/min\n";
            break;
        }
    }
    if (!r.checkpoints.empty()) {
        std::cout << "Per checkpoint:\n";
        for (const CheckpointStats& stats : r.checkpoints)
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
                std::cout << ", " << usd(*finding.monthlyCostUsd) << " a month";
            std::cout << "\n    fix: " << finding.fix << "\n";
        }
    }
    return 0;
}
