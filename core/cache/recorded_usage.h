#pragma once

#include "pricing/catalogue.h"
#include "pricing/usage.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard {

class Workspace;

// What a real run reported for one prompt of a set: the ground truth the simulator is checked
// against. `request` indexes the set's prompts in ordinal order (ordinal - 1).
struct RecordedUsage {
    size_t request = 0;
    Usage usage;
};

struct RecordedCacheRun {
    int64_t runId = 0;
    std::string runName;
    std::vector<RecordedUsage> usage;
};

// The newest run of the set that recorded cache reads or writes for `model` (results of any
// model reference the catalogue resolves to the same id), successful calls only. Empty usage
// when no run recorded cache tokens for it.
RecordedCacheRun recordedCacheUsage(const Workspace& workspace, int64_t setId,
                                    const Catalogue& catalogue, const std::string& modelId);

} // namespace switchyard
