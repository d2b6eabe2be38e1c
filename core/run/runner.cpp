// executeRun: the dispatcher. It walks the pending pairs, answers what the response cache holds,
// admits each call against the in-flight bound and the budget, and hands the transport a
// callback that only queues the result for the writer (result_writer.cpp).
#include "run/runner.h"

#include "run/detail/result_writer.h"
#include "run/detail/run_claim.h"
#include "run/detail/run_plan.h"
#include "run/detail/run_tracker.h"
#include "run/saved_students.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <thread>

namespace switchyard {

std::string_view runStatusName(RunStatus status) {
    switch (status) {
    case RunStatus::Running:
        return "running";
    case RunStatus::Complete:
        return "complete";
    case RunStatus::Cancelled:
        return "cancelled";
    case RunStatus::Budget:
        return "budget";
    }
    return "running";
}

namespace {

using Clock = std::chrono::steady_clock;
using detail::Completion;

// How long the dispatcher blocks at most before it looks at the cancel token and the clock.
constexpr int64_t kWaitSliceMs = 50;
constexpr double kThroughputWindowS = 10.0;

// Results per second over the last kThroughputWindowS of progress samples.
class Throughput {
public:
    double sample(double elapsedS, int64_t done) {
        m_samples.emplace_back(elapsedS, done);
        while (m_samples.size() > 2 && elapsedS - m_samples[1].first >= kThroughputWindowS)
            m_samples.pop_front();
        const double span = elapsedS - m_samples.front().first;
        return span > 0 ? static_cast<double>(done - m_samples.front().second) / span : 0.0;
    }

private:
    std::deque<std::pair<double, int64_t>> m_samples;
};

std::vector<RunModelSummary> summarize(const Workspace& workspace, int64_t runId,
                                       const std::vector<std::string>& refs) {
    std::vector<RunModelSummary> out;
    const auto totals = workspace.runResultTotals(runId);
    for (const std::string& ref : refs) {
        RunModelSummary summary;
        summary.modelRef = ref;
        for (const RunResultTotals& row : totals) {
            if (row.modelRef != ref)
                continue;
            if (row.errorClass.empty())
                summary.ok += row.results;
            else
                summary.failed[row.errorClass] += row.results;
            summary.cached += row.cached;
            summary.inputTokens += row.inputTokens;
            summary.outputTokens += row.outputTokens;
            summary.cacheReadTokens += row.cacheReadTokens;
            summary.cacheWriteTokens += row.cacheWriteTokens;
            summary.costUsd += row.costUsd;
            summary.spentUsd += row.costUsd - row.cachedCostUsd;
        }
        out.push_back(std::move(summary));
    }
    return out;
}

// The models of one provider: they share its concurrency limit and one dispatcher.
struct ProviderLane {
    std::vector<size_t> models;
    int64_t limit = 1;
};

std::vector<ProviderLane> providerLanesOf(const detail::RunPlan& plan,
                                          std::vector<size_t>& modelLane) {
    std::vector<ProviderLane> lanes;
    std::vector<std::string> names;
    modelLane.assign(plan.models.size(), 0);
    for (size_t m = 0; m < plan.models.size(); ++m) {
        const Provider& provider = *plan.models[m].provider;
        const auto it = std::find(names.begin(), names.end(), provider.name());
        size_t lane = static_cast<size_t>(it - names.begin());
        if (it == names.end()) {
            names.push_back(provider.name());
            lanes.push_back({{}, std::max(1, provider.config().limits.concurrency)});
        }
        lanes[lane].models.push_back(m);
        modelLane[m] = lane;
    }
    return lanes;
}

// One invocation of executeRun, from the first dispatch to the last result. Each lane has a
// dispatcher thread on a workspace connection of its own; the calling thread reports progress
// and keeps the run's lease alive.
class Session {
public:
    Session(const RunRequest& request, const CancelToken& cancel,
            const RunProgressCallback& progress, ProviderClient& client,
            const detail::RunPlan& plan, const RunEstimate& estimate,
            std::vector<ProviderLane> lanes, detail::RunTracker& tracker,
            detail::ResultWriter& writer, detail::LeaseKeeper& lease, int64_t runId, bool resumed)
        : m_request(request), m_cancel(cancel), m_progress(progress), m_client(client),
          m_plan(plan), m_estimate(estimate), m_lanes(std::move(lanes)), m_tracker(tracker),
          m_writer(writer), m_lease(lease), m_runId(runId), m_resumed(resumed) {}

