// The three wire formats as pure functions: exact request bodies and headers built from a
// Prompt, and responses of every shape (success, cache usage, refusals, provider errors) parsed
// into CallResults. No network: the transport tests cover that.
#include "providers/anthropic.h"
#include "providers/bedrock.h"
#include "providers/openai.h"
#include "providers/secret.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace switchyard;
using nlohmann::json;

namespace {

const char* kToolsOpenAi = R"([{"type":"function","function":{"name":"lookup_order",
    "description":"Find an order","parameters":{"type":"object",
    "properties":{"id":{"type":"string"}},"required":["id"]}}}])";
const char* kSchema =
    R"({"type":"object","properties":{"id":{"type":"string"}},"required":["id"]})";

// A support conversation: two system blocks (the second cached for an hour), a first user turn
// cached for five minutes, an answer, and a two-block follow-up.
Prompt supportPrompt() {
    Prompt prompt;
    prompt.id = "q1";
    prompt.system = {{"You are a support agent.", false, ""},
                     {"Policy: refunds within 30 days.", true, "1h"}};
    prompt.messages = {{"user", {{"Where is my order?", true, "5m"}}},
                       {"assistant", {{"It shipped yesterday.", false, ""}}},
                       {"user", {{"Can I return it?", false, ""}, {"It is unopened.", false, ""}}}};
    prompt.toolsJson = kToolsOpenAi;
    return prompt;
}

CallParams supportParams() {
    CallParams params;
    params.maxTokens = 256;
    params.temperature = 0.2;
    params.stopSequences = {"###"};
    return params;
}

std::string canonical(const char* text) {
    return json::parse(text).dump();
}

ProviderConfig configOf(ProviderKind kind, const std::string& baseUrl = {}) {
    ProviderConfig config;
    config.name = std::string(providerKindName(kind));
    config.kind = kind;
    config.baseUrl = baseUrl;
    config.region = "us-east-1";
    config.models = {"m"};
    return config;
}

CallResult parse(const QString& format, const HttpResponse& response, const std::string& model,
                 const std::vector<std::string>& secrets = {}) {
    if (format == "anthropic")
        return parseAnthropicResponse(response, model, secrets);
    if (format == "openai")
        return parseOpenAiResponse(response, model, secrets);
    return parseBedrockResponse(response, model, secrets);
}

} // namespace

class TestProvidersWire : public QObject {
    Q_OBJECT

private slots:
    void anthropicBody();
    void openAiBody();
    void bedrockBody();
    void checkpointWithoutTtl();
    void buildErrors_data();
    void buildErrors();
    void anthropicHeaders();
    void openAiHeaders();
    void bedrockAuthModes();
    void urls_data();
    void urls();
    void modelIdFromArn_data();
    void modelIdFromArn();
    void parseResponses_data();
    void parseResponses();
    void redaction_data();
    void redaction();
};

void TestProvidersWire::anthropicBody() {
    auto body = anthropicRequestBody("claude-sonnet-4-5", supportPrompt(), supportParams());
    QVERIFY(body.ok());
    const std::string expected = canonical(R"({
        "model": "claude-sonnet-4-5",
        "max_tokens": 256,
        "system": [
            {"type": "text", "text": "You are a support agent."},
            {"type": "text", "text": "Policy: refunds within 30 days.",
             "cache_control": {"type": "ephemeral", "ttl": "1h"}}],
        "messages": [
            {"role": "user", "content": [{"type": "text", "text": "Where is my order?",
             "cache_control": {"type": "ephemeral", "ttl": "5m"}}]},
            {"role": "assistant", "content": [{"type": "text", "text": "It shipped yesterday."}]},
            {"role": "user", "content": [{"type": "text", "text": "Can I return it?"},
                                         {"type": "text", "text": "It is unopened."}]}],
        "temperature": 0.2,
        "stop_sequences": ["###"],
        "tools": [{"name": "lookup_order", "description": "Find an order",
                   "input_schema": {"type": "object", "properties": {"id": {"type": "string"}},
                                    "required": ["id"]}}]})");
    QCOMPARE(QString::fromStdString(*body), QString::fromStdString(expected));
}

