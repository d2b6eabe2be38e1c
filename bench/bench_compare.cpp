// The Compare page's matrix in core at 100,000 prompts × 6 models: building it from results,
// each filter, and a sort by a column's scores — what every click on the page costs before
// anything is drawn (bench_gui measures the drawing).
#include "compare/matrix_filter.h"
#include "compare_fixture.h"

#include <benchmark/benchmark.h>

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

} // namespace
