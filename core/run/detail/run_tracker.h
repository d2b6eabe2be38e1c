#pragma once

// The counters of one invocation, shared by the dispatcher (admits calls against the in-flight
// bound and the budget) and the writer (settles them as they are recorded).

#include "common/error.h"
#include "pricing/usage.h"
#include "run/runner.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::detail {

// What became of one call, as the writer recorded it.
struct Settlement {
    enum class Outcome { Ok, Failed, Dropped }; // Dropped: cancelled, not recorded
    Outcome outcome = Outcome::Ok;
    bool cached = false;
    std::string failureClass;
    Usage usage;
    double spentUsd = 0.0;
    bool unpriced = false;
    bool wasInFlight = false; // admitted by RunTracker::admit, so it holds a reservation
    double reservedUsd = 0.0;
};

class RunTracker {
public:
    RunTracker(const std::vector<std::string>& modelRefs, const std::vector<int64_t>& planned);

    enum class Admission { Go, Wait, OverBudget };
    // Go: the call is counted in flight with its reservation. Wait: the bound or the budget is
    // full for now (waited up to waitMs for a call to settle). OverBudget: the call would not
    // fit the budget even with nothing in flight.
    Admission admit(size_t model, double maxCostUsd, int64_t maxInFlight,
                    std::optional<double> budgetUsd, int64_t waitMs);
    void settle(size_t model, const Settlement& settlement);
    // True once nothing is in flight; waits up to waitMs for it.
    bool waitIdle(int64_t waitMs);

    // The first store error; the dispatcher stops when there is one.
    void fail(Error error);
    std::optional<Error> error() const;
    bool failed() const { return m_failed.load(std::memory_order_acquire); }

    // Models, planned, done, in flight, spent and reserved; the caller fills in the rest.
    RunProgress snapshot() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_settled;
    std::vector<ModelProgress> m_models;
    int64_t m_inFlight = 0;
    double m_reservedUsd = 0.0;
    double m_spentUsd = 0.0;
    std::optional<Error> m_error;
    std::atomic<bool> m_failed{false}; // m_error is set: checked before every call, lock-free
};

} // namespace switchyard::detail
