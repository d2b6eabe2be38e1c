#pragma once

// Scorers that need an expected answer: how well an output matches the reference, from 0 to 1.
// Each is deterministic and versioned: a stored score names the scorer and its version, so
// scores made by different rules are never mixed.

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::eval {

enum class ReferenceScorer {
    Exact,      // byte for byte
    Normalised, // equal once case, surrounding punctuation and whitespace are normalised
    Contains,   // the normalised reference appears in the normalised output
    Regex,      // the reference is an ECMAScript pattern the output must contain a match of
    Label,      // the one label of the set named in the output equals the reference's
    Numeric,    // the output's final number equals the reference's, within a tolerance
    Json,       // the output holds valid JSON with every key of the reference object
    TokenF1,    // SQuAD-style token overlap
    RougeL,     // longest common token subsequence, F-measure
    Auto,       // each answer by its own shape (scorerForAnswer): for sets of mixed tasks
};

// Bumped whenever a scorer's rules change.
inline constexpr int kReferenceScorersVersion = 1;

std::string_view referenceScorerName(ReferenceScorer scorer); // "exact", "token-f1", ...
std::optional<ReferenceScorer> parseReferenceScorer(std::string_view name);
// The name a stored score carries: "numeric@1".
std::string storedScorerName(ReferenceScorer scorer);

struct ReferenceOptions {
    // Label: the labels the set's answers use; empty: the reference is the only label known.
    std::vector<std::string> labels;
    double relativeTolerance = 1e-6; // Numeric
    double absoluteTolerance = 1e-9; // Numeric
};

struct ScoreOutcome {
    double score = 0.0;
    std::string detail; // what was compared: "42 = 42", "missing key 'name'", ...
};

ScoreOutcome scoreAgainstReference(ReferenceScorer scorer, std::string_view output,
                                   std::string_view expected, const ReferenceOptions& options = {});

// The scorer an expected answer's shape calls for: a JSON object -> Json, a number (a GSM8K
// "#### 42" included) -> Numeric, one of `labels` -> Label, anything else -> TokenF1.
ReferenceScorer scorerForAnswer(std::string_view expected, std::span<const std::string> labels);
// The same over a set's answers: the one scorer they all call for, else Auto. `reason` says
// which shapes were seen.
ReferenceScorer chooseReferenceScorer(std::span<const std::string> expected, std::string* reason);

// The labels among a set's answers (normalised): every short answer when they come back (at
// most one distinct answer per two), else the short answers that repeat.
std::vector<std::string> labelSet(std::span<const std::string> expected);
bool isNumberAnswer(std::string_view expected); // "42", "$1,200", "7.5%", "... #### 18"

// Parts the scorers use, exposed for tests.
std::string normaliseAnswer(std::string_view text); // lower case, trimmed, inner spaces collapsed
// "#### 42", then the last "answer is 42" / "answer: 42", then the last number in the text;
// "$1,234.50" reads 1234.5, "42%" reads 42.
std::optional<double> extractFinalNumber(std::string_view text);
// JSON text on its own, inside a ``` code fence, or between the first '{' and the last '}'.
std::optional<nlohmann::json> extractJson(std::string_view text);
// The one label named in the text as a whole word or phrase; none when none or several are.
std::optional<std::string> extractLabel(std::string_view text, std::span<const std::string> labels);

} // namespace switchyard::eval
