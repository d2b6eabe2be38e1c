// The volatile-value scanner and whitespace normalisation of the cacheability linter.
// Hand-written matchers rather than std::regex: a prompt set is scanned line by line and
// std::regex is orders of magnitude slower.
#include "cache/cache_linter.h"

#include <array>
#include <optional>

namespace switchyard {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlpha(char c) {
    const char lower = static_cast<char>(c | 0x20);
    return lower >= 'a' && lower <= 'z';
}
bool isAlnum(char c) {
    return isDigit(c) || isAlpha(c);
}
bool isWordChar(char c) {
    return isAlnum(c) || c == '_';
}
bool isHex(char c) {
    const char lower = static_cast<char>(c | 0x20);
    return isDigit(c) || (lower >= 'a' && lower <= 'f');
}
bool isIdChar(char c) {
    return isWordChar(c) || c == '-';
}

// Digits at i, at most `most`.
size_t digitsAt(std::string_view t, size_t i, size_t most) {
    size_t count = 0;
    while (i + count < t.size() && count < most && isDigit(t[i + count]))
        ++count;
    return count;
}

int valueOf(std::string_view t, size_t i, size_t length) {
    int value = 0;
    for (size_t k = 0; k < length; ++k)
        value = value * 10 + (t[i + k] - '0');
    return value;
}

// Nothing word-like may follow a match: "2024-05-01x" is not a date.
bool endsWord(std::string_view t, size_t i) {
    return i >= t.size() || !isWordChar(t[i]);
}

bool hasAt(std::string_view t, size_t i, std::string_view word) {
    return t.substr(i, word.size()) == word;
}

// An optional time zone after a time: Z, +02:00, -0500, " UTC", " GMT".
size_t zoneEnd(std::string_view t, size_t i) {
    if (i < t.size() && t[i] == 'Z')
        return i + 1;
    if (i < t.size() && (t[i] == '+' || t[i] == '-') && digitsAt(t, i + 1, 2) == 2) {
        size_t end = i + 3;
        if (end < t.size() && t[end] == ':')
            ++end;
        if (digitsAt(t, end, 2) == 2)
            end += 2;
        return end;
    }
    for (std::string_view zone : {" UTC", " GMT"})
        if (hasAt(t, i, zone))
            return i + zone.size();
    return i;
}

// HH:MM[:SS[.fff]] plus zone; with requireSeconds, HH:MM:SS at least. Returns the end or nullopt.
std::optional<size_t> timeEnd(std::string_view t, size_t i, bool requireSeconds) {
    const size_t hour = digitsAt(t, i, 2);
    if (hour == 0 || i + hour >= t.size() || t[i + hour] != ':' || valueOf(t, i, hour) > 23)
        return std::nullopt;
    size_t end = i + hour + 1;
    if (digitsAt(t, end, 2) != 2 || valueOf(t, end, 2) > 59)
        return std::nullopt;
    end += 2;
    bool seconds = false;
    if (end + 2 < t.size() && t[end] == ':' && digitsAt(t, end + 1, 2) == 2) {
        end += 3;
        seconds = true;
        if (end + 1 < t.size() && (t[end] == '.' || t[end] == ',') && isDigit(t[end + 1])) {
            ++end;
            while (end < t.size() && isDigit(t[end]))
                ++end;
        }
    }
    if (requireSeconds && !seconds)
        return std::nullopt;
    end = zoneEnd(t, end);
    if (!endsWord(t, end))
        return std::nullopt;
    return end;
}

// A date, then optionally "T" or " " and a time: a timestamp.
std::optional<VolatileMatch> dateWithOptionalTime(std::string_view t, size_t begin, size_t end) {
    if (end < t.size() && (t[end] == 'T' || t[end] == ' ') && end + 1 < t.size() &&
        isDigit(t[end + 1]))
        if (auto time = timeEnd(t, end + 1, false))
            return VolatileMatch{VolatileKind::Timestamp, begin, *time};
    if (!endsWord(t, end))
        return std::nullopt;
    return VolatileMatch{VolatileKind::Date, begin, end};
}

std::optional<VolatileMatch> uuidAt(std::string_view t, size_t i) {
    static constexpr std::array<size_t, 5> kGroups{8, 4, 4, 4, 12};
    size_t end = i;
    for (size_t g = 0; g < kGroups.size(); ++g) {
        if (g > 0) {
            if (end >= t.size() || t[end] != '-')
                return std::nullopt;
            ++end;
        }
        for (size_t k = 0; k < kGroups[g]; ++k, ++end)
            if (end >= t.size() || !isHex(t[end]))
                return std::nullopt;
    }
    if (!endsWord(t, end) || (end < t.size() && t[end] == '-'))
        return std::nullopt;
    return VolatileMatch{VolatileKind::Uuid, i, end};
}

// 2024-05-01, 2024/05/01, 2024.05.01 (+ time).
std::optional<VolatileMatch> isoDateAt(std::string_view t, size_t i) {
    if (digitsAt(t, i, 5) != 4 || i + 4 >= t.size())
        return std::nullopt;
    const char separator = t[i + 4];
    if (separator != '-' && separator != '/' && separator != '.')
        return std::nullopt;
    size_t end = i + 5;
    const size_t month = digitsAt(t, end, 3);
    if (month == 0 || month > 2 || valueOf(t, end, month) < 1 || valueOf(t, end, month) > 12)
        return std::nullopt;
    end += month;
    if (end >= t.size() || t[end] != separator)
        return std::nullopt;
    ++end;
    const size_t day = digitsAt(t, end, 3);
    if (day == 0 || day > 2 || valueOf(t, end, day) < 1 || valueOf(t, end, day) > 31)
        return std::nullopt;
    return dateWithOptionalTime(t, i, end + day);
}

// 01/05/2024, 1.5.2024 (+ time).
std::optional<VolatileMatch> dayMonthYearAt(std::string_view t, size_t i) {
    const size_t first = digitsAt(t, i, 3);
    if (first == 0 || first > 2 || i + first >= t.size())
        return std::nullopt;
    const char separator = t[i + first];
    if (separator != '/' && separator != '.' && separator != '-')
        return std::nullopt;
    size_t end = i + first + 1;
    const size_t second = digitsAt(t, end, 3);
    if (second == 0 || second > 2 || end + second >= t.size() || t[end + second] != separator)
        return std::nullopt;
    end += second + 1;
    if (digitsAt(t, end, 5) != 4)
        return std::nullopt;
    return dateWithOptionalTime(t, i, end + 4);
}

constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};

