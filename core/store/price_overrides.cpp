#include "store/price_overrides.h"

#include "pricing/bundled_catalogue.h"
#include "pricing/model_price_json.h"

namespace switchyard {

EffectiveCatalogue effectiveCatalogue(const Catalogue& bundled, const Workspace& workspace) {
    const std::vector<PriceOverride> overrides = workspace.priceOverrides();
    return effectiveCatalogue(bundled, overrides, workspace.path());
}

Expected<EffectiveCatalogue> workspacePrices(const Workspace& workspace) {
    auto bundled = bundledCatalogue();
    if (!bundled)
        return bundled.error();
    return effectiveCatalogue(*bundled, workspace);
}

EffectiveCatalogue effectiveCatalogue(const Catalogue& bundled,
                                      std::span<const PriceOverride> overrides,
                                      const std::string& path) {
    EffectiveCatalogue effective{bundled, {}, {}};
    for (const PriceOverride& stored : overrides) {
        auto price = modelPriceFromJson(stored.priceJson, "price override");
        if (!price) {
            Error problem = price.error();
            problem.file = path;
            problem.field = "price_overrides[" + stored.modelId + "]." + problem.field;
            effective.problems.push_back(std::move(problem));
            continue;
        }
        effective.overriddenIds.insert(price->id);
        effective.catalogue.upsert(std::move(price).value());
    }
    return effective;
}

} // namespace switchyard