    // Dispatches every pending pair; returns why it stopped.
    RunStatus dispatch() {
        std::vector<RunStatus> stopped(m_lanes.size(), RunStatus::Complete);
        std::atomic<size_t> running{m_lanes.size()};
        std::vector<std::thread> threads;
        for (size_t l = 0; l < m_lanes.size(); ++l)
            threads.emplace_back([this, l, &stopped, &running] {
                stopped[l] = dispatchLane(m_lanes[l]);
                running.fetch_sub(1);
            });
        for (int64_t seen = -1; running.load() > 0;) {
            seen = m_tracker.waitForChange(seen, kWaitSliceMs);
            tick();
        }
        for (std::thread& thread : threads)
            thread.join();
        m_dispatching = false;
        if (m_cancel.cancelled() || m_tracker.failed() ||
            std::count(stopped.begin(), stopped.end(), RunStatus::Cancelled) > 0)
            return RunStatus::Cancelled;
        return std::count(stopped.begin(), stopped.end(), RunStatus::Budget) > 0
                   ? RunStatus::Budget
                   : RunStatus::Complete;
    }

    // Waits for the calls in flight; a cancel (or a store error) cuts them short.
    RunStatus drain(RunStatus status) {
        bool cancelled = false;
        for (int64_t seen = -1; !m_tracker.waitIdle(0);) {
            if (!cancelled && (m_cancel.cancelled() || m_tracker.failed())) {
                m_client.cancelAll();
                cancelled = true;
            }
            seen = m_tracker.waitForChange(seen, kWaitSliceMs);
            tick();
        }
        m_client.waitIdle(); // every callback has returned: the writer is the last user
        return cancelled && status == RunStatus::Complete ? RunStatus::Cancelled : status;
    }

    RunProgress emit(RunStatus status) {
        RunProgress snapshot = m_tracker.snapshot();
        snapshot.runId = m_runId;
        snapshot.resumed = m_resumed;
        snapshot.status = status;
        snapshot.dispatching = m_dispatching;
        snapshot.estimateUsd = m_estimate.expectedCostUsd;
        snapshot.maxCostUsd = m_estimate.maxCostUsd;
        snapshot.budgetUsd = m_request.budgetUsd;
        snapshot.elapsedS = std::chrono::duration<double>(Clock::now() - m_started).count();
        snapshot.resultsPerSecond = m_throughput.sample(snapshot.elapsedS, snapshot.done);
        if (snapshot.resultsPerSecond > 0)
            snapshot.etaS =
                static_cast<double>(snapshot.planned - snapshot.done) / snapshot.resultsPerSecond;
        m_lastEmit = Clock::now();
        if (m_progress)
            m_progress(snapshot);
        return snapshot;
    }

private:
    // On the calling thread: progress when due, and the lease's heartbeat.
    void tick() {
        if (Clock::now() - m_lastEmit >= std::chrono::milliseconds(m_request.progressIntervalMs))
            emit(RunStatus::Running);
        if (auto held = m_lease.beatIfDue(); !held)
            m_tracker.fail(held.error());
    }

    RunStatus dispatchLane(const ProviderLane& lane) {
        auto store = Workspace::open(m_request.workspacePath, Workspace::OpenMode::ExistingOnly);
        if (!store) {
            m_tracker.fail(store.error());
            return RunStatus::Cancelled;
        }
        std::optional<RunStatus> stopped;
        auto walked = detail::forEachPendingPrompt(
            **store, m_plan, lane.models,
            [&](int64_t promptId, const Prompt& prompt, std::span<const size_t> models) {
                for (size_t m : models)
                    if ((stopped = dispatchOne(**store, m, promptId, prompt)))
                        return false;
                return true;
            });
        if (!walked)
            m_tracker.fail(walked.error());
        return stopped.value_or(m_tracker.failed() ? RunStatus::Cancelled : RunStatus::Complete);
    }

    std::optional<RunStatus> dispatchOne(const Workspace& store, size_t m, int64_t promptId,
                                         const Prompt& prompt) {
        if (m_cancel.cancelled() || m_tracker.failed())
            return RunStatus::Cancelled;
        const detail::PlannedModel& model = m_plan.models[m];
        Completion completion;
        completion.model = m;
        completion.promptId = promptId;
        auto built = model.provider->buildRequest(model.model, prompt, m_request.params);
        if (!built) {
            // A prompt this wire format cannot carry: recorded as a failure, never sent.
            completion.result.error =
                CallFailure{FailureClass::InvalidRequest, 0, "", built.error().message, false, {}};
            m_writer.pushBounded(std::move(completion));
            return std::nullopt;
        }
        // In-process students answer faster than the cache, and with a confidence it does not
        // keep: they are always asked.
        const bool cacheable = !model.provider->inProcess();
        if (cacheable)
            completion.cacheKey = detail::responseCacheKey(model.provider->config().kind, *built);
        if (cacheable && !m_request.freshSamples) {
            if (auto hit = store.cachedResponse(completion.cacheKey)) {
                completion.fromCache = true;
                CallResult& result = completion.result;
                result.text = std::move(hit->output);
                result.usage = hit->usage;
                result.usageReported = true;
                result.stopReason = std::move(hit->stopReason);
                result.pricedModel = std::move(hit->pricedModel);
                result.latencyMs = static_cast<int64_t>(hit->latencyMs.value_or(0.0));
                m_writer.pushBounded(std::move(completion));
                return std::nullopt;
            }
        }
        const int64_t tokens = estimatePromptTokens(prompt, model.family);
        auto maxCost =
            detail::maxCallCostUsd(*model.price, prompt, tokens, m_request.params.maxTokens);
        if (!maxCost) {
            m_tracker.fail(maxCost.error());
            return RunStatus::Cancelled;
        }
        for (bool admitted = false; !admitted;) {
            if (m_cancel.cancelled() || m_tracker.failed())
                return RunStatus::Cancelled;
            switch (m_tracker.admit(m, *maxCost, m_request.budgetUsd, kWaitSliceMs)) {
            case detail::RunTracker::Admission::Go:
                admitted = true;
                break;
            case detail::RunTracker::Admission::OverBudget:
                return RunStatus::Budget;
            case detail::RunTracker::Admission::Wait:
                break;
            }
        }
        completion.inFlight = true;
        completion.reservedUsd = *maxCost;
        auto submitted =
            m_client.submit(model.ref, prompt, m_request.params, tokens,
                            [&writer = m_writer, ticket = completion](CallResult result) mutable {
                                ticket.result = std::move(result);
                                writer.push(std::move(ticket));
                            });
        if (!submitted) {
            completion.result.error = CallFailure{FailureClass::InvalidRequest, 0,     "",
                                                  submitted.error().message,    false, {}};
            m_writer.pushBounded(std::move(completion));
        }
        return std::nullopt;
    }