void TestProvidersWire::openAiBody() {
    auto body = openAiRequestBody("gpt-4o-mini", supportPrompt(), supportParams());
    QVERIFY(body.ok());
    const std::string expected = canonical(R"({
        "model": "gpt-4o-mini",
        "max_tokens": 256,
        "messages": [
            {"role": "system", "content": [{"type": "text", "text": "You are a support agent."},
                {"type": "text", "text": "Policy: refunds within 30 days."}]},
            {"role": "user", "content": "Where is my order?"},
            {"role": "assistant", "content": "It shipped yesterday."},
            {"role": "user", "content": [{"type": "text", "text": "Can I return it?"},
                                         {"type": "text", "text": "It is unopened."}]}],
        "temperature": 0.2,
        "stop": ["###"],
        "tools": [{"type": "function", "function": {"name": "lookup_order",
            "description": "Find an order", "parameters": {"type": "object",
            "properties": {"id": {"type": "string"}}, "required": ["id"]}}}]})");
    QCOMPARE(QString::fromStdString(*body), QString::fromStdString(expected));
}

void TestProvidersWire::bedrockBody() {
    Prompt prompt = supportPrompt();
    // Anthropic-shaped tools come out as Bedrock toolSpecs too.
    prompt.toolsJson = std::string(R"([{"name":"lookup_order","description":"Find an order",)") +
                       R"("input_schema":)" + kSchema + "}]";
    auto body = bedrockRequestBody(prompt, supportParams());
    QVERIFY(body.ok());
    const std::string expected = canonical(R"({
        "messages": [
            {"role": "user", "content": [{"text": "Where is my order?"},
                                         {"cachePoint": {"type": "default", "ttl": "5m"}}]},
            {"role": "assistant", "content": [{"text": "It shipped yesterday."}]},
            {"role": "user", "content": [{"text": "Can I return it?"}, {"text": "It is unopened."}]}],
        "system": [{"text": "You are a support agent."}, {"text": "Policy: refunds within 30 days."},
                   {"cachePoint": {"type": "default", "ttl": "1h"}}],
        "inferenceConfig": {"maxTokens": 256, "temperature": 0.2, "stopSequences": ["###"]},
        "toolConfig": {"tools": [{"toolSpec": {"name": "lookup_order",
            "description": "Find an order", "inputSchema": {"json": {"type": "object",
            "properties": {"id": {"type": "string"}}, "required": ["id"]}}}}]}})");
    QCOMPARE(QString::fromStdString(*body), QString::fromStdString(expected));
}

