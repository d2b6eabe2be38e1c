#include "cli_catalogue.h"

#include "store/workspace.h"

#include <iostream>

using namespace switchyard;

void printPriceProblems(std::span<const Error> problems) {
    for (const Error& problem : problems)
        std::cerr << "switchyard-cli: warning: price override ignored: " << problem.toString()
                  << "\n";
}

Expected<EffectiveCatalogue> workspacePricesNoted(const Workspace& workspace) {
    auto prices = workspacePrices(workspace);
    if (!prices)
        return prices.error();
    printPriceProblems(prices->problems);
    return prices;
}

Expected<Catalogue> workspaceCatalogue(const Workspace& workspace) {
    auto prices = workspacePricesNoted(workspace);
    if (!prices)
        return prices.error();
    return std::move(prices->catalogue);
}
