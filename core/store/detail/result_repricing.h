#pragma once

#include "common/expected.h"
#include "store/sqlite.h"
#include "store/workspace.h"

namespace switchyard::detail {

// Gives every result with a priced_model the cost `cost` returns for it, inside the caller's
// write transaction. Costs are compared before writing, so re-pricing with unchanged prices
// writes nothing.
Expected<RepriceCounts> repriceResults(const sql::Database& db, const ResultCostFunction& cost);

} // namespace switchyard::detail
