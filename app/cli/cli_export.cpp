#include "cli_export.h"

#include "batch/batch_format.h"
#include "cli_batch.h"
#include "cli_distill.h"
#include "cli_routing_common.h"
#include "workbench/export_ops.h"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace switchyard;

namespace {

int badArguments(const std::string& message) {
    std::cerr << "switchyard-cli: " << message << " (see switchyard-cli export --help)\n";
    return 2;
}

} // namespace

int runExportCommand(const CliArgs& args) {
    if (batchFormatFromName(args.option("format").value_or("")))
        return runBatchExport(args);
    if (args.option("format") == "distill")
        return runDistillExport(args);
    workbench::PolicyExportRequest request;
    request.policy = args.option("policy").value_or("");
    request.format = args.option("format").value_or("");
    request.outPath = args.option("out").value_or("");
    if (request.policy.empty() || request.format.empty() || request.outPath.empty())
        return badArguments("--policy NAME|FILE, --format and --out FILE are required");
    if (auto region = args.option("region"))
        request.gateway.region = *region;
    if (auto text = args.option("quality-difference")) {
        request.gateway.responseQualityDifference = parseFiniteNumber(*text);
        if (!request.gateway.responseQualityDifference)
            return badArguments("--quality-difference must be a number of points, 0 to 100");
    }
    auto kinds = cli_routing::providerKindsArgument(args);
    if (cli_routing::failed(kinds))
        return cli_routing::report(std::get<cli_routing::Failure>(kinds), "export");
    request.gateway.providerKinds = std::get<0>(std::move(kinds));

    auto workspace = Workspace::open(*args.option("workspace"));
    if (!workspace) {
        std::cerr << "switchyard-cli: " << workspace.error().toString() << "\n";
        return 1;
    }
    auto outcome = workbench::exportPolicy(**workspace, request);
    if (!outcome) {
        std::cerr << "switchyard-cli: " << outcome.error().toString() << "\n";
        return outcome.error().field == "format" ? 2 : 1;
    }
    if (args.flag("json")) {
        nlohmann::json out{{"written", outcome->written},
                           {"format", request.format},
                           {"warnings", outcome->warnings}};
        out["model_file"] = outcome->modelFile ? nlohmann::json(*outcome->modelFile) : nullptr;
        out["problems"] = nlohmann::json::array();
        for (const Error& problem : outcome->problems)
            out["problems"].push_back({{"field", problem.field}, {"reason", problem.message}});
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "Wrote " << outcome->written << " (" << request.format << ")\n";
    if (outcome->modelFile)
        std::cout << "Wrote " << *outcome->modelFile
                  << " (the trained router the policy names, with its SHA-256)\n";
    for (const std::string& warning : outcome->warnings)
        std::cout << "  warning: " << warning << "\n";
    for (const Error& problem : outcome->problems)
        std::cout << "  problem: " << problem.field << ": " << problem.message << "\n";
    return 0;
}
