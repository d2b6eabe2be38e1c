// switchyard-cli: the headless twin of the GUI (see the command-line contract in
// ARCHITECTURE.md). Exit codes: 0 success, 1 handled failure, 2 bad arguments.
#include "cli_args.h"
#include "cli_import.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

const std::vector<CommandSpec>& commands() {
    static const std::vector<CommandSpec> specs = {
        {"import",
         "import FILE... --workspace W [--set NAME] [--json]",
         "Import prompt sets from JSONL (plain, OpenAI chat, Anthropic Messages, Bedrock "
         "Converse, Bedrock batch, Bedrock distillation, OpenAI Batch) or CSV files. Bad lines "
         "are reported with file, line and reason; the good ones load. Exits 1 only when nothing "
         "could be imported.",
         {"workspace", "set"},
         {"json"},
         1},
    };
    return specs;
}

void printHelp(std::ostream& out) {
    out << "switchyard-cli: which model should serve which request, and what will that save?\n\n"
           "Usage: switchyard-cli COMMAND [OPTIONS]\n\n"
           "Every command takes --workspace FILE (created when missing), prints text by default\n"
           "and one JSON object with --json; exits 0 on success, 1 on a handled failure (message\n"
           "on stderr), 2 on bad arguments.\n\nCommands:\n";
    for (const CommandSpec& spec : commands())
        out << "  " << spec.usage << "\n      " << spec.summary << "\n\n";
    out << "switchyard-cli COMMAND --help shows one command.\n";
}

} // namespace

int main(int argc, char* argv[]) {
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        printHelp(std::cout);
        return words.empty() ? 2 : 0;
    }
    for (const std::string& word : words) {
        if (word == "--help" || word == "-h") {
            for (const CommandSpec& spec : commands())
                if (spec.name == words[0]) {
                    std::cout << "Usage: switchyard-cli " << spec.usage << "\n\n"
                              << spec.summary << "\n";
                    return 0;
                }
        }
    }
    std::string error;
    auto args = parseCliArgs(words, commands(), error);
    if (!args) {
        std::cerr << "switchyard-cli: " << error << " (see switchyard-cli --help)\n";
        return 2;
    }
    if (!args->option("workspace")) {
        std::cerr << "switchyard-cli: --workspace FILE is required\n";
        return 2;
    }
    if (args->command == "import")
        return runImportCommand(*args);
    return 2;
}
