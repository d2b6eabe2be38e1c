#pragma once

#include "routing/learned.h"
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
// withAnswers adds the features of the tier's own answers, for a cascade that reads them.
struct LearningRows {
    std::vector<std::string_view> texts; // views into the table's data
    std::vector<PromptFeatures> features;
    std::vector<AnswerFeatures> answers;
    std::vector<uint8_t> labels;

    LearningExamples examples() const { return {texts, features, answers, labels}; }
};

LearningRows learningRows(const TierTable& table, size_t tier, bool predictMiss, bool withAnswers);

} // namespace switchyard::routing::detail
