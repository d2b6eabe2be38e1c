// Reading answers: normal forms, numbers, JSON, labels and tokens (reference_scorers.h).
#include "eval/detail/answer_text.h"
#include "eval/reference_scorers.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

namespace switchyard::eval {

namespace {

bool isSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Typographic quotes, dashes and no-break spaces become spaces: a model writing “negative”
// names the label as surely as one writing "negative".
std::string withPlainPunctuation(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
        if (byte(0) == 0xE2 && i + 2 < text.size() && byte(1) == 0x80 &&
            ((byte(2) >= 0x98 && byte(2) <= 0x9F) || byte(2) == 0x93 || byte(2) == 0x94)) {
            out += ' ';
            i += 2;
        } else if (byte(0) == 0xC2 && i + 1 < text.size() && byte(1) == 0xA0) {
            out += ' ';
            i += 1;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "$1,234.50" -> 1234.5; nullopt when nothing numeric is left.
std::optional<double> parseNumber(std::string token) {
    token.erase(
        std::remove_if(token.begin(), token.end(), [](char c) { return c == ',' || c == '$'; }),
        token.end());
    try {
        size_t used = 0;
        const double value = std::stod(token, &used);
        return used > 0 ? std::optional(value) : std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// A number not glued to a word on its left, so "10-20" reads 10 and 20, not -20, and "v2"
// reads nothing; ".5" reads 0.5. Group 2 is the number.
const std::regex& numberPattern() {
    static const std::regex pattern(R"((^|[^\w.])(-?\$?(\d[\d,]*(\.\d+)?|\.\d+)))");
    return pattern;
}

// Every number in text[from, to), in order.
std::vector<double> numbersIn(const std::string& text, size_t from, size_t to) {
    std::vector<double> numbers;
    const auto begin = text.begin() + static_cast<std::ptrdiff_t>(from);
    const auto end = text.begin() + static_cast<std::ptrdiff_t>(std::min(to, text.size()));
    for (auto it = std::sregex_iterator(begin, end, numberPattern()); it != std::sregex_iterator();
         ++it)
        if (auto value = parseNumber((*it)[2].str()))
            numbers.push_back(*value);
    return numbers;
}

// Where the sentence holding `at` ends: a full stop before a space or a line end, or a line end.
size_t sentenceEnd(const std::string& text, size_t at) {
    for (size_t i = at; i < text.size(); ++i) {
        if (text[i] == '\n')
            return i;
        if (text[i] == '.' && (i + 1 == text.size() || isSpace(text[i + 1])))
            return i;
    }
    return text.size();
}

} // namespace

std::string normaliseAnswer(std::string_view original) {
    const std::string plain = withPlainPunctuation(original);
    const std::string_view text = plain;
    const std::string_view edges = " \t\r\n.,!?;:\"'`*()[]";
    const size_t first = text.find_first_not_of(edges);
    if (first == std::string_view::npos)
        return {};
    const size_t last = text.find_last_not_of(edges);
    std::string out;
    bool space = false;
    for (char c : text.substr(first, last - first + 1)) {
        if (isSpace(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::optional<double> extractFinalNumber(std::string_view text) {
    const std::string lowered = lower(text);
    if (const size_t hashes = lowered.rfind("####"); hashes != std::string::npos)
        if (const auto numbers = numbersIn(lowered, hashes + 4, lowered.size()); !numbers.empty())
            return numbers.front();
    // "The answer is 20 - 2 = 18." reads 18: the last number of the cue's sentence.
    size_t cue = std::string::npos;
    for (const char* phrase : {"answer is", "answer:"})
        if (const size_t at = lowered.rfind(phrase);
            at != std::string::npos && (cue == std::string::npos || at > cue))
            cue = at + std::char_traits<char>::length(phrase);
    if (cue != std::string::npos)
        if (const auto numbers = numbersIn(lowered, cue, sentenceEnd(lowered, cue));
            !numbers.empty())
            return numbers.back();
    const auto numbers = numbersIn(lowered, 0, lowered.size());
    return numbers.empty() ? std::nullopt : std::optional(numbers.back());
}

std::optional<nlohmann::json> extractJson(std::string_view text) {
    auto parse = [](std::string_view candidate) -> std::optional<nlohmann::json> {
        auto parsed = nlohmann::json::parse(candidate, nullptr, false);
        if (parsed.is_discarded())
            return std::nullopt;
        return parsed;
    };
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return std::nullopt;
    if (auto whole = parse(text.substr(first)))
        return whole;
    if (const size_t fence = text.find("```"); fence != std::string_view::npos) {
        const size_t bodyStart = text.find('\n', fence);
        const size_t close = bodyStart == std::string_view::npos ? std::string_view::npos
                                                                 : text.find("```", bodyStart);
        if (close != std::string_view::npos)
            if (auto fenced = parse(text.substr(bodyStart + 1, close - bodyStart - 1)))
                return fenced;
    }
    const size_t open = text.find_first_of("{[");
    const size_t end = text.find_last_of("}]");
    if (open != std::string_view::npos && end != std::string_view::npos && end > open)
        return parse(text.substr(open, end - open + 1));
    return std::nullopt;
}

std::optional<std::string> extractLabel(std::string_view text,
                                        std::span<const std::string> labels) {
    const std::string haystack = normaliseAnswer(text);
    struct Found {
        std::string label;
        size_t begin;
        size_t end;
    };
    std::vector<Found> found;
    for (const std::string& raw : labels) {
        const std::string label = normaliseAnswer(raw);
        if (label.empty())
            continue;
        for (size_t at = haystack.find(label); at != std::string::npos;
             at = haystack.find(label, at + 1)) {
            const size_t end = at + label.size();
            const bool wordStart = at == 0 || !isWordChar(haystack[at - 1]);
            const bool wordEnd = end == haystack.size() || !isWordChar(haystack[end]);
            if (wordStart && wordEnd)
                found.push_back({label, at, end});
        }
    }
    // "not spam" names one label, not "not spam" and "spam": an occurrence inside a longer
    // label's occurrence does not count.
    std::vector<std::string> named;
    for (const Found& occurrence : found) {
        const bool inside = std::any_of(found.begin(), found.end(), [&](const Found& other) {
            return other.label.size() > occurrence.label.size() &&
                   other.begin <= occurrence.begin && occurrence.end <= other.end;
        });
        if (!inside && std::find(named.begin(), named.end(), occurrence.label) == named.end())
            named.push_back(occurrence.label);
    }
    if (named.size() != 1)
        return std::nullopt;
    return named.front();
}

namespace detail {

std::vector<std::string> answerTokens(std::string_view original, bool dropArticles) {
    const std::string text = withPlainPunctuation(original);
    std::vector<std::string> tokens;
    std::string current;
    auto flush = [&]() {
        if (!current.empty() &&
            !(dropArticles && (current == "a" || current == "an" || current == "the")))
            tokens.push_back(current);
        current.clear();
    };
    for (char c : text) {
        if (isWordChar(c))
            current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else
            flush();
    }
    flush();
    return tokens;
}

double tokenF1(const std::vector<std::string>& output, const std::vector<std::string>& reference) {
    if (output.empty() || reference.empty())
        return output.empty() && reference.empty() ? 1.0 : 0.0;
    std::map<std::string_view, int64_t> counts;
    for (const std::string& token : reference)
        ++counts[token];
    int64_t common = 0;
    for (const std::string& token : output)
        if (auto it = counts.find(token); it != counts.end() && it->second > 0) {
            --it->second;
            ++common;
        }
    if (common == 0)
        return 0.0;
    const double precision = static_cast<double>(common) / static_cast<double>(output.size());
    const double recall = static_cast<double>(common) / static_cast<double>(reference.size());
    return 2.0 * precision * recall / (precision + recall);
}

double rougeL(const std::vector<std::string>& output, const std::vector<std::string>& reference) {
    if (output.empty() || reference.empty())
        return output.empty() && reference.empty() ? 1.0 : 0.0;
    // One row of the LCS table at a time: memory in the reference's length.
    std::vector<int64_t> previous(reference.size() + 1, 0);
    std::vector<int64_t> row(reference.size() + 1, 0);
    for (const std::string& token : output) {
        for (size_t j = 1; j <= reference.size(); ++j)
            row[j] =
                token == reference[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], row[j - 1]);
        std::swap(previous, row);
    }
    const double lcs = static_cast<double>(previous[reference.size()]);
    if (lcs == 0.0)
        return 0.0;
    const double precision = lcs / static_cast<double>(output.size());
    const double recall = lcs / static_cast<double>(reference.size());
    return 2.0 * precision * recall / (precision + recall);
}

} // namespace detail

} // namespace switchyard::eval
