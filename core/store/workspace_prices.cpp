// Price overrides and re-pricing the results they price.
#include "store/workspace.h"

#include "common/clock.h"
#include "store/detail/result_repricing.h"
#include "store/detail/stored_catalogue.h"

namespace switchyard {

namespace {

Status upsertOverrides(const sql::Database& db, std::span<const PriceOverride> overrides) {
    auto stmt = db.prepare("INSERT INTO price_overrides (model_id, price_json, updated_at)"
                           " VALUES (?, ?, ?) ON CONFLICT(model_id) DO UPDATE SET"
                           " price_json = excluded.price_json, updated_at = excluded.updated_at");
    if (!stmt)
        return stmt.error();
    const std::string now = utcNowIso8601();
    for (const PriceOverride& row : overrides) {
        stmt->bind(1, row.modelId).bind(2, row.priceJson).bind(3, now);
        if (auto status = stmt->run(); !status)
            return status;
    }
    return success();
}

Status deleteOverrides(const sql::Database& db, std::span<const std::string> modelIds) {
    auto stmt = db.prepare("DELETE FROM price_overrides WHERE model_id = ?");
    if (!stmt)
        return stmt.error();
    for (const std::string& id : modelIds) {
        stmt->bind(1, id);
        if (auto status = stmt->run(); !status)
            return status;
    }
    return success();
}

} // namespace

Status Workspace::savePriceOverride(const std::string& modelId, const std::string& priceJson) {
    const PriceOverride one{modelId, priceJson, ""};
    return savePriceOverrides(std::span(&one, 1));
}

Status Workspace::savePriceOverrides(std::span<const PriceOverride> overrides) {
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status;
    if (auto status = upsertOverrides(m_db, overrides); !status)
        return status;
    return transaction.commit();
}

Status Workspace::removePriceOverride(const std::string& modelId) {
    return deleteOverrides(m_db, std::span(&modelId, 1));
}

std::vector<PriceOverride> Workspace::priceOverrides() const {
    return detail::readPriceOverrides(m_db);
}

Expected<RepriceCounts> Workspace::changePrices(
    std::span<const PriceOverride> save, std::span<const std::string> remove,
    const std::function<ResultCostFunction(std::span<const PriceOverride>)>& pricing) {
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status.error();
    if (auto status = upsertOverrides(m_db, save); !status)
        return status.error();
    if (auto status = deleteOverrides(m_db, remove); !status)
        return status.error();
    // Read inside the transaction: another process's change committed meanwhile is included.
    const std::vector<PriceOverride> overrides = priceOverrides();
    auto counts = detail::repriceResults(m_db, pricing(overrides));
    if (!counts)
        return counts;
    if (auto status = transaction.commit(); !status)
        return status.error();
    return counts;
}

int64_t Workspace::resultsWithRecordedCosts() const {
    auto stmt = m_db.prepare(
        "SELECT count(*) FROM results WHERE priced_model IS NULL AND cost_usd IS NOT NULL");
    return stmt && stmt->next() ? stmt->columnInt(0) : 0;
}

} // namespace switchyard
