#include "cli_catalogue.h"

#include "pricing/bundled_catalogue.h"
#include "store/price_overrides.h"
#include "store/workspace.h"

using namespace switchyard;

Expected<Catalogue> workspaceCatalogue(const Workspace& workspace, std::ostream& warnings) {
    auto bundled = Catalogue::fromJson(bundledCatalogueJson(), std::string(bundledCatalogueName()));
    if (!bundled)
        return bundled.error();
    EffectiveCatalogue prices = effectiveCatalogue(*bundled, workspace);
    for (const Error& problem : prices.problems)
        warnings << "switchyard-cli: warning: price override ignored: " << problem.toString()
                 << "\n";
    return std::move(prices.catalogue);
}
