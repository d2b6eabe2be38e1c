#include "demo/demo_results.h"

#include "common/clock.h"
#include "pricing/catalogue.h"
#include "pricing/cost.h"
#include "prompts/token_estimate.h"
#include "store/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string_view>

namespace switchyard {

namespace {

constexpr const char* kScorer = "synthetic-demo";
constexpr size_t kBatch = 2000;

// Counter-based random numbers: splitmix64 over (seed, prompt id, model, draw), so a value does
// not depend on the order prompts are visited and is the same on every platform.
class Draws {
public:
    Draws(uint64_t seed, std::string_view promptId, uint64_t stream)
        : m_state(mix(seed ^ mix(fnv1a(promptId)) ^ mix(stream * 0x9E3779B97F4A7C15ULL))) {}

    double uniform() { // [0, 1)
        m_state += 0x9E3779B97F4A7C15ULL;
        return static_cast<double>(mix(m_state) >> 11) * 0x1.0p-53;
    }
    double normal() { // Box-Muller
        const double u = 1.0 - uniform();
        const double v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * 3.14159265358979323846 * v);
    }

private:
    static uint64_t mix(uint64_t x) {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    static uint64_t fnv1a(std::string_view text) {
        uint64_t hash = 0xcbf29ce484222325ULL;
        for (const char c : text) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 0x100000001b3ULL;
        }
        return hash;
    }
    uint64_t m_state;
};

enum Category { kClassification, kExtraction, kSummarisation, kReasoning, kCode, kSupport, kOther };
constexpr std::array<const char*, 6> kCategoryNames = {
    "classification", "extraction", "summarisation", "reasoning", "code", "support"};

// Typical answer length in output tokens, per category.
constexpr std::array<double, 7> kTypicalOutputTokens = {8, 120, 150, 180, 260, 170, 120};

// How each default model does per category, on top of its skill (logits). Small models are
// good at classification and weak at code and multi-step reasoning; summaries are easy for all.
constexpr std::array<std::array<double, 7>, 4> kCategoryAdjustment = {{
    {+0.6, +0.2, +0.3, -0.6, -0.7, -0.2, 0.0}, // Nova Micro
    {+0.3, +0.2, +0.3, -0.1, -0.2, +0.2, 0.0}, // Haiku 4.5
    {+0.2, +0.2, +0.3, +0.2, +0.3, +0.2, 0.0}, // Sonnet 4.5
    {+0.2, +0.2, +0.3, +0.4, +0.3, +0.2, 0.0}, // Opus 4.1
}};

struct PromptFacts {
    Category category = kOther;
    int difficulty = 1; // 0 easy, 1 medium, 2 hard
    bool expectsJson = false;
};

PromptFacts factsOf(const Prompt& prompt) {
    PromptFacts facts;
    for (const std::string& tag : prompt.tags) {
        if (tag == "difficulty:easy")
            facts.difficulty = 0;
        else if (tag == "difficulty:hard")
            facts.difficulty = 2;
        else if (tag == "format:json")
            facts.expectsJson = true;
        for (size_t c = 0; c < kCategoryNames.size(); ++c)
            if (tag == kCategoryNames[c] && facts.category == kOther)
                facts.category = static_cast<Category>(c);
    }
    return facts;
}

double sigmoid(double z) {
    return 1.0 / (1.0 + std::exp(-z));
}

std::string answerText(const PromptFacts& facts, const Prompt& prompt, bool good, Draws& draws) {
    if (!good && draws.uniform() < 0.3)
        return "I'm not sure I can answer this reliably from the information given.";
    if (facts.expectsJson) {
        if (good)
            return prompt.expected && !prompt.expected->empty() ? *prompt.expected
                                                                : std::string("{\"ok\": true}");
        return draws.uniform() < 0.5 ? std::string("{\"result\": [\"incomplete\"")
                                     : std::string("{\"result\": []}");
    }
    return good ? "[synthetic demo answer: judged good]" : "[synthetic demo answer: judged poor]";
}

// The labeller's answer: right most of the time, one step off otherwise.
std::string labelFor(int difficulty, Draws& draws) {
    static const char* const kLabels[] = {"simple", "standard", "complex"};
    int label = difficulty;
    const double u = draws.uniform();
    if (u < 0.15)
        label = std::max(0, difficulty - 1);
    else if (u < 0.30)
        label = std::min(2, difficulty + 1);
    return std::string("Label: ") + kLabels[label];
}

} // namespace

