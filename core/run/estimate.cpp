// What a run would send and cost, before anything is sent.
#include "common/process.h"
#include "pricing/cost.h"
#include "run/detail/run_plan.h"
#include "run/saved_students.h"
#include "store/run_lease.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace switchyard {

namespace detail {

Expected<double> expectedCallCostUsd(const ModelPrice& price, int64_t inputTokens,
                                     int64_t outputTokens) {
    Usage usage;
    usage.input = inputTokens;
    usage.output = outputTokens;
    return costUsd(price, usage);
}

// A model never writes more than its own limit, whatever max_tokens asks: a student writes one
// label.
int64_t outputCap(const ModelPrice& price, int64_t maxTokens) {
    return price.maxOutputTokens > 0 ? std::min(maxTokens, price.maxOutputTokens) : maxTokens;
}

Expected<double> maxCallCostUsd(const ModelPrice& price, const Prompt& prompt, int64_t inputTokens,
                                int64_t maxTokens) {
    maxTokens = outputCap(price, maxTokens);
    Usage usage;
    usage.input =
        static_cast<int64_t>(std::ceil(static_cast<double>(inputTokens) * kBudgetInputMargin));
    usage.output = maxTokens;
    auto plain = costUsd(price, usage);
    if (!plain)
        return plain;
    // A prompt with cache checkpoints may write its whole prefix to the cache, which costs more
    // than plain input at Anthropic and Bedrock (a premium on the input price). OpenAI-style
    // providers bill writes as input, so the plain figure already covers them.
    bool checkpoints = false, oneHour = false;
    const auto scan = [&](const std::vector<ContentBlock>& blocks) {
        for (const ContentBlock& block : blocks) {
            checkpoints = checkpoints || block.cacheCheckpoint;
            oneHour = oneHour || (block.cacheCheckpoint && block.cacheTtl == "1h");
        }
    };
    scan(prompt.system);
    for (const Message& message : prompt.messages)
        scan(message.content);
    if (!checkpoints || !price.supportsCaching || price.semantics != UsageSemantics::CacheAdditive)
        return plain;
    Usage written;
    written.cacheWrite = usage.input;
    written.cacheWrite1h = oneHour && price.cacheWrite1hMultiplier > 0 ? usage.input : 0;
    written.output = maxTokens;
    auto cached = costUsd(price, written);
    return cached ? std::max(*plain, *cached) : *plain;
}

OutputExpectation expectedOutput(const Workspace& workspace, const std::string& modelRef,
                                 int64_t maxTokens) {
    const OutputHistory history = workspace.outputHistory(modelRef);
    OutputExpectation out;
    out.history = history.answers;
    if (history.answers >= kMinOutputHistory) {
        out.fromHistory = true;
        out.tokensPerCall =
            std::min(maxTokens, static_cast<int64_t>(std::llround(history.meanOutputTokens)));
    } else {
        out.tokensPerCall = static_cast<int64_t>(
            std::llround(kDefaultOutputFraction * static_cast<double>(maxTokens)));
    }
    return out;
}

Expected<RunEstimate> estimatePlan(const Workspace& workspace, const RunPlan& plan,
                                   const CallParams& params) {
    RunEstimate estimate;
    if (plan.target) {
        estimate.resumeRunId = plan.target->id;
        estimate.alreadySpentUsd = plan.target->spentUsd;
        if (plan.target->lease && leaseLive(*plan.target->lease, epochNowMs()))
            estimate.heldBy = plan.target->lease;
    }
    estimate.prompts = plan.prompts;
    estimate.alreadyRecorded = plan.alreadyRecorded;
    std::vector<OutputExpectation> outputs;
    for (const PlannedModel& model : plan.models) {
        ModelEstimate row;
        row.modelRef = model.ref;
        outputs.push_back(
            expectedOutput(workspace, model.ref, outputCap(*model.price, params.maxTokens)));
        row.outputFromHistory = outputs.back().fromHistory;
        row.outputHistory = outputs.back().history;
        estimate.models.push_back(std::move(row));
    }
    std::optional<Error> failure;
    auto walked = forEachPendingPrompt(
        workspace, plan, allModels(plan),
        [&](int64_t, const Prompt& prompt, std::span<const size_t> models) {
            // Models of one tokenizer family share the prompt's count.
            std::array<int64_t, 8> tokensByFamily;
            tokensByFamily.fill(-1);
            for (size_t m : models) {
                const PlannedModel& model = plan.models[m];
                int64_t& tokens = tokensByFamily[static_cast<size_t>(model.family)];
                if (tokens < 0)
                    tokens = estimatePromptTokens(prompt, model.family);
                auto expected = expectedCallCostUsd(*model.price, tokens, outputs[m].tokensPerCall);
                auto most = maxCallCostUsd(*model.price, prompt, tokens, params.maxTokens);
                if (!expected || !most) {
                    failure = !expected ? expected.error() : most.error();
                    failure->message = model.ref + ": " + failure->message;
                    return false;
                }
                ModelEstimate& row = estimate.models[m];
                ++row.calls;
                row.inputTokens += tokens;
                row.expectedOutputTokens += outputs[m].tokensPerCall;
                row.maxOutputTokens += outputCap(*model.price, params.maxTokens);
                row.expectedCostUsd += *expected;
                row.maxCostUsd += *most;
            }
            return true;
        });
    if (!walked)
        return walked.error();
    if (failure)
        return *failure;
    for (const ModelEstimate& row : estimate.models) {
        estimate.calls += row.calls;
        estimate.expectedCostUsd += row.expectedCostUsd;
        estimate.maxCostUsd += row.maxCostUsd;
    }
    return estimate;
}

} // namespace detail

Expected<RunEstimate> estimateRun(const RunRequest& request) {
    auto workspace = Workspace::open(request.workspacePath, Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return workspace.error();
    auto catalogue = detail::requestCatalogue(request, **workspace);
    if (!catalogue)
        return catalogue.error();
    // Resolving the models needs their providers and credentials, not the network: a client
    // that is never asked to send anything.
    ProviderClient client(detail::requestProviders(request, **workspace), request.credentials,
                          request.transport, savedStudentSource(request.workspacePath));
    auto plan = detail::makeRunPlan(**workspace, request, client, *catalogue);
    if (!plan)
        return plan.error();
    return detail::estimatePlan(**workspace, *plan, request.params);
}

} // namespace switchyard
