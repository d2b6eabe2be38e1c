#pragma once

#include "common/cancel.h"
#include "common/expected.h"
#include "routing/learned.h"
#include "routing/tier_table.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::routing {

enum class RouterKind { Random, Rules, Complexity, Classifier, Learned, Cascade };

// "random", "rules", "complexity", "classifier", "learned", "cascade": the policy file's names.
const char* routerKindName(RouterKind kind);
std::optional<RouterKind> routerKindFromName(std::string_view name);

// One rule of a Rules router. Rules are tried in order; the first whose condition holds decides.
struct Rule {
    enum class Condition {
        Regex,     // ECMAScript regex, case-insensitive, searched in the last user turn
        Keywords,  // any of `keywords`, case-insensitive substring
        MinTokens, // estimated input tokens >= tokens
        MaxTokens, // estimated input tokens <= tokens
        Tag,       // the prompt has the tag `pattern`
    };
    std::string name;
    Condition condition = Condition::Keywords;
    std::string pattern; // Regex, Tag
    std::vector<std::string> keywords;
    int64_t tokens = 0;
    // Where a matching prompt goes: a tier index, or no model at all (a canned answer).
    std::optional<size_t> tier;
    std::string cannedResponse;
    // A canned answer has no recorded quality: this is assumed, and the figures say how much
    // of the traffic it covers (ReplayFigures::cannedShare).
    double cannedQuality = 1.0;
};

// Where a cascade's confidence in tier k's answer comes from. It escalates from tier k when the
// confidence is below thresholds[k].
enum class CascadeSignal {
    Judge,   // the run's confidence scorer (ReplayLoadOptions::confidenceScorer), 0..1
    Refusal, // 0 when the answer refuses or says it does not know, else 1
    Format,  // 0 when a JSON answer was asked for and it does not parse, else 1
    Learned, // out-of-fold probability that tier k's answer meets the bar, from the prompt
    Answer,  // the same, learned from the prompt and tier k's own answer (answer_features.h)
    Stated,  // the probability tier k's model gave its own answer, as recorded (a local student)
};

// "judge", "refusal", "format", "learned", "answer", "stated"
const char* cascadeSignalName(CascadeSignal signal);
std::optional<CascadeSignal> cascadeSignalFromName(std::string_view name);

// A router as the policy file describes it (minus tiers, which are the table's).
struct RouterConfig {
    RouterKind kind = RouterKind::Random;
    // len(tiers) - 1, ascending. Score routers: a prompt whose score s >= thresholds[i] goes
    // above tier i. Cascade: tier k's answer is kept when its confidence >= thresholds[k].
    // Rules ignore them.
    std::vector<double> thresholds;
    uint64_t seed = 7; // random: the per-prompt draw; learned: shuffling
    std::vector<Rule> rules;
    std::optional<size_t> defaultTier; // rules: where unmatched prompts go (default tier 0)
    std::string classifierModel;       // classifier: the labelling model of the run
    LearnedOptions learned;            // learned router, and the cascade's Learned signal
    CascadeSignal cascadeSignal = CascadeSignal::Refusal;
};

// The accounting a router kind needs from its table: Cascade for cascades, Direct otherwise.
Accounting accountingFor(RouterKind kind);

inline constexpr uint8_t kCannedOutcome = 0xFF;

// What a router says about every row of a table, computed once per configuration; a slider then
// only moves thresholds over it (replay.h, sweep.h).
struct RouterSignal {
    enum class Shape {
        Score,      // one score per row: tier = number of thresholds <= score
        Confidence, // per tier below the top, a confidence per row: first tier confident enough
        Fixed,      // the tier is decided without thresholds (rules)
    };
    RouterKind kind = RouterKind::Random;
    Shape shape = Shape::Score;
    std::vector<float> score;                   // Score
    std::vector<std::vector<float>> confidence; // Confidence: [tier][row], tiers 0..N-2
    std::vector<uint8_t> fixedTier;             // Fixed: tier index or kCannedOutcome
    std::vector<int16_t> matchedRule;           // Fixed: rule index, -1 for the default
    std::vector<float> cannedQuality;           // Fixed: per row, for canned answers
    std::string scoreMeaning;                   // what the score or confidence is, for the UI
    std::vector<std::string> notes;             // e.g. "12 prompts had no label"
    std::optional<CrossValidationReport> crossValidation; // learned router and signal
};

// Prepares a router over a table built with accountingFor(config.kind) (and, for a classifier,
// preRouterModel = classifierModel). Errors name the parameter: a bad regex, a rule tier out of
// range, a classifier model with no labels, a judge signal without a confidence scorer.
Expected<RouterSignal> prepareRouter(const TierTable& table, const RouterConfig& config,
                                     const CancelToken* cancel = nullptr,
                                     const Progress& progress = {});

} // namespace switchyard::routing
