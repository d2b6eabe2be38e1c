#pragma once

// Prompt caching on the traffic a policy routes: each request's prompt under the model whose
// call the levers price (savings_ledger.h), simulated together so requests share a cache only
// with requests to the same model, at any request rate. What caching saves a request is its
// input cost without caching minus with it, from the simulated usage.

#include "cache/arrivals.h"
#include "cache/cache_simulator.h"
#include "common/cancel.h"
#include "common/expected.h"
#include "policy/policy.h"
#include "pricing/catalogue.h"
#include "report/attribution.h"
#include "routing/tier_table.h"
#include "store/workspace.h"
#include "workbench/detail/savings_ledger.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::workbench::detail {

struct RoutedTraffic {
    CacheWorkload workload;
    Arrivals arrivals;               // at their own pace; scaled to each rate simulated
    std::vector<size_t> ledgerRow;   // trace request -> ledger row
    bool recordedTimestamps = false; // the arrivals are the prompts' own timestamps
    std::string placement;           // as the policy names it, with the TTL
};

// Fails when the prompt set is gone, a tier's model is not in the catalogue, or the placement
// is one the simulator refuses.
Expected<RoutedTraffic> routedTraffic(const Workspace& workspace, const Catalogue& catalogue,
                                      const routing::TierTable& table, const SavingsLedger& ledger,
                                      const CachingSection& caching, const CancelToken* cancel);

struct CachingAtRate {
    std::vector<double> savingUsd;                  // per ledger row
    std::vector<report::RequestCacheTokens> tokens; // per ledger row
    // Requests whose simulated saving was more than their recorded cost (token estimates above
    // what the provider counted): their saving is capped at that cost.
    int64_t capped = 0;
};

// Caching at `requestsPerMinute`: what it saves each request of the ledger.
Expected<CachingAtRate> simulateRoutedCaching(const RoutedTraffic& traffic,
                                              const SavingsLedger& ledger, double requestsPerMinute,
                                              const CancelToken* cancel);

} // namespace switchyard::workbench::detail
