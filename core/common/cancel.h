#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

namespace switchyard {

// Long work checks this between chunks; the GUI or a signal handler sets it from another thread.
class CancelToken {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

// Called with work done so far and the total (total is 0 when unknown, e.g. bytes of a stream).
using Progress = std::function<void(int64_t done, int64_t total)>;

} // namespace switchyard
