// The run engine end to end (prompts from the workspace, the transport, pricing, the writer's
// batched commits) against the local test server answering at once: results per second at 64
// and 256 calls in flight, and the peak resident-memory growth of a run of 100,000 results.
// Client, server and SQLite share the machine, so the rate is a floor for the runner alone.
//
//   ./build/bench/bench --benchmark_filter=Runner
#include "run/runner.h"
#include "store/workspace.h"
#include "test_server.h"

#include <benchmark/benchmark.h>

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

using namespace switchyard;

namespace {

constexpr int kThroughputPrompts = 20'000;
constexpr int kMemoryPrompts = 100'000;

testing::TestServer& server() {
    static std::unique_ptr<testing::TestServer> instance = [] {
        testing::TestServerOptions options;
        options.threads = 300; // one per keep-alive connection
        options.record = false;
        options.promptCache = false; // its memory would count as the runner's
        auto created = std::make_unique<testing::TestServer>(options);
        if (!created->start())
            std::abort();
        return created;
    }();
    return *instance;
}

// A workspace in a temporary folder, removed at exit, with one set per size.
struct BenchWorkspace {
    std::filesystem::path dir;
    std::string path;
    std::map<int, int64_t> sets;

    BenchWorkspace() {
        dir = std::filesystem::temp_directory_path() /
              ("switchyard-bench-runner-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        path = (dir / "bench.sqlite").string();
    }
    ~BenchWorkspace() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }

    int64_t set(int prompts) {
        if (auto it = sets.find(prompts); it != sets.end())
            return it->second;
        auto workspace = Workspace::open(path);
        if (!workspace)
            std::abort();
        std::vector<Prompt> batch;
        for (int i = 0; i < prompts; ++i) {
            Prompt prompt;
            prompt.id = "p" + std::to_string(i);
            prompt.system = {{"You are a terse assistant.", false, ""}};
            prompt.messages = {
                {"user", {{"Question number " + std::to_string(i) + "?", false, ""}}}};
            batch.push_back(std::move(prompt));
        }
        const int64_t id = *(*workspace)->createPromptSet("set-" + std::to_string(prompts), "");
        if (!(*workspace)->appendPrompts(id, batch, "bench"))
            std::abort();
        sets.emplace(prompts, id);
        return id;
    }
};

BenchWorkspace& workspace() {
    static BenchWorkspace instance;
    return instance;
}

RunRequest request(int64_t setId, int concurrency) {
    const testing::TestServerOptions& options = server().options();
    ProviderConfig openai;
    openai.name = "openai";
    openai.kind = ProviderKind::OpenAi;
    openai.baseUrl = server().baseUrl();
    openai.apiKeyEnv = "KEY";
    openai.models = {"gpt-4o-mini"};
    openai.limits.timeoutMs = 30'000;
    RunRequest request;
    request.workspacePath = workspace().path;
    request.setId = setId;
    request.modelRefs = {"openai/gpt-4o-mini"};
    request.params.maxTokens = 64;
    request.concurrency = concurrency;
    request.freshSamples = true; // every iteration sends every call
    request.providers = {"bench", {openai}};
    request.credentials.homeDir = "/nonexistent";
    const std::string key = options.openAiKey;
    request.credentials.env = [key](const std::string& name) -> std::optional<std::string> {
        return name == "KEY" ? std::optional<std::string>(key) : std::nullopt;
    };
    return request;
}

int64_t residentBytes() {
    long pages = 0, resident = 0;
    if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(statm);
    }
    return static_cast<int64_t>(resident) * sysconf(_SC_PAGESIZE);
}

// Runs the request; returns the results recorded, and the peak RSS growth seen by progress.
int64_t runOnce(const RunRequest& request, int64_t& peakGrowthBytes) {
    malloc_trim(0); // freed set-up memory must not hide the run's own growth
    const int64_t baseline = residentBytes();
    int64_t peak = baseline;
    auto outcome = executeRun(request, CancelToken(), [&peak](const RunProgress&) {
        peak = std::max(peak, residentBytes());
    });
    if (!outcome || outcome->status != RunStatus::Complete)
        std::abort();
    peak = std::max(peak, residentBytes());
    peakGrowthBytes = peak - baseline;
    int64_t ok = 0;
    for (const ModelProgress& model : outcome->progress.models)
        ok += model.ok;
    if (ok != outcome->progress.planned)
        std::abort();
    return outcome->progress.done;
}

void BM_RunnerRequests(benchmark::State& state) {
    const int concurrency = static_cast<int>(state.range(0));
    RunRequest warmUp = request(workspace().set(256), concurrency);
    int64_t growth = 0;
    runOnce(warmUp, growth); // opens the connections and the server's threads
    const RunRequest measured = request(workspace().set(kThroughputPrompts), concurrency);
    int64_t results = 0;
    for (auto _ : state)
        results += runOnce(measured, growth);
    state.counters["req_per_s"] =
        benchmark::Counter(static_cast<double>(results), benchmark::Counter::kIsRate);
}

void BM_RunnerMemory100k(benchmark::State& state) {
    const RunRequest measured = request(workspace().set(kMemoryPrompts), 256);
    int64_t growth = 0, results = 0;
    for (auto _ : state)
        results = runOnce(measured, growth);
    const double megabytes = static_cast<double>(growth) / (1024.0 * 1024.0);
    state.counters["results"] = static_cast<double>(results);
    state.counters["peak_rss_growth_MB_per_100k"] =
        results > 0 ? megabytes * 100'000.0 / static_cast<double>(results) : 0.0;
}

} // namespace

BENCHMARK(BM_RunnerRequests)
    ->Arg(64)
    ->Arg(256)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);
BENCHMARK(BM_RunnerMemory100k)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
