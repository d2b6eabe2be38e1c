#include "routing/answer_features.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::routing {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// "1,234": a comma after a digit and before exactly three digits ("3,4,5" is a list).
bool isThousandsComma(std::string_view text, size_t i) {
    return text[i] == ',' && i > 0 && isDigit(text[i - 1]) && i + 3 < text.size() &&
           isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]) &&
           (i + 4 >= text.size() || !isDigit(text[i + 4]));
}

// A number at `at` ("1,234.5", "$18", "-3"), read forward; `at` moves past it.
std::optional<double> readNumber(std::string_view text, size_t& at) {
    size_t i = at;
    bool negative = false;
    if (i < text.size() && text[i] == '-' && i + 1 < text.size() &&
        (isDigit(text[i + 1]) || text[i + 1] == '$')) {
        negative = true;
        ++i;
    }
    if (i < text.size() && text[i] == '$')
        ++i;
    if (i >= text.size() || !isDigit(text[i]))
        return std::nullopt;
    double value = 0.0;
    while (i < text.size()) {
        if (isDigit(text[i])) {
            value = value * 10.0 + (text[i] - '0');
            ++i;
        } else if (isThousandsComma(text, i)) {
            ++i;
        } else {
            break;
        }
    }
    if (i + 1 < text.size() && text[i] == '.' && isDigit(text[i + 1])) {
        double scale = 0.1;
        for (++i; i < text.size() && isDigit(text[i]); ++i, scale /= 10.0)
            value += (text[i] - '0') * scale;
    }
    at = i;
    return negative ? -value : value;
}

void skipSpaces(std::string_view text, size_t& at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
        ++at;
}

// An arithmetic operator at `at` (ASCII, or UTF-8 × and ÷), moving past it.
std::optional<char> readOperator(std::string_view text, size_t& at) {
    if (at >= text.size())
        return std::nullopt;
    const char c = text[at];
    if (c == '+' || c == '-' || c == '*' || c == '/') {
        ++at;
        return c;
    }
    if (c == 'x' && at + 1 < text.size() && text[at + 1] == ' ') {
        ++at;
        return '*';
    }
    if (text.substr(at, 2) == "\xC3\x97") {
        at += 2;
        return '*';
    }
    if (text.substr(at, 2) == "\xC3\xB7") {
        at += 2;
        return '/';
    }
    return std::nullopt;
}

// Left to right with * and / before + and -.
std::optional<double> evaluate(const std::vector<double>& numbers, const std::vector<char>& ops) {
    std::vector<double> terms{numbers.front()};
    std::vector<char> additive;
    for (size_t k = 0; k < ops.size(); ++k) {
        const double next = numbers[k + 1];
        if (ops[k] == '*') {
            terms.back() *= next;
        } else if (ops[k] == '/') {
            if (next == 0.0)
                return std::nullopt;
            terms.back() /= next;
        } else {
            additive.push_back(ops[k]);
            terms.push_back(next);
        }
    }
    double value = terms.front();
    for (size_t k = 0; k < additive.size(); ++k)
        value += additive[k] == '+' ? terms[k + 1] : -terms[k + 1];
    return value;
}

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The answer's stated final value: after "####", "answer is", "final answer" or "\boxed{";
// else its last number.
std::optional<double> finalValue(std::string_view answer, const std::string& lower, bool& stated) {
    stated = false;
    for (const char* marker : {"####", "\\boxed{", "final answer", "answer is", "answer:"}) {
        const size_t found = lower.rfind(marker);
        if (found == std::string::npos)
            continue;
        stated = true;
        const size_t end = std::min(answer.size(), found + std::string_view(marker).size() + 40);
        for (size_t at = found + std::string_view(marker).size(); at < end; ++at) {
            size_t cursor = at;
            if (auto value = readNumber(answer, cursor))
                return value;
        }
    }
    std::optional<double> last;
    for (size_t at = 0; at < answer.size();) {
        size_t cursor = at;
        if (auto value = readNumber(answer, cursor)) {
            last = value;
            at = cursor;
        } else {
            ++at;
        }
    }
    return last;
}

