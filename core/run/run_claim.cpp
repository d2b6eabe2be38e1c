#include "run/detail/run_claim.h"

#include "common/process.h"
#include "store/run_lease.h"

#include <thread>

namespace switchyard::detail {

namespace {

constexpr int64_t kLeasePollMs = 250;

} // namespace

Expected<ClaimedRun> claimPlannedRun(Workspace& store, RunPlan& plan, const RunRequest& request,
                                     const std::string& newRunName, const CancelToken& cancel) {
    RunClaimRequest claim;
    claim.setId = plan.setId;
    claim.paramsJson = plan.paramsJson;
    claim.includeComplete = plan.retryFailedOnly;
    claim.lease = newRunLease();
    if (!plan.retryFailedOnly) {
        RunInfo info;
        info.name = newRunName;
        info.setId = plan.setId;
        info.kind = "provider";
        info.paramsJson = plan.paramsJson;
        claim.create = std::move(info);
    }
    for (;;) {
        auto claimed = store.claimRun(claim);
        if (!claimed)
            return claimed.error();
        if (claimed->run) {
            plan.target = claimed->run;
            if (auto listed = listRecorded(store, plan); !listed) {
                (void)store.releaseLease(claimed->run->id, claim.lease.token);
                return listed.error();
            }
            return ClaimedRun{*claimed->run, claimed->created, claim.lease};
        }
        if (!claimed->refused)
            return Error{"", 0, "retry_failed",
                         "no earlier run of set '" + plan.setName +
                             "' with these models and parameters to retry"};
        const RunInfo& held = *claimed->refused;
        if (!request.waitForLease)
            return Error{store.path(), 0, "run",
                         "run " + std::to_string(held.id) + " '" + held.name +
                             "' is being executed by " +
                             describeLeaseHolder(*held.lease, epochNowMs()) +
                             "; nothing was sent. Wait for it to finish (switchyard-cli run "
                             "--wait), or stop that process first"};
        // Once it is free, continue that very run: what its holder recorded is not sent again.
        claim.runId = held.id;
        for (int64_t waited = 0; waited < kLeasePollMs; waited += 50) {
            if (cancel.cancelled())
                return Error{"", 0, "run",
                             "cancelled while waiting for run " + std::to_string(held.id) +
                                 "; nothing was sent"};
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
}

LeaseKeeper::LeaseKeeper(Workspace& store, int64_t runId, std::string token)
    : m_store(store), m_runId(runId), m_token(std::move(token)) {}

LeaseKeeper::~LeaseKeeper() {
    if (!m_finished) // ended early: no status is true, so the run reads back as interrupted
        (void)m_store.releaseLease(m_runId, m_token);
}

Status LeaseKeeper::beatIfDue() {
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastBeat < std::chrono::milliseconds(kLeaseHeartbeatMs))
        return success();
    m_lastBeat = now;
    auto held = m_store.heartbeatLease(m_runId, m_token);
    // A busy workspace delays a heartbeat, which is harmless well within kLeaseExpiryMs.
    if (held && !*held)
        return Error{m_store.path(), 0, "run",
                     "run " + std::to_string(m_runId) +
                         " was taken over by another runner after this one went silent; "
                         "stopped sending"};
    return success();
}

Status LeaseKeeper::finish(const std::string& status, const std::string& paramsJson) {
    m_finished = true;
    return m_store.finishRun(m_runId, m_token, status, paramsJson);
}

} // namespace switchyard::detail
