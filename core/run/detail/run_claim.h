#pragma once

// One runner per run (runner.h): claiming the plan's run before anything is sent, and keeping
// the claim alive while the run executes.

#include "common/cancel.h"
#include "common/expected.h"
#include "run/detail/run_plan.h"
#include "store/workspace.h"

#include <chrono>
#include <string>

namespace switchyard::detail {

// Claims the run the plan continues (or creates it) for this invocation, then lists again what
// it holds: the plan's target, listed and planned are the claimed run's. Another live runner's
// run is refused naming its process, or, with request.waitForLease, waited for until it is free
// or `cancel` is set.
struct ClaimedRun {
    RunInfo run;
    bool created = false;
    RunLease lease;
};
Expected<ClaimedRun> claimPlannedRun(Workspace& store, RunPlan& plan, const RunRequest& request,
                                     const std::string& newRunName, const CancelToken& cancel);

// Holds a claimed lease for the length of an invocation: refreshes its heartbeat, gives it up
// with the run's final status, and, if the invocation ends early, gives it up leaving the run
// "running" without a holder, which reads back as "interrupted".
class LeaseKeeper {
public:
    LeaseKeeper(Workspace& store, int64_t runId, std::string token);
    ~LeaseKeeper();
    LeaseKeeper(const LeaseKeeper&) = delete;
    LeaseKeeper& operator=(const LeaseKeeper&) = delete;

    // Refreshes the heartbeat when kLeaseHeartbeatMs have passed. An error when the lease was
    // taken over (this runner went silent for kLeaseExpiryMs): the run is no longer ours.
    Status beatIfDue();
    Status finish(const std::string& status, const std::string& paramsJson);

private:
    Workspace& m_store;
    int64_t m_runId;
    std::string m_token;
    bool m_finished = false;
    std::chrono::steady_clock::time_point m_lastBeat = std::chrono::steady_clock::now();
};

} // namespace switchyard::detail
