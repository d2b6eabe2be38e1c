#include "workbench/traffic_whatif.h"

#include "pricing/cost.h"
#include "routing/route.h"
#include "store/price_overrides.h"
#include "workbench/routing_ops.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace switchyard::workbench {

namespace {

struct TrafficInput {
    int64_t setId = 0;
    TrafficRows rows;
};

Expected<TrafficInput> readTraffic(const Workspace& workspace, const std::string& setName) {
    const auto setId = workspace.findPromptSet(setName);
    if (!setId)
        return Error{"", 0, "set", "no prompt set named '" + setName + "'"};
    auto rows = workspace.trafficRows(*setId);
    if (!rows)
        return rows.error();
    if (rows->size() == 0)
        return Error{"", 0, "set", "set '" + setName + "' holds no production traffic"};
    return TrafficInput{*setId, std::move(rows).value()};
}

// Every k-th request in arrival order, k chosen so that `size` are drawn.
std::vector<size_t> evenSample(const std::vector<size_t>& candidates, int64_t size) {
    std::vector<size_t> sample;
    if (candidates.empty() || size <= 0)
        return sample;
    const double step = std::max(1.0, double(candidates.size()) / double(size));
    for (double at = 0; at < double(candidates.size()) && int64_t(sample.size()) < size; at += step)
        sample.push_back(candidates[size_t(at)]);
    return sample;
}

} // namespace

Expected<TrafficCacheWhatIf> trafficCacheWhatIf(const Workspace& workspace,
                                                const std::string& setName,
                                                const std::string& model, const CancelToken* cancel,
                                                const Progress& progress) {
    auto traffic = readTraffic(workspace, setName);
    if (!traffic)
        return traffic.error();
    const TrafficRows& rows = traffic->rows;
    std::vector<int64_t> perModel(rows.models.size());
    for (int32_t m : rows.model)
        ++perModel[size_t(m)];
    const auto chosen =
        model.empty()
            ? std::max_element(perModel.begin(), perModel.end()) - perModel.begin()
            : std::find(rows.models.begin(), rows.models.end(), model) - rows.models.begin();
    if (size_t(chosen) >= rows.models.size())
        return Error{"", 0, "model",
                     "no request of set '" + setName + "' was served by '" + model + "'"};
    TrafficCacheWhatIf whatIf;
    whatIf.model = rows.models[size_t(chosen)];
    std::unordered_map<int64_t, size_t> rowOfOrdinal;
    int64_t input = 0, cached = 0;
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows.model[i] == chosen)
            rowOfOrdinal.emplace(rows.ordinal[i], i);
    // The requests in arrival order, with their text: what the simulator replays.
    std::vector<std::pair<size_t, Prompt>> served;
    auto read = workspace.forEachPrompt(traffic->setId, [&](int64_t ordinal, Prompt&& prompt) {
        if (const auto it = rowOfOrdinal.find(ordinal);
            it != rowOfOrdinal.end() && !prompt.messages.empty())
            served.emplace_back(it->second, std::move(prompt));
        return !(cancel && cancel->cancelled());
    });
    if (!read)
        return read.error();
    if (served.empty())
        return Error{"", 0, "model",
                     "the requests '" + whatIf.model +
                         "' served were imported without their "
                         "text (a usage export, or logs without bodies): caching cannot be "
                         "simulated on them"};
    std::sort(served.begin(), served.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    auto prompts = std::make_unique<std::vector<Prompt>>();
    for (auto& [row, prompt] : served) {
        input += rows.inputTokens[row];
        cached += rows.cacheReadTokens[row];
        if (!std::isnan(rows.costUsd[row]))
            whatIf.costRecordedUsd += rows.costUsd[row];
        prompts->push_back(std::move(prompt));
    }
    whatIf.requests = int64_t(prompts->size());
    whatIf.chrAchieved = input > 0 ? double(cached) / double(input) : 0.0;

    auto prices = workspacePrices(workspace);
    if (!prices)
        return prices.error();
    CacheLabSettings settings;
    settings.model = whatIf.model;
    settings.recordedTimestamps = true;
    settings.placement.afterTools = settings.placement.afterSystem =
        settings.placement.afterHistory = true;
    settings.lint = false;
    // The Cache Lab's own evaluation, on these requests only (the set's other models' requests
    // are not this model's cache traffic); the logged figures stand beside it as achievedChr.
    auto report = runCacheLab(*prompts, prices->catalogue, settings, progress, cancel);
    if (!report)
        return report.error();
    whatIf.simulated = std::move(report).value();
    return whatIf;
}

