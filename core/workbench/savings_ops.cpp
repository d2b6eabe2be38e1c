#include "workbench/savings_ops.h"

#include "common/text_format.h"
#include "routing/evaluation.h"
#include "store/workspace.h"
#include "workbench/detail/routed_caching.h"
#include "workbench/detail/savings_ledger.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace switchyard::workbench {

namespace {

using detail::SavingsLedger;

constexpr char kCancelled[] = "cancelled";

std::pair<double, std::string> monthlyVolume(const SavingsAssumptions& assumptions,
                                             const RoutingPolicy& policy) {
    if (assumptions.requestsPerMonth)
        return {*assumptions.requestsPerMonth, "assumption"};
    double governed = 0.0;
    if (policy.governance)
        for (const auto& [name, workload] : policy.governance->workloads)
            governed += static_cast<double>(workload.requestsMonth.value_or(0));
    if (governed > 0.0)
        return {governed, "governance.workloads"};
    return {kDefaultRequestsPerMonth, "default"};
}

std::vector<bool> studentTiers(const RoutingPolicy& policy,
                               const std::map<std::string, std::string>& kinds) {
    std::vector<bool> student;
    for (const PolicyTier& tier : policy.tiers) {
        const size_t slash = tier.model.find('/');
        const auto kind =
            slash == std::string::npos ? kinds.end() : kinds.find(tier.model.substr(0, slash));
        student.push_back(kind != kinds.end() && kind->second == "local-student");
    }
    return student;
}

SavingsQuality measureQuality(const routing::ReplayFigures& figures,
                              const routing::TierTable& table, const SavingsLedger& ledger,
                              const report::Waterfall& waterfall) {
    SavingsQuality quality;
    quality.requests = figures.requests;
    quality.quality = figures.quality;
    quality.qualityCi95 = figures.qualityCi95;
    quality.baselineModel = table.baseline().modelRef;
    quality.baselineQuality = table.baseline().quality;
    std::vector<double> baseline, served;
    for (size_t row = 0; row < ledger.servedQuality.size(); ++row) {
        const double b = ledger.baselineQuality[row];
        const double s = ledger.servedQuality[row];
        if (std::isnan(b) || std::isnan(s))
            continue;
        baseline.push_back(b);
        served.push_back(s);
    }
    quality.paired = eval::comparePaired(baseline, served);
    const double ratio =
        waterfall.baselineUsd > 0.0 ? waterfall.finalUsd / waterfall.baselineUsd : 1.0;
    quality.verdict = eval::classifyVerdict(quality.paired, ratio);
    quality.verdictText = eval::verdictInWords(quality.paired, ratio);
    return quality;
}

// The waterfall with caching at `requestsPerMinute` (when simulated).
struct Priced {
    std::vector<report::RequestLedger> requests;
    std::vector<report::RequestCacheTokens> tokens;
    int64_t capped = 0;
};

Expected<Priced> priceAtRate(const SavingsLedger& ledger,
                             const std::optional<detail::RoutedTraffic>& traffic,
                             double requestsPerMinute, const CancelToken* cancel) {
    Priced priced{ledger.requests, {}, 0};
    if (!traffic)
        return priced;
    auto caching = detail::simulateRoutedCaching(*traffic, ledger, requestsPerMinute, cancel);
    if (!caching)
        return caching.error();
    for (size_t row = 0; row < priced.requests.size(); ++row)
        priced.requests[row].cachingSavingUsd = caching->savingUsd[row];
    priced.tokens = std::move(caching->tokens);
    priced.capped = caching->capped;
    return priced;
}

double modelSpend(const std::vector<report::RequestLedger>& requests,
                  const std::vector<int>& pricedTier, const routing::TierTable& table,
                  const std::string& model) {
    double spend = 0.0;
    for (size_t row = 0; row < requests.size(); ++row)
        if (pricedTier[row] >= 0 && table.tierModel(static_cast<size_t>(pricedTier[row])) == model)
            spend += report::leverCosts(requests[row]).afterUsd[4];
    return spend;
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words)
        text += (text.empty() ? "'" : ", '") + word + "'";
    return text;
}

void noteSteps(SavingsOutcome& outcome, const RoutingPolicy& policy,
               const std::optional<detail::RoutedTraffic>& traffic, bool anyStudent) {
    auto& steps = outcome.waterfall.steps;
    steps[0].note = "policy '" + policy.name + "' (" +
                    std::string(routing::routerKindName(policy.router.kind)) + ") against " +
                    outcome.quality.baselineModel + " for every request";
    if (traffic)
        steps[1].note = traffic->placement + ", at " +
                        formatFixed(outcome.requestsPerMonth / kMinutesPerMonth, 2) +
                        " requests per minute (" +
                        (traffic->recordedTimestamps ? "the prompts' own arrival times, rescaled"
                                                     : "Poisson arrivals") +
                        ")" +
                        (policy.router.kind == routing::RouterKind::Cascade
                             ? "; on the call that served each request, a cascade's earlier "
                               "calls as recorded"
                             : "");
    else
        steps[1].note = "the policy has no caching section";
    steps[2].note = policy.batch && !policy.batch->tags.empty()
                        ? "requests tagged " + joined(policy.batch->tags) + " at " +
                              policy.batch->tier + " prices"
                        : "the policy sends no requests as batch work (no batch tags)";
    steps[3].note = anyStudent ? "local-student tiers in place of the next tier up"
                               : "the policy has no local-student tier";
}

} // namespace

