#pragma once

// Running a prompt set against models, as one operation of the workbench: the runner's calls,
// then the answers scored against the prompts' expected answers, so a user's own prompts reach
// Compare and the Router Lab with measured quality. switchyard-cli run and the Runs page call
// this.

#include "common/cancel.h"
#include "common/expected.h"
#include "run/runner.h"
#include "store/workspace.h"
#include "workbench/eval_ops.h"

#include <optional>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct RunAndScoreOutcome {
    RunOutcome run;
    // One per scorer the answers were scored with (empty when no prompt has an expected answer
    // or nothing was answered).
    std::vector<ScoreRunOutcome> scoring;
    // Why scoring failed, when it did; the run's results are recorded regardless.
    std::optional<Error> scoringError;
};

// The reference scorers a run's answers are scored with after it: those it is already scored
// with (so a resumed run's new answers join the same columns), else one chosen from the
// expected answers' shape. Re-scoring replaces a scorer's earlier scores of the run.
Expected<std::vector<ScoreRunOutcome>> scoreAfterRun(Workspace& workspace, int64_t runId,
                                                     const CancelToken* cancel = nullptr);

// executeRun, then scoreAfterRun on whatever the invocation recorded (also when it was
// cancelled or stopped at the budget: those answers were paid for).
Expected<RunAndScoreOutcome> runAndScore(const RunRequest& request, const CancelToken& cancel,
                                         const RunProgressCallback& progress = {},
                                         const RunEstimate* known = nullptr);

} // namespace switchyard::workbench
