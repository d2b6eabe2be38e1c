#include "store/detail/result_repricing.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace switchyard::detail {

bool sameCost(const std::optional<double>& a, const std::optional<double>& b) {
    if (!a || !b)
        return a.has_value() == b.has_value();
    return std::abs(*a - *b) <= 1e-12 * std::max(1.0, std::abs(*a));
}

Expected<RepriceCounts> repriceResults(const sql::Database& db, const ResultCostFunction& cost) {
    RepriceCounts counts;
    // Read first, write after: the updates never run under an open scan of the same table.
    std::vector<std::pair<int64_t, std::optional<double>>> changes;
    {
        auto rows =
            db.prepare("SELECT id, priced_model, input_tokens, output_tokens, cache_read_tokens,"
                       " cache_write_tokens, cache_write_1h_tokens, cost_usd FROM results"
                       " WHERE priced_model IS NOT NULL");
        if (!rows)
            return rows.error();
        while (true) {
            auto stepped = rows->step();
            if (!stepped)
                return stepped.error();
            if (!*stepped)
                break;
            const Usage usage{rows->columnInt(2), rows->columnInt(3), rows->columnInt(4),
                              rows->columnInt(5), rows->columnInt(6)};
            const std::optional<double> now = cost(rows->columnText(1), usage);
            const std::optional<double> before =
                rows->columnIsNull(7) ? std::nullopt : std::optional(rows->columnDouble(7));
            ++counts.priced;
            if (!now)
                ++counts.unpriced;
            if (!sameCost(before, now))
                changes.emplace_back(rows->columnInt(0), now);
        }
    }
    auto update = db.prepare("UPDATE results SET cost_usd = ? WHERE id = ?");
    if (!update)
        return update.error();
    for (const auto& [id, costUsd] : changes) {
        update->bind(1, costUsd).bind(2, id);
        if (auto status = update->run(); !status)
            return status.error();
    }
    counts.changed = static_cast<int64_t>(changes.size());
    return counts;
}

} // namespace switchyard::detail
