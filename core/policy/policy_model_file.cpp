#include "policy/policy_model_file.h"

#include "common/open_workspaces.h"
#include "providers/detail/crypto.h"
#include "routing/trained_router.h"

#include <filesystem>

namespace switchyard {

std::string modelFileNameFor(const std::string& yamlPath) {
    return std::filesystem::path(yamlPath).stem().string() + ".router";
}

Status attachTrainedRouter(RoutingPolicy& policy, const std::string& yamlPath) {
    const PolicyModelFile& file = *policy.modelFile;
    const std::string field = "router.params.model_file";
    std::filesystem::path modelPath(file.path);
    if (modelPath.is_relative())
        modelPath = std::filesystem::path(yamlPath).parent_path() / modelPath;
    if (!std::filesystem::is_regular_file(modelPath))
        return Error{yamlPath, 0, field,
                     "the trained model '" + file.path + "' is missing (looked for " +
                         modelPath.string() + "); export the policy again to write it"};
    auto bytes = readUserTextFile(modelPath.string(), "the trained model");
    if (!bytes)
        return bytes.error();
    const std::string found = detail::sha256Hex(*bytes);
    if (found != file.sha256)
        return Error{yamlPath, 0, field,
                     "'" + file.path + "' was altered after export: its SHA-256 is " + found +
                         ", the policy expects " + file.sha256};
    auto trained = routing::parseTrainedRouter(*bytes, modelPath.string());
    if (!trained)
        return trained.error();
    const bool learned = policy.router.kind == routing::RouterKind::Learned;
    const size_t wanted = learned ? 1 : policy.tiers.size() - 1;
    if (trained->kind != policy.router.kind || trained->models.size() != wanted)
        return Error{yamlPath, 0, field,
                     "'" + file.path + "' holds " + std::to_string(trained->models.size()) +
                         " model(s) of a " + routing::routerKindName(trained->kind) +
                         " router; this policy's " + routing::routerKindName(policy.router.kind) +
                         " router needs " + std::to_string(wanted)};
    policy.trained = std::make_shared<const routing::TrainedRouter>(std::move(trained).value());
    return success();
}

} // namespace switchyard
