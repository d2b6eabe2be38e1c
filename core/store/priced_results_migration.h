#pragma once

#include "common/expected.h"
#include "store/sqlite.h"

namespace switchyard {

// Workspace version 6: a result names the catalogue entry its cost came from
// (results.priced_model), so a price change re-prices it. Rows written before did not say, so
// a row is taken as priced by the catalogue when its stored cost is exactly what the file's
// catalogue gives its model and tokens; such a row gets its model as priced_model. Every other
// row (a cost its file gave, a model the catalogue does not know, a cache write whose TTL was
// not kept) keeps its cost as recorded. Inside the caller's transaction; no cost changes.
Status markCataloguePricedResults(const sql::Database& db);

} // namespace switchyard
