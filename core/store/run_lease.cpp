#include "store/run_lease.h"

#include "common/clock.h"
#include "common/process.h"

#include <random>

namespace switchyard {

RunLease newRunLease() {
    std::random_device device;
    std::mt19937_64 random((static_cast<uint64_t>(device()) << 32) ^ device());
    static constexpr char kHex[] = "0123456789abcdef";
    RunLease lease;
    for (int i = 0; i < 32; ++i)
        lease.token += kHex[random() & 15];
    lease.pid = currentProcessId();
    lease.host = currentHostName();
    lease.startedAt = utcNowIso8601();
    lease.heartbeatMs = epochNowMs();
    return lease;
}

bool leaseLive(const RunLease& lease, int64_t nowMs) {
    if (nowMs - lease.heartbeatMs > kLeaseExpiryMs)
        return false;
    return lease.host != currentHostName() || processAlive(lease.pid);
}

std::string describeLeaseHolder(const RunLease& lease, int64_t nowMs) {
    const int64_t silentS = std::max<int64_t>(0, (nowMs - lease.heartbeatMs) / 1000);
    return "process " + std::to_string(lease.pid) + " on " + lease.host + " (since " +
           lease.startedAt + ", last heartbeat " + std::to_string(silentS) + " s ago)";
}

} // namespace switchyard
