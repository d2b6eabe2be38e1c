#include "workbench/run_ops.h"

#include "eval/reference_scorers.h"

namespace switchyard::workbench {

Expected<std::vector<ScoreRunOutcome>> scoreAfterRun(Workspace& workspace, int64_t runId,
                                                     const CancelToken* cancel) {
    std::vector<std::string> scorers;
    for (const std::string& stored : workspace.runScorers(runId)) {
        // "numeric@1": a reference scorer of this version; judges and imported scores are
        // not recomputed here.
        const auto at = stored.find('@');
        if (at == std::string::npos)
            continue;
        const auto scorer = eval::parseReferenceScorer(std::string_view(stored).substr(0, at));
        if (scorer && eval::storedScorerName(*scorer) == stored)
            scorers.push_back(std::string(eval::referenceScorerName(*scorer)));
    }
    if (scorers.empty())
        scorers.emplace_back(); // chosen from the answers' shape
    std::vector<ScoreRunOutcome> outcomes;
    for (const std::string& scorer : scorers) {
        ScoreRequest request;
        request.runId = runId;
        request.scorer = scorer;
        auto scored = scoreRun(workspace, request, cancel);
        if (!scored)
            return scored.error();
        if (scored->scored > 0)
            outcomes.push_back(std::move(*scored));
    }
    return outcomes;
}

Expected<RunAndScoreOutcome> runAndScore(const RunRequest& request, const CancelToken& cancel,
                                         const RunProgressCallback& progress,
                                         const RunEstimate* known) {
    auto run = executeRun(request, cancel, progress, known);
    if (!run)
        return run.error();
    RunAndScoreOutcome outcome;
    outcome.run = std::move(*run);
    if (outcome.run.progress.done == 0 && !outcome.run.resumed)
        return outcome;
    auto workspace = Workspace::open(request.workspacePath, Workspace::OpenMode::ExistingOnly);
    if (!workspace) {
        outcome.scoringError = workspace.error();
        return outcome;
    }
    // Scoring reads and writes the store, not a provider: a cancel of the run does not skip it.
    auto scored = scoreAfterRun(**workspace, outcome.run.runId);
    if (scored)
        outcome.scoring = std::move(*scored);
    else
        outcome.scoringError = scored.error();
    return outcome;
}

} // namespace switchyard::workbench
