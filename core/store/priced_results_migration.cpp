#include "store/priced_results_migration.h"

#include "pricing/catalogue.h"
#include "pricing/cost.h"
#include "store/detail/result_repricing.h"
#include "store/detail/stored_catalogue.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace switchyard {

Status markCataloguePricedResults(const sql::Database& db) {
    auto catalogue = detail::storedCatalogue(db);
    if (!catalogue)
        return catalogue.error();
    struct Model {
        std::string ref;
        const ModelPrice* price = nullptr;
    };
    std::unordered_map<int64_t, Model> models;
    {
        auto rows = db.prepare("SELECT id, ref FROM models");
        if (!rows)
            return rows.error();
        while (rows->next()) {
            std::string ref = rows->columnText(1);
            const ModelPrice* price = catalogue->find(ref);
            models.emplace(rows->columnInt(0), Model{std::move(ref), price});
        }
    }
    // Rows with cache writes are left as recorded: before version 6 the 1-hour part of a write
    // was not kept, and a 5-minute price is not the same bill.
    std::vector<std::pair<int64_t, int64_t>> matched; // result id, model id
    {
        auto rows = db.prepare("SELECT id, model_id, input_tokens, output_tokens,"
                               " cache_read_tokens, cost_usd FROM results"
                               " WHERE cost_usd IS NOT NULL AND cache_write_tokens = 0");
        if (!rows)
            return rows.error();
        while (rows->next()) {
            const auto model = models.find(rows->columnInt(1));
            if (model == models.end() || !model->second.price)
                continue;
            const Usage usage{rows->columnInt(2), rows->columnInt(3), rows->columnInt(4), 0, 0};
            auto cost = costUsd(*model->second.price, usage);
            const double stored = rows->columnDouble(5);
            if (cost && detail::sameCost(*cost, stored))
                matched.emplace_back(rows->columnInt(0), rows->columnInt(1));
        }
    }
    auto mark = db.prepare("UPDATE results SET priced_model = ? WHERE id = ?");
    if (!mark)
        return mark.error();
    for (const auto& [resultId, modelId] : matched) {
        mark->bind(1, models[modelId].ref).bind(2, resultId);
        if (auto status = mark->run(); !status)
            return status;
    }
    return success();
}

} // namespace switchyard