// A month name (full or three letters, any case, optional dot) at i; returns its length.
size_t monthNameAt(std::string_view t, size_t i) {
    size_t letters = 0;
    while (i + letters < t.size() && isAlpha(t[i + letters]))
        ++letters;
    if (letters < 3)
        return 0;
    std::string word;
    for (size_t k = 0; k < letters; ++k)
        word += static_cast<char>(t[i + k] | 0x20);
    for (std::string_view month : kMonths)
        if (word == month || (letters == 3 && month.substr(0, 3) == word) ||
            (word == "sept" && month == "september")) {
            size_t end = i + letters;
            if (end < t.size() && t[end] == '.')
                ++end;
            return end - i;
        }
    return 0;
}

// "May 1, 2024", "May 1st 2024" (+ time).
std::optional<VolatileMatch> monthDayYearAt(std::string_view t, size_t i) {
    const size_t month = monthNameAt(t, i);
    if (month == 0 || i + month >= t.size() || t[i + month] != ' ')
        return std::nullopt;
    size_t end = i + month + 1;
    const size_t day = digitsAt(t, end, 3);
    if (day == 0 || day > 2)
        return std::nullopt;
    end += day;
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (hasAt(t, end, suffix)) {
            end += 2;
            break;
        }
    if (end < t.size() && t[end] == ',')
        ++end;
    if (end >= t.size() || t[end] != ' ' || digitsAt(t, end + 1, 5) != 4)
        return std::nullopt;
    return dateWithOptionalTime(t, i, end + 5);
}

// "1 May 2024", "01 May 2024 10:00:00 GMT" (+ time).
std::optional<VolatileMatch> dayMonthNameYearAt(std::string_view t, size_t i) {
    const size_t day = digitsAt(t, i, 3);
    if (day == 0 || day > 2 || i + day >= t.size() || t[i + day] != ' ')
        return std::nullopt;
    size_t end = i + day + 1;
    const size_t month = monthNameAt(t, end);
    if (month == 0)
        return std::nullopt;
    end += month;
    if (end >= t.size() || t[end] != ' ' || digitsAt(t, end + 1, 5) != 4)
        return std::nullopt;
    return dateWithOptionalTime(t, i, end + 5);
}

