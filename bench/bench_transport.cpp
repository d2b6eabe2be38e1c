// Requests per second through the provider transport (libcurl multi, one event-loop thread)
// against the local test server answering at once, at 64 and 256 calls in flight. Client and
// server share the machine, so the figure is a floor for the client alone. Target: 3,000/s on
// two cores.
#include "providers/client.h"
#include "test_server.h"

#include <benchmark/benchmark.h>

#include <atomic>
#include <map>
#include <memory>

using namespace switchyard;

namespace {

constexpr int kCallsPerIteration = 4000;

testing::TestServer& server() {
    static std::unique_ptr<testing::TestServer> instance = [] {
        testing::TestServerOptions options;
        options.threads = 300; // one per keep-alive connection
        options.record = false;
        auto created = std::make_unique<testing::TestServer>(options);
        if (!created->start())
            std::abort();
        return created;
    }();
    return *instance;
}

CredentialSources credentials() {
    const testing::TestServerOptions& options = server().options();
    std::map<std::string, std::string> values{
        {"KEY", options.openAiKey},
        {"AWS_ACCESS_KEY_ID", options.awsAccessKeyId},
        {"AWS_SECRET_ACCESS_KEY", options.awsSecretAccessKey}};
    CredentialSources sources;
    sources.homeDir = "/nonexistent";
    sources.env = [values](const std::string& name) -> std::optional<std::string> {
        const auto it = values.find(name);
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    return sources;
}

ProvidersFile providers(int concurrency) {
    ProviderLimits limits;
    limits.concurrency = concurrency;
    limits.timeoutMs = 30'000;
    ProviderConfig openai;
    openai.name = "openai";
    openai.kind = ProviderKind::OpenAi;
    openai.baseUrl = server().baseUrl();
    openai.apiKeyEnv = "KEY";
    openai.models = {"gpt-4o-mini"};
    openai.limits = limits;
    ProviderConfig bedrock;
    bedrock.name = "bedrock";
    bedrock.kind = ProviderKind::Bedrock;
    bedrock.region = "us-east-1";
    bedrock.endpointUrl = server().baseUrl();
    bedrock.models = {"anthropic.claude-3-5-haiku-20241022-v1:0"};
    bedrock.limits = limits;
    return {"bench", {openai, bedrock}};
}

void run(ProviderClient& client, const std::string& ref, const std::vector<Prompt>& prompts,
         std::atomic<int64_t>& failed) {
    CallParams params;
    params.maxTokens = 64;
    for (int i = 0; i < kCallsPerIteration; ++i) {
        auto id = client.submit(ref, prompts[i % prompts.size()], params, 40,
                                [&failed](CallResult result) { failed += !result.ok(); });
        if (!id)
            std::abort();
    }
    client.waitIdle();
}

void BM_TransportRequests(benchmark::State& state, const char* ref) {
    const int concurrency = static_cast<int>(state.range(0));
    ProviderClient client(providers(concurrency), credentials());
    std::vector<Prompt> prompts;
    for (int i = 0; i < 64; ++i) {
        Prompt prompt;
        prompt.id = "p" + std::to_string(i);
        prompt.system = {{"You are a terse assistant.", false, ""}};
        prompt.messages = {{"user", {{"Question number " + std::to_string(i) + "?", false, ""}}}};
        prompts.push_back(std::move(prompt));
    }
    std::atomic<int64_t> failed{0};
    run(client, ref, prompts, failed); // warm-up: open the connections
    int64_t calls = 0;
    for (auto _ : state) {
        run(client, ref, prompts, failed);
        calls += kCallsPerIteration;
    }
    state.counters["req_per_s"] =
        benchmark::Counter(static_cast<double>(calls), benchmark::Counter::kIsRate);
    state.counters["failed"] = static_cast<double>(failed.load());
}

} // namespace

BENCHMARK_CAPTURE(BM_TransportRequests, openai, "openai/gpt-4o-mini")
    ->Arg(64)
    ->Arg(256)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2.0);
BENCHMARK_CAPTURE(BM_TransportRequests, bedrock_sigv4,
                  "bedrock/anthropic.claude-3-5-haiku-20241022-v1:0")
    ->Arg(64)
    ->Arg(256)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2.0);
