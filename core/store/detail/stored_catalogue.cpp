#include "store/detail/stored_catalogue.h"

#include "pricing/bundled_catalogue.h"
#include "store/price_overrides.h"

#include <vector>

namespace switchyard::detail {

Expected<Catalogue> storedCatalogue(const sql::Database& db) {
    auto bundled = bundledCatalogue();
    if (!bundled)
        return bundled.error();
    std::vector<PriceOverride> overrides;
    auto stmt = db.prepare("SELECT model_id, price_json, updated_at FROM price_overrides");
    if (!stmt)
        return stmt.error();
    while (stmt->next())
        overrides.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2)});
    return effectiveCatalogue(*bundled, overrides, db.path()).catalogue;
}

} // namespace switchyard::detail