// Seconds (10 digits) or milliseconds (13) since 1970 between 2001 and 2033.
std::optional<VolatileMatch> epochAt(std::string_view t, size_t i) {
    const size_t digits = digitsAt(t, i, 14);
    if ((digits != 10 && digits != 13) || t[i] != '1' || !endsWord(t, i + digits))
        return std::nullopt;
    return VolatileMatch{VolatileKind::Timestamp, i, i + digits};
}

// An identifier made of letters and digits: "req_8f3a9c2b71d04e", "chatcmpl-AbC123...", a long
// hex string. Ordinary words and model names rarely mix three digits into twelve characters.
std::optional<VolatileMatch> identifierAt(std::string_view t, size_t i) {
    size_t end = i;
    size_t digits = 0;
    size_t letters = 0;
    while (end < t.size() && isIdChar(t[end])) {
        digits += isDigit(t[end]) ? 1 : 0;
        letters += isAlpha(t[end]) ? 1 : 0;
        ++end;
    }
    while (end > i && t[end - 1] == '-') // a trailing hyphen is punctuation
        --end;
    const size_t length = end - i;
    const bool startsWithDigit = isDigit(t[i]);
    const bool looksLikeId = startsWithDigit ? (length >= 16 && letters >= 2 && digits >= 2)
                                             : (length >= 12 && letters >= 2 && digits >= 3);
    if (!looksLikeId)
        return std::nullopt;
    return VolatileMatch{VolatileKind::RequestId, i, end};
}

// 42, 1,234, 3.14 (not followed by a letter: "4o", "3rd" are not counters).
std::optional<VolatileMatch> plainNumberAt(std::string_view t, size_t i) {
    size_t end = i + digitsAt(t, i, t.size());
    while (end + 1 < t.size() && (t[end] == ',' || t[end] == '.') && isDigit(t[end + 1]))
        end += 1 + digitsAt(t, end + 1, t.size());
    if (end < t.size() && (isAlpha(t[end]) || t[end] == '_'))
        return std::nullopt;
    return VolatileMatch{VolatileKind::Number, i, end};
}

std::optional<VolatileMatch> matchAt(std::string_view t, size_t i) {
    if (isHex(t[i]))
        if (auto uuid = uuidAt(t, i))
            return uuid;
    if (isDigit(t[i])) {
        for (auto matcher : {isoDateAt, dayMonthYearAt, dayMonthNameYearAt, epochAt})
            if (auto match = matcher(t, i))
                return match;
        if (auto time = timeEnd(t, i, true))
            return VolatileMatch{VolatileKind::Timestamp, i, *time};
        if (auto id = identifierAt(t, i))
            return id;
        return plainNumberAt(t, i);
    }
    if (auto date = monthDayYearAt(t, i))
        return date;
    return identifierAt(t, i);
}

} // namespace

std::vector<VolatileMatch> findVolatileValues(std::string_view text) {
    std::vector<VolatileMatch> matches;
    size_t i = 0;
    while (i < text.size()) {
        const bool wordStart = isAlnum(text[i]) && (i == 0 || !isWordChar(text[i - 1]));
        if (!wordStart) {
            ++i;
            continue;
        }
        if (auto match = matchAt(text, i)) {
            matches.push_back(*match);
            i = match->end;
            continue;
        }
        while (i < text.size() && isWordChar(text[i]))
            ++i;
    }
    return matches;
}

std::string normaliseWhitespace(std::string_view text) {
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    };
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size() && isSpace(text[i]))
        ++i;
    while (i < text.size()) {
        if (!isSpace(text[i])) {
            out += text[i++];
            continue;
        }
        size_t end = i;
        int newlines = 0;
        int carriageReturns = 0;
        while (end < text.size() && isSpace(text[end])) {
            newlines += text[end] == '\n' ? 1 : 0;
            carriageReturns += text[end] == '\r' ? 1 : 0;
            ++end;
        }
        if (end == text.size())
            break; // trailing whitespace
        if (newlines == 0)
            newlines = carriageReturns; // old Mac line ends
        out += newlines == 0 ? " " : newlines == 1 ? "\n" : "\n\n";
        i = end;
    }
    return out;
}

} // namespace switchyard
