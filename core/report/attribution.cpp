#include "report/attribution.h"

#include <algorithm>
#include <map>

namespace switchyard::report {

namespace {

double finalCost(const RequestLedger& request) {
    return leverCosts(request).afterUsd[4];
}

struct TagTotals {
    TagAttribution figures;
    std::vector<int64_t> tierRequests;
    int64_t canned = 0;
    int64_t inputTokens = 0;
    int64_t cachedTokens = 0;
};

} // namespace

std::vector<TierSpend> spendByTier(std::span<const RequestLedger> requests, size_t tierCount) {
    std::vector<TierSpend> spend(tierCount + 1);
    for (const RequestLedger& request : requests) {
        const size_t slot =
            request.tier < 0 ? tierCount : std::min(static_cast<size_t>(request.tier), tierCount);
        ++spend[slot].requests;
        spend[slot].spendUsd += finalCost(request);
    }
    return spend;
}

std::vector<TagAttribution> attributeByTag(std::span<const RequestLedger> requests,
                                           std::span<const std::vector<std::string>> tags,
                                           std::span<const RequestCacheTokens> cache,
                                           size_t tierCount) {
    std::map<std::string, TagTotals> byTag;
    const std::vector<std::string> untagged{std::string()};
    for (size_t i = 0; i < requests.size(); ++i) {
        const RequestLedger& request = requests[i];
        const std::vector<std::string>& requestTags =
            i < tags.size() && !tags[i].empty() ? tags[i] : untagged;
        for (const std::string& tag : requestTags) {
            TagTotals& totals = byTag[tag];
            totals.tierRequests.resize(tierCount);
            ++totals.figures.requests;
            totals.figures.baselineUsd += request.baselineUsd;
            totals.figures.spendUsd += finalCost(request);
            if (request.tier < 0)
                ++totals.canned;
            else if (static_cast<size_t>(request.tier) < tierCount)
                ++totals.tierRequests[static_cast<size_t>(request.tier)];
            if (i < cache.size()) {
                totals.inputTokens += cache[i].inputTokens;
                totals.cachedTokens += cache[i].cachedTokens;
            }
        }
    }
    std::vector<TagAttribution> result;
    for (auto& [tag, totals] : byTag) {
        TagAttribution figures = std::move(totals.figures);
        figures.tag = tag;
        const double n = static_cast<double>(figures.requests);
        for (int64_t count : totals.tierRequests)
            figures.tierShare.push_back(static_cast<double>(count) / n);
        figures.cannedShare = static_cast<double>(totals.canned) / n;
        if (!cache.empty())
            figures.chr = totals.inputTokens > 0 ? static_cast<double>(totals.cachedTokens) /
                                                       static_cast<double>(totals.inputTokens)
                                                 : 0.0;
        result.push_back(std::move(figures));
    }
    std::stable_sort(
        result.begin(), result.end(),
        [](const TagAttribution& a, const TagAttribution& b) { return a.spendUsd > b.spendUsd; });
    return result;
}

} // namespace switchyard::report