std::vector<DemoModel> defaultDemoModels() {
    // Speeds and first-token times are typical of each class on Bedrock, not measurements.
    return {{"bedrock/amazon.nova-micro-v1:0", 0.2, 0.8, 250, 200},
            {"bedrock/anthropic.claude-haiku-4-5-20251001-v1:0", 1.3, 1.0, 400, 120},
            {"bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0", 2.2, 1.15, 700, 70},
            {"bedrock/anthropic.claude-opus-4-1-20250805-v1:0", 2.6, 1.25, 1400, 35}};
}

Expected<int64_t> generateDemoResults(Workspace& workspace, int64_t setId,
                                      const Catalogue& catalogue, uint64_t seed,
                                      const DemoResultsOptions& options, const CancelToken* cancel,
                                      const Progress& progress) {
    const std::vector<DemoModel> models =
        options.models.empty() ? defaultDemoModels() : options.models;
    std::vector<const ModelPrice*> prices;
    for (const DemoModel& model : models) {
        auto price = catalogue.lookup(model.ref);
        if (!price)
            return Error{"", 0, "models", price.error().message};
        prices.push_back(*price);
    }
    const ModelPrice* labellerPrice = nullptr;
    if (!options.classifierRef.empty()) {
        auto price = catalogue.lookup(options.classifierRef);
        if (!price)
            return Error{"", 0, "classifier", price.error().message};
        labellerPrice = *price;
    }
    const int64_t total = workspace.promptCount(setId);
    if (total == 0)
        return Error{"", 0, "set", "the prompt set is empty"};

    nlohmann::json modelList = nlohmann::json::array();
    for (const DemoModel& model : models)
        modelList.push_back(model.ref);
    RunInfo run;
    run.name = "Synthetic demo results (seed " + std::to_string(seed) + ")";
    run.setId = setId;
    run.kind = "demo";
    run.status = "running";
    run.synthetic = true;
    run.paramsJson =
        nlohmann::json{{"generator", "switchyard synthetic demo results v1 (core/demo)"},
                       {"seed", seed},
                       {"models", modelList},
                       {"classifier_model", options.classifierRef},
                       {"scorer", kScorer},
                       {"failure_rate", options.failureRate},
                       {"catalogue_date", catalogue.catalogueDate()},
                       {"note", "synthetic demo data: invented answers and scores from a seeded "
                                "model of difficulty and category, not a measurement of real "
                                "models; real runs and imported results replace it"}}
            .dump();
    auto runId = workspace.createRun(run);
    if (!runId)
        return runId.error();

    std::vector<Prompt> prompts;
    int64_t done = 0;
    std::optional<Error> failure;
    auto flush = [&]() -> bool {
        std::vector<std::string> keys;
        for (const Prompt& prompt : prompts)
            keys.push_back(prompt.id);
        const auto rows = workspace.findPromptsByKey(setId, keys);
        std::vector<ResultRecord> results;
        std::vector<ScoreRecord> scores;
        for (size_t i = 0; i < prompts.size(); ++i) {
            if (!rows[i])
                continue;
            const Prompt& prompt = prompts[i];
            const PromptFacts facts = factsOf(prompt);
            Draws shared(seed, prompt.id, 0);
            const double hardness = 0.7 * shared.normal();
            static constexpr double kDifficulty[] = {-1.2, 0.3, 1.6};
            for (size_t m = 0; m < models.size(); ++m) {
                const DemoModel& model = models[m];
                Draws draws(seed, prompt.id, m + 1);
                ResultRecord result;
                result.promptId = rows[i]->rowId;
                result.modelRef = model.ref;
                const TokenizerFamily family = tokenizerFamilyForModel(model.ref);
                result.inputTokens = estimatePromptTokens(prompt, family);
                if (draws.uniform() < options.failureRate) {
                    result.errorClass = "throttled";
                    result.errorMessage = "ThrottlingException (synthetic)";
                    result.latencyMs = std::round(50.0 + 100.0 * draws.uniform());
                    result.inputTokens = 0;
                    result.costUsd = 0.0;
                    results.push_back(std::move(result));
                    continue;
                }
                const double adjustment =
                    m < kCategoryAdjustment.size() ? kCategoryAdjustment[m][facts.category] : 0.0;
                const double pGood =
                    sigmoid(model.skill + adjustment - kDifficulty[facts.difficulty] + hardness);
                const bool good = draws.uniform() < pGood;
                double score = good ? 1.0 : 0.0;
                if (facts.category == kSummarisation || facts.category == kSupport)
                    score = std::round((good ? 0.80 + 0.20 * draws.uniform()
                                             : 0.10 + 0.35 * draws.uniform()) *
                                       20.0) /
                            20.0;
                result.output = answerText(facts, prompt, good, draws);
                const double typical = kTypicalOutputTokens[facts.category] * model.verbosity *
                                       (1.0 + 0.5 * facts.difficulty);
                result.outputTokens =
                    std::max<int64_t>(1, std::llround(typical * std::exp(0.35 * draws.normal())));
                result.latencyMs = std::round(
                    (model.firstTokenMs +
                     1000.0 * static_cast<double>(result.outputTokens) / model.tokensPerSecond) *
                    std::exp(0.25 * draws.normal()));
                auto cost =
                    costUsd(*prices[m], Usage{result.inputTokens, result.outputTokens, 0, 0, 0});
                if (!cost) {
                    failure = Error{"", 0, "models", model.ref + ": " + cost.error().message};
                    return false;
                }
                result.costUsd = *cost;
                result.pricedModel = model.ref;
                scores.push_back({rows[i]->rowId, model.ref, kScorer, score, ""});
                results.push_back(std::move(result));
            }
            if (labellerPrice) {
                Draws draws(seed, prompt.id, 1000);
                ResultRecord label;
                label.promptId = rows[i]->rowId;
                label.modelRef = options.classifierRef;
                // The prompt plus a short rubric in, one label out.
                label.inputTokens =
                    estimatePromptTokens(prompt, tokenizerFamilyForModel(options.classifierRef)) +
                    60;
                label.outputTokens = 3;
                label.output = labelFor(facts.difficulty, draws);
                label.latencyMs = std::round(180.0 * std::exp(0.2 * draws.normal()));
                auto cost = costUsd(*labellerPrice, Usage{label.inputTokens, 3, 0, 0, 0});
                if (!cost) {
                    failure = Error{"", 0, "classifier", cost.error().message};
                    return false;
                }
                label.costUsd = *cost;
                label.pricedModel = options.classifierRef;
                results.push_back(std::move(label));
            }
        }
        if (auto status = workspace.insertResults(*runId, results); !status) {
            failure = status.error();
            return false;
        }
        if (auto status = workspace.insertScores(*runId, scores); !status) {
            failure = status.error();
            return false;
        }
        done += static_cast<int64_t>(prompts.size());
        prompts.clear();
        if (progress)
            progress(done, total);
        return !(cancel && cancel->cancelled());
    };
    auto visited = workspace.forEachPrompt(setId, [&](int64_t, Prompt&& prompt) {
        prompts.push_back(std::move(prompt));
        return prompts.size() < kBatch || flush();
    });
    if (visited && !failure && !prompts.empty() && !(cancel && cancel->cancelled()))
        flush();
    const bool cancelled = cancel && cancel->cancelled();
    if (!visited || failure) {
        (void)workspace.setRunStatus(*runId, "failed", run.paramsJson);
        return failure ? *failure : visited.error();
    }
    if (auto status =
            workspace.setRunStatus(*runId, cancelled ? "cancelled" : "complete", run.paramsJson);
        !status)
        return status.error();
    return *runId;
}

} // namespace switchyard
