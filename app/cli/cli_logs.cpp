#include "cli_logs.h"

#include "cli_catalogue.h"
#include "cli_json.h"
#include "common/text_format.h"
#include "workbench/traffic_ops.h"

#include <nlohmann/json.hpp>

#include <csignal>
#include <iostream>

using namespace switchyard;

namespace {

// Ctrl+C stops the import after the current batch; what was committed stays.
CancelToken g_logsCancel;
extern "C" void onLogsInterrupt(int) {
    g_logsCancel.cancel();
}

void printTextReport(const workbench::LogImportOutcome& outcome) {
    std::cout << withThousands(outcome.records) << " requests from " << outcome.files
              << " file(s) imported into set '" << outcome.setName << "'";
    if (outcome.runId != 0)
        std::cout << " as run " << outcome.runId << " '" << outcome.runName << "'";
    std::cout << "\n";
    if (outcome.duplicates)
        std::cout << withThousands(outcome.duplicates)
                  << " requests were already in the set and were skipped\n";
    for (const auto& [model, totals] : outcome.models)
        std::cout << "  " << model << ": " << withThousands(totals.requests) << " requests, "
                  << withThousands(totals.inputTokens) << " input tokens ("
                  << withThousands(totals.cacheReadTokens) << " cache reads), "
                  << withThousands(totals.outputTokens) << " output tokens, "
                  << formatUsd(totals.costUsd)
                  << (totals.unpriced ? " (" + withThousands(totals.unpriced) + " unpriced)" : "")
                  << "\n";
    if (outcome.bodiesFollowed)
        std::cout << withThousands(outcome.bodiesFollowed)
                  << " input bodies were read from their separately delivered objects\n";
    for (const std::string& file : outcome.skippedFiles)
        std::cout << "  skipped (not a log or usage export): " << file << "\n";
    for (const UnpricedModel& model : outcome.unpriced)
        std::cout << "  " << model.model << ": " << model.reason << "; its cost is left empty\n";
}

} // namespace

int runImportLogsCommand(const CliArgs& args) {
    auto workspace = Workspace::open(*args.option("workspace"));
    if (!workspace) {
        std::cerr << "switchyard-cli: " << workspace.error().toString() << "\n";
        return 1;
    }
    std::signal(SIGINT, onLogsInterrupt);
    auto outcome = workbench::importLogs(**workspace, args.positional,
                                         args.option("set").value_or(""), &g_logsCancel);
    if (!outcome) {
        std::cerr << "switchyard-cli: " << outcome.error().toString() << "\n";
        return 1;
    }
    printPriceProblems(outcome->priceProblems);
    if (args.flag("json")) {
        nlohmann::json models = nlohmann::json::object();
        for (const auto& [model, totals] : outcome->models)
            models[model] = {{"requests", totals.requests},
                             {"failed", totals.failed},
                             {"input_tokens", totals.inputTokens},
                             {"output_tokens", totals.outputTokens},
                             {"cache_read_tokens", totals.cacheReadTokens},
                             {"cache_write_tokens", totals.cacheWriteTokens},
                             {"cost_usd", totals.costUsd},
                             {"unpriced", totals.unpriced}};
        const nlohmann::json out = {
            {"records", outcome->records},
            {"rejected", outcome->rejectedCount},
            {"rejections", errorsJson(outcome->rejected)},
            {"duplicates", outcome->duplicates},
            {"run_id", outcome->runId == 0 ? nlohmann::json() : nlohmann::json(outcome->runId)},
            {"set", outcome->setName},
            {"files", outcome->files},
            {"skipped_files", outcome->skippedFiles},
            {"damaged", errorsJson(outcome->damaged)},
            {"bodies_followed", outcome->bodiesFollowed},
            {"bodies_missing", errorsJson(outcome->bodiesMissing)},
            {"first_timestamp_ms", optionalNumber(outcome->firstMs)},
            {"last_timestamp_ms", optionalNumber(outcome->lastMs)},
            {"models", models},
            {"cancelled", outcome->cancelled}};
        std::cout << out.dump(2) << "\n";
    } else {
        printTextReport(*outcome);
    }
    for (const Error& error : outcome->damaged)
        std::cerr << error.toString() << "\n";
    for (const Error& error : outcome->rejected)
        std::cerr << error.toString() << "\n";
    if (outcome->rejectedCount > static_cast<int64_t>(outcome->rejected.size()))
        std::cerr << "… and " << outcome->rejectedCount - outcome->rejected.size()
                  << " more rejected records\n";
    for (const Error& error : outcome->bodiesMissing)
        std::cerr << error.toString() << " (the request was kept, without its text)\n";
    return outcome->records == 0 && outcome->duplicates == 0 ? 1 : 0;
}
