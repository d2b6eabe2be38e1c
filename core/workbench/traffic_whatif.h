#pragma once

// What the recorded production traffic would have cost with more caching, or under a routing
// policy: the Traffic page's what-ifs and switchyard-cli traffic --cache-model / --policy. The
// recorded requests are replayed as they arrived; nothing is called.

#include "cache/cache_lab.h"
#include "common/cancel.h"
#include "common/expected.h"
#include "store/workspace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct TrafficCacheWhatIf {
    std::string model;
    int64_t requests = 0;         // of this model, with their text
    double chrAchieved = 0.0;     // the logged cache reads over their input tokens
    double costRecordedUsd = 0.0; // what they cost as logged
    // The Cache Lab's simulation of the same requests at their recorded arrival times, with
    // checkpoints after the tools, the system prompt and the conversation so far (5-minute TTL).
    CacheLabReport simulated;
};

// `model` empty: the model that served most requests. Fails when the set holds no traffic of the
// model, or its requests were imported without their text (a usage export, logs without bodies).
Expected<TrafficCacheWhatIf>
trafficCacheWhatIf(const Workspace& workspace, const std::string& setName, const std::string& model,
                   const CancelToken* cancel = nullptr, const Progress& progress = {});

struct TrafficRoutingWhatIf {
    std::string policyName;
    std::vector<std::string> tierModels;
    std::vector<int64_t> perTier; // requests each tier would have served
    int64_t canned = 0;           // answered by a rule's canned response: no call
    int64_t requests = 0;         // routed: the requests with their text
    int64_t withoutText = 0;      // left out: imported without their text
    double costRecordedUsd = 0.0; // the routed requests as logged
    // The same requests' recorded usage priced at the model each would have gone to (tokens
    // as recorded: tokenizers differ by a few percent; caching as recorded where the model
    // caches, cached tokens as plain input where it does not).
    double costRoutedUsd = 0.0;
    std::vector<std::string> unpriced; // tier models without a price: their share left out
    // The quality of the cheaper tiers on these prompts is not measured by this: a sample run
    // of every tier's model is. Its size and estimated cost (the sampled requests' recorded
    // usage priced at each tier's model).
    int64_t sampleSize = 0;
    double sampleCostUsd = 0.0;
};

Expected<TrafficRoutingWhatIf> trafficRoutingWhatIf(const Workspace& workspace,
                                                    const std::string& setName,
                                                    const std::string& policy,
                                                    int64_t sampleSize = 200,
                                                    const CancelToken* cancel = nullptr);

struct TrafficSample {
    std::string setName;
    int64_t prompts = 0;
};

// A new prompt set (named "<set> sample", made unique) of `size` requests with text drawn
// evenly over the recorded traffic (every k-th in arrival order, so each day and workload is in
// it in proportion): the set a run of the candidate models measures quality on.
Expected<TrafficSample> createTrafficSample(Workspace& workspace, const std::string& setName,
                                            int64_t size);

} // namespace switchyard::workbench
