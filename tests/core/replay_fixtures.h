#pragma once
// Small recorded-results tables built by hand for the replay and sweep tests. Costs and
// latencies are binary fractions where a test sums them, so the expected figures are exact.
#include "pricing/catalogue.h"
#include "routing/replay_data.h"
#include "routing/router.h"
#include "routing/tier_table.h"

#include <QtGlobal>

#include <algorithm>
#include <string>
#include <vector>

namespace switchyard::routing::fixtures {

inline constexpr uint8_t kOk = static_cast<uint8_t>(CellStatus::Ok);
inline constexpr uint8_t kFailed = static_cast<uint8_t>(CellStatus::Failed);
inline constexpr uint8_t kMissing = static_cast<uint8_t>(CellStatus::Missing);

inline ModelColumn column(std::string ref, std::vector<float> quality, std::vector<float> cost,
                          std::vector<float> latency) {
    ModelColumn model;
    model.modelRef = std::move(ref);
    model.status.assign(quality.size(), kOk);
    model.quality = std::move(quality);
    model.costUsd = std::move(cost);
    model.latencyMs = std::move(latency);
    return model;
}

inline ReplayData dataWith(std::vector<ModelColumn> models) {
    ReplayData data;
    data.runName = "hand";
    const size_t n = models.front().quality.size();
    for (size_t i = 0; i < n; ++i) {
        data.promptIds.push_back("p" + std::to_string(i));
        data.promptOrdinals.push_back(static_cast<int64_t>(i + 1));
        data.promptTexts.push_back("prompt " + std::to_string(i));
        data.promptTags.emplace_back();
        data.features.push_back(promptFeatures(data.promptTexts.back(), 3));
    }
    data.models = std::move(models);
    return data;
}

// Four prompts. Costs and latencies are binary fractions, so every sum below is exact.
//            row:     0     1     2     3
//   weak   quality:   1     0     1     0     cost 0.25 each, latency 100 200 300 400
//   strong quality:   1     1     1     0     cost 2.00 each, latency 1000 1100 1200 1300
inline ReplayData fourPrompts() {
    return dataWith(
        {column("weak", {1, 0, 1, 0}, {0.25f, 0.25f, 0.25f, 0.25f}, {100, 200, 300, 400}),
         column("strong", {1, 1, 1, 0}, {2, 2, 2, 2}, {1000, 1100, 1200, 1300})});
}

inline RouterSignal scores(std::vector<float> values) {
    RouterSignal signal;
    signal.shape = RouterSignal::Shape::Score;
    signal.score = std::move(values);
    return signal;
}

inline TierTable tableOf(const ReplayData& data, const std::vector<std::string>& tiers,
                         TableOptions options = {}) {
    auto table = TierTable::build(data, tiers, options);
    if (!table)
        qFatal("%s", table.error().toString().c_str());
    return std::move(table).value();
}

inline Catalogue bundledCatalogue() {
    auto catalogue = Catalogue::fromFile(SWITCHYARD_SOURCE_DIR "/resources/pricing/catalogue.json");
    if (!catalogue)
        qFatal("%s", catalogue.error().toString().c_str());
    return std::move(catalogue).value();
}

// The exact percentile the replay must match: linear interpolation between order statistics.
inline double slowPercentile(std::vector<double> values, double q) {
    std::sort(values.begin(), values.end());
    const double position = q * static_cast<double>(values.size() - 1);
    const auto below = static_cast<size_t>(position);
    const size_t above = std::min(below + 1, values.size() - 1);
    return values[below] +
           (position - static_cast<double>(below)) * (values[above] - values[below]);
}

} // namespace switchyard::routing::fixtures
