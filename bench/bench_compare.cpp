// The Compare page's matrix in core at 100,000 prompts × 6 models: building it from results,
// each filter, and a sort by a column's scores — what every click on the page costs before
// anything is drawn (bench_gui measures the drawing).
#include "compare/matrix_filter.h"
#include "compare_fixture.h"
#include "store/workspace.h"
#include "workbench/compare_ops.h"
#include "workbench/eval_ops.h"

#include <benchmark/benchmark.h>

#include <filesystem>

using namespace switchyard;
using namespace switchyard::compare;

namespace {

const CompareMatrix& matrix() {
    static const CompareMatrix built = bench_compare::makeMatrix();
    return built;
}

void BM_BuildMatrix(benchmark::State& state) {
    for (auto _ : state) {
        CompareMatrix built = bench_compare::makeMatrix();
        benchmark::DoNotOptimize(built.rowCount());
    }
    state.counters["cells"] = 600'000;
    state.counters["cells/s"] =
        benchmark::Counter(600'000, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BuildMatrix)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_FilterRows(benchmark::State& state) {
    MatrixFilter filter;
    switch (state.range(0)) {
    case 0:
        filter.disagreeing = true;
        state.SetLabel("models disagree");
        break;
    case 1:
        filter.cheapestFailsDearerPasses = true;
        state.SetLabel("cheapest fails, a dearer one passes");
        break;
    default:
        filter.withErrors = true;
        filter.tag = 1;
        state.SetLabel("failed calls, one tag");
        break;
    }
    const CompareMatrix& built = matrix(); // built once, before the timing
    size_t kept = 0;
    for (auto _ : state)
        kept = filterRows(built, filter).size();
    state.counters["rows kept"] = static_cast<double>(kept);
}
BENCHMARK(BM_FilterRows)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

void BM_SortByScore(benchmark::State& state) {
    const std::vector<uint32_t> all = filterRows(matrix(), {}); // built before the timing
    for (auto _ : state) {
        std::vector<uint32_t> rows = all;
        sortRows(matrix(), rows, {SortKey::Score, 3, true});
        benchmark::DoNotOptimize(rows.front());
    }
}
BENCHMARK(BM_SortByScore)->Unit(benchmark::kMillisecond);

// A workspace of 100,000 prompts answered by 6 models, each answer scored: what opening the
// Compare page reads (loadCompareMatrix) and what its verdicts cost (compareRun).
struct StoredComparison {
    std::filesystem::path dir;
    std::unique_ptr<Workspace> workspace;
    int64_t runId = 0;

    StoredComparison() {
        dir = std::filesystem::temp_directory_path() / "switchyard-bench-compare";
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        workspace = std::move(Workspace::open((dir / "compare.sqlite").string())).value();
        const int64_t setId = *workspace->createPromptSet("bench", "");
        std::vector<Prompt> prompts;
        for (int i = 0; i < 100'000; ++i) {
            Prompt prompt;
            prompt.id = "q" + std::to_string(i);
            prompt.messages.push_back(
                {"user",
                 {{"How many widgets ship in week " + std::to_string(i) + "?", false, ""}}});
            prompt.tags = {i % 2 ? "billing" : "support"};
            prompts.push_back(std::move(prompt));
        }
        (void)workspace->appendPrompts(setId, prompts, "");
        runId = *workspace->createRun(
            {0, "bench", setId, "import", "complete", false, "{}", "", 0.0, {}});
        std::vector<std::pair<int64_t, int64_t>> ids = workspace->promptIdPage(setId, -1, 200'000);
        std::vector<ResultRecord> results;
        std::vector<ScoreRecord> scores;
        for (int m = 0; m < 6; ++m) {
            const std::string model = "model-" + std::to_string(m);
            for (size_t i = 0; i < ids.size(); ++i) {
                ResultRecord result;
                result.promptId = ids[i].second;
                result.modelRef = model;
                result.output = "Let us count the crates: " + std::to_string(i % 97) +
                                " of them, so the answer is " + std::to_string(i % 97 * (m + 3)) +
                                ".";
                result.inputTokens = 40;
                result.outputTokens = 30;
                result.costUsd = 0.0001 * (m + 1);
                result.latencyMs = 300.0 + static_cast<double>((i * 37 + m * 11) % 1500);
                results.push_back(std::move(result));
                scores.push_back(
                    {ids[i].second, model, "bench@1",
                     (i * 7 + static_cast<size_t>(m) * 13) % 10 < static_cast<size_t>(5 + m) ? 1.0
                                                                                             : 0.0,
                     ""});
            }
        }
        (void)workspace->insertResults(runId, results);
        (void)workspace->insertScores(runId, scores);
    }
    ~StoredComparison() {
        workspace.reset();
        std::filesystem::remove_all(dir);
    }
};

StoredComparison& stored() {
    static StoredComparison comparison;
    return comparison;
}

void BM_LoadCompareMatrixFromStore(benchmark::State& state) {
    StoredComparison& comparison = stored();
    for (auto _ : state) {
        auto loaded =
            workbench::loadCompareMatrix(*comparison.workspace, {comparison.runId, {}, ""});
        benchmark::DoNotOptimize(loaded->matrix.rowCount());
    }
    state.counters["results/s"] =
        benchmark::Counter(600'000, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_LoadCompareMatrixFromStore)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_CompareRunVerdicts(benchmark::State& state) {
    StoredComparison& comparison = stored();
    workbench::CompareRequest request;
    request.runId = comparison.runId;
    for (auto _ : state) {
        auto outcome = workbench::compareRun(*comparison.workspace, request);
        benchmark::DoNotOptimize(outcome->pairwise.size());
    }
}
BENCHMARK(BM_CompareRunVerdicts)->Unit(benchmark::kMillisecond)->Iterations(2);

} // namespace
