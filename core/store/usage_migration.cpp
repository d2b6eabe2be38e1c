#include "store/usage_migration.h"

#include "pricing/catalogue.h"
#include "store/detail/stored_catalogue.h"

#include <string>
#include <vector>

namespace switchyard {

namespace {

bool reportsCacheBesideInput(const Catalogue& catalogue, const std::string& modelRef) {
    const ModelPrice* price = catalogue.find(modelRef);
    return price && price->semantics == UsageSemantics::CacheAdditive;
}

// The model references `listSql` names, each of which gets `updateSql` (bound to the reference)
// when its provider reported cache tokens beside the input.
Status convertRows(const sql::Database& db, const Catalogue& catalogue, const char* listSql,
                   const char* updateSql) {
    std::vector<std::string> refs;
    {
        auto list = db.prepare(listSql);
        if (!list)
            return list.error();
        while (list->next())
            refs.push_back(list->columnText(0));
    }
    auto update = db.prepare(updateSql);
    if (!update)
        return update.error();
    for (const std::string& ref : refs) {
        if (!reportsCacheBesideInput(catalogue, ref))
            continue;
        update->bind(1, ref);
        if (auto status = update->run(); !status)
            return status;
    }
    return success();
}

} // namespace

Status migrateCachedInputTokens(const sql::Database& db) {
    auto catalogue = detail::storedCatalogue(db);
    if (!catalogue)
        return catalogue.error();
    if (auto status =
            convertRows(db, *catalogue, "SELECT ref FROM models",
                        "UPDATE results SET input_tokens = input_tokens + cache_read_tokens +"
                        " cache_write_tokens WHERE model_id = (SELECT id FROM models WHERE ref = ?)"
                        " AND (cache_read_tokens > 0 OR cache_write_tokens > 0)");
        !status)
        return status;
    return convertRows(db, *catalogue,
                       "SELECT DISTINCT model_ref FROM response_cache"
                       " WHERE cache_read_tokens > 0 OR cache_write_tokens > 0",
                       "UPDATE response_cache SET input_tokens = input_tokens +"
                       " cache_read_tokens + cache_write_tokens WHERE model_ref = ?"
                       " AND (cache_read_tokens > 0 OR cache_write_tokens > 0)");
}

} // namespace switchyard
