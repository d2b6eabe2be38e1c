// Resolving a run request: models against the providers file and the catalogue, the run to
// continue and what it already holds, and the walk over the pairs still to send.
#include "run/detail/run_plan.h"
#include "run/saved_students.h"

#include "providers/detail/crypto.h"
#include "store/price_overrides.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace switchyard::detail {

namespace {

constexpr int kPromptPage = 256;

// The identity of a run: what must match for a later request to continue it. Models are
// sorted because "a,b" and "b,a" ask for the same answers.
std::string identityJson(const RunRequest& request) {
    std::vector<std::string> models = request.modelRefs;
    std::sort(models.begin(), models.end());
    nlohmann::json identity{{"models", models},
                            {"max_tokens", request.params.maxTokens},
                            {"temperature", request.params.temperature
                                                ? nlohmann::json(*request.params.temperature)
                                                : nlohmann::json(nullptr)},
                            {"stop_sequences", request.params.stopSequences}};
    // Only when there are variants, so a run without any keeps the identity it always had.
    for (const auto& [ref, variant] : request.variants) {
        nlohmann::json entry{{"name", variant.name}};
        if (variant.system)
            entry["system"] = *variant.system;
        if (variant.user)
            entry["user"] = *variant.user;
        identity["variants"][ref] = std::move(entry);
    }
    return identity.dump();
}

std::optional<std::string> setName(const Workspace& workspace, int64_t setId) {
    for (const PromptSetInfo& set : workspace.promptSets())
        if (set.id == setId)
            return set.name;
    return std::nullopt;
}

} // namespace

bool RunPlan::pending(size_t model, int64_t promptId) const {
    const auto& ids = listed[model];
    const bool isListed = std::binary_search(ids.begin(), ids.end(), promptId);
    return retryFailedOnly ? isListed : !isListed;
}

int64_t RunPlan::plannedTotal() const {
    int64_t total = 0;
    for (int64_t calls : planned)
        total += calls;
    return total;
}

Expected<Catalogue> requestCatalogue(const RunRequest& request, const Workspace& workspace) {
    if (request.catalogue)
        return *request.catalogue;
    auto prices = workspacePrices(workspace);
    if (!prices)
        return prices.error();
    return std::move(prices->catalogue);
}

ProvidersFile requestProviders(const RunRequest& request, const Workspace& workspace) {
    ProvidersFile file = withSavedStudents(request.providers, workspace);
    if (!request.concurrency)
        return file;
    for (const std::string& ref : request.modelRefs) {
        auto parsed = parseModelRef(ref);
        if (!parsed)
            continue; // makeRunPlan reports it
        for (ProviderConfig& provider : file.providers)
            if (provider.name == parsed->provider)
                provider.limits.concurrency = std::max(1, *request.concurrency);
    }
    return file;
}

Expected<RunPlan> makeRunPlan(const Workspace& workspace, const RunRequest& request,
                              ProviderClient& client, const Catalogue& catalogue) {
    if (request.modelRefs.empty())
        return Error{"", 0, "models", "no models to run"};
    if (request.params.maxTokens < 1)
        return Error{"", 0, "max_tokens", "max_tokens must be at least 1"};
    RunPlan plan;
    plan.setId = request.setId;
    plan.retryFailedOnly = request.retryFailedOnly;
    auto name = setName(workspace, request.setId);
    if (!name)
        return Error{workspace.path(), 0, "set",
                     "no prompt set with id " + std::to_string(request.setId)};
    plan.setName = *name;

    std::set<std::string> seen;
    for (const std::string& ref : request.modelRefs) {
        if (!seen.insert(ref).second)
            return Error{"", 0, "models", "model '" + ref + "' is listed twice"};
        auto provider = client.check(ref);
        if (!provider)
            return provider.error();
        const ModelPrice* price = catalogue.find(ref);
        if (!price)
            return Error{"", 0, "models",
                         "no price for model '" + ref +
                             "': add it to the workspace's prices (for a Bedrock prompt router, "
                             "the price of its most expensive model) so the run can be costed"};
        PlannedModel model;
        model.ref = ref;
        model.model = parseModelRef(ref)->model;
        model.provider = *provider;
        model.family = tokenizerFamilyForModel(model.model);
        model.price = price;
        if (auto it = request.variants.find(ref); it != request.variants.end()) {
            if (auto valid = checkVariant(it->second); !valid)
                return valid.error();
            model.variant = it->second;
        }
        plan.models.push_back(std::move(model));
    }
    for (const auto& [ref, variant] : request.variants)
        if (!seen.contains(ref))
            return Error{"", 0, "variants",
                         "variant '" + variant.name + "' is paired with model '" + ref +
                             "', which the run does not include"};

    plan.paramsJson = identityJson(request);
    plan.target = workspace.findProviderRun(plan.setId, plan.paramsJson, plan.retryFailedOnly);
    if (plan.retryFailedOnly && !plan.target)
        return Error{"", 0, "retry_failed",
                     "no earlier run of set '" + plan.setName +
                         "' with these models and parameters to retry"};
    if (auto listed = listRecorded(workspace, plan); !listed)
        return listed.error();
    return plan;
}

