#include "workbench/cache_ops.h"

#include "cache/recorded_usage.h"
#include "cache/request_trace.h"
#include "prompts/token_estimate.h"

#include <utility>

namespace switchyard::workbench {

Expected<CacheOutcome> evaluateCache(const Workspace& workspace, const Catalogue& catalogue,
                                     int64_t setId, CacheLabSettings settings, SetPrompts prompts,
                                     const CancelToken* cancel, const Progress& progress) {
    auto model = catalogue.lookup(settings.model);
    if (!model)
        return model.error();
    const TokenizerFamily family = tokenizerFamilyForModel((*model)->id);
    if (!prompts && settings.lint) {
        std::vector<Prompt> read;
        auto status = workspace.forEachPrompt(setId, [&](int64_t, Prompt&& prompt) {
            read.push_back(std::move(prompt));
            return !(cancel && cancel->cancelled());
        });
        if (!status)
            return status.error();
        prompts = std::make_shared<const std::vector<Prompt>>(std::move(read));
    }
    // Without the prompts in memory the set streams into a trace, so a large set is simulated
    // without holding its text.
    auto trace = prompts ? Expected<RequestTrace>(traceFromPrompts(*prompts, family))
                         : traceFromPromptSet(workspace, setId, family, {}, cancel);
    if (!trace)
        return trace.error();
    if (cancel && cancel->cancelled())
        return Error{"", 0, "", "cancelled"};
    if (trace->empty())
        return Error{"", 0, "set", "the prompt set is empty"};
    settings.recorded = recordedCacheUsage(workspace, setId, catalogue, (*model)->id);
    const std::span<const Prompt> texts =
        prompts ? std::span<const Prompt>(*prompts) : std::span<const Prompt>();
    auto report = runCacheLab(*trace, texts, catalogue, settings, progress, cancel);
    if (!report)
        return report.error();
    return CacheOutcome{std::move(report).value(), std::move(prompts)};
}

Expected<FixedSet> copyWithFix(Workspace& workspace, int64_t setId, const std::string& setName,
                               const LintFinding& finding) {
    std::vector<Prompt> prompts;
    auto read = workspace.forEachPrompt(setId, [&prompts](int64_t, Prompt&& prompt) {
        prompts.push_back(std::move(prompt));
        return true;
    });
    if (!read)
        return read.error();
    const std::vector<Prompt> fixed = applyFix(finding, prompts);
    FixedSet out;
    out.name = workspace.uniqueSetName(setName +
                                       " (fixed: " + std::string(lintKindName(finding.kind)) + ")");
    auto created = workspace.createPromptSet(out.name, "fix of " + setName + ": " + finding.fix);
    if (!created)
        return created.error();
    if (auto appended = workspace.appendPrompts(*created, fixed, ""); !appended)
        return appended.error();
    out.setId = *created;
    return out;
}

} // namespace switchyard::workbench
