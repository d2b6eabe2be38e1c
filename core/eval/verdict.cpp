#include "eval/verdict.h"

#include "common/text_format.h"

#include <cmath>

namespace switchyard::eval {

namespace {

constexpr double kTwoPoints = 0.02;
constexpr double kLevel = 0.05; // two-sided

std::string points(double value) {
    return formatFixed(value, 1) + " points";
}

} // namespace

Verdict classifyVerdict(const PairedComparison& comparison, double costRatio) {
    Verdict verdict;
    verdict.cheaper = costRatio < 1.0;
    if (comparison.n < 2 || !comparison.ci95)
        return verdict;
    // A difference is claimed only when the interval and the test agree: with few discordant
    // pairs the percentile interval can exclude zero while the exact test does not.
    const bool significant = comparison.pValue && *comparison.pValue < kLevel;
    if (significant && (comparison.ci95->second < 0.0 || comparison.ci95->first > 0.0)) {
        verdict.kind = comparison.ci95->second < 0.0 ? VerdictKind::Worse : VerdictKind::Better;
        verdict.points = std::abs(comparison.deltaMean) * 100.0;
        return verdict;
    }
    // Silence is not evidence of equality when the set cannot see a two-point difference.
    if (const auto& detectable = comparison.minimumDetectable;
        detectable && *detectable > kTwoPoints) {
        if (*detectable < 1.0)
            verdict.unseenBelowPoints = *detectable * 100.0;
        return verdict;
    }
    verdict.kind = VerdictKind::NotMeasurablyDifferent;
    return verdict;
}

int verdictSign(const Verdict& verdict) {
    return verdict.kind == VerdictKind::Worse ? -1 : verdict.kind == VerdictKind::Better ? 1 : 0;
}

std::string verdictInWords(const PairedComparison& comparison, double costRatio) {
    const Verdict verdict = classifyVerdict(comparison, costRatio);
    const std::string cheaper = verdict.cheaper ? "cheaper and " : "";
    switch (verdict.kind) {
    case VerdictKind::Worse:
        return cheaper + "worse by " + points(verdict.points);
    case VerdictKind::Better:
        return cheaper + "better by " + points(verdict.points);
    case VerdictKind::NotMeasurablyDifferent:
        return verdict.cheaper ? "cheaper and not measurably worse" : "not measurably different";
    case VerdictKind::TooFewPrompts:
        break;
    }
    return verdict.unseenBelowPoints ? "not enough prompts to tell (differences under " +
                                           points(*verdict.unseenBelowPoints) + " go unseen)"
                                     : "not enough prompts to tell";
}

} // namespace switchyard::eval
