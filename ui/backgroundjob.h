#pragma once

#include "common/cancel.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

// One kind of background work of a controller (an import, an estimate, a simulation, a price
// change): the work runs on the thread pool, its progress and its result come back to the
// owner's thread as queued calls, and only the newest job of the kind is heard from. Starting
// a job supersedes the running one: that one is cancelled and whatever it still reports is
// dropped, as is everything once the owner is destroyed. The work must capture by value: it
// may outlive the owner. Calls are posted to the application object, which outlives every
// owner; whether the owner still exists is asked on the GUI thread, where it is destroyed.
class BackgroundJob {
public:
    using ProgressSink = std::function<void(int64_t done, int64_t total)>;

    // Work runs on `pool` (default: the global one); a pool of one thread runs the jobs of
    // several BackgroundJobs in the order they were started.
    explicit BackgroundJob(QObject* owner, QThreadPool* pool = QThreadPool::globalInstance())
        : m_owner(owner), m_pool(pool) {}
    ~BackgroundJob() { cancel(); }
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;

    // `work(cancel, progress)` returns the result handed to `deliver` (as deliver(result), or
    // deliver(jobId, result)); `onProgress` (optional) hears the progress it reports. Returns
    // the job's id.
    template <typename Work, typename Deliver>
    int start(Work work, Deliver deliver, ProgressSink onProgress = {}) {
        cancel();
        const int job = m_state->next++;
        m_state->current = job;
        auto token = std::make_shared<switchyard::CancelToken>();
        m_state->cancel = token;
        QPointer<QObject> owner(m_owner);
        const std::shared_ptr<State> state = m_state;
        switchyard::Progress progress;
        if (onProgress)
            progress = [owner, state, job, onProgress,
                        shown = std::make_shared<int64_t>(-1)](int64_t done, int64_t total) {
                // One queued call per visible step (a permille), not one per row.
                const int64_t step = total > 0 ? done * 1000 / total : done;
                if (step == *shown)
                    return;
                *shown = step;
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [owner, state, job, onProgress, done, total]() {
                        if (owner && state->current == job)
                            onProgress(done, total);
                    },
                    Qt::QueuedConnection);
            };
        m_pool->start([owner, state, job, token, progress, work = std::move(work),
                       deliver = std::move(deliver)]() mutable {
            auto result = work(*token, progress);
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [owner, state, job, deliver, result = std::move(result)]() mutable {
                    if (!owner || state->current != job)
                        return;
                    state->current = 0;
                    state->cancel.reset();
                    if constexpr (std::is_invocable_v<Deliver&, int, decltype(result)&&>)
                        deliver(job, std::move(result));
                    else
                        deliver(std::move(result));
                },
                Qt::QueuedConnection);
        });
        return job;
    }

    // Asks the running job to stop; it still delivers what it has.
    void cancel() {
        if (m_state->cancel)
            m_state->cancel->cancel();
    }
    // Forgets the running job (it belongs to a workspace no longer open): it is cancelled and
    // nothing of it is delivered.
    void drop() {
        cancel();
        m_state->current = 0;
        m_state->cancel.reset();
    }
    bool running() const { return m_state->current != 0; }
    int current() const { return m_state->current; }

private:
    // Shared with the queued calls, which may run after this object is gone. Touched on the
    // owner's thread only.
    struct State {
        int next = 1;
        int current = 0;
        std::shared_ptr<switchyard::CancelToken> cancel;
    };
    QObject* m_owner;
    QThreadPool* m_pool;
    std::shared_ptr<State> m_state = std::make_shared<State>();
};
