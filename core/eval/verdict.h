#pragma once

// The paired comparison in words, as the Compare page and switchyard-cli compare say it:
// "cheaper and not measurably worse", "cheaper and worse by 2.1 points", "not enough prompts
// to tell".

#include "eval/paired_stats.h"

#include <string>

namespace switchyard::eval {

// `costRatio`: the candidate's cost per 1,000 answers over the baseline's (below 1: cheaper).
// Worse or better only when the 95 % interval excludes no difference and the test's p is below
// 0.05; "not measurably worse"
// only when the set could have seen a two-point difference.
std::string verdictInWords(const PairedComparison& comparison, double costRatio);

} // namespace switchyard::eval
