#include "store/usage_migration.h"

#include "pricing/bundled_catalogue.h"
#include "pricing/catalogue.h"
#include "store/price_overrides.h"

#include <string>
#include <vector>

namespace switchyard {

namespace {

// The catalogue the rows were priced with: the bundled one and the file's own overrides.
Expected<Catalogue> catalogueOf(const sql::Database& db) {
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

bool reportsCacheBesideInput(const Catalogue& catalogue, const std::string& modelRef) {
    const ModelPrice* price = catalogue.find(modelRef);
    return price && price->semantics == UsageSemantics::CacheAdditive;
}

Status runFor(const sql::Database& db, const char* sql, const std::string& key) {
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key);
    return stmt->run();
}

} // namespace

Status migrateCachedInputTokens(const sql::Database& db) {
    auto catalogue = catalogueOf(db);
    if (!catalogue)
        return catalogue.error();
    std::vector<std::string> models;
    {
        auto stmt = db.prepare("SELECT ref FROM models");
        if (!stmt)
            return stmt.error();
        while (stmt->next())
            models.push_back(stmt->columnText(0));
    }
    for (const std::string& ref : models) {
        if (!reportsCacheBesideInput(*catalogue, ref))
            continue;
        if (auto status =
                runFor(db,
                       "UPDATE results SET input_tokens = input_tokens + cache_read_tokens +"
                       " cache_write_tokens WHERE model_id = (SELECT id FROM models WHERE ref = ?)"
                       " AND (cache_read_tokens > 0 OR cache_write_tokens > 0)",
                       ref);
            !status)
            return status;
    }
    std::vector<std::string> cachedModels;
    {
        auto stmt = db.prepare("SELECT DISTINCT model_ref FROM response_cache"
                               " WHERE cache_read_tokens > 0 OR cache_write_tokens > 0");
        if (!stmt)
            return stmt.error();
        while (stmt->next())
            cachedModels.push_back(stmt->columnText(0));
    }
    for (const std::string& ref : cachedModels) {
        if (!reportsCacheBesideInput(*catalogue, ref))
            continue;
        if (auto status = runFor(db,
                                 "UPDATE response_cache SET input_tokens = input_tokens +"
                                 " cache_read_tokens + cache_write_tokens WHERE model_ref = ?"
                                 " AND (cache_read_tokens > 0 OR cache_write_tokens > 0)",
                                 ref);
            !status)
            return status;
    }
    return success();
}

} // namespace switchyard
