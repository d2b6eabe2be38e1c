#pragma once

// Who spends what under a policy: the final cost (every lever applied) split by tier and by tag
// (workload, team, environment, cost centre: whatever the prompts are tagged with). A request
// counts toward each of its tags, so the tags' spends can add up to more than the total.

#include "report/waterfall.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace switchyard::report {

// What prompt caching read for one request, from the simulation of the routed traffic.
struct RequestCacheTokens {
    int64_t inputTokens = 0; // the whole prompt
    int64_t cachedTokens = 0;
};

struct TierSpend {
    int64_t requests = 0;
    double spendUsd = 0.0; // after every lever
};

// Per tier (index = RequestLedger::tier), then one entry for canned answers.
std::vector<TierSpend> spendByTier(std::span<const RequestLedger> requests, size_t tierCount);

struct TagAttribution {
    std::string tag; // empty: the requests without tags
    int64_t requests = 0;
    double baselineUsd = 0.0;
    double spendUsd = 0.0;         // after every lever
    std::vector<double> tierShare; // of the tag's requests, per tier
    double cannedShare = 0.0;
    std::optional<double> chr; // cached / input tokens; none when caching was not simulated

    double costPerRequestUsd() const {
        return requests > 0 ? spendUsd / static_cast<double>(requests) : 0.0;
    }
};

// `tags[i]` and `cache[i]` belong to `requests[i]`; `cache` may be empty. Sorted by spend, the
// largest first (ties by tag).
std::vector<TagAttribution> attributeByTag(std::span<const RequestLedger> requests,
                                           std::span<const std::vector<std::string>> tags,
                                           std::span<const RequestCacheTokens> cache,
                                           size_t tierCount);

} // namespace switchyard::report
