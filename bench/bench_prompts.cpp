// Loading speed of prompt files: a million plain JSONL lines (the fast path) and a smaller
// chat-shape file (the full parser), each counted by a sink that keeps nothing.
#include "prompts/loader.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace {

using namespace switchyard;

constexpr int kPlainLines = 1000000;
constexpr int kChatLines = 100000;

const char* kWords[] = {"the",   "quick", "brown",   "fox",  "jumps",  "over",    "lazy",
                        "dog",   "what",  "is",      "sum",  "of",     "numbers", "apples",
                        "costs", "total", "dollars", "each", "market", "sells"};

std::string sentence(int seed, int words) {
    std::string text;
    for (int i = 0; i < words; ++i) {
        if (i)
            text += ' ';
        text += kWords[(seed * 7 + i * 13) % std::size(kWords)];
    }
    return text + "?";
}

// A generated input that is removed when the process exits, so runs leave no 150 MB behind.
struct TempFile {
    std::string path;
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
};

// Written once per process, ~150 bytes a line like a typical evaluation set.
const std::string& plainFile() {
    static const TempFile temp{[] {
        auto file = std::filesystem::temp_directory_path() / "switchyard_bench_plain.jsonl";
        std::ofstream out(file, std::ios::binary);
        for (int i = 0; i < kPlainLines; ++i)
            out << R"({"id": "p-)" << i << R"(", "prompt": ")" << sentence(i, 13)
                << R"(", "expected": ")" << i % 97 << R"(", "tags": ["math", "easy"]})" << '\n';
        return file.string();
    }()};
    return temp.path;
}

const std::string& chatFile() {
    static const TempFile temp{[] {
        auto file = std::filesystem::temp_directory_path() / "switchyard_bench_chat.jsonl";
        std::ofstream out(file, std::ios::binary);
        for (int i = 0; i < kChatLines; ++i)
            out << R"({"id": "c-)" << i << R"(", "messages": [{"role": "system", "content": ")"
                << sentence(i + 1, 8) << R"("}, {"role": "user", "content": [{"type": "text", )"
                << R"("text": ")" << sentence(i, 13) << R"("}]}], "tags": ["chat"]})" << '\n';
        return file.string();
    }()};
    return temp.path;
}

void loadAndCount(benchmark::State& state, const std::string& path, int expectedLines) {
    int64_t total = 0;
    for (auto _ : state) {
        int64_t count = 0;
        auto summary = loadPromptFile(path, [&count](std::vector<Prompt>&& batch) {
            count += static_cast<int64_t>(batch.size());
        });
        if (!summary || count != expectedLines) {
            state.SkipWithError("load failed or lost lines");
            return;
        }
        total += count;
    }
    state.SetItemsProcessed(total);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                            static_cast<int64_t>(std::filesystem::file_size(path)));
}

void BM_PromptLoadPlainJsonl(benchmark::State& state) {
    loadAndCount(state, plainFile(), kPlainLines);
}
BENCHMARK(BM_PromptLoadPlainJsonl)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_PromptLoadOpenAiChatJsonl(benchmark::State& state) {
    loadAndCount(state, chatFile(), kChatLines);
}
BENCHMARK(BM_PromptLoadOpenAiChatJsonl)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