Expected<SavingsOutcome> computeSavings(const SavingsRequest& request, const CancelToken* cancel,
                                        const Progress& progress) {
    auto context = loadPolicyRun(request.source, request.policy, cancel);
    if (!context)
        return context.error();
    const RoutingPolicy& policy = context->policy;
    auto lab = routing::RouterLab::create(*context->data, tierModels(policy), policy.router,
                                          policy.table, cancel);
    if (!lab)
        return lab.error();
    const routing::TierTable& table = (*lab)->table();
    std::vector<uint8_t> decisions;
    const routing::PolicyEvaluation evaluation =
        (*lab)->evaluate(policy.router.thresholds, &decisions);

    const Catalogue& prices = *context->prices; // as the replay priced the run

    SavingsOutcome outcome;
    const std::vector<bool> students = studentTiers(policy, request.assumptions.providerKinds);
    SavingsLedger ledger = detail::buildLedger(**lab, decisions, students);
    if (policy.batch && !policy.batch->tags.empty())
        detail::applyBatch(ledger, table, *policy.batch, prices);
    std::optional<detail::RoutedTraffic> traffic;
    if (policy.caching) {
        // The prompts' text is read again for the simulation: the replay keeps only what routing
        // needs.
        auto workspace = Workspace::open(request.source.workspacePath);
        if (!workspace)
            return workspace.error();
        auto routed =
            detail::routedTraffic(**workspace, prices, table, ledger, *policy.caching, cancel);
        if (!routed)
            return routed.error();
        traffic = std::move(routed).value();
    }
    std::tie(outcome.requestsPerMonth, outcome.requestsPerMonthSource) =
        monthlyVolume(request.assumptions, policy);

    const std::vector<double> volumes =
        report::volumeGrid(outcome.requestsPerMonth, request.assumptions.projectionPoints);
    const double requests = static_cast<double>(table.rows());
    outcome.provisioned = request.assumptions.provisioned;
    std::optional<Priced> atVolume; // the assumed volume is a point of the grid: priced once
    for (size_t i = 0; i < volumes.size(); ++i) {
        auto priced = priceAtRate(ledger, traffic, volumes[i] / kMinutesPerMonth, cancel);
        if (!priced)
            return priced.error();
        const report::Waterfall waterfall = report::buildWaterfall(priced->requests);
        report::VolumePoint point;
        point.requestsPerMonth = volumes[i];
        point.baselineUsd = waterfall.baselineUsd / requests * volumes[i];
        point.policyUsd = waterfall.finalUsd / requests * volumes[i];
        if (outcome.provisioned)
            point.commitmentModelUsd =
                modelSpend(priced->requests, ledger.pricedTier, table, outcome.provisioned->model) /
                requests * volumes[i];
        outcome.projection.push_back(point);
        if (volumes[i] == outcome.requestsPerMonth)
            atVolume = std::move(priced).value();
        if (progress)
            progress(static_cast<int64_t>(i + 1), static_cast<int64_t>(volumes.size() + 1));
        if (cancel && cancel->cancelled())
            return Error{"", 0, "", kCancelled};
    }
    if (outcome.provisioned)
        outcome.breakEven =
            report::provisionedBreakEven(outcome.projection, outcome.provisioned->monthlyUsd());

    auto priced = atVolume ? Expected<Priced>(std::move(*atVolume))
                           : priceAtRate(ledger, traffic,
                                         outcome.requestsPerMonth / kMinutesPerMonth, cancel);
    if (!priced)
        return priced.error();
    outcome.waterfall = report::buildWaterfall(priced->requests);
    outcome.quality = measureQuality(evaluation.figures, table, ledger, outcome.waterfall);
    outcome.tierSpend = report::spendByTier(priced->requests, table.tierCount());
    for (const PolicyTier& tier : policy.tiers)
        outcome.tierLabels.push_back(tier.name + " (" + tier.model + ")");
    outcome.tierLabels.push_back("canned");
    std::vector<std::vector<std::string>> tags;
    for (size_t row = 0; row < table.rows(); ++row)
        tags.push_back(context->data->promptTags[table.promptIndex()[row]]);
    outcome.tags =
        report::attributeByTag(priced->requests, tags, priced->tokens, table.tierCount());
    if (traffic) {
        int64_t input = 0, cached = 0;
        for (const report::RequestCacheTokens& tokens : priced->tokens) {
            input += tokens.inputTokens;
            cached += tokens.cachedTokens;
        }
        outcome.chr = input > 0 ? static_cast<double>(cached) / static_cast<double>(input) : 0.0;
    }
    const bool anyStudent = std::any_of(ledger.requests.begin(), ledger.requests.end(),
                                        [](const auto& r) { return r.servedByStudent; });
    noteSteps(outcome, policy, traffic, anyStudent);

    // The run's notes and the replay's overlap (synthetic data, exclusions): each once.
    const std::vector<std::string>* sources[] = {&context->notes, &evaluation.notes, &ledger.notes};
    for (const auto* notes : sources)
        for (const std::string& note : *notes)
            if (std::find(outcome.notes.begin(), outcome.notes.end(), note) == outcome.notes.end())
                outcome.notes.push_back(note);
    if (priced->capped > 0)
        outcome.notes.push_back(std::to_string(priced->capped) +
                                " requests' simulated caching saving was more than their "
                                "recorded cost (token estimates above the provider's count) "
                                "and was capped at it");
    if (progress)
        progress(static_cast<int64_t>(volumes.size() + 1),
                 static_cast<int64_t>(volumes.size() + 1));
    outcome.context = std::move(context).value();
    return outcome;
}

} // namespace switchyard::workbench
