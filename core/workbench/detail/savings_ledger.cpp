#include "workbench/detail/savings_ledger.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace switchyard::workbench::detail {

namespace {

using routing::kCannedOutcome;

// The baseline model's cost and quality per row: its tier's own call when it is a tier (the
// table's rules for incomplete results already applied), else its recorded column.
void fillBaseline(const routing::TierTable& table, SavingsLedger& ledger) {
    const routing::ReplayData& data = table.data();
    const std::string& model = table.baseline().modelRef;
    for (size_t k = 0; k < table.tierCount(); ++k) {
        if (table.tierModel(k) != model)
            continue;
        for (size_t row = 0; row < table.rows(); ++row) {
            ledger.requests[row].baselineUsd = table.callCost(k)[row];
            ledger.baselineQuality[row] = table.quality(k)[row];
        }
        return;
    }
    const auto index = data.modelIndex(model);
    if (!index)
        return;
    const routing::ModelColumn& column = data.models[*index];
    double known = 0.0;
    int64_t count = 0;
    for (float cost : column.costUsd)
        if (!std::isnan(cost)) {
            known += cost;
            ++count;
        }
    // A missing result is counted at the model's mean recorded cost, as the table counts it.
    const double mean = count > 0 ? known / static_cast<double>(count) : 0.0;
    for (size_t row = 0; row < table.rows(); ++row) {
        const uint32_t prompt = table.promptIndex()[row];
        const float cost = column.costUsd[prompt];
        ledger.requests[row].baselineUsd = std::isnan(cost) ? mean : cost;
        ledger.baselineQuality[row] = column.quality[prompt];
    }
}

} // namespace

SavingsLedger buildLedger(const routing::RouterLab& lab, const std::vector<uint8_t>& decisions,
                          const std::vector<bool>& studentTiers) {
    const routing::TierTable& table = lab.table();
    const size_t rows = table.rows();
    SavingsLedger ledger;
    ledger.requests.resize(rows);
    ledger.servedQuality.resize(rows);
    ledger.baselineQuality.assign(rows, std::nan(""));
    ledger.pricedTier.resize(rows);
    fillBaseline(table, ledger);
    for (size_t row = 0; row < rows; ++row) {
        report::RequestLedger& request = ledger.requests[row];
        const uint8_t served = decisions[row];
        if (served == kCannedOutcome) {
            request.tier = -1;
            request.routedUsd = table.preRouterCost().empty() ? 0.0 : table.preRouterCost()[row];
            ledger.servedQuality[row] = lab.signal().cannedQuality[row];
            ledger.pricedTier[row] = -1;
            continue;
        }
        const size_t tier = served;
        request.tier = static_cast<int>(tier);
        request.routedUsd = table.cost(tier)[row];
        ledger.servedQuality[row] = table.quality(tier)[row];
        ledger.pricedTier[row] = static_cast<int>(tier);
        if (tier < studentTiers.size() && studentTiers[tier] && tier + 1 < table.tierCount()) {
            // The teacher's call in place of the student's; the rest of the request (a cascade's
            // earlier calls, a classifier's call) stays as recorded.
            request.servedByStudent = true;
            request.studentUsd = request.routedUsd;
            request.routedUsd += table.callCost(tier + 1)[row] - table.callCost(tier)[row];
            ledger.pricedTier[row] = static_cast<int>(tier + 1);
        }
    }
    return ledger;
}

void applyBatch(SavingsLedger& ledger, const routing::TierTable& table, const BatchSection& batch,
                const Catalogue& catalogue) {
    const routing::ReplayData& data = table.data();
    const bool flex = batch.tier == "flex";
    std::map<std::string, int64_t> withoutTier; // model -> batch requests left on demand
    for (size_t row = 0; row < table.rows(); ++row) {
        const int tier = ledger.pricedTier[row];
        if (tier < 0)
            continue;
        const auto& tags = data.promptTags[table.promptIndex()[row]];
        const bool tagged = std::any_of(tags.begin(), tags.end(), [&](const std::string& tag) {
            return std::find(batch.tags.begin(), batch.tags.end(), tag) != batch.tags.end();
        });
        if (!tagged)
            continue;
        const std::string& model = table.tierModel(static_cast<size_t>(tier));
        const ModelPrice* price = catalogue.find(model);
        const double multiplier =
            price ? (flex ? price->flexMultiplier : price->batchMultiplier) : 0.0;
        if (multiplier > 0.0)
            ledger.requests[row].batchMultiplier = multiplier;
        else
            ++withoutTier[model];
    }
    for (const auto& [model, count] : withoutTier)
        ledger.notes.push_back(std::to_string(count) + " " + batch.tier + " request" +
                               (count == 1 ? "" : "s") + " of " + model + " stay on demand: " +
                               (catalogue.find(model)
                                    ? "the catalogue lists no " + batch.tier + " price for it"
                                    : "it is not in the catalogue"));
}

} // namespace switchyard::workbench::detail
