#include "workbench/export_ops.h"

#include "common/atomic_file.h"
#include "routing/trained_router.h"
#include "store/price_overrides.h"
#include "workbench/detail/trained_model_export.h"
#include "workbench/policy_check_ops.h"
#include "workbench/routing_ops.h"

namespace switchyard::workbench {

namespace {

// The learned router retrained on every row of the run its evidence names (else the newest run
// of its models), written beside the YAML.
Expected<std::optional<std::string>> trainedModelBeside(const Workspace& workspace,
                                                        const PolicyExportRequest& request,
                                                        RoutingPolicy& policy) {
    RunSource source{workspace.path(), std::nullopt, ""};
    if (policy.evidence && policy.evidence->runId > 0)
        source.runId = policy.evidence->runId;
    auto context = loadPolicyRun(source, request.policy);
    if (!context)
        return context.error();
    auto table = routing::TierTable::build(*context->data, tierModels(policy), policy.table);
    if (!table)
        return table.error();
    return detail::writeTrainedModel(policy, *table, request.outPath);
}

} // namespace

std::vector<std::string> policyExportFormats() {
    return {"yaml", gatewayFormatName(GatewayFormat::LiteLlm),
            gatewayFormatName(GatewayFormat::BedrockRouter),
            gatewayFormatName(GatewayFormat::Portkey)};
}

Expected<PolicyExportOutcome> exportPolicy(const Workspace& workspace,
                                           const PolicyExportRequest& request) {
    const auto format = gatewayFormatFromName(request.format);
    if (request.format != "yaml" && !format) {
        std::string known;
        for (const std::string& name : policyExportFormats())
            known += (known.empty() ? "" : ", ") + name;
        return Error{"", 0, "format",
                     "unknown export format '" + request.format + "' (formats: " + known + ")"};
    }
    if (request.outPath.empty())
        return Error{"", 0, "out", "no file to write"};
    auto policy = findPolicy(workspace, request.policy);
    if (!policy)
        return policy.error();
    PolicyExportOutcome outcome;
    auto prices = workspacePrices(workspace);
    if (!prices)
        return prices.error();
    outcome.problems = unpricedModelProblems(prices->catalogue, *policy, request.policy);
    std::string text;
    if (format) {
        auto exported = exportForGateway(*policy, *format, request.gateway);
        if (!exported)
            return exported.error();
        text = std::move(exported->text);
        outcome.warnings = std::move(exported->warnings);
    } else {
        if (routing::needsTrainedRouter(policy->router)) {
            auto model = trainedModelBeside(workspace, request, *policy);
            if (!model)
                return model.error();
            outcome.modelFile = *model;
        }
        text = policyToYaml(*policy);
    }
    if (auto written = writeFileAtomically(request.outPath, text, "the export"); !written)
        return written.error();
    outcome.written = request.outPath;
    return outcome;
}

} // namespace switchyard::workbench
