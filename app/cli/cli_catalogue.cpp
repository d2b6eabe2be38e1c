#include "cli_catalogue.h"

#include "store/workspace.h"

using namespace switchyard;

Expected<EffectiveCatalogue> workspacePricesNoted(const Workspace& workspace,
                                                  std::ostream& warnings) {
    auto prices = workspacePrices(workspace);
    if (!prices)
        return prices.error();
    for (const Error& problem : prices->problems)
        warnings << "switchyard-cli: warning: price override ignored: " << problem.toString()
                 << "\n";
    return prices;
}

Expected<Catalogue> workspaceCatalogue(const Workspace& workspace, std::ostream& warnings) {
    auto prices = workspacePricesNoted(workspace, warnings);
    if (!prices)
        return prices.error();
    return std::move(prices->catalogue);
}
