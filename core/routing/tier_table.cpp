#include "routing/tier_table.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace switchyard::routing {

namespace {

// One model's cell, after the incomplete-results policy.
struct Cell {
    float cost = 0.0f;
    float quality = 0.0f;
    float latency = kUnknown;
};

class ModelCells {
public:
    ModelCells(const ModelColumn& column, bool scored) : m_column(column), m_scored(scored) {
        double sum = 0.0;
        int64_t count = 0;
        for (size_t i = 0; i < column.costUsd.size(); ++i)
            if (column.status[i] != static_cast<uint8_t>(CellStatus::Missing) &&
                std::isfinite(column.costUsd[i])) {
                sum += column.costUsd[i];
                ++count;
            }
        m_meanCost = count ? static_cast<float>(sum / static_cast<double>(count)) : kUnknown;
    }

    // Whether the prompt takes part when incomplete results are excluded.
    bool complete(size_t i) const {
        const auto status = static_cast<CellStatus>(m_column.status[i]);
        return status == CellStatus::Ok || (!m_scored && status == CellStatus::Unscored);
    }

    void count(size_t i, IncompleteCounts& counts) const {
        switch (static_cast<CellStatus>(m_column.status[i])) {
        case CellStatus::Missing:
            ++counts.missing;
            break;
        case CellStatus::Failed:
            ++counts.failed;
            break;
        case CellStatus::Unscored:
            counts.unscored += m_scored;
            break;
        case CellStatus::Ok:
            break;
        }
    }

