#include "cli_runner_common.h"

#include "cli_catalogue.h"
#include "common/process.h"
#include "common/text_format.h"
#include "providers/providers_file.h"
#include "store/run_lease.h"

#include <unistd.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

using namespace switchyard;

namespace {

CancelToken g_cancel;
extern "C" void onRunInterrupt(int) {
    g_cancel.cancel();
    std::signal(SIGINT, SIG_DFL);
}

bool confirmed(const RunEstimate& estimate) {
    std::cerr << "Send " << estimate.calls << " calls (expected "
              << formatUsd(estimate.expectedCostUsd) << ")? [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "y" || answer == "Y" || answer == "yes";
}

void showProgress(const RunProgress& progress) {
    char line[160];
    std::snprintf(line, sizeof line, "\r  %lld/%lld done, %lld in flight, %s spent, %.0f/s",
                  static_cast<long long>(progress.done), static_cast<long long>(progress.planned),
                  static_cast<long long>(progress.inFlight), formatUsd(progress.spentUsd).c_str(),
                  progress.resultsPerSecond);
    std::cerr << line;
    if (progress.etaS)
        std::cerr << ", ETA " << static_cast<long long>(std::ceil(*progress.etaS)) << " s";
    std::cerr << "    " << std::flush;
}

bool showsLiveProgress(const CliArgs& args) {
    return !args.flag("json") && isatty(STDERR_FILENO);
}

} // namespace

RunProgressCallback liveProgress(const CliArgs& args) {
    if (!showsLiveProgress(args))
        return {};
    return [](const RunProgress& progress) { showProgress(progress); };
}

void endLiveProgress(const CliArgs& args) {
    if (showsLiveProgress(args))
        std::cerr << "\n";
}

const CancelToken& installRunInterrupt() {
    std::signal(SIGINT, onRunInterrupt);
    return g_cancel;
}

void removeRunInterrupt() {
    std::signal(SIGINT, SIG_DFL);
}

std::optional<std::string> readRunnerLimits(const CliArgs& args, RunRequest& request) {
    if (auto text = args.option("budget")) {
        request.budgetUsd = parseFiniteNumber(*text);
        if (!request.budgetUsd || !(*request.budgetUsd > 0))
            return std::string("--budget must be a positive number of dollars");
    }
    if (auto text = args.option("concurrency")) {
        const auto concurrency = parseFiniteNumber(*text);
        if (!concurrency || *concurrency < 1 || std::floor(*concurrency) != *concurrency ||
            *concurrency > 10000)
            return std::string("--concurrency must be a positive whole number");
        request.concurrency = static_cast<int>(*concurrency);
    }
    return std::nullopt;
}

std::optional<std::string> loadRunnerContext(const CliArgs& args, const Workspace& workspace,
                                             RunRequest& request) {
    auto catalogue = workspaceCatalogue(workspace);
    if (!catalogue)
        return catalogue.error().toString();
    request.catalogue = std::move(catalogue).value();
    const std::string path = providersPath(args);
    // Without a providers file the workspace's saved students still run (student/NAME).
    if (!args.option("providers") && !std::filesystem::exists(path)) {
        request.providers.path = path;
        return std::nullopt;
    }
    auto file = loadProvidersFile(path);
    if (!file)
        return file.error().toString() +
               " (name the providers file with --providers or $SWITCHYARD_PROVIDERS)";
    request.providers = std::move(file).value();
    return std::nullopt;
}

std::optional<std::string> confirmCalls(const CliArgs& args, const RunEstimate& estimate,
                                        const std::string& setName,
                                        const std::optional<double>& budget) {
    if (args.flag("yes")) {
        if (!args.flag("json"))
            printEstimate(std::cout, estimate, setName, budget);
        return std::nullopt;
    }
    if (!isatty(STDIN_FILENO))
        return "not a terminal, so nothing can be confirmed: pass --yes to send " +
               std::to_string(estimate.calls) + " calls (expected " +
               formatUsd(estimate.expectedCostUsd) + ", at most " + formatUsd(estimate.maxCostUsd) +
               ")";
    printEstimate(std::cerr, estimate, setName, budget);
    if (!confirmed(estimate))
        return std::string("not confirmed; nothing was sent");
    return std::nullopt;
}

// --providers, else $SWITCHYARD_PROVIDERS, else ~/.config/switchyard/providers.yaml: the file
// the GUI's Providers page edits.
std::string providersPath(const CliArgs& args) {
    if (auto path = args.option("providers"))
        return *path;
    return defaultProvidersFilePath();
}

void printEstimate(std::ostream& out, const RunEstimate& estimate, const std::string& setName,
                   const std::optional<double>& budget) {
    out << "Estimate for set '" << setName << "' (" << estimate.prompts << " prompts";
    if (estimate.resumeRunId)
        out << "; continuing run " << *estimate.resumeRunId << ", " << estimate.alreadyRecorded
            << " results kept, " << formatUsd(estimate.alreadySpentUsd) << " already spent";
    out << "):\n";
    if (estimate.heldBy)
        out << "  run " << *estimate.resumeRunId << " is being executed right now by "
            << describeLeaseHolder(*estimate.heldBy, epochNowMs()) << (" (--wait waits for it)\n");
    for (const ModelEstimate& model : estimate.models)
        out << "  " << model.modelRef << ": " << model.calls << " calls, ~" << model.inputTokens
            << " input tokens, ~" << model.expectedOutputTokens << " output tokens ("
            << (model.outputFromHistory
                    ? "from its " + std::to_string(model.outputHistory) + " recorded answers"
                    : std::string("a quarter of max_tokens"))
            << "), expected " << formatUsd(model.expectedCostUsd) << ", at most "
            << formatUsd(model.maxCostUsd) << "\n";
    out << "  total: " << estimate.calls << " calls, expected "
        << formatUsd(estimate.expectedCostUsd) << ", at most " << formatUsd(estimate.maxCostUsd);
    if (budget)
        out << "; budget " << formatUsd(*budget) << " for the whole run";
    out << " (answers already in the response cache cost nothing)\n";
}

nlohmann::json outcomeJson(const RunOutcome& outcome, const std::optional<double>& budget) {
    nlohmann::json models = nlohmann::json::object();
    for (const RunModelSummary& model : outcome.recorded)
        models[model.modelRef] = {{"ok", model.ok},
                                  {"failed", model.failed},
                                  {"cached", model.cached},
                                  {"input_tokens", model.inputTokens},
                                  {"output_tokens", model.outputTokens},
                                  {"cache_read_tokens", model.cacheReadTokens},
                                  {"cache_write_tokens", model.cacheWriteTokens},
                                  {"cost_usd", model.costUsd},
                                  {"spent_usd", model.spentUsd}};
    int64_t cached = 0;
    for (const ModelProgress& model : outcome.progress.models)
        cached += model.cached;
    return {{"run_id", outcome.runId},
            {"status", runStatusName(outcome.status)},
            {"resumed", outcome.resumed},
            {"models", models},
            {"estimate_usd", outcome.estimate.expectedCostUsd},
            {"max_cost_usd", outcome.estimate.maxCostUsd},
            {"budget_usd", budget ? nlohmann::json(*budget) : nlohmann::json(nullptr)},
            {"spent_usd", outcome.progress.spentUsd},
            {"run_spent_usd", outcome.progress.spentUsd + outcome.progress.priorSpentUsd},
            {"calls", outcome.progress.planned},
            {"recorded", outcome.progress.done},
            {"cached", cached},
            {"wall_s", outcome.wallS}};
}
