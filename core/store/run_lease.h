#pragma once

// One runner per run. A runner claims a run before it sends anything (Workspace::claimRun),
// refreshes the claim's heartbeat while it works and gives it up when it stops. A claim whose
// process is gone, or whose heartbeat stopped, no longer protects the run: a later runner takes
// it over, and the run reads back as "interrupted" instead of "running".

#include "store/records.h"

#include <cstdint>
#include <string>

namespace switchyard {

// How often a runner refreshes its lease, and how long a silent lease is still honoured (for
// holders on another host, whose process cannot be checked, and for a hung process).
inline constexpr int64_t kLeaseHeartbeatMs = 2'000;
inline constexpr int64_t kLeaseExpiryMs = 30'000;

// A fresh lease for this process: a random token, pid, host name, now.
RunLease newRunLease();

// Whether the lease still holds: its heartbeat is recent and, on this host, its process lives.
bool leaseLive(const RunLease& lease, int64_t nowMs);

// "process 4242 on build-07 (since 2026-12-06T09:00:00Z, last heartbeat 1 s ago)"
std::string describeLeaseHolder(const RunLease& lease, int64_t nowMs);

} // namespace switchyard
