#pragma once

// LLM-as-judge as a workbench operation. A run's answers become the prompts of a judge prompt
// set ("judge: run 7 · openai/gpt-4o · pointwise · 3f2a…"), which the runner sends to the judge
// model like any run: estimated, capped by the budget, resumed after a cancel or a crash,
// answered from the response cache when asked again, recorded and priced. The verdicts are
// then read strictly and stored as scores of the judged answers, with the judge's reason.
// switchyard-cli score --judge and the Compare page call these.

#include "common/cancel.h"
#include "common/expected.h"
#include "run/runner.h"
#include "workbench/eval_ops.h"

#include <map>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct JudgeRequest {
    int64_t runId = 0;    // the run whose answers are judged
    std::string judge;    // "provider/model", as the providers file names it
    std::string baseline; // pairwise against this model's answers; empty: pointwise
    std::string rubric;   // empty: eval::defaultJudgeRubric()
    double passBar = 0.5;
    // Where and how the judge's calls go: the workspace path, providers, credentials, budget,
    // concurrency. The set, the model and the call parameters are the judge's (planJudge).
    RunRequest runner;
};

struct JudgePlan {
    RunRequest run;       // the judge's calls
    RunEstimate estimate; // what they would send and cost (estimateRun), shown before sending
    std::string setName;  // the judge prompt set
    std::string scorer;   // what the verdicts are stored as: "judge:openai/gpt-4o@1"
    int64_t verdicts = 0; // judge prompts in the set (pairwise: two per pair)
};

// Builds (or extends, for answers added since) the judge prompt set and estimates its calls.
// Nothing is sent.
Expected<JudgePlan> planJudge(const JudgeRequest& request);

struct JudgeOutcome {
    RunOutcome run; // the judge's calls
    std::string scorer;
    int64_t scored = 0;                // answers that got a score
    int64_t unparseable = 0;           // verdicts that did not parse: no score, never a zero
    std::vector<std::string> problems; // the first few, naming the judge prompt and why
    std::map<std::string, ScoreSummary> models;
};

// Sends the plan's calls (executeRun, with the plan's estimate), then stores the verdicts as
// scores of the judged run.
Expected<JudgeOutcome> runJudge(const JudgeRequest& request, const JudgePlan& plan,
                                const CancelToken& cancel,
                                const RunProgressCallback& progress = {});

} // namespace switchyard::workbench
