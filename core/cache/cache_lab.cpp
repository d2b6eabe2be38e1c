#include "cache/cache_lab.h"

#include "prompts/token_estimate.h"

#include <cstdio>

namespace switchyard {

Expected<CacheLabReport> runCacheLab(std::span<const Prompt> prompts, const Catalogue& catalogue,
                                     const CacheLabSettings& settings, const Progress& progress,
                                     const CancelToken* cancel) {
    auto model = catalogue.lookup(settings.model);
    if (!model)
        return model.error();
    const RequestTrace trace = traceFromPrompts(prompts, tokenizerFamilyForModel((*model)->id));
    return runCacheLab(trace, prompts, catalogue, settings, progress, cancel);
}

Expected<CacheLabReport> runCacheLab(const RequestTrace& trace, std::span<const Prompt> prompts,
                                     const Catalogue& catalogue, const CacheLabSettings& settings,
                                     const Progress& progress, const CancelToken* cancel) {
    auto model = catalogue.lookup(settings.model);
    if (!model)
        return model.error();
    if (settings.lint && prompts.size() != trace.size())
        return Error{"", 0, "lint", "linting needs the prompts the trace was made from"};
    CacheLabReport report;
    report.model = **model;
    report.mode = cacheModeFor(report.model);
    auto workload = compileWorkload(trace, std::span(&report.model, 1), settings.placement);
    if (!workload)
        return workload.error();
    Expected<Arrivals> arrivals = Arrivals{};
    if (settings.recordedTimestamps) {
        arrivals = recordedArrivals(trace);
        report.recordedTimestamps = arrivals.ok();
        if (!arrivals) {
            char rate[32];
            std::snprintf(rate, sizeof rate, "%g", settings.synthetic.requestsPerMinute);
            report.arrivalNote = arrivals.error().message + "; simulated arrivals at " +
                                 std::string(rate) + " requests/min instead";
        }
    }
    if (!report.recordedTimestamps)
        arrivals = syntheticArrivals(settings.synthetic, trace.size());
    if (!arrivals)
        return arrivals.error();
    report.requestsPerMinute = arrivals->requestsPerMinute;

    // Progress in three stages of equal weight: simulation, rate sweep, linting.
    auto stage = [&progress](int index) -> Progress {
        if (!progress)
            return {};
        return [&progress, index](int64_t done, int64_t total) {
            const int64_t share = total > 0 ? done * 1000 / total : 0;
            progress(index * 1000 + share, 3000);
        };
    };
    SimulationOptions options;
    options.timelineBuckets = settings.timelineBuckets;
    options.keepPerRequest = !settings.recorded.usage.empty();
    auto simulation = simulateCache(*workload, *arrivals, options, stage(0), cancel);
    if (!simulation)
        return simulation.error();
    report.simulation = std::move(simulation).value();

    if (options.keepPerRequest) {
        std::vector<CacheUsagePair> pairs;
        pairs.reserve(settings.recorded.usage.size());
        for (const RecordedUsage& recorded : settings.recorded.usage)
            if (recorded.request < report.simulation.perRequest.size())
                pairs.push_back({report.simulation.perRequest[recorded.request], recorded.usage});
        if (!pairs.empty()) {
            report.truth = compareWithRecorded(pairs);
            report.truthRunName = settings.recorded.runName;
        }
        report.simulation.perRequest = {}; // not needed past here, and large at scale
    }

    const double rate = arrivals->requestsPerMinute;
    const bool autoRange = settings.lowestRatePerMinute <= 0 || settings.highestRatePerMinute <= 0;
    const auto rates =
        rateGrid(autoRange ? rate / 100.0 : settings.lowestRatePerMinute,
                 autoRange ? rate * 100.0 : settings.highestRatePerMinute, settings.ratePoints);
    if (rate > 0) {
        auto curve = savingsVersusRate(*workload, *arrivals, rates, stage(1), cancel);
        if (!curve)
            return curve.error();
        report.curve = std::move(curve).value();
    }

    if (settings.lint) {
        const LintOptions lintOptions{report.model, settings.placement};
        report.findings = lintPrompts(prompts, lintOptions);
        if (auto priced =
                priceFindings(report.findings, prompts, lintOptions, *arrivals, stage(2), cancel);
            !priced)
            return priced.error();
    }
    if (progress)
        progress(3000, 3000);
    return report;
}

} // namespace switchyard