constexpr const char* kHedges[] = {"approximately",
                                   "assum",
                                   "not enough information",
                                   "unclear",
                                   "it depends",
                                   "however",
                                   "might",
                                   "not sure",
                                   "estimate",
                                   "cannot be determined"};
constexpr const char* kRefusals[] = {"i can't",      "i cannot", "i'm sorry",  "i am sorry",
                                     "i don't know", "as an ai", "i'm unable", "i am unable"};

float capped(double value, double cap) {
    return static_cast<float>(std::min(value, cap) / cap);
}

} // namespace

ArithmeticCheck checkArithmetic(std::string_view text) {
    ArithmeticCheck check;
    for (size_t at = 0; at < text.size();) {
        // A statement starts at a number not glued to a word or to a previous number.
        if (!(isDigit(text[at]) || text[at] == '$') ||
            (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) ||
                        text[at - 1] == '.' || text[at - 1] == ','))) {
            ++at;
            continue;
        }
        size_t cursor = at;
        std::vector<double> numbers;
        std::vector<char> ops;
        auto first = readNumber(text, cursor);
        if (!first) {
            ++at;
            continue;
        }
        numbers.push_back(*first);
        for (;;) {
            size_t probe = cursor;
            skipSpaces(text, probe);
            auto op = readOperator(text, probe);
            if (!op)
                break;
            skipSpaces(text, probe);
            auto next = readNumber(text, probe);
            if (!next)
                break;
            ops.push_back(*op);
            numbers.push_back(*next);
            cursor = probe;
        }
        size_t probe = cursor;
        skipSpaces(text, probe);
        if (!ops.empty() && probe < text.size() && text[probe] == '=') {
            ++probe;
            skipSpaces(text, probe);
            const auto stated = readNumber(text, probe);
            const auto worked = evaluate(numbers, ops);
            if (stated && worked) {
                const double tolerance = std::max(0.01, std::abs(*worked) * 0.01);
                if (std::abs(*worked - *stated) <= tolerance)
                    ++check.correct;
                else
                    ++check.wrong;
                cursor = probe;
            }
        }
        at = std::max(cursor, at + 1);
    }
    return check;
}

AnswerFeatures answerFeatures(std::string_view prompt, std::string_view answer) {
    AnswerFeatures f{};
    const std::string lower = lowered(answer);
    bool stated = false;
    const auto value = finalValue(answer, lower, stated);
    f[0] = stated ? 1.0f : 0.0f;
    if (value) {
        f[1] = *value == std::floor(*value) ? 1.0f : 0.0f;
        f[2] = *value < 0 ? 1.0f : 0.0f;
        f[3] = *value != std::floor(*value) ? 1.0f : 0.0f;
        for (size_t at = 0; at < prompt.size();) {
            size_t cursor = at;
            if (auto given = readNumber(prompt, cursor)) {
                if (*given == *value) {
                    f[4] = 1.0f;
                    break;
                }
                at = cursor;
            } else {
                ++at;
            }
        }
    }
    f[5] = static_cast<float>(std::log1p(static_cast<double>(answer.size())) / 8.0);
    const ArithmeticCheck arithmetic = checkArithmetic(answer);
    f[6] = capped(arithmetic.correct, 10);
    f[7] = capped(arithmetic.wrong, 5);
    f[8] = arithmetic.wrong > 0 ? 1.0f : 0.0f;
    int hedges = 0;
    for (const char* hedge : kHedges)
        hedges += lower.find(hedge) != std::string::npos ? 1 : 0;
    f[9] = capped(hedges, 3);
    const std::string_view head = std::string_view(lower).substr(0, 200);
    for (const char* refusal : kRefusals)
        if (head.find(refusal) != std::string_view::npos)
            f[10] = 1.0f;
    f[11] = capped(static_cast<double>(std::count(answer.begin(), answer.end(), '\n')), 30);
    size_t last = answer.find_last_not_of(" \t\r\n");
    if (last != std::string_view::npos) {
        const char c = answer[last];
        const bool closed = std::string_view(".!?)]}\"'`*>|").find(c) != std::string_view::npos ||
                            isDigit(c) || static_cast<unsigned char>(c) >= 0x80;
        f[12] = closed ? 0.0f : 1.0f;
    }
    return f;
}

} // namespace switchyard::routing
