#pragma once

#include "common/expected.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <optional>

namespace switchyard::detail {

// Whether a stored cost is the one a price gives: both come from the same arithmetic, so equal
// prices give bit-identical costs; the tolerance only absorbs a last-bit rounding difference.
bool sameCost(const std::optional<double>& a, const std::optional<double>& b);

// Gives every result with a priced_model the cost `cost` returns for it, inside the caller's
// write transaction. Costs are compared before writing, so re-pricing with unchanged prices
// writes nothing.
Expected<RepriceCounts> repriceResults(const sql::Database& db, const ResultCostFunction& cost);

} // namespace switchyard::detail
