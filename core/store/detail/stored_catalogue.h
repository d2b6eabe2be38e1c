#pragma once

#include "common/expected.h"
#include "pricing/catalogue.h"
#include "store/records.h"
#include "store/sqlite.h"

#include <vector>

namespace switchyard::detail {

// Every price override the file holds, ordered by model id.
std::vector<PriceOverride> readPriceOverrides(const sql::Database& db);

// The catalogue a workspace file prices with: the bundled one and the file's own overrides.
// For schema steps, which see the database before any Workspace wraps it.
Expected<Catalogue> storedCatalogue(const sql::Database& db);

} // namespace switchyard::detail
