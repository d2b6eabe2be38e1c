// The run engine over real HTTP and a real workspace file: each wire format end to end, the
// estimate against hand-computed figures, the budget cap with calls in flight, cancel and
// resume, retrying only the failures, the response cache and --fresh, and prompt routers priced
// by the model they invoked. Faults are in tst_runner_faults.cpp.
#include "prompts/token_estimate.h"
#include "tst_runner_fixture.h"

#include <cmath>
#include <map>
#include <set>
#include <span>

using namespace runner_test;

namespace {

#define COMPARE_USD(actual, expected)                                                              \
    QVERIFY2(std::abs((actual) - (expected)) < 1e-12,                                              \
             qPrintable(QStringLiteral("%1 != %2")                                                 \
                            .arg(double(actual), 0, 'g', 17)                                       \
                            .arg(double(expected), 0, 'g', 17)))

// The set's prompts, as the runner reads them.
std::vector<Prompt> promptsOf(const std::string& path, int64_t setId) {
    auto workspace = Workspace::open(path);
    std::vector<Prompt> prompts;
    (void)(*workspace)->forEachPrompt(setId, [&](int64_t, Prompt&& prompt) {
        prompts.push_back(std::move(prompt));
        return true;
    });
    return prompts;
}

// $1 and $2 per million tokens (tst_runner_fixture.h).
double testPrice(int64_t input, int64_t output) {
    return (static_cast<double>(input) + 2.0 * static_cast<double>(output)) / 1e6;
}

double recordedCost(const std::vector<Result>& rows) {
    double total = 0;
    for (const Result& row : rows)
        total += row.costUsd.value_or(0.0);
    return total;
}

} // namespace

class TestRunner : public QObject {
    Q_OBJECT

private slots:
    void happyPath_data();
    void happyPath();
    void threeFormatsInOneRun();
    void estimateFigures();
    void estimateRefusesWhatItCannotPrice();
    void budgetNeverExceeded();
    void cancelThenResume();
    void retryFailedOnly();
    void responseCacheAndFresh();
    void promptRouterPricedByInvokedModel();
    void inputCountsCachedTokensInEveryFormat();
};

void TestRunner::happyPath_data() {
    QTest::addColumn<QString>("format");
    QTest::newRow("anthropic") << "anthropic";
    QTest::newRow("openai") << "openai";
    QTest::newRow("bedrock") << "bedrock";
}

void TestRunner::happyPath() {
    QFETCH(QString, format);
    RunnerFixture f;
    const int64_t set = f.makeSet(6);
    std::vector<RunProgress> seen;
    const RunOutcome outcome =
        f.run(f.request(set, {refFor(format).toStdString()}), CancelToken(),
              [&seen](const RunProgress& progress) { seen.push_back(progress); });

    QCOMPARE(outcome.status, RunStatus::Complete);
    QVERIFY(!outcome.resumed);
    QCOMPARE(f.server->requestCount(), int64_t(6));
    for (const auto& request : f.server->requests())
        QVERIFY2(request.rejection.empty(), request.rejection.c_str());
    const auto rows = f.results(outcome.runId);
    QCOMPARE(rows.size(), size_t(6));
    for (const Result& row : rows) {
        QVERIFY2(row.errorClass.empty(), row.errorMessage.c_str());
        QCOMPARE(row.output, f.server->options().answerText);
        QCOMPARE(row.attempts, 1);
        QVERIFY(row.inputTokens > 0);
        QCOMPARE(row.outputTokens, int64_t(7)); // 27 bytes at the server's 4 bytes a token
        QVERIFY(row.costUsd);
        COMPARE_USD(*row.costUsd, testPrice(row.inputTokens, row.outputTokens));
    }
    QCOMPARE(f.runStatus(outcome.runId), std::string("complete"));
    // The stored identity reads back as the request, so the Runs page can send it again.
    const auto identity =
        parseRunIdentity((*Workspace::open(f.path))->run(outcome.runId)->paramsJson);
    QVERIFY(identity);
    QCOMPARE(identity->models, std::vector<std::string>{refFor(format).toStdString()});
    QCOMPARE(identity->params.maxTokens, f.request(set, {}).params.maxTokens);
    QVERIFY(!parseRunIdentity("{}"));

    QCOMPARE(outcome.recorded.size(), size_t(1));
    QCOMPARE(outcome.recorded[0].ok, int64_t(6));
    QVERIFY(outcome.recorded[0].failed.empty());
    COMPARE_USD(outcome.recorded[0].costUsd, recordedCost(rows));
    COMPARE_USD(outcome.progress.spentUsd, recordedCost(rows));
    QCOMPARE(outcome.progress.done, int64_t(6));
    QCOMPARE(outcome.progress.inFlight, int64_t(0));
    QVERIFY(!seen.empty());
    QCOMPARE(seen.back().status, RunStatus::Complete);
    QCOMPARE(seen.back().models[0].ok, int64_t(6));
    QCOMPARE(seen.back().planned, int64_t(6));
}

