#pragma once

#include "traffic/traffic_dashboard.h"
#include "traffic/traffic_rows.h"

#include <cstdint>
#include <vector>

namespace switchyard {

// Spend over time per tag key, for every key that "key:value" tags use (request metadata such as
// team, environment or cost centre, and the caller's identity). Each key splits the requests in
// one way: a request carrying the key twice counts under its first value, so each key's series
// add up to the total spend. Plain tags without a colon are labels, not a split, and are left out.
// Buckets are those of the dashboard: bucket b starts at firstBucketMs + b * bucketMs.
std::vector<TagSpend> spendByTagKey(const TrafficRows& rows, int64_t firstBucketMs,
                                    int64_t bucketMs, size_t buckets);

} // namespace switchyard
