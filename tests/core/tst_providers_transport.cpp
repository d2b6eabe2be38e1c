// The provider clients over real HTTP: a local test server speaks the three wire formats,
// verifies keys and SigV4 on its own, simulates prompt caching and injects faults. Every fault
// class is a row; each asserts the recorded outcome (class, attempts, status, message). Also:
// retry policy and token buckets as pure functions, concurrency and rate limits, connection
// reuse, cancellation, Bedrock prompt routers / session tokens / API keys, and a scan of
// everything a run produces for the keys it used.
#include "providers/client.h"
#include "providers/retry.h"
#include "test_server.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <chrono>
#include <future>
#include <map>
#include <set>

using namespace switchyard;
using testing::Fault;
using testing::TestServer;
using testing::TestServerOptions;

namespace {

using Clock = std::chrono::steady_clock;

int64_t elapsedMs(Clock::time_point since) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
}

// Recognisable fake credentials: the secrets test looks for these in everything produced.
struct Keys {
    std::string anthropic = "sk-ant-FAKE-KEY-7f3a9c1e5b";
    std::string openai = "sk-proj-FAKE-KEY-2d8e4f6a0c";
    std::string awsKeyId = "AKIDFAKEKEY000000001";
    std::string awsSecret = "FAKE/AWS+secret/9b7c5e3a1f0d2468ace";
    std::string sessionToken;
    std::string bearer;
};

TestServerOptions serverOptions(const Keys& keys, int64_t stallMs = 1500, int threads = 32) {
    TestServerOptions options;
    options.threads = threads;
    options.stallMs = stallMs;
    options.anthropicKey = keys.anthropic;
    options.openAiKey = keys.openai;
    options.awsAccessKeyId = keys.awsKeyId;
    options.awsSecretAccessKey = keys.awsSecret;
    options.awsSessionToken = keys.sessionToken;
    options.bedrockBearerToken = keys.bearer;
    return options;
}

CredentialSources environment(const Keys& keys, const QString& home) {
    std::map<std::string, std::string> values{
        {"ANTHROPIC_API_KEY", keys.anthropic},    {"TEST_OPENAI_KEY", keys.openai},
        {"AWS_ACCESS_KEY_ID", keys.awsKeyId},     {"AWS_SECRET_ACCESS_KEY", keys.awsSecret},
        {"AWS_SESSION_TOKEN", keys.sessionToken}, {"AWS_BEARER_TOKEN_BEDROCK", keys.bearer}};
    CredentialSources sources;
    sources.homeDir = home.toStdString(); // an empty home: no ~/.aws files
    sources.env = [values](const std::string& name) -> std::optional<std::string> {
        const auto it = values.find(name);
        if (it == values.end() || it->second.empty())
            return std::nullopt;
        return it->second;
    };
    return sources;
}

const char* kHaiku = "anthropic.claude-3-5-haiku-20241022-v1:0";
const char* kProfileArn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
                          "us.anthropic.claude-3-5-haiku-20241022-v1:0";
const char* kRouterArn =
    "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1";

ProvidersFile providersFor(const TestServer& server, const ProviderLimits& limits) {
    ProvidersFile file;
    file.path = "providers.yaml";
    ProviderConfig anthropic;
    anthropic.name = "anthropic";
    anthropic.kind = ProviderKind::Anthropic;
    anthropic.baseUrl = server.baseUrl();
    anthropic.models = {"claude-haiku-4-5"};
    anthropic.limits = limits;
    ProviderConfig openai;
    openai.name = "openai";
    openai.kind = ProviderKind::OpenAi;
    openai.baseUrl = server.baseUrl() + "/v1";
    openai.apiKeyEnv = "TEST_OPENAI_KEY";
    openai.models = {"gpt-4o-mini"};
    openai.limits = limits;
    ProviderConfig bedrock;
    bedrock.name = "bedrock";
    bedrock.kind = ProviderKind::Bedrock;
    bedrock.region = "us-east-1";
    bedrock.endpointUrl = server.baseUrl();
    bedrock.models = {kHaiku, kProfileArn, kRouterArn};
    bedrock.limits = limits;
    file.providers = {anthropic, openai, bedrock};
    return file;
}

TransportOptions fastRetries() {
    TransportOptions options;
    options.retryBaseDelayMs = 10;
    options.retryMaxDelayMs = 50;
    options.randomSeed = 42;
    return options;
}

QString refFor(const QString& format) {
    if (format == "anthropic")
        return "anthropic/claude-haiku-4-5";
    if (format == "openai")
        return "openai/gpt-4o-mini";
    return QString("bedrock/") + kHaiku;
}

Prompt simplePrompt(const std::string& text = "What is the capital of France?") {
    Prompt prompt;
    prompt.id = "p1";
    prompt.system = {{"Answer in one word.", false, ""}};
    prompt.messages = {{"user", {{text, false, ""}}}};
    return prompt;
}

