// One runner per run, against the local provider test server: a second runner of a run that is
// executing is refused naming the holder (or waits and sends nothing again), a dead or silent
// holder's lease is taken over, different runs execute side by side, each provider keeps its own
// concurrency, results are durable before a call stops counting as in flight, and a budget caps
// the run over all its invocations.
#include "common/process.h"
#include "store/run_lease.h"
#include "tst_runner_fixture.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace runner_test;

namespace {

// Waits until a runner holds a lease on some run of the workspace; returns that run's id.
int64_t waitForLeasedRun(const std::string& path) {
    for (int i = 0; i < 500; ++i) {
        auto workspace = Workspace::open(path);
        for (const RunInfo& run : (*workspace)->runs())
            if (run.status == "running" && run.lease)
                return run.id;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return 0;
}

// The id of a process that existed and is gone (reaped): what a killed runner leaves behind.
int64_t deadProcessId() {
    const pid_t child = fork();
    if (child == 0)
        _exit(0);
    int status = 0;
    waitpid(child, &status, 0);
    return child;
}

void setLease(const std::string& path, int64_t runId, int64_t pid, const std::string& host,
              int64_t heartbeatAgeMs) {
    auto db = sql::Database::open(path, sql::Database::Access::ReadWrite);
    auto stmt = db->prepare("INSERT OR REPLACE INTO run_leases (run_id, token, pid, host,"
                            " started_at, heartbeat_ms) VALUES (?, 'someone-else', ?, ?,"
                            " '2026-12-06T09:00:00Z', ?)");
    stmt->bind(1, runId).bind(2, pid).bind(3, host).bind(4, epochNowMs() - heartbeatAgeMs);
    QVERIFY(stmt->run().ok());
    auto status = db->prepare("UPDATE runs SET status = 'running' WHERE id = ?");
    status->bind(1, runId);
    QVERIFY(status->run().ok());
}

double runSpentUsd(const std::string& path, int64_t runId) {
    auto workspace = Workspace::open(path);
    return (*workspace)->run(runId)->spentUsd;
}

} // namespace

class TestRunLease : public QObject {
    Q_OBJECT

private slots:
    void secondRunnerIsRefusedOrWaits();
    void abandonedLeases_data();
    void abandonedLeases();
    void differentRunsSideBySide();
    void eachProviderKeepsItsConcurrency();
    void resultsAreDurableBeforeTheyCount();
    void budgetCapsTheRunAcrossInvocations();
};

void TestRunLease::secondRunnerIsRefusedOrWaits() {
    RunnerFixture f(1500, 100); // 60 calls, 4 at a time: 1.5 s for the others to try meanwhile
    const int64_t set = f.makeSet(60);
    const RunRequest request = f.request(set, {"openai/gpt-test"});
    std::optional<RunOutcome> first;
    std::thread holder([&] { first = f.run(request); });
    const int64_t runId = waitForLeasedRun(f.path);
    QVERIFY(runId > 0);

    auto refused = executeRun(request, CancelToken());
    QVERIFY(!refused.ok());
    const std::string message = refused.error().message;
    QVERIFY2(message.find("run " + std::to_string(runId) + " ") == 0, message.c_str());
    QVERIFY2(message.find("is being executed by process " + std::to_string(currentProcessId()) +
                          " on " + currentHostName()) != std::string::npos,
             message.c_str());
    auto estimate = estimateRun(request);
    QVERIFY(estimate.ok());
    QVERIFY(estimate->heldBy.has_value());
    QCOMPARE(estimate->heldBy->pid, currentProcessId());

    RunRequest waiting = request;
    waiting.waitForLease = true;
    std::optional<RunOutcome> second;
    QCOMPARE(f.runStatus(runId), std::string("running")); // else there is nothing to wait for
    std::thread waiter([&] { second = f.run(waiting); });
    holder.join();
    waiter.join();
    QCOMPARE(first->status, RunStatus::Complete);
    QCOMPARE(second->runId, runId); // the same run, continued once it was free
    QCOMPARE(second->status, RunStatus::Complete);
    QCOMPARE(second->progress.planned, int64_t(0));
    QCOMPARE(f.server->requestCount(), int64_t(60)); // nothing was sent twice
    QCOMPARE(f.results(runId).size(), size_t(60));
    QCOMPARE(f.runStatus(runId), std::string("complete"));
}

void TestRunLease::abandonedLeases_data() {
    QTest::addColumn<QString>("holder");
    QTest::addColumn<bool>("takenOver");
    QTest::newRow("dead process on this host") << "dead" << true;
    QTest::newRow("live process on this host") << "live" << false;
    QTest::newRow("live process, silent for a minute") << "live-silent" << true;
    QTest::newRow("another host, heartbeat fresh") << "remote" << false;
    QTest::newRow("another host, silent for a minute") << "remote-silent" << true;
}

void TestRunLease::abandonedLeases() {
    QFETCH(QString, holder);
    QFETCH(bool, takenOver);
    RunnerFixture f;
    const int64_t set = f.makeSet(20);
    RunRequest request = f.request(set, {"openai/gpt-test"});
    request.progressIntervalMs = 0;
    CancelToken cancel;
    const RunOutcome first = f.run(request, cancel, [&cancel](const RunProgress& progress) {
        if (progress.done >= 5)
            cancel.cancel();
    });
    QCOMPARE(first.status, RunStatus::Cancelled);
    const int64_t kept = static_cast<int64_t>(f.results(first.runId).size());

    const bool remote = holder.startsWith("remote");
    const int64_t pid = holder == "dead" ? deadProcessId() : getppid();
    setLease(f.path, first.runId, remote ? 424242 : pid,
             remote ? "another-host.example" : currentHostName(),
             holder.endsWith("silent") ? 60'000 : 0);
    QCOMPARE(f.runStatus(first.runId), std::string(takenOver ? "interrupted" : "running"));

    f.server->reset();
    auto outcome = executeRun(request, CancelToken());
    QCOMPARE(outcome.ok(), takenOver);
    if (!takenOver) {
        QCOMPARE(f.server->requestCount(), int64_t(0));
        QVERIFY(outcome.error().message.find("is being executed by process") != std::string::npos);
        return;
    }
    QCOMPARE(outcome->runId, first.runId);
    QVERIFY(outcome->resumed);
    QCOMPARE(outcome->status, RunStatus::Complete);
    QCOMPARE(f.server->requestCount(), 20 - kept);
    QCOMPARE(f.runStatus(first.runId), std::string("complete"));
    auto workspace = Workspace::open(f.path);
    QVERIFY(!(*workspace)->run(first.runId)->lease.has_value()); // given up at the end
}

void TestRunLease::differentRunsSideBySide() {
    RunnerFixture f(1500, 20);
    const int64_t set = f.makeSet(40);
    std::optional<RunOutcome> a, b;
    std::thread first([&] { a = f.run(f.request(set, {"openai/gpt-test"})); });
    std::thread second([&] { b = f.run(f.request(set, {"anthropic/claude-test"})); });
    first.join();
    second.join();
    QVERIFY(a->runId != b->runId);
    QCOMPARE(a->status, RunStatus::Complete);
    QCOMPARE(b->status, RunStatus::Complete);
    QCOMPARE(f.server->requestCount(), int64_t(80));
    QCOMPARE(f.results(a->runId).size(), size_t(40));
    QCOMPARE(f.results(b->runId).size(), size_t(40));
}

void TestRunLease::eachProviderKeepsItsConcurrency() {
    RunnerFixture f(1500, 25);
    const int64_t set = f.makeSet(80);
    RunRequest request = f.request(set, {"openai/gpt-test", "anthropic/claude-test"});
    for (ProviderConfig& provider : request.providers.providers)
        provider.limits.concurrency = provider.name == "openai" ? 2 : 6;
    request.progressIntervalMs = 0;
    std::map<std::string, int64_t> most;
    const RunOutcome outcome = f.run(request, CancelToken(), [&](const RunProgress& progress) {
        for (const ModelProgress& model : progress.models)
            most[model.modelRef] = std::max(most[model.modelRef], model.inFlight);
    });
    QCOMPARE(outcome.status, RunStatus::Complete);
    QVERIFY2(most["openai/gpt-test"] <= 2, qPrintable(QString::number(most["openai/gpt-test"])));
    QVERIFY2(most["anthropic/claude-test"] <= 6,
             qPrintable(QString::number(most["anthropic/claude-test"])));
    // The slow lane does not hold the fast one back to its pace.
    QVERIFY2(most["anthropic/claude-test"] > 2,
             qPrintable(QString::number(most["anthropic/claude-test"])));
    QVERIFY(f.server->maxConcurrent() <= 8);
    QCOMPARE(f.server->requestCount(), int64_t(160));
}

void TestRunLease::resultsAreDurableBeforeTheyCount() {
    RunnerFixture f(1500, 5);
    const int64_t set = f.makeSet(120);
    RunRequest request = f.request(set, {"openai/gpt-test"});
    request.progressIntervalMs = 0;
    auto reader = sql::Database::open(f.path, sql::Database::Access::ReadOnly);
    QVERIFY(reader.ok());
    int64_t samples = 0;
    int64_t behind = 0;
    const RunOutcome outcome = f.run(request, CancelToken(), [&](const RunProgress& progress) {
        // Results count as done (and stop counting as in flight) only once committed: another
        // connection sees at least as many in the file.
        auto committed = reader->queryInt("SELECT count(*) FROM results");
        ++samples;
        if (!committed || *committed < progress.done)
            ++behind;
    });
    QCOMPARE(outcome.status, RunStatus::Complete);
    QVERIFY(samples > 10);
    QCOMPARE(behind, int64_t(0));
}

void TestRunLease::budgetCapsTheRunAcrossInvocations() {
    RunnerFixture f(1500, 5);
    const int64_t set = f.makeSet(60);
    RunRequest request = f.request(set, {"openai/gpt-test"});
    // About 40 of the 60 calls fit (see tst_runner's budgetNeverExceeded for the arithmetic).
    const double cap = 0.002;
    request.budgetUsd = cap;
    request.progressIntervalMs = 0;
    CancelToken cancel;
    const RunOutcome first = f.run(request, cancel, [&](const RunProgress& progress) {
        if (progress.spentUsd >= cap / 3)
            cancel.cancel();
    });
    QCOMPARE(first.status, RunStatus::Cancelled);
    const double spentFirst = runSpentUsd(f.path, first.runId);
    QVERIFY(spentFirst >= cap / 3 && spentFirst < cap);
    QVERIFY(std::abs(spentFirst - first.progress.spentUsd) < 1e-12);

    auto estimate = estimateRun(request);
    QCOMPARE(estimate->alreadySpentUsd, spentFirst);
    bool held = true;
    const RunOutcome second = f.run(request, CancelToken(), [&](const RunProgress& progress) {
        held = held &&
               progress.priorSpentUsd + progress.spentUsd + progress.reservedUsd <= cap + 1e-15;
    });
    QVERIFY(held);
    QCOMPARE(second.runId, first.runId);
    QCOMPARE(second.status, RunStatus::Budget);
    QCOMPARE(second.progress.priorSpentUsd, spentFirst);
    const double spentRun = runSpentUsd(f.path, first.runId);
    QVERIFY2(spentRun <= cap, qPrintable(QString::number(spentRun, 'g', 12)));
    QVERIFY(spentRun - spentFirst <= cap - spentFirst + 1e-15); // not a second full cap
    QVERIFY(f.results(first.runId).size() < size_t(60));
}

QTEST_GUILESS_MAIN(TestRunLease)
#include "tst_run_lease.moc"
