#pragma once

// Numbers as plain text, the same wherever the command line prints them (the GUI formats with
// the user's locale in ui/uiformat.h).

#include <cstdint>
#include <string>
#include <string_view>

namespace switchyard {

// "$1,234.56" from a dollar up; below it four decimals ("$0.0042"), and below a hundredth of a
// cent enough significant digits to tell amounts apart ("$0.000012").
std::string formatUsd(double value);
std::string withThousands(int64_t value);   // "1,234,567"
std::string formatPercent(double fraction); // 0.4213 -> "42.1%"
std::string formatFixed(double value, int decimals);
// `text` without the spaces and tabs around it.
std::string_view trimmed(std::string_view text);
// ASCII letters lower-cased; other bytes (UTF-8 included) as they are.
std::string lowerCase(std::string_view text);
// lowerCase with each run of white space one space and none at the ends, and the bytes in
// `drop` left out: the form under which texts that differ only in layout compare equal.
std::string collapsedLowerCase(std::string_view text, std::string_view drop = {});

} // namespace switchyard
