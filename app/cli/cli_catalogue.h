#pragma once

#include "common/expected.h"
#include "pricing/catalogue.h"
#include "store/price_overrides.h"

#include <ostream>

namespace switchyard {
class Workspace;
}

// The prices a workspace uses (store/price_overrides.h: workspacePrices), with each override that
// cannot be read named on `warnings` and left out.
switchyard::Expected<switchyard::EffectiveCatalogue>
workspacePricesNoted(const switchyard::Workspace& workspace, std::ostream& warnings);
switchyard::Expected<switchyard::Catalogue>
workspaceCatalogue(const switchyard::Workspace& workspace, std::ostream& warnings);