CallResult callOnce(ProviderClient& client, const QString& ref, const Prompt& prompt,
                    const CallParams& params = {}) {
    std::promise<CallResult> promise;
    auto future = promise.get_future();
    auto id = client.submit(ref.toStdString(), prompt, params, 50, [&promise](CallResult result) {
        promise.set_value(std::move(result));
    });
    if (!id)
        qFatal("submit failed: %s", id.error().toString().c_str());
    return future.get();
}

std::vector<CallResult> callMany(ProviderClient& client, const QString& ref, int count,
                                 const CallParams& params = {}, const CancelToken* cancel = nullptr,
                                 int64_t estimatedInput = 50) {
    std::mutex mutex;
    std::vector<CallResult> results;
    for (int i = 0; i < count; ++i) {
        auto id = client.submit(
            ref.toStdString(), simplePrompt("question " + std::to_string(i)), params,
            estimatedInput,
            [&](CallResult result) {
                std::lock_guard lock(mutex);
                results.push_back(std::move(result));
            },
            cancel);
        if (!id)
            qFatal("submit failed: %s", id.error().toString().c_str());
    }
    client.waitIdle();
    return results;
}

const std::map<QString, Fault> kFaults{
    {"rate_limited", Fault::RateLimited},     {"retry_after", Fault::RateLimitedRetryAfter},
    {"server_error", Fault::ServerError},     {"unavailable", Fault::Unavailable},
    {"overloaded", Fault::Overloaded},        {"stall", Fault::Stall},
    {"reset", Fault::ConnectionReset},        {"truncated", Fault::TruncatedBody},
    {"malformed_json", Fault::MalformedJson}, {"wrong_content_type", Fault::WrongContentType},
    {"usage_missing", Fault::UsageMissing},   {"context_length", Fault::ContextLength},
    {"content_filter", Fault::ContentFilter}, {"bad_request", Fault::BadRequest},
};

} // namespace

class TestProvidersTransport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    // Pure pieces.
    void backoffIsFullJitter();
    void retryDecisions_data();
    void retryDecisions();
    void retryAfterHeader_data();
    void retryAfterHeader();
    void tokenBucket();

    // Over HTTP.
    void answersAndCaches_data();
    void answersAndCaches();
    void faults_data();
    void faults();
    void wrongKey_data();
    void wrongKey();
    void connectionRefused();
    void concurrencyLimit();
    void requestsPerMinute();
    void tokensPerMinuteWithRefunds();
    void connectionsAreReused();
    void cancelStopsQueuedAndInFlight();
    void cancelAll();
    void submitRefusesBeforeSending();
    void bedrockModelIds_data();
    void bedrockModelIds();
    void bedrockSessionToken();
    void bedrockApiKey();
    void secretsNeverLeave();

private:
    Keys m_keys;
    QTemporaryDir m_home;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ProviderClient> m_client;
};

void TestProvidersTransport::initTestCase() {
    m_server = std::make_unique<TestServer>(serverOptions(m_keys));
    QVERIFY(m_server->start());
    ProviderLimits limits;
    limits.maxAttempts = 3;
    limits.timeoutMs = 500;
    limits.connectTimeoutMs = 1000;
    m_client = std::make_unique<ProviderClient>(providersFor(*m_server, limits),
                                                environment(m_keys, m_home.path()), fastRetries());
}

void TestProvidersTransport::init() {
    m_server->reset();
}

void TestProvidersTransport::cleanupTestCase() {
    m_client.reset();
    m_server->stop();
}

void TestProvidersTransport::backoffIsFullJitter() {
    RetryPolicy policy;
    policy.baseDelayMs = 100;
    policy.maxDelayMs = 1000;
    std::mt19937_64 random(7);
    for (int attempts = 1; attempts <= 8; ++attempts) {
        const int64_t ceiling = std::min<int64_t>(1000, 100ll << (attempts - 1));
        int64_t low = INT64_MAX, high = 0;
        for (int i = 0; i < 2000; ++i) {
            const int64_t delay = backoffDelayMs(policy, attempts, random);
            QVERIFY(delay >= 0 && delay <= ceiling);
            low = std::min(low, delay);
            high = std::max(high, delay);
        }
        // Full jitter spreads over the whole range, not just its top.
        QVERIFY(low < ceiling / 10);
        QVERIFY(high > ceiling * 9 / 10);
    }
}

void TestProvidersTransport::retryDecisions_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<int>("attemptsSoFar");
    QTest::addColumn<qint64>("retryAfterMs"); // -1 = none
    QTest::addColumn<bool>("retry");
    QTest::addColumn<qint64>("delayMs"); // -1 = jittered
    QTest::newRow("429 backs off") << "rate_limit" << true << 1 << qint64(-1) << true << qint64(-1);
    QTest::newRow("Retry-After is honoured")
        << "rate_limit" << true << 1 << qint64(2500) << true << qint64(2500);
    QTest::newRow("Retry-After too long")
        << "rate_limit" << true << 1 << qint64(600'000) << false << qint64(0);
    QTest::newRow("budget spent") << "server" << true << 4 << qint64(-1) << false << qint64(0);
    QTest::newRow("auth is final") << "auth" << false << 1 << qint64(-1) << false << qint64(0);
    QTest::newRow("bad response is final")
        << "bad_response" << false << 1 << qint64(-1) << false << qint64(0);
}

