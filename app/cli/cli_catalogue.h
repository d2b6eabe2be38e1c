#pragma once

#include "common/expected.h"
#include "pricing/catalogue.h"

#include <ostream>

namespace switchyard {
class Workspace;
}

// The catalogue a workspace prices with: the bundled one and the workspace's price overrides.
// Overrides that cannot be read are named on `warnings` and left out.
switchyard::Expected<switchyard::Catalogue>
workspaceCatalogue(const switchyard::Workspace& workspace, std::ostream& warnings);
