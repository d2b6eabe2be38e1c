#include "cli_run.h"

#include "cli_evaluate.h"
#include "cli_json.h"
#include "cli_runner_common.h"
#include "workbench/run_ops.h"

#include "cli_catalogue.h"
#include "common/process.h"
#include "common/text_format.h"
#include "prompts/variants_file.h"
#include "providers/providers_file.h"
#include "run/runner.h"
#include "store/run_lease.h"
#include "store/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

using namespace switchyard;

namespace {

int badArguments(const std::string& message) {
    std::cerr << "switchyard-cli: " << message << " (see switchyard-cli run --help)\n";
    return 2;
}

int failure(const std::string& message) {
    std::cerr << "switchyard-cli: " << message << "\n";
    return 1;
}

// The answers scored after the run: per scorer, what was scored and each model's mean.
nlohmann::json scoringJson(const workbench::RunAndScoreOutcome& outcome) {
    nlohmann::json scorers = nlohmann::json::array();
    for (const workbench::ScoreRunOutcome& scoring : outcome.scoring) {
        const nlohmann::json models = scoreSummariesJson(scoring.models);
        scorers.push_back({{"scorer", scoring.scorer},
                           {"reason", scoring.reason},
                           {"scored", scoring.scored},
                           {"models", models}});
    }
    return {{"scorers", scorers},
            {"error", outcome.scoringError ? nlohmann::json(outcome.scoringError->toString())
                                           : nlohmann::json(nullptr)}};
}

void printScoring(const workbench::RunAndScoreOutcome& outcome) {
    if (outcome.scoringError)
        std::cout << "Scoring failed: " << outcome.scoringError->toString()
                  << " (the results are recorded; run switchyard-cli score to retry)\n";
    for (const workbench::ScoreRunOutcome& scoring : outcome.scoring) {
        std::cout << "Scored " << scoring.scored << " answers with " << scoring.scorer
                  << (scoring.reason.empty() ? "" : " (" + scoring.reason + ")") << "\n";
        for (const auto& [model, summary] : scoring.models)
            std::cout << "  " << model << ": mean " << formatFixed(summary.mean, 3)
                      << ", pass rate " << formatPercent(summary.passRate) << ", n " << summary.n
                      << "\n";
    }
}

void printOutcome(const RunOutcome& outcome, const std::string& setName) {
    std::cout << "Run " << outcome.runId << (outcome.resumed ? " (continued)" : "") << " of set '"
              << setName << "': " << runStatusName(outcome.status) << " after "
              << std::round(outcome.wallS * 10) / 10 << " s; " << outcome.progress.done << " of "
              << outcome.progress.planned << " calls recorded now, "
              << formatUsd(outcome.progress.spentUsd) << " spent\n";
    for (const RunModelSummary& model : outcome.recorded) {
        std::cout << "  " << model.modelRef << ": " << model.ok << " ok (" << model.cached
                  << " from the response cache)";
        for (const auto& [kind, count] : model.failed)
            std::cout << ", " << count << " " << kind;
        std::cout << "; tokens in " << model.inputTokens << ", out " << model.outputTokens
                  << ", cache read " << model.cacheReadTokens << ", cache write "
                  << model.cacheWriteTokens << "; cost " << formatUsd(model.costUsd) << "\n";
    }
}

// --variants FILE with one --variant REF=NAME per model that gets one.
std::optional<std::string> readVariants(const CliArgs& args, RunRequest& request) {
    const auto pairs = args.options.find("variant");
    const auto file = args.option("variants");
    if (pairs == args.options.end() || pairs->second.empty())
        return file ? std::optional<std::string>("--variants FILE needs --variant REF=NAME to "
                                                 "say which model gets which variant")
                    : std::nullopt;
    if (!file)
        return "--variant REF=NAME needs --variants FILE, the file that defines NAME";
    auto variants = loadVariantsFile(*file);
    if (!variants)
        return variants.error().toString();
    for (const std::string& pair : pairs->second) {
        const auto equals = pair.rfind('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == pair.size())
            return "--variant takes REF=NAME, got '" + pair + "'";
        const std::string ref = pair.substr(0, equals);
        const std::string name = pair.substr(equals + 1);
        const auto found = std::find_if(variants->begin(), variants->end(),
                                        [&](const PromptVariant& v) { return v.name == name; });
        if (found == variants->end())
            return "no variant '" + name + "' in " + *file;
        if (std::find(request.modelRefs.begin(), request.modelRefs.end(), ref) ==
            request.modelRefs.end())
            return "--variant names model '" + ref + "', which --models does not list";
        if (!request.variants.emplace(ref, *found).second)
            return "model '" + ref + "' is given two variants";
    }
    return std::nullopt;
}

} // namespace

int runRunCommand(const CliArgs& args) {
    const bool json = args.flag("json");
    if (!args.positional.empty())
        return badArguments("unexpected argument '" + args.positional.front() + "'");
    const auto setName = args.option("set");
    if (!setName || setName->empty())
        return badArguments("--set NAME is required");
    const auto refs = splitCommaList(args.option("models").value_or(""));
    if (refs.empty())
        return badArguments("--models REF,REF is required");

    RunRequest request;
    request.workspacePath = *args.option("workspace");
    request.modelRefs = refs;
    request.retryFailedOnly = args.flag("retry-failed");
    request.freshSamples = args.flag("fresh");
    request.waitForLease = args.flag("wait");
    if (auto problem = readRunnerLimits(args, request))
        return badArguments(*problem);
    if (auto problem = readVariants(args, request))
        return badArguments(*problem);
    if (auto text = args.option("max-tokens")) {
        const auto maxTokens = parseNumber<int64_t>(*text);
        if (!maxTokens || *maxTokens < 1)
            return badArguments("--max-tokens must be a positive whole number");
        request.params.maxTokens = *maxTokens;
    }
    if (auto text = args.option("temperature")) {
        request.params.temperature = parseNumber<double>(*text);
        if (!request.params.temperature || *request.params.temperature < 0)
            return badArguments("--temperature must be a number of at least 0");
    }

    {
        auto workspace = Workspace::open(request.workspacePath);
        if (!workspace)
            return failure(workspace.error().toString());
        const auto setId = (*workspace)->findPromptSet(*setName);
        if (!setId)
            return failure("no prompt set named '" + *setName + "' in " + request.workspacePath);
        request.setId = *setId;
        if (auto problem = loadRunnerContext(args, **workspace, request))
            return failure(*problem);
    }

    auto estimate = estimateRun(request);
    if (!estimate)
        return failure(estimate.error().toString());
    if (auto refused = confirmCalls(args, *estimate, *setName, request.budgetUsd))
        return failure(*refused);

    auto scoredRun =
        workbench::runAndScore(request, installRunInterrupt(), liveProgress(args), &*estimate);
    removeRunInterrupt();
    endLiveProgress(args);
    if (!scoredRun)
        return failure(scoredRun.error().toString());
    const RunOutcome* outcome = &scoredRun->run;

    if (json) {
        nlohmann::json out = outcomeJson(*outcome, request.budgetUsd);
        for (const auto& [ref, variant] : request.variants)
            if (out["models"].contains(ref))
                out["models"][ref]["variant"] = variant.name;
        out["scoring"] = scoringJson(*scoredRun);
        std::cout << out.dump(2) << "\n";
    } else {
        printOutcome(*outcome, *setName);
        printScoring(*scoredRun);
    }
    switch (outcome->status) {
    case RunStatus::Cancelled:
        return failure("cancelled: " + std::to_string(outcome->progress.done) +
                       " results recorded; run the same command again to continue");
    case RunStatus::Budget:
        return failure("stopped at the budget of " + formatUsd(*request.budgetUsd) + " (" +
                       formatUsd(outcome->progress.spentUsd + outcome->progress.priorSpentUsd) +
                       " spent by the run); run again with a larger --budget to continue");
    default:
        break;
    }
    const ModelProgress* anyOk = nullptr;
    for (const ModelProgress& model : outcome->progress.models)
        if (model.ok > 0)
            anyOk = &model;
    if (outcome->progress.done > 0 && !anyOk)
        return failure("every call failed; see the error classes above");
    return 0;
}
