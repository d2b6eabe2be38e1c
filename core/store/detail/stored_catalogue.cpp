#include "store/detail/stored_catalogue.h"

#include "pricing/bundled_catalogue.h"
#include "store/price_overrides.h"

#include <vector>

namespace switchyard::detail {

std::vector<PriceOverride> readPriceOverrides(const sql::Database& db) {
    std::vector<PriceOverride> out;
    auto stmt = db.prepare(
        "SELECT model_id, price_json, updated_at FROM price_overrides ORDER BY model_id");
    if (!stmt)
        return out;
    while (stmt->next())
        out.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2)});
    return out;
}

Expected<Catalogue> storedCatalogue(const sql::Database& db) {
    auto bundled = bundledCatalogue();
    if (!bundled)
        return bundled.error();
    return effectiveCatalogue(*bundled, readPriceOverrides(db), db.path()).catalogue;
}

} // namespace switchyard::detail
