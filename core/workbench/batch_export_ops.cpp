#include "workbench/batch_ops.h"

#include "batch/batch_format.h"
#include "batch/batch_requests.h"
#include "common/atomic_file.h"
#include "common/clock.h"
#include "providers/client.h"
#include "routing/route.h"
#include "store/workspace.h"
#include "workbench/routing_ops.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>

namespace switchyard::workbench {

namespace {

CallParams callParamsOf(const TierParams& tier) {
    CallParams params;
    if (tier.maxTokens)
        params.maxTokens = *tier.maxTokens;
    params.temperature = tier.temperature;
    params.stopSequences = tier.stopSequences;
    return params;
}

// "out.jsonl" for the only file; "out.2-amazon.nova-micro-v1-0.jsonl" for the model at index 2
// when a format takes one model per file; ".part2" when a file would exceed the format's limit.
std::string filePath(const std::string& outPath, BatchFormat format, const std::string& model,
                     bool perModel, size_t modelIndex, size_t part, bool parts) {
    std::filesystem::path path(outPath);
    std::string stem = path.stem().string();
    if (perModel) {
        std::string safe;
        for (const char c : providerModelName(model))
            safe += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '-';
        stem += "." + std::to_string(modelIndex) + "-" + safe;
    }
    if (parts)
        stem += ".part" + std::to_string(part + 1);
    const std::string extension =
        path.has_extension() ? path.extension().string() : std::string(batchFileExtension(format));
    return (path.parent_path() / (stem + extension)).string();
}

// The chosen prompts' request lines, one list per model (one list for a format that mixes them).
struct PlannedLines {
    std::vector<std::vector<std::string>> perGroup;
    std::map<std::string, int64_t> perModel;
    int64_t canned = 0;
};

Expected<PlannedLines> planLines(const Workspace& workspace, int64_t setId, int64_t runId,
                                 BatchFormat format, const std::vector<std::string>& models,
                                 const std::vector<CallParams>& params,
                                 const std::optional<routing::PolicyRouter>& router,
                                 const CancelToken* cancel) {
    PlannedLines planned;
    planned.perGroup.resize(mixesModels(format) ? 1 : models.size());
    std::optional<Error> failure;
    auto visited = workspace.forEachPrompt(setId, [&](int64_t ordinal, Prompt&& prompt) {
        std::vector<size_t> targets;
        if (router) {
            const routing::RouteDecision decision = router->decide(prompt);
            if (decision.tier)
                targets.push_back(*decision.tier);
            else
                ++planned.canned;
        } else {
            for (size_t model = 0; model < models.size(); ++model)
                targets.push_back(model);
        }
        for (const size_t model : targets) {
            auto line = batchRequestLine(format, {runId, model, ordinal},
                                         providerModelName(models[model]), prompt, params[model]);
            if (!line) {
                failure = line.error();
                return false;
            }
            planned.perGroup[mixesModels(format) ? 0 : model].push_back(std::move(*line));
            ++planned.perModel[models[model]];
        }
        return !(cancel && cancel->cancelled());
    });
    if (!visited)
        return visited.error();
    if (failure)
        return *failure;
    if (cancel && cancel->cancelled())
        return Error{"", 0, "", "cancelled"};
    return planned;
}

Status writeFiles(const BatchExportRequest& request, BatchFormat format,
                  const std::vector<std::string>& models, const PlannedLines& planned,
                  BatchExportOutcome& outcome) {
    const size_t limit = maxRecordsPerFile(format);
    for (size_t group = 0; group < planned.perGroup.size(); ++group) {
        const std::vector<std::string>& lines = planned.perGroup[group];
        if (lines.empty())
            continue;
        const size_t parts = (lines.size() + limit - 1) / limit;
        for (size_t part = 0; part < parts; ++part) {
            const std::string path = filePath(request.outPath, format, models[group],
                                              planned.perGroup.size() > 1, group, part, parts > 1);
            std::string text = batchFileHead(format);
            const size_t end = std::min(lines.size(), (part + 1) * limit);
            for (size_t i = part * limit; i < end; ++i) {
                if (i > part * limit)
                    text += batchLineSeparator(format);
                text += lines[i];
            }
            text += batchFileTail(format);
            if (auto written = writeFileAtomically(path, text, "the batch file"); !written)
                return written.error();
            outcome.files.push_back(path);
        }
        if (format == BatchFormat::Bedrock && lines.size() < kBedrockMinRecordsPerJob)
            outcome.warnings.push_back(
                "Bedrock runs a batch job of at least " + std::to_string(kBedrockMinRecordsPerJob) +
                " records by default; " + std::to_string(lines.size()) + " go to " + models[group]);
    }
    return success();
}

} // namespace

Expected<BatchExportOutcome> exportBatch(const BatchExportRequest& request,
                                         const CancelToken* cancel) {
    const auto format = batchFormatFromName(request.format);
    if (!format)
        return Error{"", 0, "format", "'" + request.format + "' is not a batch format"};
    if (request.policy.empty() == request.models.empty())
        return Error{"", 0, "policy",
                     "a batch export sends prompts where a policy routes them, or to the models "
                     "given: one of the two"};
    if (request.outPath.empty())
        return Error{"", 0, "out", "no file to write"};
    auto workspace = Workspace::open(request.workspacePath);
    if (!workspace)
        return workspace.error();
    std::optional<RoutingPolicy> policy;
    std::optional<routing::PolicyRouter> router;
    std::vector<std::string> models = request.models;
    std::vector<CallParams> params(models.size(), request.params);
    if (!request.policy.empty()) {
        auto found = findPolicy(**workspace, request.policy);
        if (!found)
            return found.error();
        auto made = routing::PolicyRouter::make(*found);
        if (!made)
            return made.error();
        router = std::move(*made);
        policy = std::move(*found);
        models = tierModels(*policy);
        params.clear();
        for (const PolicyTier& tier : policy->tiers)
            params.push_back(callParamsOf(tier.params));
    }
    const std::string setName = !request.set.empty()         ? request.set
                                : policy && policy->evidence ? policy->evidence->promptSet
                                                             : std::string();
    const auto setId = (*workspace)->findPromptSet(setName);
    if (!setId)
        return Error{"", 0, "set",
                     setName.empty() ? std::string("name the prompt set to export (--set)")
                                     : "no prompt set '" + setName + "' in the workspace"};

    RunInfo run;
    run.name = !request.runName.empty() ? request.runName
                                        : std::string(batchFormatName(*format)) + " " + setName +
                                              " " + utcNowIso8601().substr(0, 10);
    run.setId = *setId;
    run.kind = "batch";
    run.status = "exporting";
    auto runId = (*workspace)->createRun(run);
    if (!runId)
        return runId.error();
    BatchExportOutcome outcome;
    outcome.runId = *runId;
    outcome.runName = run.name;
    auto planned = planLines(**workspace, *setId, *runId, *format, models, params, router, cancel);
    Status written =
        planned ? writeFiles(request, *format, models, *planned, outcome) : Status(planned.error());
    nlohmann::json batch = {{"format", batchFormatName(*format)},
                            {"models", models},
                            {"service_tier", "batch"},
                            {"files", outcome.files}};
    if (policy)
        batch["policy"] = policy->name;
    if (!written) {
        batch["error"] = written.error().toString();
        (void)(*workspace)->setRunStatus(*runId, "failed", nlohmann::json{{"batch", batch}}.dump());
        return written.error();
    }
    outcome.recordsPerModel = planned->perModel;
    outcome.cannedAnswers = planned->canned;
    for (const auto& [model, count] : planned->perModel)
        outcome.records += count;
    batch["records"] = outcome.records;
    batch["records_per_model"] = outcome.recordsPerModel;
    if (auto status =
            (*workspace)
                ->setRunStatus(*runId, "submitted",
                               nlohmann::json{{"batch", batch}, {"models", models}}.dump());
        !status)
        return status.error();
    return outcome;
}

} // namespace switchyard::workbench
