// The run engine against every fault the test server injects: what each call recorded (class,
// attempts, message, cost) and that every (prompt, model) pair has exactly one result, whatever
// went wrong on the way.
#include "tst_runner_fixture.h"

#include <chrono>
#include <cmath>
#include <set>

using namespace runner_test;
using testing::Fault;

namespace {

const std::map<QString, Fault> kFaults{
    {"rate_limited", Fault::RateLimited},
    {"retry_after", Fault::RateLimitedRetryAfter},
    {"server_error", Fault::ServerError},
    {"unavailable", Fault::Unavailable},
    {"stall", Fault::Stall},
    {"reset", Fault::ConnectionReset},
    {"truncated", Fault::TruncatedBody},
    {"malformed_json", Fault::MalformedJson},
    {"usage_missing", Fault::UsageMissing},
    {"context_length", Fault::ContextLength},
    {"content_filter", Fault::ContentFilter},
    {"bad_request", Fault::BadRequest},
};

constexpr int kPrompts = 3;

} // namespace

class TestRunnerFaults : public QObject {
    Q_OBJECT

private slots:
    void faults_data();
    void faults();
    void mixedFaultsLoseNothing();
    void cancelCutsStalledCallsShort();
};

void TestRunnerFaults::faults_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("always");     // every attempt of every call, or only the first request
    QTest::addColumn<QString>("outcome"); // of the faulted call: "ok" or the failure class
    QTest::addColumn<int>("attempts");    // of the faulted call; 0 = not checked
    QTest::addColumn<int>("minElapsedMs");
    QTest::newRow("429, then answered") << "anthropic"
                                        << "rate_limited" << false << "ok" << 2 << 0;
    QTest::newRow("429 with Retry-After: 1, then answered")
        << "bedrock"
        << "retry_after" << false << "ok" << 2 << 1000;
    QTest::newRow("429 until the attempts run out")
        << "openai"
        << "rate_limited" << true << "rate_limit" << 3 << 0;
    QTest::newRow("500 every time") << "anthropic"
                                    << "server_error" << true << "server" << 3 << 0;
    QTest::newRow("503 once") << "bedrock"
                              << "unavailable" << false << "ok" << 2 << 0;
    QTest::newRow("stall past the timeout, then answered") << "openai"
                                                           << "stall" << false << "ok" << 2 << 500;
    QTest::newRow("stall every time") << "anthropic"
                                      << "stall" << true << "timeout" << 3 << 1500;
    QTest::newRow("connection reset once") << "openai"
                                           << "reset" << false << "ok" << 0 << 0;
    QTest::newRow("connection reset every time") << "bedrock"
                                                 << "reset" << true << "network" << 3 << 0;
    QTest::newRow("truncated body every time") << "anthropic"
                                               << "truncated" << true << "network" << 3 << 0;
    QTest::newRow("malformed JSON") << "openai"
                                    << "malformed_json" << false << "bad_response" << 1 << 0;
    QTest::newRow("usage missing") << "bedrock"
                                   << "usage_missing" << false << "bad_response" << 1 << 0;
    QTest::newRow("context length") << "openai"
                                    << "context_length" << false << "context_length" << 1 << 0;
    QTest::newRow("content filter") << "anthropic"
                                    << "content_filter" << false << "content_filter" << 1 << 0;
}

void TestRunnerFaults::faults() {
    QFETCH(QString, format);
    QFETCH(QString, fault);
    QFETCH(bool, always);
    QFETCH(QString, outcome);
    QFETCH(int, attempts);
    QFETCH(int, minElapsedMs);

    RunnerFixture f;
    // One call at a time, so a fault on the first request hits the first prompt.
    f.limits.concurrency = always ? kPrompts : 1;
    const int64_t set = f.makeSet(kPrompts);
    if (always)
        f.server->failAlways(kFaults.at(fault));
    else
        f.server->failNext(kFaults.at(fault));
    const auto started = std::chrono::steady_clock::now();
    const RunOutcome run = f.run(f.request(set, {refFor(format).toStdString()}));
    const auto elapsedMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - started)
                               .count();
    f.server->failAlways(Fault::None);

    QCOMPARE(run.status, RunStatus::Complete);
    const auto rows = f.results(run.runId);
    QCOMPARE(rows.size(), size_t(kPrompts)); // nothing lost, nothing twice
    int64_t attemptsMade = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        const Result& row = rows[i];
        attemptsMade += row.attempts;
        const bool faulted = always || i == 0;
        const QString expected = faulted ? outcome : QString("ok");
        if (expected == "ok") {
            QVERIFY2(row.errorClass.empty(), row.errorMessage.c_str());
            QCOMPARE(row.output, f.server->options().answerText);
            QVERIFY(row.costUsd);
        } else {
            QCOMPARE(QString::fromStdString(row.errorClass), expected);
            QVERIFY(!row.errorMessage.empty());
            // Only a filtered answer reports usage (and is billed for it).
            QCOMPARE(row.costUsd.has_value(), expected == "content_filter");
        }
        if (faulted && attempts > 0)
            QCOMPARE(row.attempts, attempts);
        if (!faulted)
            QCOMPARE(row.attempts, 1);
    }
    // libcurl resends once by itself when a reused connection is reset before any byte.
    if (fault != "reset")
        QCOMPARE(f.server->requestCount(), attemptsMade);
    QVERIFY2(elapsedMs >= minElapsedMs, qPrintable(QString::number(elapsedMs)));

    const ModelProgress& progress = run.progress.models[0];
    QCOMPARE(progress.done, int64_t(kPrompts));
    QCOMPARE(progress.inFlight, int64_t(0));
    const int64_t failedCalls = outcome == "ok" ? 0 : (always ? kPrompts : 1);
    QCOMPARE(progress.ok, kPrompts - failedCalls);
    if (failedCalls)
        QCOMPARE(progress.failed.at(outcome.toStdString()), failedCalls);
    QCOMPARE(run.recorded[0].ok, kPrompts - failedCalls);

    // A call that may have been billed without an answer counts its reservation as spent, so
    // the budget can never be outrun by answers that were lost on the way.
    double recorded = 0;
    for (const Result& row : rows)
        recorded += row.costUsd.value_or(0.0);
    const bool unknownCost =
        outcome == "timeout" || outcome == "network" || outcome == "bad_response";
    if (unknownCost)
        QVERIFY(run.progress.spentUsd > recorded);
    else
        QVERIFY(std::abs(run.progress.spentUsd - recorded) < 1e-12);
}

