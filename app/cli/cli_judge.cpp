#include "cli_judge.h"

#include "cli_evaluate.h"
#include "cli_json.h"
#include "cli_runner_common.h"
#include "common/text_format.h"
#include "workbench/judge_ops.h"

#include <cmath>
#include <iostream>

using namespace switchyard;
using nlohmann::json;

namespace {

int failure(const std::string& message, int code = 1) {
    std::cerr << "switchyard-cli: " << message;
    if (code == 2)
        std::cerr << " (see switchyard-cli score --help)";
    std::cerr << "\n";
    return code;
}

} // namespace

int runJudgeCommand(const CliArgs& args) {
    const bool jsonOut = args.flag("json");
    workbench::JudgeRequest request;
    const auto run = parseFiniteNumber(args.option("run").value_or(""));
    if (!run || *run < 1 || std::floor(*run) != *run)
        return failure("--run ID is required", 2);
    request.runId = static_cast<int64_t>(*run);
    request.judge = args.option("judge").value_or("");
    if (request.judge.empty())
        return failure("--judge REF names the judge model (provider/model)", 2);
    request.baseline = args.option("baseline").value_or("");
    request.rubric = args.option("rubric").value_or("");
    if (auto text = args.option("bar")) {
        const auto bar = parseFiniteNumber(*text);
        if (!bar || *bar < 0.0 || *bar > 1.0)
            return failure("--bar is a score from 0 to 1", 2);
        request.passBar = *bar;
    }
    request.runner.workspacePath = *args.option("workspace");
    if (auto problem = readRunnerLimits(args, request.runner))
        return failure(*problem, 2);
    {
        auto workspace = Workspace::open(request.runner.workspacePath);
        if (!workspace)
            return failure(workspace.error().toString());
        if (auto problem = loadRunnerContext(args, **workspace, request.runner))
            return failure(*problem);
    }
    auto plan = workbench::planJudge(request);
    if (!plan)
        return failure(plan.error().toString());
    if (auto refused = confirmCalls(args, plan->estimate, plan->setName, request.runner.budgetUsd))
        return failure(*refused);

    auto outcome = workbench::runJudge(request, *plan, installRunInterrupt(), liveProgress(args));
    removeRunInterrupt();
    endLiveProgress(args);
    if (!outcome)
        return failure(outcome.error().toString());

    if (jsonOut) {
        const nlohmann::json models = scoreSummariesJson(outcome->models);
        std::cout << json{{"scored", outcome->scored},
                          {"scorer", outcome->scorer},
                          {"judge", request.judge},
                          {"baseline", optionalText(request.baseline)},
                          {"unparseable", outcome->unparseable},
                          {"problems", outcome->problems},
                          {"judge_run", outcomeJson(outcome->run, request.runner.budgetUsd)},
                          {"models", models}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "Judged run " << request.runId << " with " << request.judge << " ("
                  << outcome->scorer << "): " << outcome->scored << " answers scored, "
                  << outcome->unparseable << " verdicts unparseable (left unscored); judge run "
                  << outcome->run.runId << " cost " << formatUsd(outcome->run.progress.spentUsd)
                  << "\n";
        for (const std::string& problem : outcome->problems)
            std::cout << "  unparseable: " << problem << "\n";
        for (const auto& [model, summary] : outcome->models)
            std::cout << "  " << model << ": mean " << formatFixed(summary.mean, 3)
                      << ", pass rate " << formatPercent(summary.passRate) << ", n " << summary.n
                      << "\n";
    }
    if (outcome->run.status == RunStatus::Cancelled)
        return failure("cancelled: the verdicts that arrived are stored; run the same command "
                       "again to continue");
    if (outcome->run.status == RunStatus::Budget)
        return failure("stopped at the budget; run again with a larger --budget to continue");
    return 0;
}
