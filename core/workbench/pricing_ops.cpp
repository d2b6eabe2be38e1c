#include "workbench/pricing_ops.h"

#include "pricing/bundled_catalogue.h"
#include "pricing/catalogue.h"
#include "pricing/cost.h"
#include "pricing/model_price_json.h"

#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace switchyard::workbench {

namespace {

// Prices one result with the catalogue the overrides make. A workspace names a handful of
// models, so each reference is looked up once.
ResultCostFunction costWith(std::shared_ptr<const Catalogue> catalogue) {
    auto found = std::make_shared<std::unordered_map<std::string, const ModelPrice*>>();
    return [catalogue = std::move(catalogue), found](const std::string& pricedModel,
                                                     const Usage& usage) -> std::optional<double> {
        auto [entry, inserted] = found->try_emplace(pricedModel, nullptr);
        if (inserted)
            entry->second = catalogue->find(pricedModel);
        if (!entry->second)
            return std::nullopt;
        auto cost = costUsd(*entry->second, usage);
        return cost ? std::optional(*cost) : std::nullopt;
    };
}

Expected<PriceChangeOutcome> changePrices(Workspace& workspace, std::span<const PriceOverride> save,
                                          std::span<const std::string> remove) {
    auto bundled = bundledCatalogue();
    if (!bundled)
        return bundled.error();
    PriceChangeOutcome outcome;
    auto repriced =
        workspace.changePrices(save, remove, [&](std::span<const PriceOverride> overrides) {
            outcome.prices = effectiveCatalogue(*bundled, overrides, workspace.path());
            return costWith(std::make_shared<const Catalogue>(outcome.prices.catalogue));
        });
    if (!repriced)
        return repriced.error();
    outcome.repriced = *repriced;
    outcome.keptAsRecorded = workspace.resultsWithRecordedCosts();
    return outcome;
}

std::vector<PriceOverride> overridesOf(std::span<const ModelPrice> prices) {
    std::vector<PriceOverride> rows;
    rows.reserve(prices.size());
    for (const ModelPrice& price : prices)
        rows.push_back({price.id, modelPriceToJson(price), ""});
    return rows;
}

} // namespace

Expected<PriceChangeOutcome> savePrices(Workspace& workspace, std::span<const ModelPrice> prices) {
    const std::vector<PriceOverride> rows = overridesOf(prices);
    return changePrices(workspace, rows, {});
}

Expected<PriceChangeOutcome> revertPrices(Workspace& workspace,
                                          std::span<const std::string> modelIds) {
    return changePrices(workspace, {}, modelIds);
}

Expected<LiteLlmPriceImport> importLiteLlmPrices(Workspace& workspace, const std::string& path) {
    auto imported = importLiteLlm(path);
    if (!imported)
        return imported.error();
    auto current = workspacePrices(workspace);
    if (!current)
        return current.error();
    // Merged into a copy first so LiteLLM fills in what it knows while our catalogue keeps
    // what LiteLLM lacks; the merged entries become overrides.
    Catalogue merged = current->catalogue;
    imported->mergeInto(merged);
    std::vector<ModelPrice> changed;
    for (const ModelPrice& price : imported->models)
        if (const ModelPrice* result = merged.findId(price.id))
            changed.push_back(*result);
    auto change = savePrices(workspace, changed);
    if (!change)
        return change.error();
    return LiteLlmPriceImport{std::move(imported).value(), std::move(change).value()};
}

} // namespace switchyard::workbench
