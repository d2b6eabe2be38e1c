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

// Each tag list's series, one per key (a list without the key has the key's "(none)" series).
using SeriesOfList = std::vector<std::vector<std::pair<KeySeries*, size_t>>>;

double seriesTotal(const SpendSeries& series) {
    double sum = 0;
    for (double cost : series.costUsd)
        sum += cost;
    return sum;
}

} // namespace

std::vector<TagSpend> spendByTagKey(const TrafficRows& rows, int64_t firstBucketMs,
                                    int64_t bucketMs, size_t buckets) {
    // std::map: its nodes stay put, so the lists below can point at them.
    std::map<std::string, KeySeries, std::less<>> keys;
    std::vector<std::map<std::string, size_t, std::less<>>> valuesOfList(rows.tagLists.size());
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
    SeriesOfList seriesOfList(rows.tagLists.size());
    for (auto& [key, perKey] : keys) {
        const size_t none = perKey.seriesOf(kNoTagValue, buckets);
        for (size_t list = 0; list < valuesOfList.size(); ++list) {
            const auto value = valuesOfList[list].find(key);
            seriesOfList[list].emplace_back(
                &perKey, value == valuesOfList[list].end() ? none : value->second);
        }
    }
    for (size_t i = 0; i < rows.size(); ++i) {
        if (std::isnan(rows.costUsd[i]))
            continue;
        const int64_t offset = rows.timestampMs[i] - firstBucketMs;
        const auto bucket = static_cast<size_t>(offset / bucketMs);
        for (const auto& [perKey, series] : seriesOfList[rows.tagList[i]])
            perKey->series[series].costUsd[bucket] += rows.costUsd[i];
    }
    std::vector<TagSpend> out;
    for (auto& [key, perKey] : keys) {
        std::vector<std::pair<double, SpendSeries>> ranked;
        for (SpendSeries& series : perKey.series) {
            const double sum = seriesTotal(series);
            // Keys all lists carry leave the "(none)" series empty: it is dropped.
            if (series.name == kNoTagValue && sum == 0.0)
                continue;
            ranked.emplace_back(sum, std::move(series));
        }
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        TagSpend spend{key, {}};
        for (auto& [sum, series] : ranked)
            spend.series.push_back(std::move(series));
        out.push_back(std::move(spend));
    }
    return out;
}

} // namespace switchyard