void TestProvidersTransport::retryDecisions() {
    QFETCH(QString, kind);
    QFETCH(bool, retryable);
    QFETCH(int, attemptsSoFar);
    QFETCH(qint64, retryAfterMs);
    QFETCH(bool, retry);
    QFETCH(qint64, delayMs);
    CallFailure failure;
    failure.kind = *failureClassFromName(kind.toStdString());
    failure.retryable = retryable;
    if (retryAfterMs >= 0)
        failure.retryAfterMs = retryAfterMs;
    RetryPolicy policy; // 4 attempts, 500 ms base, Retry-After up to 120 s
    std::mt19937_64 random(1);
    const RetryDecision decision = decideRetry(policy, failure, attemptsSoFar, random);
    QCOMPARE(decision.retry, retry);
    if (retry && delayMs >= 0)
        QCOMPARE(decision.delayMs, delayMs);
    if (retry && delayMs < 0)
        QVERIFY(decision.delayMs >= 0 && decision.delayMs <= 500);
}

void TestProvidersTransport::retryAfterHeader_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("expected"); // -1 = none
    QTest::newRow("seconds") << "Retry-After"
                             << "7" << qint64(7000);
    QTest::newRow("fraction") << "retry-after"
                              << "1.5" << qint64(1500);
    QTest::newRow("milliseconds") << "retry-after-ms"
                                  << "250" << qint64(250);
    // 2015-08-30 12:36:00 UTC is the "now" below.
    QTest::newRow("HTTP date") << "Retry-After"
                               << "Sun, 30 Aug 2015 12:36:30 GMT" << qint64(30000);
    QTest::newRow("date in the past") << "Retry-After"
                                      << "Sun, 30 Aug 2015 12:00:00 GMT" << qint64(0);
    QTest::newRow("garbage") << "Retry-After"
                             << "soon" << qint64(-1);
    QTest::newRow("absent") << "X-Other"
                            << "5" << qint64(-1);
}

