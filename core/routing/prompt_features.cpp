#include "routing/prompt_features.h"

#include "prompts/token_estimate.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <string>

namespace switchyard::routing {

namespace {

// Cue lists, matched in the lower-cased text; each distinct cue found counts once. A cue that
// starts (ends) with a letter must start (end) a word, so "then" is not found in "authenticate";
// a trailing '*' marks a stem ("diagnos*" finds "diagnosis" and "diagnose").
constexpr const char* kCodeCues[] = {
    "```",         "def ",      "#include", "function", "=>",         "select", "class ",
    "return ",     "();",       "{\n",      "import",   "console.",   "std::",  "regex",
    "stack trace", "traceback", "sql",      "python",   "javascript", "c++"};
constexpr const char* kMathsCues[] = {"calculat*", "comput*",    "solve",    "equation",
                                      "percent*",  "%",          "average",  "probabilit*",
                                      "integral",  "derivative", "how many", "how much",
                                      "total",     "ratio",      "interest"};
constexpr const char* kStepCues[] = {
    "step by step",  "first",           "then",     "finally",   "compare",
    "explain why",   "analys*",         "analyz*",  "trade-off", "justify",
    "pros and cons", "walk me through", "evaluate", "plan for"};
constexpr const char* kDomainCues[] = {
    "contract*", "clause*",   "liabilit*", "gdpr",    "complian*", "regulat*", "diagnos*",
    "symptom*",  "dosage",    "taxes",     "taxable", "audit*",    "amortis*", "amortiz*",
    "encrypt*",  "vulnerab*", "legal",     "medical", "invoice*",  "sla"};

bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool containsCue(const std::string& lower, std::string_view cue) {
    const bool stem = !cue.empty() && cue.back() == '*';
    if (stem)
        cue.remove_suffix(1);
    const bool wordStart = isWordChar(cue.front());
    const bool wordEnd = !stem && isWordChar(cue.back());
    for (size_t at = lower.find(cue); at != std::string::npos; at = lower.find(cue, at + 1)) {
        if (wordStart && at > 0 && isWordChar(lower[at - 1]))
            continue;
        const size_t end = at + cue.size();
        if (wordEnd && end < lower.size() && isWordChar(lower[end]))
            continue;
        return true;
    }
    return false;
}

template <size_t N> uint8_t countCues(const std::string& lower, const char* const (&cues)[N]) {
    int found = 0;
    for (const char* cue : cues)
        if (containsCue(lower, cue))
            ++found;
    return static_cast<uint8_t>(std::min(found, 255));
}

// "12 * 7", "3+4", "x = 5": a digit, an operator, a digit, with optional spaces between.
uint8_t arithmeticExpressions(const std::string& text) {
    int found = 0;
    for (size_t i = 0; i < text.size() && found < 255; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            continue;
        size_t j = i + 1;
        while (j < text.size() && text[j] == ' ')
            ++j;
        if (j >= text.size() || text[j] == '\0' || !std::strchr("+-*/^=x", text[j]))
            continue;
        ++j;
        while (j < text.size() && text[j] == ' ')
            ++j;
        if (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) {
            ++found;
            i = j;
        }
    }
    return static_cast<uint8_t>(found);
}

} // namespace

PromptFeatures promptFeatures(std::string_view text, int64_t inputTokens) {
    PromptFeatures features;
    features.inputTokens = static_cast<float>(std::max<int64_t>(inputTokens, 0));
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    int words = 0;
    bool inWord = false;
    int questions = 0;
    for (const char c : lower) {
        const bool space = std::isspace(static_cast<unsigned char>(c));
        if (!space && !inWord)
            ++words;
        inWord = !space;
        questions += c == '?';
    }
    features.words = static_cast<uint16_t>(std::min(words, 65535));
    features.questions = static_cast<uint8_t>(std::min(questions, 255));
    features.codeSignals = countCues(lower, kCodeCues);
    features.mathsSignals = static_cast<uint8_t>(std::min(
        255, countCues(lower, kMathsCues) + std::min<int>(arithmeticExpressions(lower), 3)));
    features.multiStepCues = countCues(lower, kStepCues);
    features.domainWords = countCues(lower, kDomainCues);
    return features;
}

double complexityScore(const PromptFeatures& features) {
    const auto capped = [](double value, double cap) { return std::min(value, cap) / cap; };
    const double length = std::clamp(
        std::log2(1.0 + features.inputTokens / 25.0) / std::log2(1.0 + 2000.0 / 25.0), 0.0, 1.0);
    return 0.30 * length + 0.10 * capped(features.questions, 3) +
           0.20 * capped(features.codeSignals, 2) + 0.15 * capped(features.mathsSignals, 3) +
           0.15 * capped(features.multiStepCues, 3) + 0.10 * capped(features.domainWords, 3);
}

PromptFeatures promptFeaturesOf(const Prompt& prompt) {
    return promptFeatures(prompt.lastUserText(),
                          estimatePromptTokens(prompt, TokenizerFamily::Generic));
}

} // namespace switchyard::routing
