#pragma once

// A real HTTP server on 127.0.0.1 that speaks the three provider wire formats (Anthropic
// Messages, OpenAI chat completions, Bedrock Converse) from their documented shapes, checks
// what the real services check (keys, versions, required fields, cache checkpoint rules, a
// SigV4 signature recomputed with its own code), simulates prompt caching, and injects faults
// on demand. It shares no code with the clients it tests.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace switchyard::testing {

enum class Fault {
    None,
    RateLimited,           // 429 in the provider's words, no Retry-After
    RateLimitedRetryAfter, // 429 with Retry-After: 1
    ServerError,           // 500
    Unavailable,           // 503
    Overloaded,            // 529 overloaded_error (Anthropic's), 503 elsewhere
    Stall,                 // no byte until stallMs has passed
    ConnectionReset,       // TCP reset before any byte of the response
    TruncatedBody,         // 200 whose body stops halfway through its Content-Length
    MalformedJson,         // 200, application/json, not JSON
    WrongContentType,      // 200, text/html: a proxy's sign-in page
    UsageMissing,          // 200, a well-formed answer without usage
    ContextLength,         // 400: the prompt does not fit, in the provider's words
    ContentFilter,         // 200 with the provider's refusal / filtered stop reason
    BadRequest,            // 400: a generic invalid request
};

const char* faultName(Fault fault);

struct TestServerOptions {
    int threads = 16; // one per concurrent keep-alive connection
    std::string anthropicKey = "sk-ant-test-server-key";
    std::string openAiKey = "sk-test-server-openai-key";
    std::string awsAccessKeyId = "AKIDTESTSERVER000001";
    std::string awsSecretAccessKey = "test/Server+Secret/Key0000000000000000000";
    std::string awsSessionToken;    // when set, requests must sign X-Amz-Security-Token
    std::string bedrockBearerToken; // when set, "Authorization: Bearer" is accepted instead
    std::string awsRegion = "us-east-1";
    int64_t stallMs = 3000;
    // Every request waits this long before it is answered, as a real model takes time: keeps
    // calls in flight long enough for concurrency and kill tests to see them.
    int64_t latencyMs = 0;
    int64_t contextWindowTokens = 200'000;
    std::string answerText = "Hello from the test server.";
    // When set, the answer to each request, from its raw JSON body (a judge's verdict that
    // depends on the answer judged); answerText otherwise. Called on the server's threads.
    std::function<std::string(const std::string& requestBody)> answerFor;
    // What trace.promptRouter.invokedModelId says for a prompt-router model id.
    std::string routedModelArn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
                                 "us.anthropic.claude-3-5-haiku-20241022-v1:0";
    bool record = true; // keep every request for requests(); off for benchmarks
    // Simulate prompt caching. It remembers every prompt prefix it saw, so a benchmark that
    // measures its client's memory over many distinct prompts turns it off.
    bool promptCache = true;
    // A local inference server (Ollama, llama.cpp, vLLM) needs no key: an empty openAiKey
    // accepts chat completions without Authorization.
    // The models it lists: GET /v1/models (OpenAI's list, owned_by listedOwner: "llamacpp",
    // "vllm") and, with ollamaTags, GET /api/tags (Ollama's). Empty: neither is served.
    std::vector<std::string> listedModels;
    std::string listedOwner = "vllm";
    bool ollamaTags = false;
};

struct RecordedRequest {
    std::string format; // "anthropic", "openai", "bedrock"
    std::string method;
    std::string target; // raw request target, as received
    int remotePort = 0; // the client's port: one per connection
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    int status = 0;
    std::string rejection; // why the server refused it (validation, auth); empty if accepted
    std::string fault;     // the fault injected, empty for none
};

class TestServer {
public:
    explicit TestServer(TestServerOptions options = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    bool start(); // binds 127.0.0.1 on a free port and serves on background threads
    void stop();
    int port() const;
    std::string baseUrl() const; // "http://127.0.0.1:PORT"
    const TestServerOptions& options() const;

    // The next `count` requests (any format) get this fault, after the ones already queued.
    void failNext(Fault fault, int count = 1);
    // Every request gets this fault until cleared with Fault::None.
    void failAlways(Fault fault);

    std::vector<RecordedRequest> requests() const;
    int64_t requestCount() const;
    int maxConcurrent() const; // the most requests handled at the same time
    void reset();              // forgets requests, counters, faults and the prompt cache
    // Replaces TestServerOptions::answerFor; call it before the requests it should answer.
    void setAnswerFor(std::function<std::string(const std::string& requestBody)> answerFor);

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

// The independent SigV4 check the server runs, exposed so tests can aim it at a request.
// Returns an empty string when the signature is valid, else the reason.
std::string verifySigV4(const std::string& method, const std::string& rawTarget,
                        const std::vector<std::pair<std::string, std::string>>& headers,
                        const std::string& body, const std::string& accessKeyId,
                        const std::string& secretAccessKey, const std::string& region,
                        const std::string& service);

} // namespace switchyard::testing
