// Import speed of production traffic: a day of Bedrock invocation-log records (typical Converse
// calls with a system prompt, a user turn, usage and metadata), read plain and gzip-compressed,
// then imported into a workspace end to end, and the store's share alone (already read records
// committed to the workspace), which bounds the end-to-end rate.
#include "store/workspace.h"
#include "traffic/traffic_loader.h"
#include "workbench/traffic_ops.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace {

using namespace switchyard;
using nlohmann::json;

constexpr int kRecords = 200000;

std::string recordLine(int i) {
    const json record = {
        {"schemaType", "ModelInvocationLog"},
        {"schemaVersion", "1.0"},
        {"timestamp", "2026-11-30T10:" + std::to_string(10 + i % 50) + ":00.000Z"},
        {"accountId", "111122223333"},
        {"identity", {{"arn", "arn:aws:sts::111122223333:assumed-role/SupportBot/s"}}},
        {"region", "us-east-1"},
        {"requestId", "0f8e6c1a-" + std::to_string(1000000 + i)},
        {"operation", "Converse"},
        {"modelId", i % 4 ? "arn:aws:bedrock:us-east-1:111122223333:inference-profile/"
                            "us.anthropic.claude-3-5-haiku-20241022-v1:0"
                          : "anthropic.claude-3-5-sonnet-20241022-v2:0"},
        {"input",
         {{"inputContentType", "application/json"},
          {"inputBodyJson",
           {{"system", json::array({{{"text", "You are a support assistant for an online shop. "
                                              "Answer briefly and cite the order number."}}})},
            {"messages",
             json::array(
                 {{{"role", "user"},
                   {"content", json::array({{{"text", "Where is order " + std::to_string(i * 7919) +
                                                          "? It was due on Monday."}}})}}})},
            {"inferenceConfig", {{"maxTokens", 512}, {"temperature", 0.2}}}}},
          {"inputTokenCount", 60 + i % 40},
          {"cacheReadInputTokenCount", i % 3 ? 0 : 1024}}},
        {"output",
         {{"outputContentType", "application/json"},
          {"outputBodyJson",
           {{"output",
             {{"message",
               {{"role", "assistant"},
                {"content", json::array({{{"text", "Your order is on its way and should "
                                                   "arrive tomorrow."}}})}}}}},
            {"stopReason", "end_turn"},
            {"metrics", {{"latencyMs", 400 + i % 300}}},
            {"usage", {{"inputTokens", 60 + i % 40}, {"outputTokens", 14}}}}},
          {"outputTokenCount", 14}}},
        {"requestMetadata", {{"workload", i % 2 ? "support" : "returns"}, {"team", "cx"}}}};
    return record.dump() + "\n";
}

struct TempFolder {
    std::filesystem::path path;
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

// Written once per process: the same records as one plain and one gzip file.
const TempFolder& logs() {
    static const TempFolder folder{[] {
        const auto root = std::filesystem::temp_directory_path() / "switchyard_bench_traffic";
        std::filesystem::create_directories(root / "plain");
        std::filesystem::create_directories(root / "gzip");
        std::ofstream plain(root / "plain" / "log.json", std::ios::binary);
        gzFile gzip = gzopen((root / "gzip" / "log.json.gz").c_str(), "wb6");
        for (int i = 0; i < kRecords; ++i) {
            const std::string line = recordLine(i);
            plain << line;
            gzwrite(gzip, line.data(), static_cast<unsigned>(line.size()));
        }
        gzclose(gzip);
        return root;
    }()};
    return folder;
}

void readRecords(benchmark::State& state, const char* subfolder) {
    const auto folder = logs().path / subfolder;
    int64_t total = 0;
    for (auto _ : state) {
        int64_t count = 0;
        auto summary = loadTraffic({folder.string()}, [&count](std::vector<TrafficRecord>&& batch) {
            count += static_cast<int64_t>(batch.size());
        });
        if (!summary || count != kRecords) {
            state.SkipWithError("load failed or lost records");
            return;
        }
        total += count;
    }
    state.SetItemsProcessed(total);
}

void BM_TrafficReadPlain(benchmark::State& state) {
    readRecords(state, "plain");
}
BENCHMARK(BM_TrafficReadPlain)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_TrafficReadGzip(benchmark::State& state) {
    readRecords(state, "gzip");
}
BENCHMARK(BM_TrafficReadGzip)->Unit(benchmark::kMillisecond)->Iterations(3);

// Read, priced and stored: prompts and results committed batch by batch.
void BM_TrafficImportIntoWorkspace(benchmark::State& state) {
    const auto folder = logs().path / "gzip";
    const auto file = logs().path / "bench.sqlite";
    int64_t total = 0;
    for (auto _ : state) {
        state.PauseTiming();
        std::filesystem::remove(file);
        auto workspace = Workspace::open(file.string());
        state.ResumeTiming();
        auto outcome = workbench::importLogs(**workspace, {folder.string()}, "traffic");
        if (!outcome || outcome->records != kRecords) {
            state.SkipWithError("import failed or lost records");
            return;
        }
        total += outcome->records;
    }
    state.SetItemsProcessed(total);
}
BENCHMARK(BM_TrafficImportIntoWorkspace)->Unit(benchmark::kMillisecond)->Iterations(2);

// The store alone: records read beforehand, then only their prompt and result rows committed,
// 5,000 per transaction as the import does. No parsing can make an import faster than this.
void BM_TrafficStoreOnly(benchmark::State& state) {
    std::vector<std::vector<Prompt>> prompts;
    std::vector<std::vector<ResultRecord>> results;
    auto summary =
        loadTraffic({(logs().path / "plain").string()}, [&](std::vector<TrafficRecord>&& batch) {
            prompts.emplace_back();
            results.emplace_back();
            for (TrafficRecord& record : batch) {
                ResultRecord result;
                result.modelRef = record.model;
                result.output = record.output;
                result.inputTokens = record.inputTokens;
                result.outputTokens = record.outputTokens;
                result.cacheReadTokens = record.cacheReadTokens;
                result.latencyMs = record.latencyMs;
                result.costUsd = 0.001;
                results.back().push_back(std::move(result));
                prompts.back().push_back(std::move(record.prompt));
            }
        });
    if (!summary) {
        state.SkipWithError("load failed");
        return;
    }
    const auto file = logs().path / "store.sqlite";
    int64_t total = 0;
    for (auto _ : state) {
        state.PauseTiming();
        std::filesystem::remove(file);
        auto workspace = Workspace::open(file.string());
        const int64_t setId = *(*workspace)->createPromptSet("traffic", "bench");
        RunInfo run;
        run.name = "traffic";
        run.setId = setId;
        run.kind = "traffic";
        run.status = "running";
        const int64_t runId = *(*workspace)->createRun(run);
        auto copies = results; // appendTraffic moves the results into the store
        state.ResumeTiming();
        for (size_t b = 0; b < prompts.size(); ++b) {
            auto stored = (*workspace)->appendTraffic(setId, runId, prompts[b], copies[b], "bench");
            if (!stored) {
                state.SkipWithError("store failed");
                return;
            }
            total += stored->inserted;
        }
    }
    state.SetItemsProcessed(total);
}
BENCHMARK(BM_TrafficStoreOnly)->Unit(benchmark::kMillisecond)->Iterations(2);

} // namespace
