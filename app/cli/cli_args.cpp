#include "cli_args.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

std::optional<std::string> CliArgs::option(const std::string& name) const {
    auto found = options.find(name);
    if (found == options.end() || found->second.empty())
        return std::nullopt;
    return found->second.back();
}

std::optional<CliArgs> parseCliArgs(const std::vector<std::string>& argv,
                                    const std::vector<CommandSpec>& commands, std::string& error) {
    if (argv.empty()) {
        error = "no command given";
        return std::nullopt;
    }
    CliArgs args;
    args.command = argv[0];
    auto spec = std::find_if(commands.begin(), commands.end(),
                             [&](const CommandSpec& c) { return c.name == args.command; });
    if (spec == commands.end()) {
        error = "unknown command '" + args.command + "'";
        return std::nullopt;
    }
    for (size_t i = 1; i < argv.size(); ++i) {
        const std::string& word = argv[i];
        if (word.rfind("--", 0) != 0 || word == "--") {
            args.positional.push_back(word);
            continue;
        }
        std::string name = word.substr(2);
        std::optional<std::string> inlineValue;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (spec->flags.count(name)) {
            args.flags.insert(name);
        } else if (spec->options.count(name)) {
            if (!inlineValue && i + 1 >= argv.size()) {
                error = "option --" + name + " needs a value";
                return std::nullopt;
            }
            args.options[name].push_back(inlineValue ? *inlineValue : argv[++i]);
        } else {
            error = "unknown option --" + name + " for '" + args.command + "'";
            return std::nullopt;
        }
    }
    if (args.positional.size() < spec->minPositional) {
        error = "missing arguments: usage: switchyard-cli " + spec->usage;
        return std::nullopt;
    }
    return args;
}

std::optional<double> parseFiniteNumber(const std::string& text) {
    try {
        size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size() && std::isfinite(value))
            return value;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::vector<std::string> splitCommaList(const std::string& list) {
    std::vector<std::string> items;
    size_t start = 0;
    while (start <= list.size()) {
        const size_t comma = std::min(list.find(',', start), list.size());
        std::string item = list.substr(start, comma - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty())
            items.push_back(item);
        start = comma + 1;
    }
    return items;
}
