#include "workbench/detail/trained_model_export.h"

#include "common/atomic_file.h"
#include "policy/policy_model_file.h"
#include "providers/detail/crypto.h"
#include "routing/trained_router.h"

#include <filesystem>

namespace switchyard::workbench::detail {

Expected<std::optional<std::string>> writeTrainedModel(RoutingPolicy& policy,
                                                       const routing::TierTable& table,
                                                       const std::string& yamlPath,
                                                       const CancelToken* cancel) {
    if (!routing::needsTrainedRouter(policy.router)) {
        policy.modelFile.reset();
        return std::optional<std::string>();
    }
    auto trained = routing::trainRouter(table, policy.router, cancel);
    if (!trained)
        return trained.error();
    const std::string bytes = routing::serializeTrainedRouter(*trained);
    const std::string name = modelFileNameFor(yamlPath);
    const std::string path = (std::filesystem::path(yamlPath).parent_path() / name).string();
    if (auto written = writeFileAtomically(path, bytes, "the trained model"); !written)
        return written.error();
    policy.modelFile = PolicyModelFile{name, switchyard::detail::sha256Hex(bytes)};
    policy.trained = std::make_shared<const routing::TrainedRouter>(std::move(trained).value());
    return std::optional<std::string>(path);
}

} // namespace switchyard::workbench::detail