void TestRunner::threeFormatsInOneRun() {
    RunnerFixture f;
    const int64_t set = f.makeSet(5);
    const std::vector<std::string> refs{refFor("anthropic").toStdString(),
                                        refFor("openai").toStdString(),
                                        refFor("bedrock").toStdString()};
    const RunOutcome outcome = f.run(f.request(set, refs));
    QCOMPARE(outcome.status, RunStatus::Complete);
    const auto rows = f.results(outcome.runId);
    QCOMPARE(rows.size(), size_t(15));
    std::set<std::pair<int64_t, std::string>> pairs;
    for (const Result& row : rows) {
        QVERIFY2(row.errorClass.empty(), row.errorMessage.c_str());
        pairs.emplace(row.promptId, row.model);
    }
    QCOMPARE(pairs.size(), size_t(15));
    QCOMPARE(f.server->requestCount(), int64_t(15));
    for (size_t m = 0; m < refs.size(); ++m) {
        QCOMPARE(outcome.recorded[m].modelRef, refs[m]);
        QCOMPARE(outcome.recorded[m].ok, int64_t(5));
    }
}

void TestRunner::estimateFigures() {
    RunnerFixture f;
    const int64_t set = f.makeSet(5);
    const std::vector<std::string> refs{"anthropic/claude-test", "openai/gpt-test"};
    RunRequest request = f.request(set, refs);
    const auto prompts = promptsOf(f.path, set);
    QCOMPARE(prompts.size(), size_t(5));

    // No answers recorded yet: a quarter of max_tokens (100) is expected, all of it at most;
    // the maximum takes the input estimate 1.5 times.
    auto estimate = estimateRun(request);
    QVERIFY2(estimate.ok(), estimate.ok() ? "" : estimate.error().toString().c_str());
    QVERIFY(!estimate->resumeRunId);
    QCOMPARE(estimate->prompts, int64_t(5));
    QCOMPARE(estimate->calls, int64_t(10));
    double expectedTotal = 0, maxTotal = 0;
    for (size_t m = 0; m < refs.size(); ++m) {
        const auto family = tokenizerFamilyForModel(refs[m].substr(refs[m].find('/') + 1));
        int64_t input = 0;
        double expected = 0, most = 0;
        for (const Prompt& prompt : prompts) {
            const int64_t tokens = estimatePromptTokens(prompt, family);
            input += tokens;
            expected += testPrice(tokens, 25);
            most += testPrice(static_cast<int64_t>(std::ceil(tokens * 1.5)), 100);
        }
        const ModelEstimate& row = estimate->models[m];
        QCOMPARE(row.modelRef, refs[m]);
        QCOMPARE(row.calls, int64_t(5));
        QCOMPARE(row.inputTokens, input);
        QCOMPARE(row.expectedOutputTokens, int64_t(125));
        QCOMPARE(row.maxOutputTokens, int64_t(500));
        QVERIFY(!row.outputFromHistory);
        COMPARE_USD(row.expectedCostUsd, expected);
        COMPARE_USD(row.maxCostUsd, most);
        expectedTotal += expected;
        maxTotal += most;
    }
    COMPARE_USD(estimate->expectedCostUsd, expectedTotal);
    COMPARE_USD(estimate->maxCostUsd, maxTotal);

    // Five answers of 7 tokens per model are now recorded: that is what is expected next.
    f.run(request);
    request.params.maxTokens = 200; // another run, not the complete one again
    estimate = estimateRun(request);
    QVERIFY(estimate.ok());
    for (size_t m = 0; m < refs.size(); ++m) {
        const ModelEstimate& row = estimate->models[m];
        QVERIFY(row.outputFromHistory);
        QCOMPARE(row.outputHistory, int64_t(5));
        QCOMPARE(row.expectedOutputTokens, int64_t(35));
        COMPARE_USD(row.expectedCostUsd, testPrice(row.inputTokens, 35));
    }
}