Status listRecorded(const Workspace& workspace, RunPlan& plan) {
    plan.prompts = workspace.promptCount(plan.setId);
    plan.listed.assign(plan.models.size(), {});
    plan.planned.clear();
    int64_t recordedPairs = 0;
    if (plan.target) {
        std::unordered_map<int64_t, size_t> modelIndex;
        for (const auto& [id, ref] : workspace.runModels(plan.target->id))
            for (size_t m = 0; m < plan.models.size(); ++m)
                if (plan.models[m].ref == ref)
                    modelIndex.emplace(id, m);
        auto walked = workspace.forEachRunPair(
            plan.target->id, [&](int64_t modelId, int64_t promptId, bool failed) {
                const auto it = modelIndex.find(modelId);
                if (it == modelIndex.end())
                    return;
                ++recordedPairs;
                if (!plan.retryFailedOnly || failed)
                    plan.listed[it->second].push_back(promptId); // already sorted by prompt id
            });
        if (!walked)
            return walked.error();
    }
    for (const auto& ids : plan.listed) {
        const auto count = static_cast<int64_t>(ids.size());
        plan.planned.push_back(plan.retryFailedOnly ? count : plan.prompts - count);
    }
    plan.alreadyRecorded = recordedPairs - (plan.retryFailedOnly ? plan.plannedTotal() : 0);
    return success();
}

std::vector<size_t> allModels(const RunPlan& plan) {
    std::vector<size_t> models(plan.models.size());
    for (size_t m = 0; m < models.size(); ++m)
        models[m] = m;
    return models;
}

Status forEachPendingPrompt(const Workspace& workspace, const RunPlan& plan,
                            std::span<const size_t> onlyModels,
                            const std::function<bool(int64_t promptId, const Prompt& prompt,
                                                     std::span<const size_t> models)>& visit) {
    std::vector<size_t> models;
    std::vector<size_t> group;
    models.reserve(onlyModels.size());
    int64_t after = 0;
    for (;;) {
        const auto page = workspace.promptIdPage(plan.setId, after, kPromptPage);
        if (page.empty())
            return success();
        for (const auto& [ordinal, promptId] : page) {
            after = ordinal;
            models.clear();
            for (size_t m : onlyModels)
                if (plan.pending(m, promptId))
                    models.push_back(m);
            if (models.empty())
                continue;
            auto prompt = workspace.prompt(plan.setId, ordinal);
            if (!prompt)
                return prompt.error();
            // Models sharing a variant (or none) share one rendering of the prompt.
            while (!models.empty()) {
                const std::optional<PromptVariant>& variant =
                    plan.models[models.front()].variant; // plan.models outlives the walk
                const auto split =
                    std::stable_partition(models.begin(), models.end(), [&](size_t m) {
                        return plan.models[m].variant == variant;
                    });
                group.assign(models.begin(), split);
                models.erase(models.begin(), split);
                if (!variant) {
                    if (!visit(promptId, *prompt, group))
                        return success();
                    continue;
                }
                auto sent = applyVariant(*variant, *prompt);
                if (!sent)
                    return sent.error();
                if (!visit(promptId, *sent, group))
                    return success();
            }
        }
    }
}

std::string responseCacheKey(ProviderKind kind, const HttpRequest& request) {
    // Versioned, so a future change of what goes into the key can never match an old entry.
    // Headers are left out: they carry credentials, and what they select (API version) is
    // fixed per provider kind.
    std::string text = "switchyard-response-cache/1\n";
    text += providerKindName(kind);
    text += '\n';
    text += request.method;
    text += ' ';
    text += request.url;
    text += '\n';
    text += request.body;
    return sha256Hex(text);
}

} // namespace switchyard::detail

namespace switchyard {

std::optional<RunIdentity> parseRunIdentity(std::string_view paramsJson) {
    const nlohmann::json identity = nlohmann::json::parse(paramsJson, nullptr, false);
    if (!identity.is_object() || !identity.contains("models") || !identity["models"].is_array())
        return std::nullopt;
    RunIdentity out;
    for (const auto& model : identity["models"])
        if (model.is_string())
            out.models.push_back(model.get<std::string>());
    if (const auto it = identity.find("max_tokens"); it != identity.end() && it->is_number())
        out.params.maxTokens = it->get<int64_t>();
    if (const auto it = identity.find("temperature"); it != identity.end() && it->is_number())
        out.params.temperature = it->get<double>();
    if (const auto it = identity.find("stop_sequences"); it != identity.end() && it->is_array())
        for (const auto& stop : *it)
            if (stop.is_string())
                out.params.stopSequences.push_back(stop.get<std::string>());
    if (const auto it = identity.find("variants"); it != identity.end() && it->is_object())
        for (const auto& [ref, entry] : it->items()) {
            if (!entry.is_object())
                continue;
            PromptVariant variant;
            variant.name = entry.value("name", std::string());
            if (const auto system = entry.find("system");
                system != entry.end() && system->is_string())
                variant.system = system->get<std::string>();
            if (const auto user = entry.find("user"); user != entry.end() && user->is_string())
                variant.user = user->get<std::string>();
            out.variants.emplace(ref, std::move(variant));
        }
    return out;
}

} // namespace switchyard
