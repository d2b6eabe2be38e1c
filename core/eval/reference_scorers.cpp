#include "eval/reference_scorers.h"

#include "eval/detail/answer_text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <regex>
#include <set>

namespace switchyard::eval {

namespace {

constexpr std::array<std::pair<ReferenceScorer, std::string_view>, 9> kNames = {{
    {ReferenceScorer::Exact, "exact"},
    {ReferenceScorer::Normalised, "normalised"},
    {ReferenceScorer::Contains, "contains"},
    {ReferenceScorer::Regex, "regex"},
    {ReferenceScorer::Label, "label"},
    {ReferenceScorer::Numeric, "numeric"},
    {ReferenceScorer::Json, "json"},
    {ReferenceScorer::TokenF1, "token-f1"},
    {ReferenceScorer::RougeL, "rouge-l"},
}};

// A label set is small, its answers short, and each label comes back (at most one distinct
// answer per two); otherwise the answers are free text.
constexpr size_t kMaxLabels = 30;
constexpr size_t kMaxLabelLength = 40;

std::string formatNumber(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

ScoreOutcome numeric(std::string_view output, std::string_view expected,
                     const ReferenceOptions& options) {
    const auto want = extractFinalNumber(expected);
    if (!want)
        return {0.0, "the reference holds no number"};
    const auto got = extractFinalNumber(output);
    if (!got)
        return {0.0, "no number in the answer"};
    const double tolerance =
        std::max(options.absoluteTolerance, options.relativeTolerance * std::abs(*want));
    const bool equal = std::abs(*got - *want) <= tolerance;
    return {equal ? 1.0 : 0.0, formatNumber(*got) + (equal ? " = " : " != ") + formatNumber(*want)};
}

ScoreOutcome json(std::string_view output, std::string_view expected) {
    const auto got = extractJson(output);
    if (!got)
        return {0.0, "no valid JSON in the answer"};
    const auto want = extractJson(expected);
    if (!want || !want->is_object())
        return {1.0, "valid JSON"};
    if (!got->is_object())
        return {0.0, "the answer's JSON is not an object"};
    for (const auto& [key, value] : want->items())
        if (!got->contains(key))
            return {0.0, "missing key '" + key + "'"};
    return {1.0, "valid JSON with every key of the reference"};
}

ScoreOutcome label(std::string_view output, std::string_view expected,
                   const ReferenceOptions& options) {
    const std::string want = normaliseAnswer(expected);
    std::vector<std::string> labels = options.labels;
    if (std::find(labels.begin(), labels.end(), want) == labels.end())
        labels.push_back(want);
    const auto got = extractLabel(output, labels);
    if (!got)
        return {0.0, "no single label in the answer"};
    return {*got == want ? 1.0 : 0.0, "label '" + *got + "'"};
}

ScoreOutcome regex(std::string_view output, std::string_view expected) {
    try {
        const std::regex pattern(std::string(expected), std::regex::ECMAScript);
        const bool found = std::regex_search(std::string(output), pattern);
        return {found ? 1.0 : 0.0, found ? "pattern found" : "pattern not found"};
    } catch (const std::regex_error& error) {
        return {0.0, std::string("invalid pattern: ") + error.what()};
    }
}

} // namespace

std::string_view referenceScorerName(ReferenceScorer scorer) {
    for (const auto& [value, name] : kNames)
        if (value == scorer)
            return name;
    return "exact";
}

std::optional<ReferenceScorer> parseReferenceScorer(std::string_view name) {
    for (const auto& [value, known] : kNames)
        if (known == name)
            return value;
    return std::nullopt;
}

std::string storedScorerName(ReferenceScorer scorer) {
    return std::string(referenceScorerName(scorer)) + "@" +
           std::to_string(kReferenceScorersVersion);
}

ScoreOutcome scoreAgainstReference(ReferenceScorer scorer, std::string_view output,
                                   std::string_view expected, const ReferenceOptions& options) {
    switch (scorer) {
    case ReferenceScorer::Exact:
        return {output == expected ? 1.0 : 0.0, output == expected ? "identical" : "different"};
    case ReferenceScorer::Normalised: {
        const bool equal = normaliseAnswer(output) == normaliseAnswer(expected);
        return {equal ? 1.0 : 0.0, equal ? "equal once normalised" : "different"};
    }
    case ReferenceScorer::Contains: {
        const std::string want = normaliseAnswer(expected);
        const bool found = normaliseAnswer(output).find(want) != std::string::npos;
        return {found ? 1.0 : 0.0, found ? "reference found" : "reference not found"};
    }
    case ReferenceScorer::Regex:
        return regex(output, expected);
    case ReferenceScorer::Label:
        return label(output, expected, options);
    case ReferenceScorer::Numeric:
        return numeric(output, expected, options);
    case ReferenceScorer::Json:
        return json(output, expected);
    case ReferenceScorer::TokenF1: {
        const double f1 =
            detail::tokenF1(detail::answerTokens(output), detail::answerTokens(expected));
        return {f1, "token F1"};
    }
    case ReferenceScorer::RougeL: {
        const double f = detail::rougeL(detail::answerTokens(output, false),
                                        detail::answerTokens(expected, false));
        return {f, "ROUGE-L F"};
    }
    }
    return {0.0, "unknown scorer"};
}

std::vector<std::string> labelSet(std::span<const std::string> expected) {
    std::set<std::string> distinct;
    for (const std::string& answer : expected)
        if (std::string label = normaliseAnswer(answer); !label.empty())
            distinct.insert(std::move(label));
    return {distinct.begin(), distinct.end()};
}

ReferenceScorer chooseReferenceScorer(std::span<const std::string> expected, std::string* reason) {
    auto say = [reason](std::string text) {
        if (reason)
            *reason = std::move(text);
    };
    std::vector<std::string_view> answers;
    for (const std::string& answer : expected)
        if (!normaliseAnswer(answer).empty())
            answers.push_back(answer);
    if (answers.empty()) {
        say("no expected answers: token F1 by default");
        return ReferenceScorer::TokenF1;
    }
    auto every = [&answers](auto&& test) {
        return std::all_of(answers.begin(), answers.end(), test);
    };
    if (every([](std::string_view a) {
            const auto parsed = extractJson(a);
            return parsed && parsed->is_object();
        })) {
        say("every expected answer is a JSON object");
        return ReferenceScorer::Json;
    }
    const std::vector<std::string> labels = labelSet(expected);
    const bool fewShort =
        labels.size() <= std::min(kMaxLabels, answers.size() / 2) &&
        std::all_of(labels.begin(), labels.end(),
                    [](const std::string& l) { return l.size() <= kMaxLabelLength; });
    const bool numbers = every([](std::string_view a) {
        return extractFinalNumber(a).has_value() &&
               (a.find("####") != std::string_view::npos || a.size() <= kMaxLabelLength);
    });
    if (numbers) {
        say("every expected answer is a number");
        return ReferenceScorer::Numeric;
    }
    if (fewShort) {
        say(std::to_string(labels.size()) + " distinct short answers: a label set");
        return ReferenceScorer::Label;
    }
    say("free-text answers");
    return ReferenceScorer::TokenF1;
}

} // namespace switchyard::eval
