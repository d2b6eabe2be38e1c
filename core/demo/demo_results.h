#pragma once

#include "common/cancel.h"
#include "common/expected.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard {

class Catalogue;
class Workspace;

// One model of the synthetic demo run and how it behaves. See demo_results.cpp for the figures
// of the default models and why they are what they are.
struct DemoModel {
    std::string ref;           // "bedrock/<catalogue id>": priced from the catalogue
    double skill = 0.0;        // logit of a good answer to a medium prompt of no category
    double verbosity = 1.0;    // output tokens relative to the category's typical answer
    double firstTokenMs = 500; // latency before the first token
    double tokensPerSecond = 100;
};

struct DemoResultsOptions {
    // Cheapest first. Empty: Nova Micro, Claude Haiku 4.5, Sonnet 4.5 and Opus 4.1 on Bedrock.
    std::vector<DemoModel> models;
    // A cheap model that labels every prompt simple, standard or complex (for the classifier
    // router); its answers are labels, unscored. Empty: none.
    std::string classifierRef = "bedrock/amazon.nova-lite-v1:0";
    double failureRate = 0.003; // calls that fail ("throttled"), to show how replay handles them
};

std::vector<DemoModel> defaultDemoModels();

// Writes a run of synthetic recorded results for every prompt of a set: kind "demo", marked
// synthetic (every view must say "synthetic demo data"), scores under the scorer
// "synthetic-demo". Deterministic: the same seed and prompts give the same numbers on every
// platform (own generator, no std distributions).
//
// The model of the data, per prompt p and model m:
//   P(good answer) = sigmoid(skill_m + category_m(c) - difficulty(d) + hardness_p)
// where d is the prompt's "difficulty:easy|medium|hard" tag (easy -1.2, medium 0.3, hard 1.6;
// medium when absent), c its category tag (the first of classification, extraction,
// summarisation, reasoning, code, support) with per-model adjustments in demo_results.cpp, and
// hardness_p ~ Normal(0, 0.7) is shared by all models, so the same prompts are hard for all and
// a router has something real to learn. Exact-answer categories score 1 or 0; summarisation
// and support are graded (good 0.80-1.00, poor 0.10-0.45). Poor answers sometimes refuse ("I'm
// not sure ...") and poor JSON answers sometimes do not parse, for the cascade's signals.
// Input tokens are the token estimate of the prompt for the model's tokenizer; output tokens
// the category's typical length times the model's verbosity and log-normal noise; latency
// first-token time plus output tokens at the model's speed, with noise. Costs come from
// `catalogue`: a model it cannot price is an Error and nothing is written.
Expected<int64_t> generateDemoResults(Workspace& workspace, int64_t setId,
                                      const Catalogue& catalogue, uint64_t seed,
                                      const DemoResultsOptions& options = {},
                                      const CancelToken* cancel = nullptr,
                                      const Progress& progress = {});

} // namespace switchyard
