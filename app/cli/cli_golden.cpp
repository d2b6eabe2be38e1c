#include "cli_golden.h"

#include "workbench/golden_ops.h"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace switchyard;

int runGoldenCommand(const CliArgs& args) {
    const auto setName = args.option("set");
    if (!setName || setName->empty()) {
        std::cerr << "switchyard-cli: --set NAME is required (see switchyard-cli golden --help)\n";
        return 2;
    }
    if (args.flag("mark") && args.flag("unmark")) {
        std::cerr << "switchyard-cli: --mark and --unmark exclude each other\n";
        return 2;
    }
    auto workspace = Workspace::open(*args.option("workspace"));
    if (!workspace) {
        std::cerr << "switchyard-cli: " << workspace.error().toString() << "\n";
        return 1;
    }
    const auto setId = (*workspace)->findPromptSet(*setName);
    if (!setId) {
        std::cerr << "switchyard-cli: no prompt set named '" << *setName << "'\n";
        return 1;
    }
    auto status = args.flag("mark")     ? workbench::markGolden(**workspace, *setId)
                  : args.flag("unmark") ? workbench::unmarkGolden(**workspace, *setId)
                                        : workbench::goldenStatus(**workspace, *setId);
    if (!status) {
        std::cerr << "switchyard-cli: " << status.error().toString() << "\n";
        return 1;
    }
    if (args.flag("json")) {
        nlohmann::json versions = nlohmann::json::array();
        for (const GoldenVersion& version : status->versions)
            versions.push_back({{"version", version.version},
                                {"prompts", version.prompts},
                                {"sha256", version.contentSha256},
                                {"created_at", version.createdAt}});
        std::cout << nlohmann::json{{"set", status->setName},
                                    {"golden", status->golden},
                                    {"version", status->currentVersion
                                                    ? nlohmann::json(*status->currentVersion)
                                                    : nlohmann::json(nullptr)},
                                    {"prompts", status->prompts},
                                    {"sha256", status->currentSha256},
                                    {"versions", versions}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    std::cout << "Set '" << status->setName << "' (" << status->prompts << " prompts, sha256 "
              << status->currentSha256.substr(0, 12) << "…): ";
    if (status->golden && status->currentVersion)
        std::cout << "golden, version " << *status->currentVersion << "\n";
    else if (status->golden)
        std::cout << "golden, changed since version " << status->versions.back().version
                  << " (mark it again to make version " << status->versions.back().version + 1
                  << ")\n";
    else
        std::cout << "not golden\n";
    for (const GoldenVersion& version : status->versions)
        std::cout << "  version " << version.version << ": " << version.prompts << " prompts, "
                  << version.createdAt << ", sha256 " << version.contentSha256.substr(0, 12)
                  << "…\n";
    return 0;
}
