// Scoring throughput (answers scored per second, per scorer) and the paired verdict on a large
// set: what `switchyard-cli score` and `compare` cost before any store access.
#include "eval/paired_stats.h"
#include "eval/reference_scorers.h"

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

using namespace switchyard::eval;

namespace {

struct Case {
    std::string output;
    std::string expected;
};

// Answers shaped like each scorer's usual input: GSM8K-style reasoning ending in a number,
// fenced JSON, a label in a sentence, a paragraph of free text.
std::vector<Case> casesFor(ReferenceScorer scorer) {
    std::vector<Case> cases;
    for (int i = 0; i < 1000; ++i) {
        const std::string n = std::to_string(i * 7 + 3);
        switch (scorer) {
        case ReferenceScorer::Numeric:
            cases.push_back({"She sells 16 - 3 - 4 = 9 eggs at $2 each, so she makes 9 * 2 = " + n +
                                 " dollars a day. The answer is " + n + ".",
                             "#### " + n});
            break;
        case ReferenceScorer::Json:
            cases.push_back({"Here it is:\n```json\n{\"title\": \"Engineer " + n +
                                 "\", \"company\": \"Acme\", \"salary_min\": " + n + "}\n```",
                             "{\"title\": \"\", \"company\": \"\", \"salary_min\": 0}"});
            break;
        case ReferenceScorer::Label:
            cases.push_back(
                {"Having read ticket " + n + " twice, I would file it under billing.", "billing"});
            break;
        default:
            cases.push_back({"The quarterly review moved to Tuesday " + n +
                                 " because the finance team needed two more days to close the "
                                 "books, and the new date was shared with every attendee.",
                             "The review moved to Tuesday so finance could close the books."});
            break;
        }
    }
    return cases;
}

void BM_Score(benchmark::State& state) {
    const auto scorer = static_cast<ReferenceScorer>(state.range(0));
    const std::vector<Case> cases = casesFor(scorer);
    ReferenceOptions options;
    options.labels = {"billing", "outage", "account", "refund"};
    double total = 0.0;
    for (auto _ : state)
        for (const Case& c : cases)
            total += scoreAgainstReference(scorer, c.output, c.expected, options).score;
    benchmark::DoNotOptimize(total);
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(cases.size()));
    state.SetLabel(std::string(referenceScorerName(scorer)));
}
BENCHMARK(BM_Score)
    ->Arg(static_cast<int>(ReferenceScorer::Numeric))
    ->Arg(static_cast<int>(ReferenceScorer::Json))
    ->Arg(static_cast<int>(ReferenceScorer::Label))
    ->Arg(static_cast<int>(ReferenceScorer::TokenF1))
    ->Arg(static_cast<int>(ReferenceScorer::RougeL));

// The paired verdict on n pairs of pass/fail scores (McNemar and bootstrap) and of graded
// scores (permutation up to kResampleLimit pairs, normal beyond).
void BM_ComparePaired(benchmark::State& state) {
    const auto n = static_cast<size_t>(state.range(0));
    const bool graded = state.range(1) != 0;
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> baseline(n);
    std::vector<double> candidate(n);
    for (size_t i = 0; i < n; ++i) {
        baseline[i] = graded ? unit(rng) : (unit(rng) < 0.86 ? 1.0 : 0.0);
        candidate[i] = graded ? unit(rng) : (unit(rng) < 0.64 ? 1.0 : 0.0);
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(comparePaired(baseline, candidate));
    state.SetLabel(graded ? "graded" : "pass/fail");
}
BENCHMARK(BM_ComparePaired)
    ->Args({1319, 0})
    ->Args({1319, 1})
    ->Args({100000, 0})
    ->Args({100000, 1})
    ->Unit(benchmark::kMillisecond);

} // namespace
