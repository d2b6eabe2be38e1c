#include "eval/reference_scorers.h"

#include "eval/detail/answer_text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <regex>

namespace switchyard::eval {

namespace {

constexpr std::array<std::pair<ReferenceScorer, std::string_view>, 10> kNames = {{
    {ReferenceScorer::Exact, "exact"},
    {ReferenceScorer::Normalised, "normalised"},
    {ReferenceScorer::Contains, "contains"},
    {ReferenceScorer::Regex, "regex"},
    {ReferenceScorer::Label, "label"},
    {ReferenceScorer::Numeric, "numeric"},
    {ReferenceScorer::Json, "json"},
    {ReferenceScorer::TokenF1, "token-f1"},
    {ReferenceScorer::RougeL, "rouge-l"},
    {ReferenceScorer::Auto, "auto"},
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

ScoreOutcome jsonKeys(std::string_view output, std::string_view expected) {
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

// std::regex matches recursively: a pattern like ".*" over a very long answer would exhaust
// the stack, so only the answer's first kRegexBytes are searched, and the detail says so.
constexpr size_t kRegexBytes = 16 * 1024;

ScoreOutcome regex(std::string_view output, std::string_view expected) {
    try {
        const std::regex pattern(std::string(expected), std::regex::ECMAScript);
        const bool cut = output.size() > kRegexBytes;
        const bool found = std::regex_search(std::string(output.substr(0, kRegexBytes)), pattern);
        std::string detail = found ? "pattern found" : "pattern not found";
        if (cut)
            detail += " in the answer's first 16 KiB";
        return {found ? 1.0 : 0.0, detail};
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
        return jsonKeys(output, expected);
    case ReferenceScorer::TokenF1: {
        const double f1 =
            detail::tokenF1(detail::answerTokens(output), detail::answerTokens(expected));
        return {f1, "token F1"};
    }
    case ReferenceScorer::Auto:
        return scoreAgainstReference(scorerForAnswer(expected, options.labels), output, expected,
                                     options);
    case ReferenceScorer::RougeL: {
        const double f = detail::rougeL(detail::answerTokens(output, false),
                                        detail::answerTokens(expected, false));
        return {f, "ROUGE-L F"};
    }
    }
    return {0.0, "unknown scorer"};
}

bool isNumberAnswer(std::string_view expected) {
    if (expected.find("####") != std::string_view::npos)
        return extractFinalNumber(expected).has_value();
    static const std::regex number(R"(-?\$?\d[\d,]*(\.\d+)?%?)");
    return std::regex_match(normaliseAnswer(expected), number);
}

namespace {

bool isJsonObjectAnswer(std::string_view expected) {
    const auto parsed = extractJson(expected);
    return parsed && parsed->is_object();
}

} // namespace

std::vector<std::string> labelSet(std::span<const std::string> expected) {
    std::map<std::string, int64_t> shortAnswers; // normalised -> how often
    int64_t count = 0;
    for (const std::string& answer : expected) {
        std::string label = normaliseAnswer(answer);
        if (label.empty() || label.size() > kMaxLabelLength || isNumberAnswer(answer) ||
            isJsonObjectAnswer(answer))
            continue;
        ++shortAnswers[std::move(label)];
        ++count;
    }
    // A set of labels comes back: at most one distinct answer per two. Otherwise only the short
    // answers that repeat are labels among free text.
    const bool allLabels =
        shortAnswers.size() <= std::min<size_t>(kMaxLabels, static_cast<size_t>(count) / 2);
    std::vector<std::string> labels;
    for (const auto& [label, times] : shortAnswers)
        if (allLabels || times >= 2)
            labels.push_back(label);
    return labels;
}

ReferenceScorer scorerForAnswer(std::string_view expected, std::span<const std::string> labels) {
    if (isJsonObjectAnswer(expected))
        return ReferenceScorer::Json;
    if (isNumberAnswer(expected))
        return ReferenceScorer::Numeric;
    const std::string normalised = normaliseAnswer(expected);
    if (std::find(labels.begin(), labels.end(), normalised) != labels.end())
        return ReferenceScorer::Label;
    return ReferenceScorer::TokenF1;
}

ReferenceScorer chooseReferenceScorer(std::span<const std::string> expected, std::string* reason) {
    auto say = [reason](std::string text) {
        if (reason)
            *reason = std::move(text);
    };
    const std::vector<std::string> labels = labelSet(expected);
    std::map<ReferenceScorer, int64_t> shapes;
    for (const std::string& answer : expected)
        if (!normaliseAnswer(answer).empty())
            ++shapes[scorerForAnswer(answer, labels)];
    if (shapes.empty()) {
        say("no expected answers: token F1 by default");
        return ReferenceScorer::TokenF1;
    }
    if (shapes.size() == 1) {
        switch (shapes.begin()->first) {
        case ReferenceScorer::Json:
            say("every expected answer is a JSON object");
            break;
        case ReferenceScorer::Numeric:
            say("every expected answer is a number");
            break;
        case ReferenceScorer::Label:
            say(std::to_string(labels.size()) + " distinct short answers: a label set");
            break;
        default:
            say("free-text answers");
            break;
        }
        return shapes.begin()->first;
    }
    std::string mix;
    for (const auto& [scorer, count] : shapes)
        mix += (mix.empty() ? "" : ", ") + std::to_string(count) + " " +
               std::string(referenceScorerName(scorer));
    say("mixed answers (" + mix + "): each scored by its own shape");
    return ReferenceScorer::Auto;
}

} // namespace switchyard::eval