void TestRunner::estimateRefusesWhatItCannotPrice() {
    RunnerFixture f;
    const int64_t set = f.makeSet(2);
    RunRequest request = f.request(set, {"openai/gpt-unpriced"});
    request.providers.providers[1].models.push_back("gpt-unpriced");
    auto estimate = estimateRun(request);
    QVERIFY(!estimate.ok());
    QVERIFY2(estimate.error().message.find("no price for model 'openai/gpt-unpriced'") !=
                 std::string::npos,
             estimate.error().message.c_str());
    QVERIFY(!executeRun(request, CancelToken()).ok());
    QCOMPARE(f.server->requestCount(), int64_t(0));

    request = f.request(set, {"openai/not-listed"});
    estimate = estimateRun(request);
    QVERIFY(!estimate.ok());
    QVERIFY2(estimate.error().message.find("does not list model 'not-listed'") != std::string::npos,
             estimate.error().message.c_str());
}

void TestRunner::budgetNeverExceeded() {
    RunnerFixture f;
    const int64_t set = f.makeSet(30);
    RunRequest request = f.request(set, {"openai/gpt-test"});
    // A call reserves about (1.5 x ~25 + 2 x 100) / 1e6 and costs about (25 + 2 x 7) / 1e6, so
    // $0.001 pays for roughly 20 of the 30 calls, with four reservations in flight at a time.
    const double cap = 0.001;
    request.budgetUsd = cap;
    request.progressIntervalMs = 0;
    bool held = true;
    int64_t mostInFlight = 0;
    const RunOutcome outcome = f.run(request, CancelToken(), [&](const RunProgress& progress) {
        held = held && progress.spentUsd + progress.reservedUsd <= cap + 1e-15;
        mostInFlight = std::max(mostInFlight, progress.inFlight);
    });
    QVERIFY(held);
    QVERIFY(mostInFlight > 1); // the reservations of calls in flight were part of the sums
    QCOMPARE(outcome.status, RunStatus::Budget);
    QCOMPARE(f.runStatus(outcome.runId), std::string("budget"));
    const auto rows = f.results(outcome.runId);
    const auto sent = static_cast<int64_t>(rows.size());
    QVERIFY2(sent > 5 && sent < 30, qPrintable(QString::number(sent)));
    QCOMPARE(f.server->requestCount(), sent);
    QVERIFY(recordedCost(rows) <= cap);
    QVERIFY(outcome.progress.spentUsd <= cap);
    COMPARE_USD(outcome.progress.spentUsd, recordedCost(rows));

    // Dispatch stopped because no remaining call fit: the cheapest remaining reservation
    // would have crossed the cap.
    std::set<int64_t> recorded;
    for (const Result& row : rows)
        recorded.insert(row.promptId);
    auto workspace = Workspace::open(f.path);
    const auto ids = (*workspace)->promptIdPage(set, 0, 100); // in ordinal order, as prompts
    const auto prompts = promptsOf(f.path, set);
    double cheapest = 1e9;
    for (size_t i = 0; i < prompts.size(); ++i) {
        if (recorded.count(ids[i].second))
            continue;
        const int64_t tokens =
            estimatePromptTokens(prompts[i], tokenizerFamilyForModel("gpt-test"));
        cheapest =
            std::min(cheapest, testPrice(static_cast<int64_t>(std::ceil(tokens * 1.5)), 100));
    }
    QVERIFY(recordedCost(rows) + cheapest > cap);

    // A larger budget continues the same run and sends only the rest.
    f.server->reset();
    request.budgetUsd.reset();
    const RunOutcome rest = f.run(request);
    QCOMPARE(rest.runId, outcome.runId);
    QVERIFY(rest.resumed);
    QCOMPARE(rest.status, RunStatus::Complete);
    QCOMPARE(f.server->requestCount(), 30 - sent);
    QCOMPARE(f.results(outcome.runId).size(), size_t(30));
}

