// Results inserted per second and file size per 100k results (target: 200,000 results/s).
#include "prompts/prompt.h"
#include "store/workspace.h"

#include <benchmark/benchmark.h>

#include <filesystem>

using namespace switchyard;

namespace {

struct BenchWorkspace {
    std::filesystem::path dir;
    std::unique_ptr<Workspace> ws;
    int64_t runId = 0;

    explicit BenchWorkspace(int64_t prompts) {
        dir = std::filesystem::temp_directory_path() / "switchyard-bench-store";
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        ws = std::move(Workspace::open((dir / "bench.sqlite").string())).value();
        const int64_t setId = *ws->createPromptSet("bench", "");
        std::vector<Prompt> batch;
        for (int64_t i = 0; i < prompts; ++i) {
            Prompt prompt;
            prompt.id = "q" + std::to_string(i);
            prompt.messages.push_back(
                {"user", {{"What is " + std::to_string(i) + "?", false, ""}}});
            batch.push_back(std::move(prompt));
        }
        (void)ws->appendPrompts(setId, batch, "");
        runId = *ws->createRun({0, "bench", setId, "import", "complete", false, "{}", "", 0.0, {}});
    }
    ~BenchWorkspace() {
        ws.reset();
        std::filesystem::remove_all(dir);
    }
};

// A plausible recorded answer: ~300 bytes of output text.
std::vector<ResultRecord> makeResults(int64_t prompts, const char* model) {
    const std::string output(300, 'x');
    std::vector<ResultRecord> results;
    results.reserve(static_cast<size_t>(prompts));
    for (int64_t i = 1; i <= prompts; ++i)
        results.push_back({i, model, output, 812, 95, 0, 0, 640.0, 0.00018, "", "", 1, 0, ""});
    return results;
}

void BM_StoreInsertResults(benchmark::State& state) {
    const int64_t count = state.range(0);
    const char* models[] = {"openai/gpt-4o-mini", "openai/gpt-4o", "bedrock/nova-micro",
                            "bedrock/claude-sonnet"};
    for (auto _ : state) {
        state.PauseTiming();
        BenchWorkspace bench(count);
        std::vector<std::vector<ResultRecord>> perModel;
        for (const char* model : models)
            perModel.push_back(makeResults(count, model));
        state.ResumeTiming();
        // Batches of 10,000 per transaction, as a run commits results while they arrive.
        for (const auto& results : perModel)
            for (size_t offset = 0; offset < results.size(); offset += 10000)
                (void)bench.ws->insertResults(
                    bench.runId, std::span(results).subspan(
                                     offset, std::min<size_t>(10000, results.size() - offset)));
        state.PauseTiming();
        const int64_t total = bench.ws->resultCount(bench.runId);
        bench.ws.reset();
        const auto bytes = std::filesystem::file_size(bench.dir / "bench.sqlite") +
                           (std::filesystem::exists(bench.dir / "bench.sqlite-wal")
                                ? std::filesystem::file_size(bench.dir / "bench.sqlite-wal")
                                : 0);
        state.counters["results"] = static_cast<double>(total);
        state.counters["MiB_per_100k_results"] =
            static_cast<double>(bytes) / (1024.0 * 1024.0) * 100000.0 / static_cast<double>(total);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * count * 4);
}

} // namespace

BENCHMARK(BM_StoreInsertResults)
    ->Arg(25000)
    ->Arg(250000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