    const RunRequest& m_request;
    const CancelToken& m_cancel;
    const RunProgressCallback& m_progress;
    ProviderClient& m_client;
    const detail::RunPlan& m_plan;
    const RunEstimate& m_estimate;
    std::vector<ProviderLane> m_lanes;
    detail::RunTracker& m_tracker;
    detail::ResultWriter& m_writer;
    detail::LeaseKeeper& m_lease;
    int64_t m_runId;
    bool m_resumed;
    std::atomic<bool> m_dispatching{true};
    Throughput m_throughput;
    Clock::time_point m_started = Clock::now();
    Clock::time_point m_lastEmit = Clock::now();
};

std::string defaultRunName(const detail::RunPlan& plan) {
    std::string name = plan.setName + ":";
    for (size_t m = 0; m < plan.models.size(); ++m)
        name +=
            (m ? ", " : " ") + (plan.models[m].variant
                                    ? modelWithVariant(plan.models[m].ref, *plan.models[m].variant)
                                    : plan.models[m].ref);
    return name;
}

} // namespace

Expected<RunOutcome> executeRun(const RunRequest& request, const CancelToken& cancel,
                                const RunProgressCallback& progress, const RunEstimate* known) {
    const auto started = Clock::now();
    auto workspace = Workspace::open(request.workspacePath, Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return workspace.error();
    Workspace& store = **workspace;
    auto catalogue = detail::requestCatalogue(request, store);
    if (!catalogue)
        return catalogue.error();
    ProviderClient client(detail::requestProviders(request, store), request.credentials,
                          request.transport, savedStudentSource(request.workspacePath));
    auto plan = detail::makeRunPlan(store, request, client, *catalogue);
    if (!plan)
        return plan.error();
    RunOutcome outcome;
    if (known) {
        outcome.estimate = *known;
    } else {
        auto estimate = detail::estimatePlan(store, *plan, request.params);
        if (!estimate)
            return estimate.error();
        outcome.estimate = std::move(estimate).value();
    }

    auto claimed = detail::claimPlannedRun(
        store, *plan, request, request.runName.empty() ? defaultRunName(*plan) : request.runName,
        cancel);
    if (!claimed)
        return claimed.error();
    outcome.runId = claimed->run.id;
    outcome.resumed = !claimed->created;
    detail::LeaseKeeper lease(store, outcome.runId, claimed->lease.token);

    std::vector<size_t> modelLane;
    std::vector<ProviderLane> lanes = providerLanesOf(*plan, modelLane);
    std::vector<int64_t> laneLimits;
    for (const ProviderLane& lane : lanes)
        laneLimits.push_back(lane.limit);
    detail::RunTracker tracker(request.modelRefs, plan->planned, std::move(modelLane),
                               std::move(laneLimits), claimed->run.spentUsd);
    detail::ResultWriter writer(request.workspacePath, outcome.runId, *catalogue, request.modelRefs,
                                tracker);
    if (auto status = writer.start(); !status)
        return status.error();
    Session session(request, cancel, progress, client, *plan, outcome.estimate, std::move(lanes),
                    tracker, writer, lease, outcome.runId, outcome.resumed);
    outcome.status = session.drain(session.dispatch());
    if (auto status = writer.finish(); !status)
        return status.error(); // what was committed before the error stays
    if (auto status = lease.finish(std::string(runStatusName(outcome.status)), plan->paramsJson);
        !status)
        return status.error();
    outcome.progress = session.emit(outcome.status);
    outcome.recorded = summarize(store, outcome.runId, request.modelRefs);
    outcome.wallS = std::chrono::duration<double>(Clock::now() - started).count();
    return outcome;
}

} // namespace switchyard