void TestRunnerFaults::mixedFaultsLoseNothing() {
    RunnerFixture f;
    // More attempts than there are retryable faults (6 + 4 + 3 + 3), so however the calls of
    // three providers interleave, no call can run out of attempts on them: exactly the final
    // faults fail.
    f.limits.maxAttempts = 17;
    const int64_t set = f.makeSet(30);
    const std::vector<std::string> refs{refFor("anthropic").toStdString(),
                                        refFor("openai").toStdString(),
                                        refFor("bedrock").toStdString()};
    for (const auto& [fault, count] :
         std::vector<std::pair<Fault, int>>{{Fault::RateLimited, 6},
                                            {Fault::ServerError, 4},
                                            {Fault::ConnectionReset, 3},
                                            {Fault::MalformedJson, 3},
                                            {Fault::UsageMissing, 2},
                                            {Fault::TruncatedBody, 3},
                                            {Fault::BadRequest, 2}})
        f.server->failNext(fault, count);
    const RunOutcome run = f.run(f.request(set, refs));
    QCOMPARE(run.status, RunStatus::Complete);
    const auto rows = f.results(run.runId);
    QCOMPARE(rows.size(), size_t(90));
    std::set<std::pair<int64_t, std::string>> pairs;
    int64_t failed = 0, ok = 0;
    for (const Result& row : rows) {
        pairs.emplace(row.promptId, row.model);
        (row.errorClass.empty() ? ok : failed) += 1;
    }
    QCOMPARE(pairs.size(), size_t(90));
    // Malformed JSON, missing usage and bad requests are final (7 calls); the rest is retried.
    QCOMPARE(failed, int64_t(7));
    QCOMPARE(run.progress.done, int64_t(90));
    QVERIFY(f.server->requestCount() >= 90 + 6 + 4 + 3);
    int64_t okTotal = 0;
    for (const RunModelSummary& model : run.recorded)
        okTotal += model.ok;
    QCOMPARE(okTotal, ok);
}

void TestRunnerFaults::cancelCutsStalledCallsShort() {
    RunnerFixture f(10'000); // a stall outlasts the test unless the cancel ends it
    f.limits.timeoutMs = 20'000;
    const int64_t set = f.makeSet(8);
    RunRequest request = f.request(set, {"openai/gpt-test"});
    request.progressIntervalMs = 0;
    f.server->failNext(Fault::None, 2);
    f.server->failAlways(Fault::Stall);
    CancelToken cancel;
    const auto started = std::chrono::steady_clock::now();
    const RunOutcome run = f.run(request, cancel, [&](const RunProgress& progress) {
        if (progress.done >= 2 && progress.inFlight > 0)
            cancel.cancel();
    });
    const auto elapsedMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - started)
                               .count();
    f.server->failAlways(Fault::None);
    QCOMPARE(run.status, RunStatus::Cancelled);
    QVERIFY2(elapsedMs < 5000, qPrintable(QString::number(elapsedMs)));
    // The two answers stay; the stalled calls were cut short and left for a resume.
    QCOMPARE(f.results(run.runId).size(), size_t(2));
    QCOMPARE(run.progress.inFlight, int64_t(0));
    f.server->reset();
    const RunOutcome resumed = f.run(request);
    QCOMPARE(resumed.runId, run.runId);
    QCOMPARE(f.server->requestCount(), int64_t(6));
    QCOMPARE(f.results(run.runId).size(), size_t(8));
}

QTEST_GUILESS_MAIN(TestRunnerFaults)
#include "tst_runner_faults.moc"
