#pragma once

// The paired comparison in words, as the Compare page and switchyard-cli compare say it:
// "cheaper and not measurably worse", "cheaper and worse by 2.1 points", "not enough prompts
// to tell". The rule is decided once (classifyVerdict); the CLI words it in English
// (verdictInWords), the GUI in the user's language.

#include "eval/paired_stats.h"

#include <optional>
#include <string>

namespace switchyard::eval {

enum class VerdictKind {
    TooFewPrompts,          // no interval, or the set cannot see a two-point difference
    Worse,                  // the interval is below zero and the test agrees
    Better,                 // the interval is above zero and the test agrees
    NotMeasurablyDifferent, // the set could have seen two points and did not
};

struct Verdict {
    VerdictKind kind = VerdictKind::TooFewPrompts;
    bool cheaper = false; // the candidate costs less per 1,000 answers
    double points = 0.0;  // |deltaMean| in points (0-100 scale), for Worse and Better
    // For TooFewPrompts with an interval: the smallest difference the set sees, in points
    // (under 100); empty when it sees nothing.
    std::optional<double> unseenBelowPoints;
};

// `costRatio`: the candidate's cost per 1,000 answers over the baseline's (below 1: cheaper).
// Worse or better only when the 95 % interval excludes no difference and the test's p is below
// 0.05; "not measurably worse" only when the set could have seen a two-point difference.
Verdict classifyVerdict(const PairedComparison& comparison, double costRatio);
// Worse, better, or neither: -1, +1 or 0 (the sign a page colours by).
int verdictSign(const Verdict& verdict);
std::string verdictInWords(const PairedComparison& comparison, double costRatio);

} // namespace switchyard::eval
