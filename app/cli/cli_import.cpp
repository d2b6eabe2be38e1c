#include "cli_import.h"

#include "store/prompt_import.h"

#include <nlohmann/json.hpp>

#include <csignal>
#include <iostream>

using namespace switchyard;

namespace {

// Ctrl+C stops the import after the current batch; what was committed stays.
CancelToken g_cancel;
extern "C" void onInterrupt(int) {
    g_cancel.cancel();
}

} // namespace

int runImportCommand(const CliArgs& args) {
    const bool json = args.flag("json");
    const std::string workspacePath = *args.option("workspace");
    auto workspace = Workspace::open(workspacePath);
    if (!workspace) {
        std::cerr << "switchyard-cli: " << workspace.error().toString() << "\n";
        return 1;
    }
    std::signal(SIGINT, onInterrupt);

    nlohmann::json sets = nlohmann::json::array();
    nlohmann::json rejected = nlohmann::json::array();
    nlohmann::json fileErrors = nlohmann::json::array();
    int64_t totalAccepted = 0;
    int64_t totalRejected = 0;
    const std::string setName = args.option("set").value_or("");
    for (const std::string& file : args.positional) {
        auto report = importPromptFile(**workspace, file, setName, &g_cancel);
        if (!report) {
            fileErrors.push_back({{"file", file}, {"reason", report.error().message}});
            if (!json)
                std::cerr << "switchyard-cli: " << report.error().toString() << "\n";
            continue;
        }
        totalAccepted += report->accepted;
        totalRejected += report->rejectedCount;
        if (report->setId != 0)
            sets.push_back({{"name", report->setName},
                            {"id", report->setId},
                            {"file", file},
                            {"prompts", report->accepted}});
        for (const Error& error : report->rejected)
            rejected.push_back({{"file", error.file},
                                {"line", error.line},
                                {"field", error.field},
                                {"reason", error.message}});
        if (!json) {
            std::cout << file << ": " << report->accepted << " prompts into set '"
                      << report->setName << "', " << report->rejectedCount << " lines rejected"
                      << (report->cancelled ? " (cancelled)" : "") << "\n";
            for (const Error& error : report->rejected)
                std::cout << "  rejected " << error.toString() << "\n";
            if (report->rejectedCount > static_cast<int64_t>(report->rejected.size()))
                std::cout << "  ... and "
                          << report->rejectedCount - static_cast<int64_t>(report->rejected.size())
                          << " more rejected lines\n";
        }
        if (report->cancelled)
            break;
    }
    if (json) {
        nlohmann::json out = {{"sets", sets},
                              {"prompts", totalAccepted},
                              {"rejected", rejected},
                              {"rejected_count", totalRejected},
                              {"file_errors", fileErrors},
                              {"cancelled", g_cancel.cancelled()}};
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << "imported " << totalAccepted << " prompts into " << sets.size() << " set(s); "
                  << totalRejected << " lines rejected\n";
    }
    if (totalAccepted == 0) {
        std::cerr << "switchyard-cli: nothing was imported\n";
        return 1;
    }
    return 0;
}