void TestProvidersTransport::retryAfterHeader() {
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(qint64, expected);
    HttpResponse response;
    response.status = 429;
    response.headers = {{name.toStdString(), value.toStdString()}};
    const auto parsed = parseRetryAfterMs(response, 1'440'938'160);
    QCOMPARE(parsed.value_or(-1), expected);
}

void TestProvidersTransport::tokenBucket() {
    TokenBucket unlimited;
    QVERIFY(unlimited.unlimited());
    QCOMPARE(unlimited.waitMs(1e9, 0), int64_t(0));

    TokenBucket bucket(600, 0); // 600 per minute = 10 per second, holds 600
    QCOMPARE(bucket.waitMs(600, 0), int64_t(0));
    bucket.take(600, 0);
    QCOMPARE(bucket.waitMs(1, 0), int64_t(100));
    QCOMPARE(bucket.waitMs(1, 100), int64_t(0));
    QCOMPARE(bucket.waitMs(5, 100), int64_t(400));
    // Bigger than the bucket: admitted when full, then it is in debt.
    QCOMPARE(bucket.waitMs(5000, 60'000), int64_t(0));
    bucket.take(5000, 60'000);
    QCOMPARE(bucket.level(60'000), -4400.0);
    QCOMPARE(bucket.waitMs(1, 60'000), int64_t(440'100));
    bucket.adjust(-4400); // the call cost less than charged
    QCOMPARE(bucket.level(60'000), 0.0);
}

void TestProvidersTransport::answersAndCaches_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QList<qint64>>("first"); // input, output, cacheRead, cacheWrite, 1h
    QTest::addColumn<QList<qint64>>("second");
    QTest::addColumn<QString>("stopReason");
    // The server counts a token per 4 bytes. Anthropic and Bedrock cache the 8,000-byte system
    // block at its 1-hour checkpoint; OpenAI caches the repeated prompt automatically (the
    // server prefixes each message with its role, and rounds to 128-token steps). Input is every
    // input token, cached or not, in every format: the same on the write and on the read (the
    // wire said 3 beside 2000 for Anthropic and Bedrock).
    QTest::newRow("anthropic") << "anthropic" << QList<qint64>{2003, 7, 0, 2000, 2000}
                               << QList<qint64>{2003, 7, 2000, 0, 0} << "end_turn";
    QTest::newRow("bedrock") << "bedrock" << QList<qint64>{2003, 7, 0, 2000, 2000}
                             << QList<qint64>{2003, 7, 2000, 0, 0} << "end_turn";
    QTest::newRow("openai") << "openai" << QList<qint64>{2006, 7, 0, 0, 0}
                            << QList<qint64>{2006, 7, 1920, 0, 0} << "stop";
}

void TestProvidersTransport::answersAndCaches() {
    QFETCH(QString, format);
    QFETCH(QList<qint64>, first);
    QFETCH(QList<qint64>, second);
    QFETCH(QString, stopReason);

    Prompt prompt;
    prompt.id = "cached";
    prompt.system = {{std::string(8000, 'p'), true, "1h"}};
    prompt.messages = {{"user", {{"Hello there", false, ""}}}};
    CallParams params;
    params.maxTokens = 100;
    params.temperature = 0.5;
    for (const auto& expected : {first, second}) {
        const CallResult result = callOnce(*m_client, refFor(format), prompt, params);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error->toString().c_str());
        QCOMPARE(result.text, m_server->options().answerText);
        QCOMPARE(QString::fromStdString(result.stopReason), stopReason);
        QCOMPARE(result.attempts, 1);
        QVERIFY(result.usageReported);
        QCOMPARE(QList<qint64>({result.usage.input, result.usage.output, result.usage.cacheRead,
                                result.usage.cacheWrite, result.usage.cacheWrite1h}),
                 expected);
        QVERIFY(result.latencyMs >= 0 && result.latencyMs < 5000);
    }
    const auto requests = m_server->requests();
    QCOMPARE(requests.size(), size_t(2));
    for (const auto& request : requests)
        QVERIFY2(request.rejection.empty(), request.rejection.c_str());
}

void TestProvidersTransport::faults_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("always");     // every attempt, or only the first
    QTest::addColumn<QString>("outcome"); // "ok" or the failure class
    QTest::addColumn<int>("attempts");    // 0 = not checked
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("minElapsedMs");

    for (const QString format : {"anthropic", "openai", "bedrock"}) {
        auto row = [&](const char* name) {
            return &QTest::addRow("%s: %s", qPrintable(format), name);
        };
        const int overloadedStatus = format == "anthropic" ? 529 : 503;
        *row("429 once, then answered")
            << format << "rate_limited" << false << "ok" << 2 << 0 << "" << 0;
        *row("429 until the budget is spent") << format << "rate_limited" << true << "rate_limit"
                                              << 3 << 429 << "Too many requests" << 0;
        *row("429 with Retry-After: 1")
            << format << "retry_after" << false << "ok" << 2 << 0 << "" << 1000;
        *row("500 until the budget is spent") << format << "server_error" << true << "server" << 3
                                              << 500 << "Internal server error" << 0;
        *row("503 once") << format << "unavailable" << false << "ok" << 2 << 0 << "" << 0;
        *row("overloaded") << format << "overloaded" << true << "server" << 3 << overloadedStatus
                           << "" << 0;
        *row("stall past the timeout once")
            << format << "stall" << false << "ok" << 2 << 0 << "" << 500;
        *row("stall every time") << format << "stall" << true << "timeout" << 3 << 0 << "timed out"
                                 << 1500;
        *row("connection reset once") << format << "reset" << false << "ok" << 0 << 0 << "" << 0;
        *row("connection reset every time")
            << format << "reset" << true << "network" << 3 << 0 << "" << 0;
        *row("truncated body once") << format << "truncated" << false << "ok" << 2 << 0 << "" << 0;
        *row("truncated body every time")
            << format << "truncated" << true << "network" << 3 << 0 << "" << 0;
        *row("malformed JSON") << format << "malformed_json" << false << "bad_response" << 1 << 200
                               << "not valid JSON" << 0;
        *row("wrong content type") << format << "wrong_content_type" << false << "bad_response" << 1
                                   << 200 << "text/html" << 0;
        *row("usage missing") << format << "usage_missing" << false << "bad_response" << 1 << 200
                              << "reports no usage" << 0;
        *row("context length") << format << "context_length" << false << "context_length" << 1
                               << 400 << "" << 0;
        *row("content filter") << format << "content_filter" << false << "content_filter" << 1
                               << 200 << "" << 0;
        *row("bad request") << format << "bad_request" << false << "invalid_request" << 1 << 400
                            << "roles must alternate" << 0;
    }
}

void TestProvidersTransport::faults() {
    QFETCH(QString, format);
    QFETCH(QString, fault);
    QFETCH(bool, always);
    QFETCH(QString, outcome);
    QFETCH(int, attempts);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(int, minElapsedMs);

    if (always)
        m_server->failAlways(kFaults.at(fault));
    else
        m_server->failNext(kFaults.at(fault));
    const auto started = Clock::now();
    const CallResult result = callOnce(*m_client, refFor(format), simplePrompt());
    const int64_t elapsed = elapsedMs(started);
    m_server->failAlways(Fault::None);

    if (outcome == "ok") {
        QVERIFY2(result.ok(), result.ok() ? "" : result.error->toString().c_str());
        QCOMPARE(result.text, m_server->options().answerText);
        QVERIFY(result.usageReported);
    } else {
        QVERIFY2(!result.ok(), "the call succeeded");
        QCOMPARE(QString(failureClassName(result.error->kind).data()), outcome);
        QCOMPARE(result.error->httpStatus, status);
        QVERIFY2(QString::fromStdString(result.error->message).contains(message),
                 result.error->message.c_str());
        QVERIFY(!result.error->message.empty());
    }
    if (attempts > 0) {
        QCOMPARE(result.attempts, attempts);
        // libcurl itself resends once when a reused connection is reset before any byte came
        // back, so a reset may reach the server one time more than the transport attempted.
        if (fault != "reset")
            QCOMPARE(m_server->requestCount(), int64_t(attempts));
    }
    QVERIFY2(elapsed >= minElapsedMs, qPrintable(QString::number(elapsed)));
    // What the client sent was valid every time: the failures were the server's doing.
    for (const auto& request : m_server->requests())
        QVERIFY2(request.rejection.empty(), request.rejection.c_str());
}

void TestProvidersTransport::wrongKey_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("anthropic") << "anthropic" << 401 << "invalid x-api-key";
    QTest::newRow("openai, the key echoed back")
        << "openai" << 401 << "Incorrect API key provided: [redacted]. You can find";
    QTest::newRow("bedrock, wrong secret")
        << "bedrock" << 403 << "The request signature we calculated does not match";
}

void TestProvidersTransport::wrongKey() {
    QFETCH(QString, format);
    QFETCH(int, status);
    QFETCH(QString, message);
    Keys wrong;
    wrong.anthropic = "sk-ant-WRONG-0000000001";
    wrong.openai = "sk-proj-WRONG-0000000002";
    wrong.awsSecret = "WRONG/secret/0000000003";
    ProviderLimits limits;
    limits.maxAttempts = 3;
    ProviderClient client(providersFor(*m_server, limits), environment(wrong, m_home.path()),
                          fastRetries());
    const CallResult result = callOnce(client, refFor(format), simplePrompt());
    QVERIFY(!result.ok());
    QCOMPARE(result.error->kind, FailureClass::Auth);
    QCOMPARE(result.error->httpStatus, status);
    QCOMPARE(result.attempts, 1); // never retried
    QVERIFY2(QString::fromStdString(result.error->message).contains(message),
             result.error->message.c_str());
    for (const auto& key : {wrong.anthropic, wrong.openai, wrong.awsSecret})
        QVERIFY(result.error->toString().find(key) == std::string::npos);
}

// Nothing listens on the port: a network failure, retried to the end of the budget.
void TestProvidersTransport::connectionRefused() {
    TestServer closed(serverOptions(m_keys));
    QVERIFY(closed.start());
    ProvidersFile file = providersFor(closed, ProviderLimits{});
    closed.stop(); // the port is free again, and refuses connections
    ProviderClient client(file, environment(m_keys, m_home.path()), fastRetries());
    const auto started = Clock::now();
    const CallResult result = callOnce(client, "openai/gpt-4o-mini", simplePrompt());
    QVERIFY(!result.ok());
    QCOMPARE(result.error->kind, FailureClass::Network);
    QCOMPARE(result.error->providerCode, std::string("curl:7")); // CURLE_COULDNT_CONNECT
    QCOMPARE(result.attempts, ProviderLimits{}.maxAttempts);
    QCOMPARE(result.error->httpStatus, 0);
    QVERIFY(result.pricedModel.empty());
    QVERIFY(elapsedMs(started) < 5000); // no waiting beyond the short backoff
}

void TestProvidersTransport::concurrencyLimit() {
    TestServer slow(serverOptions(m_keys, /*stallMs=*/300, /*threads=*/16));
    QVERIFY(slow.start());
    slow.failAlways(Fault::Stall); // every answer takes 300 ms
    ProviderLimits limits;
    limits.concurrency = 4;
    limits.timeoutMs = 5000;
    ProviderClient client(providersFor(slow, limits), environment(m_keys, m_home.path()),
                          fastRetries());
    const auto started = Clock::now();
    const auto results = callMany(client, "openai/gpt-4o-mini", 12);
    const int64_t elapsed = elapsedMs(started);
    QCOMPARE(results.size(), size_t(12));
    for (const auto& result : results)
        QVERIFY(result.ok());
    QCOMPARE(slow.maxConcurrent(), 4);
    QVERIFY2(elapsed >= 900, qPrintable(QString::number(elapsed))); // three waves of four
}

void TestProvidersTransport::requestsPerMinute() {
    ProviderLimits limits;
    limits.concurrency = 32;
    limits.requestsPerMinute = 600; // a bucket of 600, refilled at 10 per second
    ProviderClient client(providersFor(*m_server, limits), environment(m_keys, m_home.path()),
                          fastRetries());
    const auto started = Clock::now();
    const auto results = callMany(client, "anthropic/claude-haiku-4-5", 610);
    const int64_t elapsed = elapsedMs(started);
    QCOMPARE(results.size(), size_t(610));
    QCOMPARE(m_server->requestCount(), int64_t(610));
    // The 10 beyond the bucket wait for the refill: at least 0.9 s.
    QVERIFY2(elapsed >= 900, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < 10'000, qPrintable(QString::number(elapsed)));
}

// The bucket is charged the estimate (input + max_tokens) and refunded down to the reported
// usage: 12 calls of 1,000 estimated tokens get through a 6,000-token-per-minute limit in well
// under a second because each used about 20, yet only 6 may start at first.
void TestProvidersTransport::tokensPerMinuteWithRefunds() {
    TestServer slow(serverOptions(m_keys, /*stallMs=*/300, /*threads=*/16));
    QVERIFY(slow.start());
    slow.failAlways(Fault::Stall);
    ProviderLimits limits;
    limits.concurrency = 12;
    limits.tokensPerMinute = 6000;
    limits.timeoutMs = 5000;
    ProviderClient client(providersFor(slow, limits), environment(m_keys, m_home.path()),
                          fastRetries());
    CallParams params;
    params.maxTokens = 1000;
    const auto started = Clock::now();
    const auto results = callMany(client, "bedrock/" + QString(kHaiku), 12, params, nullptr, 0);
    const int64_t elapsed = elapsedMs(started);
    for (const auto& result : results)
        QVERIFY(result.ok());
    QCOMPARE(slow.maxConcurrent(), 6);
    QVERIFY2(elapsed >= 550 && elapsed < 3000, qPrintable(QString::number(elapsed)));
}

void TestProvidersTransport::connectionsAreReused() {
    ProviderLimits limits;
    limits.concurrency = 4;
    ProviderClient client(providersFor(*m_server, limits), environment(m_keys, m_home.path()),
                          fastRetries());
    const auto results = callMany(client, "openai/gpt-4o-mini", 60);
    QCOMPARE(results.size(), size_t(60));
    std::set<int> connections;
    for (const auto& request : m_server->requests())
        connections.insert(request.remotePort);
    QCOMPARE(m_server->requestCount(), int64_t(60));
    QVERIFY2(connections.size() <= 4, qPrintable(QString::number(connections.size())));
}

void TestProvidersTransport::cancelStopsQueuedAndInFlight() {
    m_server->failAlways(Fault::Stall); // 1.5 s per answer
    ProviderLimits limits;
    limits.concurrency = 2;
    limits.timeoutMs = 10'000;
    ProviderClient client(providersFor(*m_server, limits), environment(m_keys, m_home.path()),
                          fastRetries());
    CancelToken cancel;
    std::mutex mutex;
    std::vector<CallResult> results;
    for (int i = 0; i < 10; ++i)
        QVERIFY(client
                    .submit(
                        "anthropic/claude-haiku-4-5", simplePrompt(), {}, 10,
                        [&](CallResult result) {
                            std::lock_guard lock(mutex);
                            results.push_back(std::move(result));
                        },
                        &cancel)
                    .ok());
    QTest::qWait(150);
    const auto started = Clock::now();
    cancel.cancel();
    client.waitIdle();
    const int64_t elapsed = elapsedMs(started);
    m_server->failAlways(Fault::None);
    QCOMPARE(results.size(), size_t(10));
    for (const auto& result : results) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error->kind, FailureClass::Cancelled);
    }
    QVERIFY2(elapsed < 1200, qPrintable(QString::number(elapsed))); // answers take 1.5 s
    QCOMPARE(m_server->requestCount(), int64_t(2)); // only the two in flight were sent
}

void TestProvidersTransport::cancelAll() {
    m_server->failAlways(Fault::Stall);
    ProviderLimits limits;
    limits.concurrency = 3;
    limits.timeoutMs = 10'000;
    ProviderClient client(providersFor(*m_server, limits), environment(m_keys, m_home.path()),
                          fastRetries());
    std::atomic<int> cancelled{0};
    for (int i = 0; i < 7; ++i)
        QVERIFY(client
                    .submit(QString("bedrock/%1").arg(kHaiku).toStdString(), simplePrompt(), {}, 10,
                            [&](CallResult result) {
                                cancelled +=
                                    result.error && result.error->kind == FailureClass::Cancelled;
                            })
                    .ok());
    QTest::qWait(100);
    client.cancelAll();
    client.waitIdle();
    m_server->failAlways(Fault::None);
    QCOMPARE(cancelled.load(), 7);
    QCOMPARE(client.transport().stats().completed, int64_t(7));
}

void TestProvidersTransport::submitRefusesBeforeSending() {
    std::atomic<int> callbacks{0};
    auto callback = [&callbacks](CallResult) { ++callbacks; };
    auto unknown = m_client->submit("vertex/gemini", simplePrompt(), {}, 10, callback);
    QVERIFY(!unknown.ok());
    QCOMPARE(QString::fromStdString(unknown.error().message),
             "no provider named 'vertex' (from 'vertex/gemini')");
    auto unlisted = m_client->submit("openai/gpt-5", simplePrompt(), {}, 10, callback);
    QVERIFY(!unlisted.ok());
    QCOMPARE(QString::fromStdString(unlisted.error().message),
             "provider 'openai' does not list model 'gpt-5'");
    auto noSlash = m_client->submit("gpt-4o-mini", simplePrompt(), {}, 10, callback);
    QVERIFY(!noSlash.ok());
    Prompt tooMany = simplePrompt();
    for (int i = 0; i < 5; ++i)
        tooMany.messages[0].content.push_back({"x", true, "5m"});
    auto checkpoints = m_client->submit("anthropic/claude-haiku-4-5", tooMany, {}, 10, callback);
    QVERIFY(!checkpoints.ok());
    QVERIFY(checkpoints.error().message.starts_with(
        "prompt 'p1' for anthropic/claude-haiku-4-5: the prompt has 5 cache checkpoints"));
    m_client->waitIdle();
    QCOMPARE(callbacks.load(), 0);
    QCOMPARE(m_server->requestCount(), int64_t(0));
}

void TestProvidersTransport::bedrockModelIds_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("pricedModel");
    QTest::addColumn<QString>("invoked");
    QTest::addColumn<QString>("wirePath");
    QTest::newRow("model id with a colon")
        << kHaiku << kHaiku << ""
        << "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse";
    QTest::newRow("inference-profile ARN")
        << kProfileArn << "us.anthropic.claude-3-5-haiku-20241022-v1:0"
        << ""
        << "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2F"
           "us.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse";
    QTest::newRow("prompt router")
        << kRouterArn << "us.anthropic.claude-3-5-haiku-20241022-v1:0"
        << QString::fromStdString(TestServerOptions().routedModelArn)
        << "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Adefault-prompt-router%2F"
           "anthropic.claude%3A1/converse";
}

// Each is signed (the server re-derives the signature from the raw request line) and answered.
void TestProvidersTransport::bedrockModelIds() {
    QFETCH(QString, model);
    QFETCH(QString, pricedModel);
    QFETCH(QString, invoked);
    QFETCH(QString, wirePath);
    const CallResult result = callOnce(*m_client, "bedrock/" + model, simplePrompt());
    QVERIFY2(result.ok(), result.ok() ? "" : result.error->toString().c_str());
    QCOMPARE(QString::fromStdString(result.pricedModel), pricedModel);
    QCOMPARE(QString::fromStdString(result.invokedModelArn), invoked);
    QCOMPARE(result.providerLatencyMs.value_or(-1), int64_t(42));
    const auto requests = m_server->requests();
    QCOMPARE(requests.size(), size_t(1));
    QCOMPARE(QString::fromStdString(requests[0].target), wirePath);
}

void TestProvidersTransport::bedrockSessionToken() {
    Keys keys = m_keys;
    keys.sessionToken = "FAKE-session-token-13579";
    TestServer server(serverOptions(keys));
    QVERIFY(server.start());
    ProviderClient client(providersFor(server, {}), environment(keys, m_home.path()),
                          fastRetries());
    const CallResult result = callOnce(client, QString("bedrock/") + kHaiku, simplePrompt());
    QVERIFY2(result.ok(), result.ok() ? "" : result.error->toString().c_str());

    Keys withoutToken = keys;
    withoutToken.sessionToken.clear();
    ProviderClient unsigned_(providersFor(server, {}), environment(withoutToken, m_home.path()),
                             fastRetries());
    const CallResult refused = callOnce(unsigned_, QString("bedrock/") + kHaiku, simplePrompt());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error->kind, FailureClass::Auth);
    QCOMPARE(refused.error->providerCode, std::string("UnrecognizedClientException"));
}

void TestProvidersTransport::bedrockApiKey() {
    Keys keys = m_keys;
    keys.bearer = "ABSK-FAKE-bearer-24680";
    keys.awsKeyId.clear();
    keys.awsSecret.clear();
    TestServerOptions options = serverOptions(m_keys);
    options.bedrockBearerToken = keys.bearer;
    TestServer server(options);
    QVERIFY(server.start());
    ProviderClient client(providersFor(server, {}), environment(keys, m_home.path()),
                          fastRetries());
    const CallResult result = callOnce(client, QString("bedrock/") + kHaiku, simplePrompt());
    QVERIFY2(result.ok(), result.ok() ? "" : result.error->toString().c_str());
    const auto requests = server.requests();
    QCOMPARE(requests.size(), size_t(1));
    bool bearer = false;
    for (const auto& [name, value] : requests[0].headers)
        bearer = bearer || (name == "Authorization" && value == "Bearer " + keys.bearer);
    QVERIFY(bearer);
}

// Everything a run produces (every result and failure, every error the configuration and
// credential layers return) written to files, then every file grepped for every key used.
void TestProvidersTransport::secretsNeverLeave() {
    Keys keys;
    keys.anthropic = "sk-ant-LEAKCHECK-a1b2c3d4e5";
    keys.openai = "sk-proj-LEAKCHECK-f6a7b8c9d0";
    keys.awsKeyId = "AKIDLEAKCHECK0000042";
    keys.awsSecret = "LEAKCHECK/aws+secret/1a2b3c4d5e6f";
    keys.sessionToken = "LEAKCHECK-session-token-97531";
    Keys wrong;
    wrong.anthropic = "sk-ant-LEAKCHECK-WRONG-111";
    wrong.openai = "sk-proj-LEAKCHECK-WRONG-222";
    wrong.awsKeyId = keys.awsKeyId;
    wrong.awsSecret = "LEAKCHECK/WRONG/aws+secret/333";
    wrong.sessionToken = "LEAKCHECK-WRONG-session-444";

    TestServer server(serverOptions(keys, 800));
    QVERIFY(server.start());
    ProviderLimits limits;
    limits.maxAttempts = 2;
    limits.timeoutMs = 300;
    ProviderClient good(providersFor(server, limits), environment(keys, m_home.path()),
                        fastRetries());
    ProviderClient bad(providersFor(server, limits), environment(wrong, m_home.path()),
                       fastRetries());

    std::vector<std::string> produced;
    auto keep = [&produced](const CallResult& result) {
        nlohmann::json record{{"text", result.text},
                              {"stop_reason", result.stopReason},
                              {"priced_model", result.pricedModel},
                              {"invoked", result.invokedModelArn}};
        if (result.error)
            record["error"] = {{"class", failureClassName(result.error->kind)},
                               {"code", result.error->providerCode},
                               {"message", result.error->message},
                               {"text", result.error->toString()}};
        produced.push_back(record.dump());
    };
    for (const QString format : {"anthropic", "openai", "bedrock"}) {
        keep(callOnce(good, refFor(format), simplePrompt()));
        keep(callOnce(bad, refFor(format), simplePrompt()));
        for (const auto& [name, fault] : kFaults) {
            if (fault == Fault::RateLimitedRetryAfter)
                continue; // a second of waiting shows nothing new here
            server.failNext(fault, 2);
            keep(callOnce(good, refFor(format), simplePrompt()));
        }
    }
    // Errors from the configuration and credential layers, with the keys in reach.
    auto yaml = parseProvidersYaml("providers:\n  - name: x\n    kind: openai\n    api_key: " +
                                   keys.openai + "\n    models: [m]\n");
    produced.push_back(yaml.error().toString());
    QTemporaryDir home;
    QDir().mkpath(home.filePath(".aws"));
    QFile credentials(home.filePath(".aws/credentials"));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.write(
        QByteArray::fromStdString("[default]\naws_secret_access_key " + keys.awsSecret + "\n"));
    credentials.close();
    CredentialSources noEnvironment;
    noEnvironment.homeDir = home.path().toStdString();
    noEnvironment.env = [](const std::string&) { return std::optional<std::string>(); };
    ProviderConfig bedrock;
    bedrock.name = "bedrock";
    bedrock.kind = ProviderKind::Bedrock;
    bedrock.region = "us-east-1";
    produced.push_back(resolveBedrockAuth(bedrock, noEnvironment).error().toString());

    QTemporaryDir out;
    QFile results(out.filePath("results.jsonl"));
    QVERIFY(results.open(QIODevice::WriteOnly));
    for (const auto& line : produced)
        results.write(QByteArray::fromStdString(line) + "\n");
    results.close();
    QVERIFY(produced.size() > 40);

    const std::vector<std::string> secrets{keys.anthropic,    keys.openai,       keys.awsSecret,
                                           keys.sessionToken, wrong.anthropic,   wrong.openai,
                                           wrong.awsSecret,   wrong.sessionToken};
    int files = 0;
    QDirIterator it(out.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        ++files;
        for (const auto& secret : secrets)
            QVERIFY2(!content.contains(QByteArray::fromStdString(secret)),
                     qPrintable(file.fileName() + " contains " + QString::fromStdString(secret)));
    }
    QCOMPARE(files, 1);
    // The scan is not vacuous: the wrong OpenAI key did come back in the server's message.
    bool echoed = false;
    for (const auto& request : server.requests())
        echoed = echoed || request.rejection.find(wrong.openai) != std::string::npos;
    QVERIFY(echoed);
}

QTEST_GUILESS_MAIN(TestProvidersTransport)
#include "tst_providers_transport.moc"
