#pragma once

#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

// The parsed command line of switchyard-cli: `COMMAND [--option VALUE]... [--flag]... [ARG]...`.
struct CliArgs {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options; // repeatable
    std::set<std::string> flags;

    std::optional<std::string> option(const std::string& name) const;
    bool flag(const std::string& name) const { return flags.count(name) > 0; }
};

// What a command accepts, so unknown or incomplete options are bad arguments (exit 2).
struct CommandSpec {
    std::string name;
    std::string usage;             // one line: "import FILE... [--set NAME]"
    std::string summary;           // one sentence
    std::set<std::string> options; // take a value
    std::set<std::string> flags;   // take none
    size_t minPositional = 0;
};

// Parses argv[1..] against the spec of its command. On failure returns nullopt and sets error.
std::optional<CliArgs> parseCliArgs(const std::vector<std::string>& argv,
                                    const std::vector<CommandSpec>& commands, std::string& error);

// The whole of `text` as a finite number ("1e3", "0.5"); nullopt for anything else ("5x", "",
// "nan").
std::optional<double> parseFiniteNumber(const std::string& text);

// The whole of `text` as a number of type T ("300" as int64_t; "3.5" is not one); nullopt else.
template <typename T> std::optional<T> parseNumber(const std::string& text) {
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// "a, b,,c" -> {"a", "b", "c"}: a comma-separated option's items, trimmed, empty ones dropped.
std::vector<std::string> splitCommaList(const std::string& text);
