#pragma once

// What estimateRun and executeRun share: the request resolved against the workspace, the
// providers file and the catalogue, and the walk over the pairs still to send.

#include "common/expected.h"
#include "pricing/catalogue.h"
#include "prompts/prompt.h"
#include "prompts/token_estimate.h"
#include "providers/client.h"
#include "run/runner.h"
#include "store/workspace.h"

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace switchyard::detail {

struct PlannedModel {
    std::string ref;
    std::string model; // the part after "provider/"
    std::shared_ptr<const Provider> provider;
    TokenizerFamily family = TokenizerFamily::Generic;
    const ModelPrice* price = nullptr;    // in RunPlan's catalogue
    std::optional<PromptVariant> variant; // what its prompts are sent as; none = as stored
};

struct RunPlan {
    int64_t setId = 0;
    std::string setName;
    std::string paramsJson;        // the run's identity: models and CallParams (runner.h, Resume)
    std::optional<RunInfo> target; // the run to continue; none = a new run
    bool retryFailedOnly = false;
    std::vector<PlannedModel> models;
    // Per model, sorted prompts.id values: the pairs the target already recorded (skipped), or
    // with retryFailedOnly the failed ones (the only ones sent).
    std::vector<std::vector<int64_t>> listed;
    std::vector<int64_t> planned; // pairs to send, per model
    int64_t prompts = 0;
    int64_t alreadyRecorded = 0;

    bool pending(size_t model, int64_t promptId) const;
    int64_t plannedTotal() const;
};

// The catalogue a request prices with.
Expected<Catalogue> requestCatalogue(const RunRequest& request, const Workspace& workspace);

// The providers file with the workspace's saved students (saved_students.h) and the request's
// concurrency applied to the providers its models use.
ProvidersFile requestProviders(const RunRequest& request, const Workspace& workspace);

// Fails naming what is wrong: no models or a model twice, a bad max_tokens, an unknown set, a
// reference the providers file does not know, missing credentials, a model without a price,
// nothing to retry. `catalogue` must outlive the plan.
Expected<RunPlan> makeRunPlan(const Workspace& workspace, const RunRequest& request,
                              ProviderClient& client, const Catalogue& catalogue);

// Lists what plan.target already holds (RunPlan::listed) and what is left to send (planned):
// again after the runner has claimed the run, since another runner may have added to it.
Status listRecorded(const Workspace& workspace, RunPlan& plan);

// Walks the set in ordinal order, a page of prompt ids at a time, and hands each prompt that
// has a pending pair of one of `onlyModels` to `visit` with the indexes of those models: once
// per prompt variant among them, with the prompt as that variant sends it. Prompts with nothing
// pending are never loaded. `visit` returns false to stop; a prompt a variant cannot fill (a
// missing field) stops the walk with that error.
Status forEachPendingPrompt(const Workspace& workspace, const RunPlan& plan,
                            std::span<const size_t> onlyModels,
                            const std::function<bool(int64_t promptId, const Prompt& prompt,
                                                     std::span<const size_t> models)>& visit);
// Every model of the plan, for forEachPendingPrompt.
std::vector<size_t> allModels(const RunPlan& plan);

// The expected and the maximum cost of one call (runner.h: kDefaultOutputFraction,
// kBudgetInputMargin), through pricing's costBreakdown.
Expected<double> expectedCallCostUsd(const ModelPrice& price, int64_t inputTokens,
                                     int64_t outputTokens);
Expected<double> maxCallCostUsd(const ModelPrice& price, const Prompt& prompt, int64_t inputTokens,
                                int64_t maxTokens);
// max_tokens, capped by the model's own output limit (ModelPrice::maxOutputTokens) when known.
int64_t outputCap(const ModelPrice& price, int64_t maxTokens);

// Expected output tokens per call of a model: its recorded mean (at least kMinOutputHistory
// answers), capped at max_tokens, else kDefaultOutputFraction of max_tokens.
struct OutputExpectation {
    int64_t tokensPerCall = 0;
    bool fromHistory = false;
    int64_t history = 0;
};
OutputExpectation expectedOutput(const Workspace& workspace, const std::string& modelRef,
                                 int64_t maxTokens);

// Estimates every pending pair of the plan.
Expected<RunEstimate> estimatePlan(const Workspace& workspace, const RunPlan& plan,
                                   const CallParams& params);

// The key of the response cache for a request as it goes on the wire (runner.h).
std::string responseCacheKey(ProviderKind kind, const HttpRequest& request);

} // namespace switchyard::detail
