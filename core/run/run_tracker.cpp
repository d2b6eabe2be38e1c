#include "run/detail/run_tracker.h"

#include <chrono>

namespace switchyard::detail {

RunTracker::RunTracker(const std::vector<std::string>& modelRefs,
                       const std::vector<int64_t>& planned, std::vector<size_t> modelLane,
                       std::vector<int64_t> laneLimits, double priorSpentUsd)
    : m_modelLane(std::move(modelLane)), m_laneLimits(std::move(laneLimits)),
      m_laneInFlight(m_laneLimits.size(), 0), m_priorSpentUsd(priorSpentUsd) {
    for (size_t m = 0; m < modelRefs.size(); ++m) {
        ModelProgress model;
        model.modelRef = modelRefs[m];
        model.planned = m < planned.size() ? planned[m] : 0;
        m_models.push_back(std::move(model));
    }
}

RunTracker::Admission RunTracker::admit(size_t model, double maxCostUsd,
                                        std::optional<double> budgetUsd, int64_t waitMs) {
    std::unique_lock lock(m_mutex);
    const size_t lane = m_modelLane[model];
    const auto decide = [&] {
        const bool fits =
            !budgetUsd || m_priorSpentUsd + m_spentUsd + m_reservedUsd + maxCostUsd <= *budgetUsd;
        if (fits && m_laneInFlight[lane] < m_laneLimits[lane]) {
            ++m_inFlight;
            ++m_laneInFlight[lane];
            ++m_changes;
            ++m_models[model].inFlight;
            m_reservedUsd += maxCostUsd;
            return Admission::Go;
        }
        // Calls in flight usually cost less than they reserve: wait for them before giving up.
        return !fits && m_inFlight == 0 ? Admission::OverBudget : Admission::Wait;
    };
    const Admission first = decide();
    if (first == Admission::Go)
        m_settled.notify_all(); // a change the progress reporter waits for
    if (first != Admission::Wait)
        return first;
    m_settled.wait_for(lock, std::chrono::milliseconds(waitMs));
    const Admission second = decide();
    if (second == Admission::Go)
        m_settled.notify_all();
    return second;
}

void RunTracker::settle(size_t model, const Settlement& settlement) {
    {
        std::lock_guard lock(m_mutex);
        ModelProgress& row = m_models[model];
        if (settlement.wasInFlight) {
            --m_inFlight;
            --m_laneInFlight[m_modelLane[model]];
            --row.inFlight;
            // Subtracting what was added can leave a rounding residue; nothing in flight is 0.
            m_reservedUsd = m_inFlight == 0 ? 0.0 : m_reservedUsd - settlement.reservedUsd;
        }
        if (settlement.outcome != Settlement::Outcome::Dropped) {
            ++row.done;
            if (settlement.outcome == Settlement::Outcome::Ok) {
                ++row.ok;
                row.cached += settlement.cached ? 1 : 0;
            } else {
                ++row.failed[settlement.failureClass];
            }
            row.inputTokens += settlement.usage.input;
            row.outputTokens += settlement.usage.output;
            row.cacheReadTokens += settlement.usage.cacheRead;
            row.cacheWriteTokens += settlement.usage.cacheWrite;
            row.unpriced += settlement.unpriced ? 1 : 0;
        }
        row.spentUsd += settlement.spentUsd;
        m_spentUsd += settlement.spentUsd;
        ++m_changes;
    }
    m_settled.notify_all();
}

bool RunTracker::waitIdle(int64_t waitMs) {
    std::unique_lock lock(m_mutex);
    return m_settled.wait_for(lock, std::chrono::milliseconds(waitMs),
                              [this] { return m_inFlight == 0; });
}

int64_t RunTracker::waitForChange(int64_t seen, int64_t waitMs) {
    std::unique_lock lock(m_mutex);
    m_settled.wait_for(lock, std::chrono::milliseconds(waitMs), [&] { return m_changes != seen; });
    return m_changes;
}

void RunTracker::fail(Error error) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_error)
            m_error = std::move(error);
        m_failed.store(true, std::memory_order_release);
    }
    m_settled.notify_all();
}

std::optional<Error> RunTracker::error() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

RunProgress RunTracker::snapshot() const {
    std::lock_guard lock(m_mutex);
    RunProgress progress;
    progress.models = m_models;
    for (const ModelProgress& model : m_models) {
        progress.planned += model.planned;
        progress.done += model.done;
    }
    progress.inFlight = m_inFlight;
    progress.spentUsd = m_spentUsd;
    progress.priorSpentUsd = m_priorSpentUsd;
    progress.reservedUsd = m_reservedUsd;
    return progress;
}

} // namespace switchyard::detail
