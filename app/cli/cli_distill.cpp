#include "cli_distill.h"

#include "cli_routing_common.h"
#include "common/text_format.h"
#include "workbench/distill_ops.h"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace switchyard;

int runDistillExport(const CliArgs& args) {
    workbench::DistillExportRequest request;
    request.workspacePath = *args.option("workspace");
    request.outPath = args.option("out").value_or("");
    request.policy = args.option("policy").value_or("");
    request.teacher = args.option("teacher").value_or("");
    request.target = args.option("target").value_or("bedrock");
    request.student = args.option("student").value_or("");
    auto runId = cli_routing::runArgument(args);
    if (cli_routing::failed(runId))
        return cli_routing::report(std::get<cli_routing::Failure>(runId), "export");
    request.runId = std::get<std::optional<int64_t>>(runId);
    if (auto score = args.option("min-score")) {
        request.minScore = parseFiniteNumber(*score);
        if (!request.minScore) {
            std::cerr << "switchyard-cli: --min-score takes a number\n";
            return 2;
        }
    }
    auto outcome = workbench::exportDistillDataset(request);
    if (!outcome) {
        std::cerr << "switchyard-cli: " << outcome.error().toString() << "\n";
        const std::string& field = outcome.error().field;
        return field == "target" || field == "student" ? 2 : 1;
    }
    if (args.flag("json")) {
        nlohmann::json out{{"written", outcome->written},   {"format", "distill"},
                           {"warnings", outcome->warnings}, {"teacher", outcome->teacher},
                           {"run_id", outcome->runId},      {"target", outcome->target},
                           {"student", outcome->student},   {"examples", outcome->examples},
                           {"skipped", outcome->skipped}};
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "Wrote " << outcome->written << ": " << withThousands(outcome->examples)
              << " answers of " << outcome->teacher << " (run " << outcome->runId << ") for a "
              << outcome->student << " student (" << outcome->target << ")\n";
    for (const auto& [why, count] : outcome->skipped)
        std::cout << "  left out " << withThousands(count) << ": " << why << "\n";
    for (const std::string& warning : outcome->warnings)
        std::cout << "  warning: " << warning << "\n";
    return 0;
}