// No TTL means the provider's default: no ttl field; no temperature, stops or tools means no
// field either.
void TestProvidersWire::checkpointWithoutTtl() {
    Prompt prompt;
    prompt.system = {{"Be brief.", true, ""}};
    prompt.messages = {{"user", {{"Hi", false, ""}}}};
    CallParams params;
    params.maxTokens = 64;
    QCOMPARE(QString::fromStdString(*anthropicRequestBody("m", prompt, params)),
             QString::fromStdString(canonical(R"({"model": "m", "max_tokens": 64,
                "system": [{"type": "text", "text": "Be brief.",
                            "cache_control": {"type": "ephemeral"}}],
                "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]})")));
    QCOMPARE(QString::fromStdString(*bedrockRequestBody(prompt, params)),
             QString::fromStdString(canonical(R"({
                "system": [{"text": "Be brief."}, {"cachePoint": {"type": "default"}}],
                "messages": [{"role": "user", "content": [{"text": "Hi"}]}],
                "inferenceConfig": {"maxTokens": 64}})")));
    QCOMPARE(QString::fromStdString(*openAiRequestBody("m", prompt, params)),
             QString::fromStdString(canonical(R"({"model": "m", "max_tokens": 64,
                "messages": [{"role": "system", "content": "Be brief."},
                             {"role": "user", "content": "Hi"}]})")));
}

void TestProvidersWire::buildErrors_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    for (const QString format : {"anthropic", "bedrock"}) {
        QTest::addRow("%s: five checkpoints", qPrintable(format))
            << format << "five checkpoints"
            << "cache checkpoints"
            << "the prompt has 5 cache checkpoints;";
        QTest::addRow("%s: 1h after 5m", qPrintable(format))
            << format << "1h after 5m"
            << "messages[1].content[0]"
            << "requires 1-hour cache checkpoints before 5-minute ones";
        QTest::addRow("%s: unknown ttl", qPrintable(format))
            << format << "ttl 10m"
            << "system[0]"
            << "cache TTL '10m' is not one of 5m and 1h";
    }
    for (const QString format : {"anthropic", "openai", "bedrock"}) {
        QTest::addRow("%s: tool role", qPrintable(format)) << format << "tool role"
                                                           << "messages[0].role"
                                                           << "not 'tool'";
        QTest::addRow("%s: tools not JSON", qPrintable(format)) << format << "tools not JSON"
                                                                << "tools"
                                                                << "not valid JSON";
        QTest::addRow("%s: tool without a name", qPrintable(format))
            << format << "nameless tool"
            << "tools[0]"
            << "not an Anthropic, OpenAI or Bedrock tool definition";
    }
}

void TestProvidersWire::buildErrors() {
    QFETCH(QString, format);
    QFETCH(QString, mutation);
    QFETCH(QString, field);
    QFETCH(QString, message);

    Prompt prompt;
    prompt.system = {{"s", false, ""}};
    prompt.messages = {{"user", {{"a", false, ""}}}, {"assistant", {{"b", false, ""}}}};
    if (mutation == "five checkpoints") {
        for (int i = 0; i < 5; ++i)
            prompt.messages[0].content.push_back({"x", true, "5m"});
    } else if (mutation == "1h after 5m") {
        prompt.messages[0].content[0] = {"a", true, "5m"};
        prompt.messages[1].content[0] = {"b", true, "1h"};
    } else if (mutation == "ttl 10m") {
        prompt.system[0] = {"s", true, "10m"};
    } else if (mutation == "tool role") {
        prompt.messages[0].role = "tool";
    } else if (mutation == "tools not JSON") {
        prompt.toolsJson = "[{";
    } else if (mutation == "nameless tool") {
        prompt.toolsJson = R"([{"description": "no name"}])";
    }
    const CallParams params;
    auto body = format == "anthropic" ? anthropicRequestBody("m", prompt, params)
                : format == "openai"  ? openAiRequestBody("m", prompt, params)
                                      : bedrockRequestBody(prompt, params);
    QVERIFY(!body.ok());
    QCOMPARE(QString::fromStdString(body.error().field), field);
    QVERIFY2(QString::fromStdString(body.error().message).contains(message),
             body.error().message.c_str());
}

void TestProvidersWire::anthropicHeaders() {
    AnthropicProvider provider(configOf(ProviderKind::Anthropic, "https://proxy.example/v1/"),
                               Secret("sk-ant-123456"));
    auto request = provider.buildRequest("claude-haiku-4-5", supportPrompt(), supportParams());
    QVERIFY(request.ok());
    QCOMPARE(request->method, std::string("POST"));
    QCOMPARE(request->url, std::string("https://proxy.example/v1/messages"));
    QCOMPARE(*findHeader(request->headers, "x-api-key"), std::string("sk-ant-123456"));
    QCOMPARE(*findHeader(request->headers, "anthropic-version"), std::string("2023-06-01"));
    QCOMPARE(*findHeader(request->headers, "content-type"), std::string("application/json"));
    // A 1-hour checkpoint asks for the extended TTL.
    QCOMPARE(*findHeader(request->headers, "anthropic-beta"),
             std::string("extended-cache-ttl-2025-04-11"));
    QCOMPARE(provider.secrets(), std::vector<std::string>{"sk-ant-123456"});

    Prompt plain;
    plain.messages = {{"user", {{"Hi", true, "5m"}}}};
    auto second = provider.buildRequest("claude-haiku-4-5", plain, {});
    QVERIFY(findHeader(second->headers, "anthropic-beta") == nullptr);
    QVERIFY(findHeader(second->headers, "authorization") == nullptr);
}

void TestProvidersWire::openAiHeaders() {
    OpenAiProvider bearer(configOf(ProviderKind::OpenAi), Secret("sk-proj-abcdef"));
    auto request = bearer.buildRequest("gpt-4o-mini", supportPrompt(), supportParams());
    QCOMPARE(request->url, std::string("https://api.openai.com/v1/chat/completions"));
    QCOMPARE(*findHeader(request->headers, "authorization"), std::string("Bearer sk-proj-abcdef"));

    ProviderConfig azure = configOf(ProviderKind::OpenAi, "https://acme.openai.azure.com/openai");
    azure.apiKeyHeader = "api-key";
    OpenAiProvider azureProvider(azure, Secret("azure-key-123"));
    request = azureProvider.buildRequest("gpt-4o-mini", supportPrompt(), supportParams());
    QCOMPARE(request->url, std::string("https://acme.openai.azure.com/openai/v1/chat/completions"));
    QCOMPARE(*findHeader(request->headers, "api-key"), std::string("azure-key-123"));
    QVERIFY(findHeader(request->headers, "authorization") == nullptr);

    OpenAiProvider local(configOf(ProviderKind::OpenAi, "http://localhost:11434/v1"), Secret());
    request = local.buildRequest("llama3.2", supportPrompt(), supportParams());
    QCOMPARE(request->url, std::string("http://localhost:11434/v1/chat/completions"));
    QVERIFY(findHeader(request->headers, "authorization") == nullptr);
    QVERIFY(local.secrets().empty());
}

void TestProvidersWire::bedrockAuthModes() {
    BedrockAuth bearer;
    bearer.bearerToken = Secret("ABSKbedrockapikey000");
    bearer.region = "us-west-2";
    BedrockProvider withKey(configOf(ProviderKind::Bedrock), bearer);
    auto request = withKey.buildRequest("amazon.nova-micro-v1:0", supportPrompt(), {});
    QCOMPARE(request->url, std::string("https://bedrock-runtime.us-west-2.amazonaws.com/model/"
                                       "amazon.nova-micro-v1%3A0/converse"));
    withKey.authorize(*request, 1'440'938'160);
    QCOMPARE(*findHeader(request->headers, "authorization"),
             std::string("Bearer ABSKbedrockapikey000"));
    QVERIFY(findHeader(request->headers, "x-amz-date") == nullptr);

    BedrockAuth sigv4;
    sigv4.aws.accessKeyId = "AKIDEXAMPLE";
    sigv4.aws.secretAccessKey = Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    sigv4.region = "us-east-1";
    ProviderConfig config = configOf(ProviderKind::Bedrock);
    config.endpointUrl = "http://127.0.0.1:9000/";
    BedrockProvider signer(config, sigv4);
    request = signer.buildRequest("amazon.nova-micro-v1:0", supportPrompt(), {});
    QCOMPARE(request->url,
             std::string("http://127.0.0.1:9000/model/amazon.nova-micro-v1%3A0/converse"));
    QVERIFY(findHeader(request->headers, "authorization") == nullptr); // signed per attempt
    signer.authorize(*request, 1'440'938'160);
    QCOMPARE(*findHeader(request->headers, "x-amz-date"), std::string("20150830T123600Z"));
    QVERIFY(findHeader(request->headers, "authorization")
                ->starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                              "bedrock/aws4_request, SignedHeaders=content-type;host;x-amz-date, "
                              "Signature="));
}

void TestProvidersWire::urls_data() {
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("url");
    QTest::newRow("default") << ""
                             << "https://api.openai.com/v1/chat/completions";
    QTest::newRow("trailing slash") << "https://api.openai.com/"
                                    << "https://api.openai.com/v1/chat/completions";
    QTest::newRow("already /v1") << "http://127.0.0.1:8000/v1"
                                 << "http://127.0.0.1:8000/v1/chat/completions";
    QTest::newRow("llama.cpp") << "http://localhost:8080"
                               << "http://localhost:8080/v1/chat/completions";
    QTest::newRow("azure v1") << "https://acme.openai.azure.com/openai/"
                              << "https://acme.openai.azure.com/openai/v1/chat/completions";
}

void TestProvidersWire::urls() {
    QFETCH(QString, base);
    QFETCH(QString, url);
    QCOMPARE(QString::fromStdString(openAiChatUrl(base.toStdString())), url);
}

void TestProvidersWire::modelIdFromArn_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("router");
    QTest::newRow("plain") << "anthropic.claude-3-5-haiku-20241022-v1:0"
                           << "anthropic.claude-3-5-haiku-20241022-v1:0" << false;
    QTest::newRow("inference profile")
        << "arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
           "us.anthropic.claude-3-5-haiku-20241022-v1:0"
        << "us.anthropic.claude-3-5-haiku-20241022-v1:0" << false;
    QTest::newRow("foundation model") << "arn:aws:bedrock:us-east-1::foundation-model/"
                                         "amazon.nova-pro-v1:0"
                                      << "amazon.nova-pro-v1:0" << false;
    QTest::newRow("default prompt router")
        << "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1"
        << "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1"
        << true;
    QTest::newRow("application profile")
        << "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3"
        << "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3" << false;
}

void TestProvidersWire::modelIdFromArn() {
    QFETCH(QString, model);
    QFETCH(QString, id);
    QFETCH(bool, router);
    QCOMPARE(QString::fromStdString(bedrockModelIdFromArn(model.toStdString())), id);
    QCOMPARE(isBedrockPromptRouter(model.toStdString()), router);
}

void TestProvidersWire::parseResponses_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("model");
    // Expectations. failure is "" for a success.
    QTest::addColumn<QString>("failure");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("usageReported");
    QTest::addColumn<QList<qint64>>("usage"); // input, output, cacheRead, cacheWrite, write1h
    QTest::addColumn<QString>("stopReason");
    QTest::addColumn<QString>("pricedModel");
    QTest::addColumn<qint64>("providerLatencyMs"); // -1 = none

    const QString json = "application/json";
    const QList<qint64> none{0, 0, 0, 0, 0};

    // ---- Anthropic Messages ----
    QTest::newRow("anthropic: 5m and 1h cache writes")
        << "anthropic" << 200 << json << QStringList()
        << QByteArray(R"({"id":"msg_1","type":"message","role":"assistant",
            "model":"claude-sonnet-4-5","content":[{"type":"text","text":"Hello"},
            {"type":"text","text":" world"}],"stop_reason":"end_turn","stop_sequence":null,
            "usage":{"input_tokens":21,"cache_creation_input_tokens":1800,
            "cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":300,
            "ephemeral_1h_input_tokens":1500},"output_tokens":9,"service_tier":"standard"}})")
        << "claude-sonnet-4-5"
        << "" << false << ""
        << ""
        << "Hello world" << true << QList<qint64>{1821, 9, 0, 1800, 1500} << "end_turn"
        << "claude-sonnet-4-5" << qint64(-1);
    QTest::newRow("anthropic: cache read, older usage without the split")
        << "anthropic" << 200 << "application/json; charset=utf-8" << QStringList()
        << QByteArray(R"({"type":"message","content":[{"type":"text","text":"Yes"}],
            "stop_reason":"max_tokens","usage":{"input_tokens":5,"cache_read_input_tokens":1800,
            "cache_creation_input_tokens":null,"output_tokens":3}})")
        << "claude-haiku-4-5"
        << "" << false << ""
        << ""
        << "Yes" << true << QList<qint64>{1805, 3, 1800, 0, 0} << "max_tokens"
        << "claude-haiku-4-5" << qint64(-1);
    QTest::newRow("anthropic: refusal keeps the billed usage")
        << "anthropic" << 200 << json << QStringList()
        << QByteArray(R"({"type":"message","content":[],"stop_reason":"refusal",
            "usage":{"input_tokens":40,"output_tokens":0}})")
        << "claude-sonnet-4-5"
        << "content_filter" << false << "refusal"
        << "refused"
        << "" << true << QList<qint64>{40, 0, 0, 0, 0} << "refusal"
        << "claude-sonnet-4-5" << qint64(-1);
    QTest::newRow("anthropic: 429 rate_limit_error")
        << "anthropic" << 429 << json << QStringList{"retry-after:7"}
        << QByteArray(R"({"type":"error","error":{"type":"rate_limit_error",
            "message":"Number of request tokens has exceeded your per-minute rate limit"}})")
        << "m"
        << "rate_limit" << true << "rate_limit_error"
        << "per-minute rate limit"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("anthropic: 529 overloaded")
        << "anthropic" << 529 << json << QStringList()
        << QByteArray(
               R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
        << "m"
        << "server" << true << "overloaded_error"
        << "Overloaded"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("anthropic: prompt too long")
        << "anthropic" << 400 << json << QStringList()
        << QByteArray(R"({"type":"error","error":{"type":"invalid_request_error",
            "message":"prompt is too long: 210000 tokens > 200000 maximum"}})")
        << "m"
        << "context_length" << false << "invalid_request_error"
        << "prompt is too long"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("anthropic: 401")
        << "anthropic" << 401 << json << QStringList()
        << QByteArray(R"({"type":"error","error":{"type":"authentication_error",
            "message":"invalid x-api-key"}})")
        << "m"
        << "auth" << false << "authentication_error"
        << "invalid x-api-key"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("anthropic: unknown model")
        << "anthropic" << 404 << json << QStringList()
        << QByteArray(R"({"type":"error","error":{"type":"not_found_error","message":"model: x"}})")
        << "x"
        << "invalid_request" << false << "not_found_error"
        << "model: x"
        << "" << false << none << ""
        << "x" << qint64(-1);
    QTest::newRow("anthropic: usage missing")
        << "anthropic" << 200 << json << QStringList()
        << QByteArray(R"({"type":"message","content":[{"type":"text","text":"Hi"}],
            "stop_reason":"end_turn"})")
        << "m"
        << "bad_response" << false << ""
        << "reports no usage"
        << "Hi" << false << none << "end_turn"
        << "m" << qint64(-1);
    QTest::newRow("anthropic: negative token count")
        << "anthropic" << 200 << json << QStringList()
        << QByteArray(R"({"content":[],"usage":{"input_tokens":-3,"output_tokens":1}})") << "m"
        << "bad_response" << false << ""
        << "'input_tokens' is not a token count"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("anthropic: a proxy's 502 page")
        << "anthropic" << 502 << "text/html" << QStringList()
        << QByteArray("<html>Bad gateway</html>") << "m"
        << "server" << true << ""
        << "HTTP 502"
        << "" << false << none << ""
        << "m" << qint64(-1);

    // ---- OpenAI chat completions ----
    QTest::newRow("openai: cached tokens are a subset of prompt tokens")
        << "openai" << 200 << json << QStringList()
        << QByteArray(R"({"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini",
            "choices":[{"index":0,"message":{"role":"assistant","content":"Sure.",
            "refusal":null},"finish_reason":"stop"}],"usage":{"prompt_tokens":2006,
            "completion_tokens":300,"total_tokens":2306,
            "prompt_tokens_details":{"cached_tokens":1920,"audio_tokens":0}}})")
        << "gpt-4o-mini"
        << "" << false << ""
        << ""
        << "Sure." << true << QList<qint64>{2006, 300, 1920, 0, 0} << "stop"
        << "gpt-4o-mini" << qint64(-1);
    QTest::newRow("openai: vLLM without prompt_tokens_details")
        << "openai" << 200 << json << QStringList()
        << QByteArray(R"({"choices":[{"message":{"role":"assistant","content":"ok"},
            "finish_reason":"length"}],"usage":{"prompt_tokens":12,"completion_tokens":16}})")
        << "Qwen/Qwen2.5-7B"
        << "" << false << ""
        << ""
        << "ok" << true << QList<qint64>{12, 16, 0, 0, 0} << "length"
        << "Qwen/Qwen2.5-7B" << qint64(-1);
    QTest::newRow("openai: content filter")
        << "openai" << 200 << json << QStringList()
        << QByteArray(R"({"choices":[{"message":{"role":"assistant","content":null},
            "finish_reason":"content_filter"}],"usage":{"prompt_tokens":30,"completion_tokens":0}})")
        << "m"
        << "content_filter" << false << "content_filter"
        << "content filter"
        << "" << true << QList<qint64>{30, 0, 0, 0, 0} << "content_filter"
        << "m" << qint64(-1);
    QTest::newRow("openai: refusal")
        << "openai" << 200 << json << QStringList()
        << QByteArray(R"({"choices":[{"message":{"role":"assistant","content":null,
            "refusal":"I can't help with that."},"finish_reason":"stop"}],
            "usage":{"prompt_tokens":30,"completion_tokens":8}})")
        << "m"
        << "content_filter" << false << "refusal"
        << "I can't help with that."
        << "" << true << QList<qint64>{30, 8, 0, 0, 0} << "stop"
        << "m" << qint64(-1);
    QTest::newRow("openai: context_length_exceeded")
        << "openai" << 400 << json << QStringList()
        << QByteArray(
               R"({"error":{"message":"This model's maximum context length is 128000 tokens.",
            "type":"invalid_request_error","param":"messages",
            "code":"context_length_exceeded"}})")
        << "m"
        << "context_length" << false << "context_length_exceeded"
        << "maximum context"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("openai: insufficient_quota is not retried")
        << "openai" << 429 << json << QStringList()
        << QByteArray(R"({"error":{"message":"You exceeded your current quota.",
            "type":"insufficient_quota","param":null,"code":"insufficient_quota"}})")
        << "m"
        << "rate_limit" << false << "insufficient_quota"
        << "current quota"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("ollama: error as a string")
        << "openai" << 404 << json << QStringList()
        << QByteArray(R"({"error":"model \"llama3\" not found, try pulling it first"})") << "llama3"
        << "invalid_request" << false << ""
        << "try pulling it first"
        << "" << false << none << ""
        << "llama3" << qint64(-1);
    QTest::newRow("openai: truncated JSON")
        << "openai" << 200 << json << QStringList() << QByteArray(R"({"choices":[{"mess)") << "m"
        << "bad_response" << false << ""
        << "not valid JSON"
        << "" << false << none << ""
        << "m" << qint64(-1);

    // ---- Bedrock Converse ----
    QTest::newRow("bedrock: cache writes by TTL and metrics")
        << "bedrock" << 200 << json << QStringList{"x-amzn-RequestId:abc"}
        << QByteArray(R"({"output":{"message":{"role":"assistant","content":[{"text":"Bon"},
            {"text":"jour"}]}},"stopReason":"end_turn","usage":{"inputTokens":12,
            "outputTokens":4,"totalTokens":2016,"cacheReadInputTokens":0,
            "cacheWriteInputTokens":2000,"cacheDetails":[{"ttl":"1h","inputTokens":1500},
            {"ttl":"5m","inputTokens":500}]},"metrics":{"latencyMs":321}})")
        << "anthropic.claude-haiku-4-5-20251001-v1:0"
        << "" << false << ""
        << ""
        << "Bonjour" << true << QList<qint64>{2012, 4, 0, 2000, 1500} << "end_turn"
        << "anthropic.claude-haiku-4-5-20251001-v1:0" << qint64(321);
    QTest::newRow("bedrock: prompt router prices by the invoked model")
        << "bedrock" << 200 << json << QStringList()
        << QByteArray(R"({"output":{"message":{"role":"assistant","content":[{"text":"Hi"}]}},
            "stopReason":"end_turn","usage":{"inputTokens":9,"outputTokens":2,"totalTokens":11},
            "metrics":{"latencyMs":88},"trace":{"promptRouter":{"invokedModelId":
            "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0"}}})")
        << "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1"
        << "" << false << ""
        << ""
        << "Hi" << true << QList<qint64>{9, 2, 0, 0, 0} << "end_turn"
        << "us.anthropic.claude-3-5-haiku-20241022-v1:0" << qint64(88);
    QTest::newRow("bedrock: inference-profile ARN priced by its profile id")
        << "bedrock" << 200 << json << QStringList()
        << QByteArray(R"({"output":{"message":{"content":[{"text":"x"}]}},"stopReason":"end_turn",
            "usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"metrics":{"latencyMs":5}})")
        << "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-lite-v1:0"
        << "" << false << ""
        << ""
        << "x" << true << QList<qint64>{1, 1, 0, 0, 0} << "end_turn"
        << "eu.amazon.nova-lite-v1:0" << qint64(5);
    QTest::newRow("bedrock: throttling")
        << "bedrock" << 429 << json
        << QStringList{"x-amzn-ErrorType:ThrottlingException:http://internal.amazon.com/coral/"
                       "com.amazon.bedrock/"}
        << QByteArray(R"({"message":"Too many requests, please wait before trying again."})") << "m"
        << "rate_limit" << true << "ThrottlingException"
        << "Too many requests"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("bedrock: input too long")
        << "bedrock" << 400 << json << QStringList{"x-amzn-ErrorType:ValidationException:http://x/"}
        << QByteArray(R"({"message":"Input is too long for requested model."})") << "m"
        << "context_length" << false << "ValidationException"
        << "too long"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("bedrock: other validation error")
        << "bedrock" << 400 << json << QStringList{"x-amzn-ErrorType:ValidationException"}
        << QByteArray(R"({"message":"The provided model identifier is invalid."})") << "m"
        << "invalid_request" << false << "ValidationException"
        << "model identifier"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("bedrock: signature mismatch")
        << "bedrock" << 403 << json << QStringList{"x-amzn-ErrorType:InvalidSignatureException"}
        << QByteArray(
               R"({"message":"The request signature we calculated does not match the signature you provided."})")
        << "m"
        << "auth" << false << "InvalidSignatureException"
        << "does not match"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("bedrock: model timeout")
        << "bedrock" << 408 << json << QStringList{"x-amzn-ErrorType:ModelTimeoutException"}
        << QByteArray(R"({"message":"Model has timed out in processing the request."})") << "m"
        << "timeout" << true << "ModelTimeoutException"
        << "timed out"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("bedrock: model not ready")
        << "bedrock" << 429 << json << QStringList{"x-amzn-ErrorType:ModelNotReadyException"}
        << QByteArray(R"({"message":"Model is not ready"})") << "m"
        << "rate_limit" << true << "ModelNotReadyException"
        << "not ready"
        << "" << false << none << ""
        << "m" << qint64(-1);
    QTest::newRow("bedrock: guardrail")
        << "bedrock" << 200 << json << QStringList()
        << QByteArray(R"({"output":{"message":{"role":"assistant","content":[{"text":"Sorry."}]}},
            "stopReason":"guardrail_intervened","usage":{"inputTokens":20,"outputTokens":3,
            "totalTokens":23},"metrics":{"latencyMs":10}})")
        << "m"
        << "content_filter" << false << "guardrail_intervened"
        << "filtered"
        << "Sorry." << true << QList<qint64>{20, 3, 0, 0, 0} << "guardrail_intervened"
        << "m" << qint64(10);
    QTest::newRow("bedrock: usage missing")
        << "bedrock" << 200 << json << QStringList()
        << QByteArray(
               R"({"output":{"message":{"content":[{"text":"x"}]}},"stopReason":"end_turn"})")
        << "m"
        << "bad_response" << false << ""
        << "reports no usage"
        << "x" << false << none << "end_turn"
        << "m" << qint64(-1);
    QTest::newRow("bedrock: wrong content type")
        << "bedrock" << 200 << "text/plain" << QStringList() << QByteArray("OK") << "m"
        << "bad_response" << false << ""
        << "content type 'text/plain'"
        << "" << false << none << ""
        << "m" << qint64(-1);
}

