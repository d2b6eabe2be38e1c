// Router Lab on 1,000,000 prompts x 4 models (targets: one slider move, i.e. re-route and
// aggregate with exact latency percentiles, under 10 ms; a 1,000-point sweep under 200 ms).
// The data is synthetic arrays; building the tier table (once per choice of models) and
// preparing a router (once per configuration) are measured separately.
#include "routing/replay.h"
#include "routing/replay_data.h"
#include "routing/router.h"
#include "routing/sweep.h"
#include "routing/tier_table.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <random>

using namespace switchyard::routing;

namespace {

constexpr size_t kPrompts = 1'000'000;
constexpr int kModels = 4;

// Four models, cheapest first; each answers a prompt well with a probability that falls with the
// prompt's difficulty and rises with the model's strength. Latencies grow with strength.
const ReplayData& benchData() {
    static const std::unique_ptr<ReplayData> data = [] {
        auto out = std::make_unique<ReplayData>();
        std::mt19937_64 random(2026);
        std::uniform_real_distribution<float> unit(0.0f, 1.0f);
        std::vector<float> difficulty(kPrompts);
        for (size_t i = 0; i < kPrompts; ++i) {
            difficulty[i] = unit(random);
            out->promptIds.push_back("q" + std::to_string(i));
            out->promptOrdinals.push_back(static_cast<int64_t>(i + 1));
            out->features.push_back(PromptFeatures{20.0f + 2000.0f * difficulty[i] * difficulty[i],
                                                   0, static_cast<uint8_t>(difficulty[i] > 0.7f), 0,
                                                   0, 0, 0});
        }
        out->promptTexts.resize(kPrompts);
        out->promptTags.resize(kPrompts);
        const float price[kModels] = {0.00004f, 0.0008f, 0.003f, 0.015f};
        for (int m = 0; m < kModels; ++m) {
            ModelColumn column;
            column.modelRef = "m" + std::to_string(m);
            column.resize(kPrompts);
            for (size_t i = 0; i < kPrompts; ++i) {
                const float strength = 0.35f + 0.2f * static_cast<float>(m);
                column.quality[i] = unit(random) < strength + 0.5f - difficulty[i] ? 1.0f : 0.0f;
                column.costUsd[i] = price[m] * (0.5f + difficulty[i]);
                column.latencyMs[i] = 200.0f * static_cast<float>(m + 1) * (0.5f + unit(random));
                column.status[i] = static_cast<uint8_t>(CellStatus::Ok);
            }
            out->models.push_back(std::move(column));
        }
        return out;
    }();
    return *data;
}

const std::vector<std::string> kTiers{"m0", "m1", "m2", "m3"};

const TierTable& table(Accounting accounting, size_t tiers) {
    static std::unique_ptr<TierTable> cached[2][kModels + 1];
    auto& slot = cached[accounting == Accounting::Cascade][tiers];
    if (!slot) {
        TableOptions options;
        options.accounting = accounting;
        const std::vector<std::string> models(kTiers.begin(),
                                              kTiers.begin() + static_cast<long>(tiers));
        slot = std::make_unique<TierTable>(*TierTable::build(benchData(), models, options));
    }
    return *slot;
}

RouterSignal signalFor(const TierTable& tiers, RouterKind kind) {
    RouterConfig config;
    config.kind = kind;
    config.cascadeSignal = CascadeSignal::Refusal;
    if (kind == RouterKind::Cascade) {
        // Synthetic confidences: no answers to read in the bench data.
        RouterSignal signal;
        signal.kind = kind;
        signal.shape = RouterSignal::Shape::Confidence;
        std::mt19937_64 random(9);
        std::uniform_real_distribution<float> unit(0.0f, 1.0f);
        signal.confidence.assign(tiers.tierCount() - 1, std::vector<float>(tiers.rows()));
        for (auto& confidence : signal.confidence)
            for (float& value : confidence)
                value = unit(random);
        return signal;
    }
    return *prepareRouter(tiers, config);
}

void BM_BuildTierTable(benchmark::State& state) {
    const ReplayData& data = benchData();
    for (auto _ : state)
        benchmark::DoNotOptimize(TierTable::build(data, kTiers).ok());
    state.counters["prompts"] = static_cast<double>(kPrompts);
}
BENCHMARK(BM_BuildTierTable)->Unit(benchmark::kMillisecond)->Iterations(3);

// One slider move: new thresholds, every prompt re-routed, every figure recomputed.
void BM_SliderMove(benchmark::State& state) {
    const size_t tiers = static_cast<size_t>(state.range(0));
    const auto kind = static_cast<RouterKind>(state.range(1));
    const TierTable& tiersTable = table(accountingFor(kind), tiers);
    const RouterSignal signal = signalFor(tiersTable, kind);
    Replayer replayer(tiersTable);
    std::vector<uint8_t> decisions;
    double t = 0.1;
    for (auto _ : state) {
        t = t > 0.8 ? 0.1 : t + 0.013; // a different position every move
        std::vector<double> thresholds;
        for (size_t j = 0; j + 1 < tiers; ++j)
            thresholds.push_back(std::min(0.99, t + 0.1 * static_cast<double>(j)));
        benchmark::DoNotOptimize(replayer.replay(signal, thresholds, &decisions).costUsd);
    }
    state.counters["prompts"] = static_cast<double>(kPrompts);
}
BENCHMARK(BM_SliderMove)
    ->ArgNames({"tiers", "kind"})
    ->Args({4, static_cast<int>(RouterKind::Complexity)})
    ->Args({4, static_cast<int>(RouterKind::Random)})
    ->Args({2, static_cast<int>(RouterKind::Random)})
    ->Args({2, static_cast<int>(RouterKind::Cascade)})
    ->Args({4, static_cast<int>(RouterKind::Cascade)})
    ->Unit(benchmark::kMillisecond);

// The curve: 1,000 threshold settings, with frontier and metrics.
void BM_Sweep1000(benchmark::State& state) {
    const size_t tiers = static_cast<size_t>(state.range(0));
    const auto kind = static_cast<RouterKind>(state.range(1));
    const TierTable& tiersTable = table(accountingFor(kind), tiers);
    const RouterSignal signal = signalFor(tiersTable, kind);
    size_t points = 0;
    for (auto _ : state) {
        const SweepResult result = sweep(tiersTable, signal, {1000});
        points = result.points.size();
        benchmark::DoNotOptimize(result.metrics.aiq);
    }
    state.counters["points"] = static_cast<double>(points);
}
BENCHMARK(BM_Sweep1000)
    ->ArgNames({"tiers", "kind"})
    ->Args({2, static_cast<int>(RouterKind::Random)})
    ->Args({4, static_cast<int>(RouterKind::Complexity)})
    ->Args({4, static_cast<int>(RouterKind::Cascade)})
    ->Unit(benchmark::kMillisecond);

} // namespace