void TestRunner::cancelThenResume() {
    RunnerFixture f;
    const int64_t set = f.makeSet(40);
    RunRequest request = f.request(set, {"openai/gpt-test", "anthropic/claude-test"});
    request.progressIntervalMs = 0;
    CancelToken cancel;
    const RunOutcome first = f.run(request, cancel, [&cancel](const RunProgress& progress) {
        if (progress.done >= 10)
            cancel.cancel();
    });
    QCOMPARE(first.status, RunStatus::Cancelled);
    QCOMPARE(f.runStatus(first.runId), std::string("cancelled"));
    const auto kept = static_cast<int64_t>(f.results(first.runId).size());
    QVERIFY2(kept >= 10 && kept < 80, qPrintable(QString::number(kept)));
    QCOMPARE(first.progress.done, kept);

    f.server->reset();
    auto estimate = estimateRun(request);
    QVERIFY(estimate.ok());
    QCOMPARE(estimate->resumeRunId.value_or(0), first.runId);
    QCOMPARE(estimate->alreadyRecorded, kept);
    QCOMPARE(estimate->calls, 80 - kept);

    const RunOutcome second = f.run(request);
    QVERIFY(second.resumed);
    QCOMPARE(second.runId, first.runId);
    QCOMPARE(second.status, RunStatus::Complete);
    QCOMPARE(f.server->requestCount(), 80 - kept); // only the missing pairs were sent
    const auto rows = f.results(first.runId);
    QCOMPARE(rows.size(), size_t(80));
    std::set<std::pair<int64_t, std::string>> pairs;
    for (const Result& row : rows) {
        QVERIFY2(row.errorClass.empty(), row.errorMessage.c_str());
        pairs.emplace(row.promptId, row.model);
    }
    QCOMPARE(pairs.size(), size_t(80));
}

void TestRunner::retryFailedOnly() {
    RunnerFixture f;
    f.limits.concurrency = 1; // the first two requests are prompts 1 and 2
    const int64_t set = f.makeSet(6);
    RunRequest request = f.request(set, {"openai/gpt-test"});
    f.server->failNext(testing::Fault::BadRequest, 2);
    const RunOutcome first = f.run(request);
    QCOMPARE(first.status, RunStatus::Complete);
    auto rows = f.results(first.runId);
    QCOMPARE(rows.size(), size_t(6));
    int failed = 0;
    for (const Result& row : rows) {
        if (row.errorClass.empty())
            continue;
        ++failed;
        QCOMPARE(row.errorClass, std::string("invalid_request"));
        QCOMPARE(row.attempts, 1);
        QVERIFY2(row.errorMessage.find("roles must alternate") != std::string::npos,
                 row.errorMessage.c_str());
    }
    QCOMPARE(failed, 2);
    QCOMPARE(first.recorded[0].failed.at("invalid_request"), int64_t(2));

    f.server->reset();
    request.retryFailedOnly = true;
    auto estimate = estimateRun(request);
    QVERIFY(estimate.ok());
    QCOMPARE(estimate->calls, int64_t(2));
    QCOMPARE(estimate->alreadyRecorded, int64_t(4));
    const RunOutcome retried = f.run(request);
    QCOMPARE(retried.runId, first.runId);
    QCOMPARE(f.server->requestCount(), int64_t(2));
    rows = f.results(first.runId);
    QCOMPARE(rows.size(), size_t(6));
    for (const Result& row : rows)
        QVERIFY2(row.errorClass.empty(), row.errorMessage.c_str());
    QCOMPARE(f.runStatus(first.runId), std::string("complete"));

    f.server->reset();
    QCOMPARE(f.run(request).progress.planned, int64_t(0)); // nothing failed any more
    QCOMPARE(f.server->requestCount(), int64_t(0));

    request.params.maxTokens = 50; // never run with these parameters
    estimate = estimateRun(request);
    QVERIFY(!estimate.ok());
    QVERIFY(estimate.error().message.find("no earlier run") != std::string::npos);
}

void TestRunner::responseCacheAndFresh() {
    RunnerFixture f;
    const int64_t set = f.makeSet(5);
    RunRequest request = f.request(set, {"anthropic/claude-test"});
    const RunOutcome first = f.run(request);
    QCOMPARE(f.server->requestCount(), int64_t(5));
    const auto original = f.results(first.runId);

    // The same request again: a new run (the first is complete), answered from the cache.
    f.server->reset();
    const RunOutcome second = f.run(request);
    QVERIFY(second.runId != first.runId);
    QVERIFY(!second.resumed);
    QCOMPARE(second.status, RunStatus::Complete);
    QCOMPARE(f.server->requestCount(), int64_t(0));
    const auto cached = f.results(second.runId);
    QCOMPARE(cached.size(), size_t(5));
    for (size_t i = 0; i < cached.size(); ++i) {
        QCOMPARE(cached[i].attempts, 0); // the mark of a cache hit
        QCOMPARE(cached[i].output, original[i].output);
        QCOMPARE(cached[i].inputTokens, original[i].inputTokens);
        COMPARE_USD(cached[i].costUsd.value_or(-1), *original[i].costUsd);
    }
    QCOMPARE(second.progress.spentUsd, 0.0);
    QCOMPARE(second.progress.models[0].cached, int64_t(5));
    QCOMPARE(second.recorded[0].cached, int64_t(5));
    QCOMPARE(second.recorded[0].spentUsd, 0.0);
    COMPARE_USD(second.recorded[0].costUsd, recordedCost(original));

    // --fresh sends everything again.
    request.freshSamples = true;
    const RunOutcome third = f.run(request);
    QCOMPARE(f.server->requestCount(), int64_t(5));
    for (const Result& row : f.results(third.runId))
        QCOMPARE(row.attempts, 1);
    COMPARE_USD(third.progress.spentUsd, recordedCost(original));
}

