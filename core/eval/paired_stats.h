#pragma once

// The verdict between two models on the prompts both answered: how much better or worse the
// candidate is than the baseline, how sure that is, and how many prompts it would take to know.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

namespace switchyard::eval {

// Which significance test a comparison used, named next to its p-value.
enum class PairedTest {
    None,         // fewer than two pairs, or every pair equal
    McNemarExact, // every score is 0 or 1: two-sided binomial test on the discordant pairs
    Permutation,  // graded scores: paired sign-flip permutation test of the mean difference
    PairedZ,      // graded scores beyond kResampleLimit pairs: the normal approximation
};

// Above this many values, intervals and graded tests use the normal approximation: at that size
// it agrees with resampling to the third decimal, in a millisecond instead of seconds.
inline constexpr size_t kResampleLimit = 20000;
// "mcnemar-exact", "paired-permutation", "paired-z", "none"
std::string_view pairedTestName(PairedTest test);

struct PairedOptions {
    uint64_t seed = 20261206; // the same scores give the same interval and p-value
    int resamples = 10000;
};

struct PairedComparison {
    int64_t n = 0; // pairs: prompts both models answered
    double baselineMean = 0.0;
    double candidateMean = 0.0;
    double deltaMean = 0.0; // candidate - baseline
    // Paired bootstrap percentile interval of deltaMean (normal beyond kResampleLimit); empty
    // below two pairs.
    std::optional<std::pair<double, double>> ci95;
    std::optional<double> pValue; // empty when no test applies
    PairedTest test = PairedTest::None;
    // For pass/fail scores: pairs the baseline passed and the candidate failed, and the reverse.
    int64_t baselineOnly = 0;
    int64_t candidateOnly = 0;
    // The smallest |deltaMean| this many pairs detects with 80 % power at a two-sided 5 % level,
    // and the pairs needed to detect a drop of 0.01 and 0.02 (one and two points on a 0-100
    // scale), from the spread of the differences; empty when the differences do not vary.
    std::optional<double> minimumDetectable;
    std::optional<int64_t> pairsForOnePoint;
    std::optional<int64_t> pairsForTwoPoints;
};

// baseline[i] and candidate[i] score the same prompt. Scores in [0, 1].
PairedComparison comparePaired(std::span<const double> baseline, std::span<const double> candidate,
                               const PairedOptions& options = {});

// The q-quantile of sorted values by linear interpolation between order statistics (R's type
// 7, numpy's default). `sorted` must not be empty.
double sortedQuantile(std::span<const double> sorted, double q);

// Percentile bootstrap 95 % interval of a mean (seeded; normal beyond kResampleLimit); empty
// below two values.
std::optional<std::pair<double, double>> bootstrapMeanCi(std::span<const double> values,
                                                         const PairedOptions& options = {});

// The normal-approximation 95 % interval of a mean (mean ± 1.96 standard errors); empty below two
// values. For many small groups (quality per tag), where resampling each would cost seconds.
std::optional<std::pair<double, double>> normalMeanCi(std::span<const double> values);

// The Wilson score 95 % interval of a proportion (successes of n): unlike mean ± 1.96 standard
// errors it stays inside [0, 1] and is honest near 0 and 1, where agreement figures live. Empty
// when n is 0.
std::optional<std::pair<double, double>> wilsonInterval(int64_t successes, int64_t n);

// Two-sided exact binomial (sign) test of b successes against c at p = 0.5: McNemar's exact
// p-value for b and c discordant pairs.
double mcnemarExactP(int64_t b, int64_t c);

} // namespace switchyard::eval