Expected<TrafficRoutingWhatIf> trafficRoutingWhatIf(const Workspace& workspace,
                                                    const std::string& setName,
                                                    const std::string& policyName,
                                                    int64_t sampleSize, const CancelToken* cancel) {
    auto traffic = readTraffic(workspace, setName);
    if (!traffic)
        return traffic.error();
    auto policy = findPolicy(workspace, policyName);
    if (!policy)
        return policy.error();
    auto router = routing::PolicyRouter::make(*policy);
    if (!router)
        return router.error();
    auto prices = workspacePrices(workspace);
    if (!prices)
        return prices.error();
    const TrafficRows& rows = traffic->rows;
    TrafficRoutingWhatIf whatIf;
    whatIf.policyName = policy->name;
    for (const PolicyTier& tier : policy->tiers)
        whatIf.tierModels.push_back(tier.model);
    whatIf.perTier.assign(whatIf.tierModels.size(), 0);
    std::unordered_map<int64_t, size_t> rowOfOrdinal;
    for (size_t i = 0; i < rows.size(); ++i)
        rowOfOrdinal.emplace(rows.ordinal[i], i);
    std::set<std::string> unpriced;
    const auto price = [&](const std::string& model, size_t row) -> std::optional<double> {
        // A model without prompt caching reads every input token at the full price: the cached
        // part of the recorded usage is plain input there.
        const ModelPrice* target = prices->catalogue.find(model);
        const bool caches = target && target->supportsCaching;
        auto cost = costBreakdown(prices->catalogue, model,
                                  Usage{rows.inputTokens[row], rows.outputTokens[row],
                                        caches ? rows.cacheReadTokens[row] : 0,
                                        caches ? rows.cacheWriteTokens[row] : 0, 0});
        if (!cost) {
            unpriced.insert(model);
            return std::nullopt;
        }
        return cost->totalUsd;
    };
    std::vector<size_t> routedRows;
    auto read = workspace.forEachPrompt(traffic->setId, [&](int64_t ordinal, Prompt&& prompt) {
        const auto it = rowOfOrdinal.find(ordinal);
        if (it == rowOfOrdinal.end())
            return true;
        const size_t row = it->second;
        if (prompt.messages.empty()) {
            ++whatIf.withoutText;
            return true;
        }
        const routing::RouteDecision decision = router->decide(prompt);
        ++whatIf.requests;
        routedRows.push_back(row);
        if (!std::isnan(rows.costUsd[row]))
            whatIf.costRecordedUsd += rows.costUsd[row];
        if (!decision.tier) {
            ++whatIf.canned;
            return true;
        }
        ++whatIf.perTier[*decision.tier];
        whatIf.costRoutedUsd += price(decision.model, row).value_or(0.0);
        return !(cancel && cancel->cancelled());
    });
    if (!read)
        return read.error();
    if (whatIf.requests == 0)
        return Error{"", 0, "set",
                     "no request of set '" + setName +
                         "' kept its text, and a policy routes by "
                         "the prompt"};
    std::sort(routedRows.begin(), routedRows.end()); // arrival order
    const std::vector<size_t> sample = evenSample(routedRows, sampleSize);
    whatIf.sampleSize = int64_t(sample.size());
    for (size_t row : sample)
        for (const std::string& model : whatIf.tierModels)
            whatIf.sampleCostUsd += price(model, row).value_or(0.0);
    whatIf.unpriced.assign(unpriced.begin(), unpriced.end());
    return whatIf;
}

Expected<TrafficSample> createTrafficSample(Workspace& workspace, const std::string& setName,
                                            int64_t size) {
    auto traffic = readTraffic(workspace, setName);
    if (!traffic)
        return traffic.error();
    const TrafficRows& rows = traffic->rows;
    // Drawn from the requests that kept their text: the rows count each one's messages.
    std::vector<size_t> candidates;
    for (size_t i = 0; i < rows.size(); ++i) // arrival order
        if (rows.turns[i] > 0)
            candidates.push_back(i);
    std::unordered_set<int64_t> chosen;
    for (size_t row : evenSample(candidates, size))
        chosen.insert(rows.ordinal[row]);
    if (chosen.empty())
        return Error{"", 0, "set", "no request of set '" + setName + "' kept its text"};
    std::vector<Prompt> prompts;
    auto read = workspace.forEachPrompt(traffic->setId, [&](int64_t ordinal, Prompt&& prompt) {
        if (chosen.count(ordinal))
            prompts.push_back(std::move(prompt));
        return true;
    });
    if (!read)
        return read.error();
    TrafficSample sample;
    sample.setName = workspace.uniqueSetName(setName + " sample");
    auto created =
        workspace.createPromptSet(sample.setName, "sample of traffic set '" + setName + "'");
    if (!created)
        return created.error();
    auto appended = workspace.appendPrompts(*created, prompts, sample.setName);
    if (!appended)
        return appended.error();
    sample.prompts = appended->inserted;
    return sample;
}

} // namespace switchyard::workbench
