#include "prompts/detail/records.h"

#include <charconv>
#include <chrono>
#include <cmath>

namespace switchyard::detail {

const char* const kTimestampTypeMessage =
    "field 'timestamp' must be an ISO-8601 date-time or a number of epoch seconds or milliseconds";
const char* const kTimestampValueMessage =
    "field 'timestamp' is not an ISO-8601 date-time (e.g. 2026-11-27T10:00:00Z) or an epoch number";

std::string fieldNumberText(double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string();
}

void setPlainTurn(Prompt& prompt, std::string text, std::string system) {
    if (!system.empty())
        prompt.system.push_back(ContentBlock{std::move(system), false, {}});
    Message turn;
    turn.role = "user";
    turn.content.push_back(ContentBlock{std::move(text), false, {}});
    prompt.messages.push_back(std::move(turn));
}

void appendTag(std::vector<std::string>& tags, std::string_view tag) {
    const auto first = tag.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return;
    const auto last = tag.find_last_not_of(" \t\r\n");
    tags.emplace_back(tag.substr(first, last - first + 1));
}

void appendTagList(std::vector<std::string>& tags, std::string_view list) {
    size_t start = 0;
    for (size_t i = 0; i <= list.size(); ++i) {
        if (i == list.size() || list[i] == ',' || list[i] == ';' || list[i] == '|') {
            appendTag(tags, list.substr(start, i - start));
            start = i + 1;
        }
    }
}

namespace {

// Reads exactly `count` digits at `pos`.
bool readDigits(std::string_view text, size_t& pos, size_t count, int& value) {
    if (pos + count > text.size())
        return false;
    value = 0;
    for (size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    pos += count;
    return true;
}

bool readChar(std::string_view text, size_t& pos, char expected) {
    if (pos < text.size() && text[pos] == expected) {
        ++pos;
        return true;
    }
    return false;
}

} // namespace

std::optional<int64_t> parseIsoTimestampMs(std::string_view text) {
    size_t pos = 0;
    int year, month, day;
    if (!readDigits(text, pos, 4, year) || !readChar(text, pos, '-') ||
        !readDigits(text, pos, 2, month) || !readChar(text, pos, '-') ||
        !readDigits(text, pos, 2, day))
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(year),
                                           std::chrono::month(static_cast<unsigned>(month)),
                                           std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok())
        return std::nullopt;
    int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::sys_days(date).time_since_epoch())
                     .count();
    if (pos == text.size())
        return ms;

    if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')
        return std::nullopt;
    ++pos;
    int hour, minute, second = 0;
    if (!readDigits(text, pos, 2, hour) || !readChar(text, pos, ':') ||
        !readDigits(text, pos, 2, minute) || hour > 23 || minute > 59)
        return std::nullopt;
    if (readChar(text, pos, ':')) {
        // 60 is a leap second; it is folded into the next minute's first second.
        if (!readDigits(text, pos, 2, second) || second > 60)
            return std::nullopt;
        if (readChar(text, pos, '.') || readChar(text, pos, ',')) {
            int64_t fractionMs = 0;
            size_t digits = 0;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                if (digits < 3)
                    fractionMs = fractionMs * 10 + (text[pos] - '0');
                ++digits;
                ++pos;
            }
            if (digits == 0)
                return std::nullopt;
            for (size_t i = digits; i < 3; ++i)
                fractionMs *= 10;
            ms += fractionMs;
        }
    }
    ms += (int64_t{hour} * 3600 + int64_t{minute} * 60 + second) * 1000;

    if (pos == text.size())
        return ms; // no offset: UTC
    if (text[pos] == 'Z' || text[pos] == 'z')
        return pos + 1 == text.size() ? std::optional<int64_t>(ms) : std::nullopt;
    if (text[pos] != '+' && text[pos] != '-')
        return std::nullopt;
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int offsetHours, offsetMinutes = 0;
    if (!readDigits(text, pos, 2, offsetHours) || offsetHours > 23)
        return std::nullopt;
    const bool colon = readChar(text, pos, ':');
    if ((colon || pos < text.size()) &&
        (!readDigits(text, pos, 2, offsetMinutes) || offsetMinutes > 59))
        return std::nullopt;
    if (pos != text.size())
        return std::nullopt;
    // 10:00+01:00 is 09:00 UTC.
    return ms - sign * (int64_t{offsetHours} * 3600 + int64_t{offsetMinutes} * 60) * 1000;
}

std::optional<int64_t> epochMsFromNumber(double value) {
    const double magnitude = std::fabs(value);
    if (!std::isfinite(value) || magnitude > 9e18)
        return std::nullopt;
    if (magnitude < 1e11)
        return std::llround(value * 1000.0);
    if (magnitude < 1e14)
        return std::llround(value);
    if (magnitude < 1e17)
        return std::llround(value / 1000.0);
    return std::llround(value / 1e6);
}

std::optional<int64_t> parseTimestampText(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return std::nullopt;
    text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
    if (auto iso = parseIsoTimestampMs(text))
        return iso;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return epochMsFromNumber(value);
}

} // namespace switchyard::detail
