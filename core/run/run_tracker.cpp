#include "run/detail/run_tracker.h"

#include <chrono>

namespace switchyard::detail {

RunTracker::RunTracker(const std::vector<std::string>& modelRefs,
                       const std::vector<int64_t>& planned) {
    for (size_t m = 0; m < modelRefs.size(); ++m) {
        ModelProgress model;
        model.modelRef = modelRefs[m];
        model.planned = m < planned.size() ? planned[m] : 0;
        m_models.push_back(std::move(model));
    }
}

RunTracker::Admission RunTracker::admit(size_t model, double maxCostUsd, int64_t maxInFlight,
                                        std::optional<double> budgetUsd, int64_t waitMs) {
    std::unique_lock lock(m_mutex);
    const auto decide = [&] {
        const bool fits = !budgetUsd || m_spentUsd + m_reservedUsd + maxCostUsd <= *budgetUsd;
        if (fits && m_inFlight < maxInFlight) {
            ++m_inFlight;
            ++m_models[model].inFlight;
            m_reservedUsd += maxCostUsd;
            return Admission::Go;
        }
        // Calls in flight usually cost less than they reserve: wait for them before giving up.
        return !fits && m_inFlight == 0 ? Admission::OverBudget : Admission::Wait;
    };
    const Admission first = decide();
    if (first != Admission::Wait)
        return first;
    m_settled.wait_for(lock, std::chrono::milliseconds(waitMs));
    return decide();
}

void RunTracker::settle(size_t model, const Settlement& settlement) {
    {
        std::lock_guard lock(m_mutex);
        ModelProgress& row = m_models[model];
        if (settlement.wasInFlight) {
            --m_inFlight;
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
    }
    m_settled.notify_all();
}

bool RunTracker::waitIdle(int64_t waitMs) {
    std::unique_lock lock(m_mutex);
    return m_settled.wait_for(lock, std::chrono::milliseconds(waitMs),
                              [this] { return m_inFlight == 0; });
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
    progress.reservedUsd = m_reservedUsd;
    return progress;
}

} // namespace switchyard::detail
