// What each finding of the linter costs a month: the simulated bill with every fix, against the
// bill with every fix but that one.
#include "cache/cache_linter.h"

#include "cache/cache_simulator.h"
#include "prompts/token_estimate.h"

namespace switchyard {

Status priceFindings(std::span<LintFinding> findings, std::span<const Prompt> prompts,
                     const LintOptions& options, const Arrivals& arrivals, const Progress& progress,
                     const CancelToken* cancel) {
    const TokenizerFamily family = tokenizerFamilyForModel(options.model.id);
    auto costWithCache = [&](std::span<const Prompt> set) -> Expected<double> {
        const RequestTrace trace = traceFromPrompts(set, family);
        auto workload = compileWorkload(trace, {&options.model, 1}, options.placement);
        if (!workload)
            return workload.error();
        auto result = simulateCache(*workload, arrivals, {}, {}, cancel);
        if (!result)
            return result.error();
        return result->costWithCacheUsd;
    };
    // Every fix but `skipped` (none when skipped == findings.size()), in the findings' order.
    auto fixedCopy = [&](size_t skipped) {
        std::vector<Prompt> copy(prompts.begin(), prompts.end());
        for (Prompt& prompt : copy)
            for (size_t k = 0; k < findings.size(); ++k)
                if (k != skipped && findings[k].autoFixable)
                    applyFix(findings[k], prompt);
        return copy;
    };
    auto allFixed = costWithCache(fixedCopy(findings.size()));
    if (!allFixed)
        return allFixed.error();
    const double monthlyScale = prompts.empty() ? 0.0
                                                : arrivals.requestsPerMinute * kMinutesPerMonth /
                                                      static_cast<double>(prompts.size());
    for (size_t k = 0; k < findings.size(); ++k) {
        LintFinding& finding = findings[k];
        finding.monthlyCostUsd.reset();
        if (finding.autoFixable) {
            auto withoutThisFix = costWithCache(fixedCopy(k));
            if (!withoutThisFix)
                return withoutThisFix.error();
            finding.monthlyCostUsd = (*withoutThisFix - *allFixed) * monthlyScale;
        }
        if (progress)
            progress(static_cast<int64_t>(k + 1), static_cast<int64_t>(findings.size()));
    }
    return success();
}

} // namespace switchyard
