#include "cli_batch.h"

#include "cli_json.h"

#include "common/text_format.h"
#include "workbench/batch_ops.h"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace switchyard;
using nlohmann::json;

namespace {

int refuse(const Error& error, int code = 1) {
    std::cerr << "switchyard-cli: " << error.toString() << "\n";
    return code;
}

} // namespace

int runBatchExport(const CliArgs& args) {
    workbench::BatchExportRequest request;
    request.workspacePath = *args.option("workspace");
    request.format = args.option("format").value_or("");
    request.outPath = args.option("out").value_or("");
    request.policy = args.option("policy").value_or("");
    request.models = splitCommaList(args.option("models").value_or(""));
    request.set = args.option("set").value_or("");
    request.runName = args.option("run-name").value_or("");
    if (request.outPath.empty() || request.policy.empty() == request.models.empty()) {
        std::cerr << "switchyard-cli: a batch export needs --out FILE and either --policy "
                     "NAME|FILE or --models REF,REF (see switchyard-cli export --help)\n";
        return 2;
    }
    if (auto text = args.option("max-tokens")) {
        const auto value = parseNumber<int64_t>(*text);
        if (!value || *value < 1) {
            std::cerr << "switchyard-cli: --max-tokens must be a positive whole number\n";
            return 2;
        }
        request.params.maxTokens = *value;
    }
    auto outcome = workbench::exportBatch(request);
    if (!outcome)
        return refuse(outcome.error(), outcome.error().field == "format" ? 2 : 1);
    if (args.flag("json")) {
        json out{{"written", outcome->files.empty() ? json(nullptr) : json(outcome->files[0])},
                 {"files", outcome->files},
                 {"format", request.format},
                 {"warnings", outcome->warnings},
                 {"run_id", outcome->runId},
                 {"run", outcome->runName},
                 {"records", outcome->records},
                 {"records_per_model", outcome->recordsPerModel},
                 {"canned_answers", outcome->cannedAnswers}};
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    for (const std::string& file : outcome->files)
        std::cout << "Wrote " << file << "\n";
    std::cout << withThousands(outcome->records) << " requests (";
    bool first = true;
    for (const auto& [model, count] : outcome->recordsPerModel) {
        std::cout << (first ? "" : ", ") << model << ": " << withThousands(count);
        first = false;
    }
    std::cout << ") recorded as run " << outcome->runId << " '" << outcome->runName
              << "', awaiting its results (import-batch-results)\n";
    if (outcome->cannedAnswers)
        std::cout << withThousands(outcome->cannedAnswers)
                  << " prompts are answered by a rule and call no model\n";
    for (const std::string& warning : outcome->warnings)
        std::cout << "  warning: " << warning << "\n";
    return 0;
}

int runImportBatchResultsCommand(const CliArgs& args) {
    workbench::BatchImportRequest request;
    request.workspacePath = *args.option("workspace");
    request.files = args.positional;
    // --run-name as the issue spelled it, --run as the command-line contract does.
    request.runName = args.option("run").value_or(args.option("run-name").value_or(""));
    auto outcome = workbench::importBatchResults(request);
    if (!outcome)
        return refuse(outcome.error());
    const bool nothing = outcome->results == 0;
    if (args.flag("json")) {
        json runs = json::array();
        for (const workbench::BatchRunFilled& run : outcome->runs)
            runs.push_back({{"run_id", run.runId},
                            {"name", run.runName},
                            {"status", run.status},
                            {"exported", run.exported},
                            {"results", run.results}});
        json out{{"run_id", outcome->runs.size() == 1 ? json(outcome->runs[0].runId) : json()},
                 {"runs", runs},
                 {"results", outcome->results},
                 {"failed", outcome->failed},
                 {"cost_usd", outcome->costUsd},
                 {"unmatched", errorsJson(outcome->unmatched)},
                 {"rejected", errorsJson(outcome->rejected)},
                 {"unpriced", outcome->unpriced}};
        std::cout << out.dump(2) << "\n";
    } else {
        for (const workbench::BatchRunFilled& run : outcome->runs)
            std::cout << "Run " << run.runId << " '" << run.runName
                      << "': " << withThousands(run.results) << " of "
                      << withThousands(run.exported) << " records answered (" << run.status
                      << ")\n";
        std::cout << withThousands(outcome->results) << " results imported at batch rates, "
                  << withThousands(outcome->failed) << " of them failed records, "
                  << formatUsd(outcome->costUsd) << "\n";
        for (const std::string& model : outcome->unpriced)
            std::cout << "  " << model << " has no batch price: its cost is left empty\n";
    }
    for (const Error& error : outcome->unmatched)
        std::cerr << error.toString() << "\n";
    for (const Error& error : outcome->rejected)
        std::cerr << error.toString() << "\n";
    return nothing ? 1 : 0;
}
