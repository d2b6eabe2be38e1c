#pragma once

#include "common/error.h"
#include "pricing/catalogue.h"
#include "pricing/model_price.h"
#include "store/workspace.h"

#include <set>
#include <span>
#include <string>
#include <vector>

namespace switchyard {

// The catalogue a workspace prices with: the bundled one, with the workspace's price overrides
// (user edits, LiteLLM imports) laid over it.
struct EffectiveCatalogue {
    Catalogue catalogue;
    std::set<std::string> overriddenIds;
    std::vector<Error> problems; // overrides that could not be read, each naming the model
};

EffectiveCatalogue effectiveCatalogue(const Catalogue& bundled, const Workspace& workspace);
// The same over the catalogue bundled with this build: what every front end prices with.
Expected<EffectiveCatalogue> workspacePrices(const Workspace& workspace);
// The same over override rows already read (`path` names the file they came from).
EffectiveCatalogue effectiveCatalogue(const Catalogue& bundled,
                                      std::span<const PriceOverride> overrides,
                                      const std::string& path);

} // namespace switchyard
