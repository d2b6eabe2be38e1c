#include "eval/paired_stats.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace switchyard::eval {

namespace {

// z for a two-sided 5 % level plus z for 80 % power: 1.959964 + 0.841621.
constexpr double kPowerZ = 2.8015852;

bool allBinary(std::span<const double> a, std::span<const double> b) {
    auto binary = [](double x) { return x == 0.0 || x == 1.0; };
    return std::all_of(a.begin(), a.end(), binary) && std::all_of(b.begin(), b.end(), binary);
}

double mean(const std::vector<double>& values) {
    double sum = 0.0;
    for (double v : values)
        sum += v;
    return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
}

double standardDeviation(std::span<const double> values, double mean) {
    double squares = 0.0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

std::pair<double, double> normalCi(std::span<const double> values) {
    double sum = 0.0;
    for (double v : values)
        sum += v;
    const double mean = sum / static_cast<double>(values.size());
    const double half =
        1.959964 * standardDeviation(values, mean) / std::sqrt(static_cast<double>(values.size()));
    return {mean - half, mean + half};
}

std::pair<double, double> bootstrapCi(std::span<const double> values,
                                      const PairedOptions& options) {
    if (values.size() > kResampleLimit)
        return normalCi(values);
    std::mt19937_64 rng(options.seed);
    std::uniform_int_distribution<size_t> pick(0, values.size() - 1);
    std::vector<double> means(static_cast<size_t>(options.resamples));
    for (double& resampled : means) {
        double sum = 0.0;
        for (size_t i = 0; i < values.size(); ++i)
            sum += values[pick(rng)];
        resampled = sum / static_cast<double>(values.size());
    }
    std::sort(means.begin(), means.end());
    return {sortedQuantile(means, 0.025), sortedQuantile(means, 0.975)};
}

// Each difference's sign flipped at random: how often is the mean as far from zero as the one
// observed? Counted with the observed arrangement, so p is never 0.
double permutationP(const std::vector<double>& differences, const PairedOptions& options) {
    const double observed = std::abs(mean(differences));
    std::mt19937_64 rng(options.seed ^ 0x9e3779b97f4a7c15ULL);
    std::bernoulli_distribution flip(0.5);
    int64_t asExtreme = 0;
    const double tolerance = 1e-12 * std::max(1.0, observed);
    for (int r = 0; r < options.resamples; ++r) {
        double sum = 0.0;
        for (double d : differences)
            sum += flip(rng) ? -d : d;
        if (std::abs(sum / static_cast<double>(differences.size())) >= observed - tolerance)
            ++asExtreme;
    }
    return static_cast<double>(asExtreme + 1) / static_cast<double>(options.resamples + 1);
}

// lgamma_r, not std::lgamma: the latter writes the global signgam, a data race when
// comparisons run on several threads.
double logFactorial(int64_t n) {
    int sign = 0;
    return lgamma_r(static_cast<double>(n) + 1.0, &sign);
}

} // namespace

std::string_view pairedTestName(PairedTest test) {
    switch (test) {
    case PairedTest::McNemarExact:
        return "mcnemar-exact";
    case PairedTest::Permutation:
        return "paired-permutation";
    case PairedTest::PairedZ:
        return "paired-z";
    case PairedTest::None:
        break;
    }
    return "none";
}

double sortedQuantile(std::span<const double> sorted, double q) {
    const double at = q * static_cast<double>(sorted.size() - 1);
    const size_t low = static_cast<size_t>(std::floor(at));
    const size_t high = std::min(low + 1, sorted.size() - 1);
    return sorted[low] + (at - static_cast<double>(low)) * (sorted[high] - sorted[low]);
}

std::optional<std::pair<double, double>> bootstrapMeanCi(std::span<const double> values,
                                                         const PairedOptions& options) {
    if (values.size() < 2)
        return std::nullopt;
    return bootstrapCi(values, options);
}

double mcnemarExactP(int64_t b, int64_t c) {
    const int64_t n = b + c;
    if (n == 0)
        return 1.0;
    const int64_t k = std::min(b, c);
    // P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so n in the millions is exact
    // enough; doubled for the two-sided test.
    const double logHalfN = static_cast<double>(n) * std::log(0.5);
    const double logNFact = logFactorial(n);
    double tail = 0.0;
    for (int64_t i = 0; i <= k; ++i)
        tail += std::exp(logNFact - logFactorial(i) - logFactorial(n - i) + logHalfN);
    return std::min(1.0, 2.0 * tail);
}

PairedComparison comparePaired(std::span<const double> baseline, std::span<const double> candidate,
                               const PairedOptions& options) {
    PairedComparison out;
    const size_t n = std::min(baseline.size(), candidate.size());
    out.n = static_cast<int64_t>(n);
    if (n == 0)
        return out;
    std::vector<double> differences(n);
    double baseSum = 0.0;
    double candidateSum = 0.0;
    for (size_t i = 0; i < n; ++i) {
        baseSum += baseline[i];
        candidateSum += candidate[i];
        differences[i] = candidate[i] - baseline[i];
        if (baseline[i] == 1.0 && candidate[i] == 0.0)
            ++out.baselineOnly;
        if (candidate[i] == 1.0 && baseline[i] == 0.0)
            ++out.candidateOnly;
    }
    out.baselineMean = baseSum / static_cast<double>(n);
    out.candidateMean = candidateSum / static_cast<double>(n);
    out.deltaMean = out.candidateMean - out.baselineMean;
    if (n < 2)
        return out;
    out.ci95 = bootstrapCi(differences, options);

    const double sd = standardDeviation(differences, out.deltaMean);
    if (sd > 0.0) {
        out.minimumDetectable = kPowerZ * sd / std::sqrt(static_cast<double>(n));
        auto pairsFor = [sd](double effect) {
            return static_cast<int64_t>(std::ceil(std::pow(kPowerZ * sd / effect, 2.0)));
        };
        out.pairsForOnePoint = pairsFor(0.01);
        out.pairsForTwoPoints = pairsFor(0.02);
    }

    const bool anyDifference =
        std::any_of(differences.begin(), differences.end(), [](double d) { return d != 0.0; });
    if (!anyDifference)
        return out;
    if (allBinary(baseline.first(n), candidate.first(n))) {
        out.test = PairedTest::McNemarExact;
        out.pValue = mcnemarExactP(out.baselineOnly, out.candidateOnly);
    } else if (n > kResampleLimit) {
        out.test = PairedTest::PairedZ;
        const double z = out.deltaMean / (sd / std::sqrt(static_cast<double>(n)));
        out.pValue = std::erfc(std::abs(z) / std::sqrt(2.0));
    } else {
        out.test = PairedTest::Permutation;
        out.pValue = permutationP(differences, options);
    }
    return out;
}

std::optional<std::pair<double, double>> normalMeanCi(std::span<const double> values) {
    if (values.size() < 2)
        return std::nullopt;
    return normalCi(values);
}

std::optional<std::pair<double, double>> wilsonInterval(int64_t successes, int64_t n) {
    if (n <= 0)
        return std::nullopt;
    constexpr double z = 1.959963984540054;
    const double count = static_cast<double>(n);
    const double p = static_cast<double>(successes) / count;
    const double denominator = 1.0 + z * z / count;
    const double centre = (p + z * z / (2.0 * count)) / denominator;
    const double half =
        z * std::sqrt(p * (1.0 - p) / count + z * z / (4.0 * count * count)) / denominator;
    // At 0 and n the bounds are exactly 0 and 1; rounding would leave them a hair inside.
    return std::pair(successes == 0 ? 0.0 : std::max(0.0, centre - half),
                     successes == n ? 1.0 : std::min(1.0, centre + half));
}

} // namespace switchyard::eval
