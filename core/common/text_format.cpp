#include "common/text_format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace switchyard {

std::string withThousands(int64_t value) {
    const uint64_t magnitude =
        value < 0 ? static_cast<uint64_t>(-(value + 1)) + 1 : static_cast<uint64_t>(value);
    std::string digits = std::to_string(magnitude);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::string formatUsd(double value) {
    const double magnitude = std::abs(value);
    const std::string sign = value < 0 ? "-$" : "$";
    if (magnitude > 0.0 && magnitude < 0.0001) {
        // Two significant digits, as decimals (%g would choose an exponent).
        const int decimals = std::max(6, static_cast<int>(-std::floor(std::log10(magnitude))) + 1);
        char text[48];
        std::snprintf(text, sizeof text, "%.*f", decimals, magnitude);
        return sign + text;
    }
    const int decimals = magnitude >= 1.0 || magnitude == 0.0 ? 2 : 4;
    const double scale = std::pow(10.0, decimals);
    const auto units = static_cast<int64_t>(std::llround(magnitude * scale));
    char fraction[32];
    std::snprintf(fraction, sizeof fraction, ".%0*lld", decimals,
                  static_cast<long long>(units % static_cast<int64_t>(scale)));
    return sign + withThousands(units / static_cast<int64_t>(scale)) + fraction;
}

std::string formatPercent(double fraction) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", fraction * 100.0);
    return text;
}

std::string formatFixed(double value, int decimals) {
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string lowerCase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string collapsedLowerCase(std::string_view text, std::string_view drop) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (drop.find(c) != std::string_view::npos)
            continue;
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace switchyard
