#include "traffic/tag_spend.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>

namespace switchyard {

namespace {

// Per key: the index of each value's series, and the series.
struct KeySeries {
    std::unordered_map<std::string, size_t> index;
    std::vector<SpendSeries> series;

    size_t seriesOf(const std::string& value, size_t buckets) {
        const auto [it, added] = index.emplace(value, series.size());
        if (added)
            series.push_back({value, std::vector<double>(buckets)});
        return it->second;
    }
};

// Each tag list's value per key, as series indices (a list without the key has none).
using ValuesOfList = std::vector<std::map<std::string, size_t, std::less<>>>;

} // namespace

std::vector<TagSpend> spendByTagKey(const TrafficRows& rows, int64_t firstBucketMs,
                                    int64_t bucketMs, size_t buckets) {
    std::map<std::string, KeySeries, std::less<>> keys;
    ValuesOfList valuesOfList(rows.tagLists.size());
    for (size_t list = 0; list < rows.tagLists.size(); ++list) {
        for (const std::string& tag : rows.tagLists[list]) {
            const size_t colon = tag.find(':');
            if (colon == std::string::npos || colon == 0)
                continue;
            const std::string key = tag.substr(0, colon);
            if (valuesOfList[list].count(key) > 0)
                continue; // the first value of a key is the request's
            valuesOfList[list].emplace(key, keys[key].seriesOf(tag.substr(colon + 1), buckets));
        }
    }
    for (auto& [key, perKey] : keys) {
        const size_t none = perKey.seriesOf(kNoTagValue, buckets);
        for (auto& values : valuesOfList)
            values.try_emplace(key, none);
    }
    for (size_t i = 0; i < rows.size(); ++i) {
        if (std::isnan(rows.costUsd[i]))
            continue;
        const int64_t offset = rows.timestampMs[i] - firstBucketMs;
        const auto bucket = static_cast<size_t>(offset / bucketMs);
        for (const auto& [key, series] : valuesOfList[rows.tagList[i]])
            keys.find(key)->second.series[series].costUsd[bucket] += rows.costUsd[i];
    }
    std::vector<TagSpend> out;
    for (auto& [key, perKey] : keys) {
        auto total = [](const SpendSeries& series) {
            double sum = 0;
            for (double cost : series.costUsd)
                sum += cost;
            return sum;
        };
        std::vector<SpendSeries> series = std::move(perKey.series);
        // Keys all lists carry leave the "(none)" series empty: it is dropped.
        std::erase_if(series, [&](const SpendSeries& one) {
            return one.name == kNoTagValue && total(one) == 0.0;
        });
        std::stable_sort(
            series.begin(), series.end(),
            [&](const SpendSeries& a, const SpendSeries& b) { return total(a) > total(b); });
        out.push_back({key, std::move(series)});
    }
    return out;
}

} // namespace switchyard
