#pragma once

// The counters of one invocation, shared by the dispatchers (admit calls against their
// provider's in-flight bound and the run's budget) and the writer (settles them once recorded).

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
    // modelLane[m]: the provider lane of model m; laneLimits[l]: calls lane l may have in flight.
    // priorSpentUsd: what the run's earlier invocations paid, counted against the budget.
    RunTracker(const std::vector<std::string>& modelRefs, const std::vector<int64_t>& planned,
               std::vector<size_t> modelLane, std::vector<int64_t> laneLimits,
               double priorSpentUsd);

    enum class Admission { Go, Wait, OverBudget };
    // Go: the call is counted in flight with its reservation. Wait: its provider's bound or the
    // budget is full for now (waited up to waitMs for a call to settle). OverBudget: the call
    // would not fit the budget even with nothing in flight.
    Admission admit(size_t model, double maxCostUsd, std::optional<double> budgetUsd,
                    int64_t waitMs);
    void settle(size_t model, const Settlement& settlement);
    // True once nothing is in flight; waits up to waitMs for it.
    bool waitIdle(int64_t waitMs);
    // Waits up to waitMs for a call to be admitted or settled after the change numbered `seen`;
    // returns the number of the latest change (progress reports follow the work, not a clock).
    int64_t waitForChange(int64_t seen, int64_t waitMs);

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
    std::vector<size_t> m_modelLane;
    std::vector<int64_t> m_laneLimits;
    std::vector<int64_t> m_laneInFlight;
    int64_t m_inFlight = 0;
    int64_t m_changes = 0;
    double m_priorSpentUsd = 0.0;
    double m_reservedUsd = 0.0;
    double m_spentUsd = 0.0;
    std::optional<Error> m_error;
    std::atomic<bool> m_failed{false}; // m_error is set: checked before every call, lock-free
};

} // namespace switchyard::detail
