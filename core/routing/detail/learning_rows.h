#pragma once

#include "routing/prompt_features.h"
#include "routing/tier_table.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace switchyard::routing::detail {

// A table's rows as a learned model's examples: each prompt's last user turn, its features, and
// whether tier `tier`'s answer meets the bar (or, with predictMiss, misses it). The out-of-fold
// router and the trained one learn from exactly these.
struct LearningRows {
    std::vector<std::string_view> texts; // views into the table's data
    std::vector<PromptFeatures> features;
    std::vector<uint8_t> labels;
};

LearningRows learningRows(const TierTable& table, size_t tier, bool predictMiss);

} // namespace switchyard::routing::detail
