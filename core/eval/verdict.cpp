#include "eval/verdict.h"

#include "common/text_format.h"

#include <cmath>

namespace switchyard::eval {

namespace {

constexpr double kTwoPoints = 0.02;
constexpr double kLevel = 0.05; // two-sided

std::string points(double fraction) {
    return formatFixed(std::abs(fraction) * 100.0, 1) + " points";
}

} // namespace

std::string verdictInWords(const PairedComparison& comparison, double costRatio) {
    const std::string cheaper = costRatio < 1.0 ? "cheaper and " : "";
    if (comparison.n < 2 || !comparison.ci95)
        return "not enough prompts to tell";
    // A difference is claimed only when the interval and the test agree: with few discordant
    // pairs the percentile interval can exclude zero while the exact test does not.
    const bool significant = comparison.pValue && *comparison.pValue < kLevel;
    if (comparison.ci95->second < 0.0 && significant)
        return cheaper + "worse by " + points(comparison.deltaMean);
    if (comparison.ci95->first > 0.0 && significant)
        return cheaper + "better by " + points(comparison.deltaMean);
    // Silence is not evidence of equality when the set cannot see a two-point difference.
    if (const auto& detectable = comparison.minimumDetectable;
        detectable && *detectable > kTwoPoints)
        return *detectable >= 1.0 ? "not enough prompts to tell"
                                  : "not enough prompts to tell (differences under " +
                                        points(*detectable) + " go unseen)";
    return cheaper.empty() ? "not measurably different" : "cheaper and not measurably worse";
}

} // namespace switchyard::eval
