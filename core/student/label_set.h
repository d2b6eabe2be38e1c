#pragma once

// Whether a teacher's answers form a label set a student can learn (ticket queue, sentiment,
// intent, document type, yes/no), and which labels: answers normalised ("**Billing.**",
// "billing", "Label: billing" are one label), the most frequent kept, and the long tail put in
// one "other" label so it neither swamps the student nor disappears.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::student {

inline constexpr const char* kOtherLabel = "other";

struct LabelRules {
    int maxLabels = 30;              // a set with more distinct labels than this is not a label set
    double minCoverage = 0.95;       // the kept labels cover this share of the answers, or more
    int64_t minExamplesPerLabel = 2; // a label seen fewer times goes to "other"
    int maxWords = 6;                // a normalised answer longer than this is free text
};

struct LabelSet {
    bool isLabelSet = false;
    std::string why;                 // when it is not: what the answers look like instead
    std::vector<std::string> labels; // most frequent first; kOtherLabel last when used
    std::vector<int64_t> counts;     // answers per label, in the order of `labels`
    int64_t answers = 0;
    int64_t distinct = 0;       // distinct normalised answers
    double otherShare = 0.0;    // share of answers put in "other"
    double freeTextShare = 0.0; // share of answers longer than maxWords

    // The label an answer gets: its normalised form when kept, else "other" (a long-tail
    // answer, or one longer than a label).
    std::string labelOf(std::string_view answer) const;
};

// The normal form of an answer as a label: its first non-empty line, markdown emphasis, quotes,
// a leading "label:"/"answer:"/"category:" and trailing punctuation removed, lower-cased,
// spaces collapsed.
std::string normaliseLabel(std::string_view answer);

LabelSet detectLabels(const std::vector<std::string>& answers, const LabelRules& rules = {});

} // namespace switchyard::student