void TestRunner::promptRouterPricedByInvokedModel() {
    RunnerFixture f;
    const int64_t set = f.makeSet(3);
    const RunOutcome outcome = f.run(f.request(set, {routerRef()}));
    QCOMPARE(outcome.status, RunStatus::Complete);
    const auto rows = f.results(outcome.runId);
    QCOMPARE(rows.size(), size_t(3));
    for (const Result& row : rows) {
        QVERIFY2(row.errorClass.empty(), row.errorMessage.c_str());
        // The routed Haiku's $4 / $8, not the router reference's $10 / $20.
        COMPARE_USD(*row.costUsd, (4.0 * row.inputTokens + 8.0 * row.outputTokens) / 1e6);
    }
}

// The same cached request through the three wire formats: input_tokens is every input token,
// cached or not, whatever each format reported (pricing/usage.h), so it is the same on the call
// that writes the cache and the one that reads it, and Anthropic and Bedrock agree (OpenAI's
// count differs only by the role prefixes the test server counts on its wire).
void TestRunner::inputCountsCachedTokensInEveryFormat() {
    RunnerFixture f;
    f.makeSet(1, "prices only");
    auto workspace = Workspace::open(f.path);
    std::vector<ModelPrice> prices;
    for (const char* id : {"claude-test", "gpt-test", "bedrock-test"}) {
        ModelPrice price;
        price.id = id;
        price.provider = id[0] == 'g' ? "openai" : id[0] == 'c' ? "anthropic" : "bedrock";
        price.inputUsdPerMTok = 1;
        price.outputUsdPerMTok = 2;
        price.supportsCaching = true;
        price.cacheReadMultiplier = 0.1;
        price.cacheWrite5mMultiplier = id[0] == 'g' ? 1.0 : 1.25;
        prices.push_back(price);
    }
    QVERIFY(workbench::savePrices(**workspace, prices).ok());
    Prompt prompt;
    prompt.id = "cached";
    prompt.system = {{std::string(8000, 'p'), true, "5m"}};
    prompt.messages = {{"user", {{"Hello there", false, ""}}}};
    const int64_t set = *(*workspace)->createPromptSet("cached", "test");
    QVERIFY((*workspace)->appendPrompts(set, std::span(&prompt, 1), "cached.jsonl").ok());

    RunRequest request =
        f.request(set, {"anthropic/claude-test", "bedrock/bedrock-test", "openai/gpt-test"});
    request.freshSamples = true; // the second run calls again, and reads the providers' cache
    const RunOutcome writes = f.run(request);
    const RunOutcome reads = f.run(request);
    QVERIFY(writes.runId != reads.runId);
    std::map<std::string, int64_t> input;
    for (size_t m = 0; m < 3; ++m) {
        const RunModelSummary& wrote = writes.recorded[m];
        const RunModelSummary& read = reads.recorded[m];
        QCOMPARE(wrote.ok, int64_t(1));
        QCOMPARE(read.ok, int64_t(1));
        QVERIFY2(read.cacheReadTokens > 0, wrote.modelRef.c_str());
        QCOMPARE(read.inputTokens, wrote.inputTokens);
        QVERIFY(read.inputTokens >= read.cacheReadTokens + read.cacheWriteTokens);
        QVERIFY(read.costUsd < wrote.costUsd);
        input[wrote.modelRef] = wrote.inputTokens;
    }
    QCOMPARE(input["anthropic/claude-test"], input["bedrock/bedrock-test"]);
    QVERIFY(input["anthropic/claude-test"] > 2000);
    QVERIFY(std::abs(input["openai/gpt-test"] - input["anthropic/claude-test"]) <= 5);
}

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
