#include "run/detail/result_writer.h"

#include "pricing/cost.h"

namespace switchyard::detail {

namespace {

// Failures after which the provider may have produced (and billed) an answer we never read.
// Their cost is unknown, so the budget counts what they reserved.
bool mayHaveBilled(FailureClass kind) {
    return kind == FailureClass::Timeout || kind == FailureClass::Network ||
           kind == FailureClass::BadResponse;
}

} // namespace

ResultWriter::ResultWriter(std::string workspacePath, int64_t runId, const Catalogue& catalogue,
                           std::vector<std::string> modelRefs, RunTracker& tracker)
    : m_path(std::move(workspacePath)), m_runId(runId), m_catalogue(catalogue),
      m_refs(std::move(modelRefs)), m_tracker(tracker) {}

ResultWriter::~ResultWriter() {
    (void)finish();
}

Status ResultWriter::start() {
    auto workspace = Workspace::open(m_path, Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return workspace.error();
    m_workspace = std::move(workspace).value();
    m_thread = std::thread([this] { loop(); });
    return success();
}

void ResultWriter::push(Completion completion) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(completion));
    }
    m_wake.notify_one();
}

void ResultWriter::pushBounded(Completion completion) {
    {
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [this] { return m_queue.size() < kMaxQueued || m_stopping; });
        m_queue.push_back(std::move(completion));
    }
    m_wake.notify_one();
}

Status ResultWriter::finish() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
    if (auto error = m_tracker.error())
        return *error;
    return success();
}

void ResultWriter::loop() {
    std::vector<Completion> taken;
    for (;;) {
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            taken.swap(m_queue);
            stopping = m_stopping;
        }
        m_room.notify_all();
        for (Completion& completion : taken)
            record(completion);
        taken.clear();
        commit();
        if (stopping) {
            std::lock_guard lock(m_mutex);
            if (m_queue.empty())
                break;
        }
    }
    m_workspace.reset();
}

void ResultWriter::record(Completion& completion) {
    CallResult& result = completion.result;
    const std::string& ref = m_refs[completion.model];
    Settlement settlement;
    settlement.wasInFlight = completion.inFlight;
    settlement.reservedUsd = completion.reservedUsd;
    if (result.error && result.error->kind == FailureClass::Cancelled) {
        // Cut short by a cancel: not an answer, so a resume sends it again.
        settlement.outcome = Settlement::Outcome::Dropped;
        m_settlements.emplace_back(completion.model, settlement);
        return;
    }

    ResultRecord record;
    record.promptId = completion.promptId;
    record.modelRef = ref;
    record.inputTokens = result.usage.input;
    record.outputTokens = result.usage.output;
    record.cacheReadTokens = result.usage.cacheRead;
    record.cacheWriteTokens = result.usage.cacheWrite;
    record.cacheWrite1hTokens = result.usage.cacheWrite1h;
    // A failure that never got an HTTP response has no latency worth recording.
    if (result.ok() || result.latencyMs > 0)
        record.latencyMs = static_cast<double>(result.latencyMs);
    record.attempts = completion.fromCache ? 0 : result.attempts;
    record.confidence = result.confidence;
    settlement.usage = result.usage;
    settlement.cached = completion.fromCache;
    if (result.ok()) {
        settlement.outcome = Settlement::Outcome::Ok;
    } else {
        settlement.outcome = Settlement::Outcome::Failed;
        settlement.failureClass = std::string(failureClassName(result.error->kind));
        record.errorClass = settlement.failureClass;
        // Provider messages are redacted by the provider layer before they get here.
        record.errorMessage = result.error->toString();
    }

    if (result.usageReported || completion.fromCache) {
        const std::string& priced = result.pricedModel.empty() ? ref : result.pricedModel;
        record.pricedModel = priced;
        auto cost = costBreakdown(m_catalogue, priced, result.usage);
        if (cost) {
            record.costUsd = cost->totalUsd;
            settlement.spentUsd = completion.fromCache ? 0.0 : cost->totalUsd;
        } else {
            settlement.unpriced = true;
            settlement.spentUsd = completion.fromCache ? 0.0 : completion.reservedUsd;
        }
    } else if (result.error && mayHaveBilled(result.error->kind)) {
        settlement.spentUsd = completion.reservedUsd;
    }

    if (result.ok() && result.usageReported && !completion.fromCache &&
        !completion.cacheKey.empty()) {
        CachedResponse cached;
        cached.requestHash = std::move(completion.cacheKey);
        cached.modelRef = ref;
        cached.output = result.text;
        cached.usage = result.usage;
        cached.stopReason = result.stopReason;
        cached.pricedModel = result.pricedModel;
        cached.latencyMs = record.latencyMs;
        m_cache.push_back(std::move(cached));
    }
    record.output = std::move(result.text);
    m_results.push_back(std::move(record));
    m_batchSpentUsd += settlement.spentUsd;
    m_settlements.emplace_back(completion.model, settlement);
}

void ResultWriter::commit() {
    // After a store error nothing more is written: the dispatcher has stopped, and what was
    // committed before stays. The calls are settled all the same, so the run can wind down.
    if (!m_results.empty() && !m_tracker.failed() && m_workspace) {
        if (auto status =
                m_workspace->recordRunResults(m_runId, m_results, m_cache, m_batchSpentUsd);
            !status)
            m_tracker.fail(status.error());
    }
    for (const auto& [model, settlement] : m_settlements)
        m_tracker.settle(model, settlement);
    m_results.clear();
    m_cache.clear();
    m_settlements.clear();
    m_batchSpentUsd = 0.0;
}

} // namespace switchyard::detail