    // NaN cost means "cannot be priced": the caller turns it into an error.
    Cell cell(size_t i) const {
        Cell cell;
        switch (static_cast<CellStatus>(m_column.status[i])) {
        case CellStatus::Ok:
        case CellStatus::Unscored:
            cell.cost = m_column.costUsd[i];
            cell.quality = std::isfinite(m_column.quality[i]) ? m_column.quality[i] : 0.0f;
            cell.latency = m_column.latencyMs[i];
            break;
        case CellStatus::Failed:
            cell.cost = std::isfinite(m_column.costUsd[i]) ? m_column.costUsd[i] : 0.0f;
            cell.latency = m_column.latencyMs[i];
            break;
        case CellStatus::Missing:
            cell.cost = m_meanCost;
            break;
        }
        return cell;
    }

private:
    const ModelColumn& m_column;
    bool m_scored;
    float m_meanCost;
};

std::optional<double> percentileOf(std::vector<float> values, double q) {
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const double position = q * static_cast<double>(values.size() - 1);
    const size_t below = static_cast<size_t>(position);
    const size_t above = std::min(below + 1, values.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return values[below] + fraction * (values[above] - values[below]);
}

Error unpricedError(const std::string& modelRef, int64_t count) {
    return Error{"", 0, "cost_usd",
                 std::to_string(count) + " results of model '" + modelRef +
                     "' have no cost: the pricing catalogue has no price for it. Add its price "
                     "(Pricing page or a LiteLLM import) and load the results again."};
}

} // namespace

Expected<TierTable> TierTable::build(const ReplayData& data,
                                     const std::vector<std::string>& tierModels,
                                     const TableOptions& options) {
    if (tierModels.empty())
        return Error{"", 0, "tiers", "a router needs at least one tier"};
    if (tierModels.size() > 16)
        return Error{"", 0, "tiers", "at most 16 tiers"};
    auto indexOf = [&data](const std::string& ref, const char* field) -> Expected<size_t> {
        if (auto index = data.modelIndex(ref))
            return *index;
        std::string known;
        for (const ModelColumn& model : data.models)
            known += (known.empty() ? "" : ", ") + model.modelRef;
        return Error{"", 0, field,
                     "model '" + ref + "' has no results in run '" + data.runName +
                         "' (models: " + known + ")"};
    };
    std::vector<size_t> tierIndex;
    for (size_t k = 0; k < tierModels.size(); ++k) {
        auto index = indexOf(tierModels[k], "tiers");
        if (!index)
            return Error{"", 0, "tiers[" + std::to_string(k) + "].model", index.error().message};
        if (std::find(tierIndex.begin(), tierIndex.end(), *index) != tierIndex.end())
            return Error{"", 0, "tiers[" + std::to_string(k) + "].model",
                         "model '" + tierModels[k] + "' is already a tier"};
        tierIndex.push_back(*index);
    }
    auto baselineIndex = options.baselineModel.empty() ? Expected<size_t>(tierIndex.back())
                                                       : indexOf(options.baselineModel, "baseline");
    if (!baselineIndex)
        return baselineIndex.error();
    std::optional<size_t> preIndex;
    if (!options.preRouterModel.empty()) {
        auto index = indexOf(options.preRouterModel, "classifier_model");
        if (!index)
            return index.error();
        preIndex = *index;
    }

    TierTable table;
    table.m_data = &data;
    table.m_options = options;
    const size_t tiers = tierModels.size();
    // Every model whose results count: the tiers, then the baseline and the pre-router when
    // they are other models. A pre-router only labels, so its answers need no score.
    std::vector<size_t> involved = tierIndex;
    for (size_t index : {*baselineIndex, preIndex.value_or(tierIndex.front())})
        if (std::find(involved.begin(), involved.end(), index) == involved.end())
            involved.push_back(index);
    std::vector<ModelCells> cells;
    for (size_t slot = 0; slot < involved.size(); ++slot) {
        const bool labelsOnly = preIndex && involved[slot] == *preIndex &&
                                slot >= tierIndex.size() && involved[slot] != *baselineIndex;
        cells.emplace_back(data.models[involved[slot]], !labelsOnly);
        table.m_incomplete.push_back({data.models[involved[slot]].modelRef, 0, 0, 0});
    }

    const bool exclude = options.incomplete == IncompleteResults::Exclude;
    for (uint32_t i = 0; i < data.promptCount(); ++i) {
        bool complete = true;
        for (size_t m = 0; m < involved.size(); ++m) {
            cells[m].count(i, table.m_incomplete[m]);
            complete = complete && cells[m].complete(i);
        }
        if (exclude && !complete) {
            ++table.m_excluded;
            continue;
        }
        table.m_promptIndex.push_back(i);
    }
    // Counts are about the prompts of the data; keep only models with something to report.
    std::erase_if(table.m_incomplete, [](const IncompleteCounts& counts) {
        return counts.missing + counts.failed + counts.unscored == 0;
    });

    const size_t rows = table.m_promptIndex.size();
    auto involvedSlot = [&](size_t modelIndex) {
        return static_cast<size_t>(std::find(involved.begin(), involved.end(), modelIndex) -
                                   involved.begin());
    };
    table.m_preRouterCost.assign(rows, 0.0f);
    std::vector<float> preLatency(rows, 0.0f);
    if (preIndex) {
        const ModelCells& pre = cells[involvedSlot(*preIndex)];
        int64_t unpriced = 0;
        for (size_t row = 0; row < rows; ++row) {
            const Cell cell = pre.cell(table.m_promptIndex[row]);
            unpriced += !std::isfinite(cell.cost);
            table.m_preRouterCost[row] = cell.cost;
            preLatency[row] = cell.latency;
            table.m_preRouterCostUsd += cell.cost;
        }
        if (unpriced)
            return unpricedError(options.preRouterModel, unpriced);
    }

    table.m_tiers.resize(tiers);
    for (size_t k = 0; k < tiers; ++k) {
        Tier& tier = table.m_tiers[k];
        tier.modelRef = tierModels[k];
        const ModelCells& model = cells[k];
        tier.callCost.resize(rows);
        tier.callLatency.resize(rows);
        tier.quality.resize(rows);
        tier.cost.resize(rows);
        tier.latency.resize(rows);
        int64_t unpriced = 0;
        double qualitySum = 0.0;
        double costSum = 0.0;
        for (size_t row = 0; row < rows; ++row) {
            const Cell cell = model.cell(table.m_promptIndex[row]);
            unpriced += !std::isfinite(cell.cost);
            tier.callCost[row] = cell.cost;
            tier.callLatency[row] = cell.latency;
            tier.quality[row] = cell.quality;
            qualitySum += cell.quality;
            costSum += cell.cost;
            if (options.accounting == Accounting::Cascade && k > 0) {
                tier.cost[row] = table.m_tiers[k - 1].cost[row] + cell.cost;
                tier.latency[row] = table.m_tiers[k - 1].latency[row] + cell.latency;
            } else {
                tier.cost[row] = table.m_preRouterCost[row] + cell.cost;
                tier.latency[row] = preLatency[row] + cell.latency;
            }
        }
        if (unpriced)
            return unpricedError(tier.modelRef, unpriced);
        if (options.accounting == Accounting::Cascade) {
            tier.waitBefore.resize(rows);
            for (size_t row = 0; row < rows; ++row) {
                const float wait = tier.latency[row] - tier.callLatency[row];
                tier.waitBefore[row] = std::isfinite(wait) ? wait : 0.0f;
            }
        }
        tier.allCostUsd = costSum;
        tier.allQuality = rows ? qualitySum / static_cast<double>(rows) : 0.0;
    }

    // Ranks of every known latency among all of them, for exact percentiles without sorting.
    std::vector<std::pair<float, uint32_t>> known;
    known.reserve(rows * tiers);
    for (size_t k = 0; k < tiers; ++k)
        for (size_t row = 0; row < rows; ++row)
            if (std::isfinite(table.m_tiers[k].latency[row]))
                known.emplace_back(table.m_tiers[k].latency[row],
                                   static_cast<uint32_t>(k * rows + row));
    std::sort(known.begin(), known.end());
    for (Tier& tier : table.m_tiers)
        tier.latencyRank.assign(rows, kNoRank);
    table.m_sortedLatencies.resize(known.size());
    for (size_t rank = 0; rank < known.size(); ++rank) {
        const auto [latency, slot] = known[rank];
        table.m_sortedLatencies[rank] = latency;
        table.m_tiers[slot / rows].latencyRank[slot % rows] = static_cast<uint32_t>(rank);
    }

    // The baseline: every included prompt to one model, on its own.
    const ModelCells& baseline = cells[involvedSlot(*baselineIndex)];
    BaselineFigures& figures = table.m_baseline;
    figures.modelRef = data.models[*baselineIndex].modelRef;
    std::vector<float> latencies;
    latencies.reserve(rows);
    int64_t passes = 0;
    int64_t unpriced = 0;
    for (size_t row = 0; row < rows; ++row) {
        const Cell cell = baseline.cell(table.m_promptIndex[row]);
        unpriced += !std::isfinite(cell.cost);
        figures.costUsd += cell.cost;
        figures.quality += cell.quality;
        passes += cell.quality >= options.qualityBar;
        if (std::isfinite(cell.latency))
            latencies.push_back(cell.latency);
    }
    if (unpriced)
        return unpricedError(figures.modelRef, unpriced);
    if (rows) {
        figures.quality /= static_cast<double>(rows);
        figures.passRate = static_cast<double>(passes) / static_cast<double>(rows);
    }
    figures.latencyP50Ms = percentileOf(latencies, 0.50);
    figures.latencyP95Ms = percentileOf(std::move(latencies), 0.95);
    return table;
}

} // namespace switchyard::routing
