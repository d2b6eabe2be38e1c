#pragma once

#include "common/error.h"
#include "common/expected.h"
#include "pricing/catalogue.h"
#include "store/price_overrides.h"

#include <span>

namespace switchyard {
class Workspace;
}

// Names each price override that could not be read (and was left out) on stderr.
void printPriceProblems(std::span<const switchyard::Error> problems);

// The prices a workspace uses (store/price_overrides.h: workspacePrices), its problems printed.
switchyard::Expected<switchyard::EffectiveCatalogue>
workspacePricesNoted(const switchyard::Workspace& workspace);
switchyard::Expected<switchyard::Catalogue>
workspaceCatalogue(const switchyard::Workspace& workspace);
