#pragma once

// Records what calls produced. Transport callbacks only queue here; a thread of its own, on its
// own workspace connection, prices each result and commits everything queued at once (a group
// commit: as many results per transaction as arrived while the last one was written, and no
// waiting for more). Only then does it settle them with the tracker, so a call stays "in flight"
// until its answer is durable and a kill can never lose more answers than calls in flight.

#include "common/expected.h"
#include "pricing/catalogue.h"
#include "providers/call.h"
#include "run/detail/run_tracker.h"
#include "store/workspace.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace switchyard::detail {

struct Completion {
    size_t model = 0;
    int64_t promptId = 0; // prompts.id
    double reservedUsd = 0.0;
    bool inFlight = false;  // admitted by RunTracker::admit
    bool fromCache = false; // result rebuilt from the response cache: no call was made
    std::string cacheKey;   // where a successful answer goes in the response cache
    CallResult result;
};

class ResultWriter {
public:
    static constexpr size_t kMaxQueued = 1024;

    ResultWriter(std::string workspacePath, int64_t runId, const Catalogue& catalogue,
                 std::vector<std::string> modelRefs, RunTracker& tracker);
    ~ResultWriter();
    ResultWriter(const ResultWriter&) = delete;
    ResultWriter& operator=(const ResultWriter&) = delete;

    // Opens the writer's own connection and starts its thread.
    Status start();
    // From any thread, transport callbacks included.
    void push(Completion completion);
    // For the dispatcher's own results (cache hits, unsendable prompts), which arrive as fast as
    // the store can be read: waits while kMaxQueued are still waiting for the writer, so a set
    // answered from the cache streams through in bounded memory.
    void pushBounded(Completion completion);
    // Commits everything queued and stops the thread. Returns the first store error.
    Status finish();

private:
    void loop();
    void record(Completion& completion);
    void commit();

    std::string m_path;
    int64_t m_runId;
    const Catalogue& m_catalogue;
    std::vector<std::string> m_refs;
    RunTracker& m_tracker;
    std::unique_ptr<Workspace> m_workspace; // writer thread only, once started

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_room;
    std::vector<Completion> m_queue;
    bool m_stopping = false;
    std::thread m_thread;

    // Writer thread only: the batch being committed.
    std::vector<ResultRecord> m_results;
    std::vector<CachedResponse> m_cache;
    std::vector<std::pair<size_t, Settlement>> m_settlements; // model index, settlement
    double m_batchSpentUsd = 0.0;
};

} // namespace switchyard::detail
