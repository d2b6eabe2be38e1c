#include "cli_results.h"

#include "cli_catalogue.h"
#include "store/workspace.h"
#include "workbench/import_ops.h"

#include <nlohmann/json.hpp>

#include <csignal>
#include <iostream>

using namespace switchyard;

namespace {

// Ctrl+C stops after the current batch; what was committed stays and the run says "cancelled".
CancelToken g_cancel;
extern "C" void onImportResultsInterrupt(int) {
    g_cancel.cancel();
}

int failure(const std::string& message) {
    std::cerr << "switchyard-cli: " << message << "\n";
    return 1;
}

} // namespace

int runImportResultsCommand(const CliArgs& args) {
    const bool json = args.flag("json");
    const auto setName = args.option("set");
    if (!setName || setName->empty()) {
        std::cerr << "switchyard-cli: --set NAME is required: the prompt set the results answer "
                     "(see switchyard-cli import-results --help)\n";
        return 2;
    }
    if (args.positional.size() != 1) {
        std::cerr << "switchyard-cli: import-results takes one FILE (see switchyard-cli "
                     "import-results --help)\n";
        return 2;
    }
    auto workspace = Workspace::open(*args.option("workspace"));
    if (!workspace)
        return failure(workspace.error().toString());
    std::signal(SIGINT, onImportResultsInterrupt);

    ResultsImportOptions options;
    options.setName = *setName;
    options.runName = args.option("run").value_or("");
    const std::string& file = args.positional.front();
    auto outcome = workbench::importResults(**workspace, file, options, &g_cancel);
    if (!outcome)
        return failure(outcome.error().toString());
    printPriceProblems(outcome->priceProblems);
    const ResultsImportReport* report = &outcome->report;

    if (json) {
        nlohmann::json rejected = nlohmann::json::array();
        for (const Error& error : report->rejected)
            rejected.push_back({{"file", error.file},
                                {"line", error.line},
                                {"field", error.field},
                                {"reason", error.message}});
        nlohmann::json unpriced = nlohmann::json::array();
        for (const UnpricedModel& model : report->unpriced)
            unpriced.push_back(
                {{"model", model.model}, {"results", model.results}, {"reason", model.reason}});
        nlohmann::json out = {{"run_id", report->runId == 0 ? nlohmann::json(nullptr)
                                                            : nlohmann::json(report->runId)},
                              {"run", report->runName},
                              {"results", report->results},
                              {"failed_results", report->failedResults},
                              {"rejected", rejected},
                              {"rejected_count", report->rejectedCount},
                              {"set", report->setName},
                              {"created_set", report->createdSet},
                              {"prompts_created", report->promptsCreated},
                              {"scores", report->scores},
                              {"models", report->models},
                              {"costs_computed", report->costsComputed},
                              {"tokens_estimated", report->tokensEstimated},
                              {"unpriced_models", unpriced},
                              {"catalogue_date", outcome->catalogueDate},
                              {"cancelled", report->cancelled}};
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << file << ": " << report->results << " results of " << report->models.size()
                  << " model(s) into run '" << report->runName << "'";
        if (report->runId)
            std::cout << " (id " << report->runId << ")";
        std::cout << " over set '" << report->setName << "'"
                  << (report->createdSet
                          ? " (created, " + std::to_string(report->promptsCreated) + " prompts)"
                          : std::string())
                  << "; " << report->rejectedCount << " rejected"
                  << (report->cancelled ? " (cancelled)" : "") << "\n";
        if (report->costsComputed)
            std::cout << "  " << report->costsComputed
                      << " costs computed from the pricing catalogue of " << outcome->catalogueDate
                      << "\n";
        if (report->tokensEstimated)
            std::cout << "  " << report->tokensEstimated
                      << " results had no token counts: estimated from the text\n";
        for (const Error& error : report->rejected)
            std::cout << "  rejected " << error.toString() << "\n";
        if (report->rejectedCount > static_cast<int64_t>(report->rejected.size()))
            std::cout << "  ... and "
                      << report->rejectedCount - static_cast<int64_t>(report->rejected.size())
                      << " more rejected records\n";
    }
    // Unpriced models are reported on stderr either way: their costs are unknown, not $0.
    for (const UnpricedModel& model : report->unpriced)
        std::cerr << "switchyard-cli: warning: " << model.results << " results of model '"
                  << model.model << "' have no cost: " << model.reason
                  << " (add its price to the workspace's catalogue)\n";
    if (report->results == 0)
        return failure("nothing was imported");
    return 0;
}
