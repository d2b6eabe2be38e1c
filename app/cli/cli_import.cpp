#include "cli_import.h"

#include "cli_catalogue.h"
#include "workbench/import_ops.h"

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
    auto outcome = workbench::importFiles(**workspace, args.positional,
                                          args.option("set").value_or(""), &g_cancel);
    if (!outcome) {
        std::cerr << "switchyard-cli: " << outcome.error().toString() << "\n";
        return 1;
    }
    printPriceProblems(outcome->priceProblems);

    nlohmann::json sets = nlohmann::json::array();
    nlohmann::json runs = nlohmann::json::array();
    nlohmann::json rejected = nlohmann::json::array();
    nlohmann::json fileErrors = nlohmann::json::array();
    int64_t totalAccepted = 0;
    int64_t totalRejected = 0;
    int64_t totalResults = 0;
    for (const Error& error : outcome->fileErrors) {
        fileErrors.push_back({{"file", error.file}, {"reason", error.message}});
        if (!json)
            std::cerr << "switchyard-cli: " << error.toString() << "\n";
    }
    for (const ImportReport& report : outcome->reports) {
        totalAccepted += report.accepted;
        totalRejected += report.rejectedCount;
        if (report.setId != 0)
            sets.push_back({{"name", report.setName},
                            {"id", report.setId},
                            {"file", report.file},
                            {"prompts", report.accepted}});
        for (const Error& error : report.rejected)
            rejected.push_back({{"file", error.file},
                                {"line", error.line},
                                {"field", error.field},
                                {"reason", error.message}});
        if (json)
            continue;
        std::cout << report.file << ": " << report.accepted << " prompts into set '"
                  << report.setName << "', " << report.rejectedCount << " lines rejected"
                  << (report.cancelled ? " (cancelled)" : "") << "\n";
        for (const Error& error : report.rejected)
            std::cout << "  rejected " << error.toString() << "\n";
        if (report.rejectedCount > static_cast<int64_t>(report.rejected.size()))
            std::cout << "  ... and "
                      << report.rejectedCount - static_cast<int64_t>(report.rejected.size())
                      << " more rejected lines\n";
    }
    for (const ResultsImportReport& run : outcome->runs) {
        totalResults += run.results;
        runs.push_back({{"file", run.file},
                        {"run_id", run.runId},
                        {"run", run.runName},
                        {"set", run.setName},
                        {"results", run.results}});
        if (!json)
            std::cout << run.file << ": recorded results, " << run.results << " of "
                      << run.models.size() << " model(s) into run '" << run.runName << "'\n";
    }
    if (json) {
        nlohmann::json out = {{"sets", sets},
                              {"runs", runs},
                              {"prompts", totalAccepted},
                              {"results", totalResults},
                              {"rejected", rejected},
                              {"rejected_count", totalRejected},
                              {"file_errors", fileErrors},
                              {"cancelled", outcome->cancelled}};
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << "imported " << totalAccepted << " prompts into " << sets.size() << " set(s)";
        if (!runs.empty())
            std::cout << " and " << totalResults << " results into " << runs.size() << " run(s)";
        std::cout << "; " << totalRejected << " lines rejected\n";
    }
    if (totalAccepted == 0 && totalResults == 0) {
        std::cerr << "switchyard-cli: nothing was imported\n";
        return 1;
    }
    return 0;
}