void TestProvidersWire::parseResponses() {
    QFETCH(QString, format);
    QFETCH(int, status);
    QFETCH(QString, contentType);
    QFETCH(QStringList, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, model);
    QFETCH(QString, failure);
    QFETCH(bool, retryable);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, text);
    QFETCH(bool, usageReported);
    QFETCH(QList<qint64>, usage);
    QFETCH(QString, stopReason);
    QFETCH(QString, pricedModel);
    QFETCH(qint64, providerLatencyMs);

    HttpResponse response;
    response.status = status;
    response.headers.push_back({"Content-Type", contentType.toStdString()});
    for (const auto& header : headers) {
        const auto colon = header.indexOf(':');
        response.headers.push_back(
            {header.left(colon).toStdString(), header.mid(colon + 1).toStdString()});
    }
    response.body = body.toStdString();
    const CallResult result = parse(format, response, model.toStdString());

    QCOMPARE(result.ok(), failure.isEmpty());
    if (!failure.isEmpty()) {
        QCOMPARE(QString(failureClassName(result.error->kind).data()), failure);
        QCOMPARE(result.error->retryable, retryable);
        QCOMPARE(QString::fromStdString(result.error->providerCode), code);
        QCOMPARE(result.error->httpStatus, status);
        QVERIFY2(QString::fromStdString(result.error->message).contains(message),
                 result.error->message.c_str());
    }
    QCOMPARE(QString::fromStdString(result.text), text);
    QCOMPARE(result.usageReported, usageReported);
    // Input counts every input token, cached ones included, whatever the wire format reported.
    QCOMPARE(result.usage.input, usage[0]);
    QCOMPARE(result.usage.output, usage[1]);
    QCOMPARE(result.usage.cacheRead, usage[2]);
    QCOMPARE(result.usage.cacheWrite, usage[3]);
    QCOMPARE(result.usage.cacheWrite1h, usage[4]);
    QCOMPARE(QString::fromStdString(result.stopReason), stopReason);
    QCOMPARE(QString::fromStdString(result.pricedModel), pricedModel);
    QCOMPARE(result.providerLatencyMs.value_or(-1), providerLatencyMs);
}

void TestProvidersWire::redaction_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("the key itself") << "bad key sk-live-0123456789abcdef here"
                                    << "bad key [redacted] here";
    QTest::newRow("OpenAI's partial echo")
        << "Incorrect API key provided: sk-live-***********cdef. You can find your API key at x."
        << "Incorrect API key provided: [redacted]. You can find your API key at x.";
    QTest::newRow("inside JSON") << R"({"message":"Incorrect API key provided: abc123"})"
                                 << R"({"message":"Incorrect API key provided: [redacted]"})";
    QTest::newRow("every occurrence") << "sk-live-0123456789abcdef/sk-live-0123456789abcdef"
                                      << "[redacted]/[redacted]";
    QTest::newRow("nothing to hide") << "Overloaded"
                                     << "Overloaded";
}

void TestProvidersWire::redaction() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(
                 redactSecrets(text.toStdString(), {"sk-live-0123456789abcdef", "", "ab"})),
             expected);
}

QTEST_GUILESS_MAIN(TestProvidersWire)
#include "tst_providers_wire.moc"
