#pragma once

// The routing policy (ARCHITECTURE.md, "The routing policy file"): what Switchyard hands to
// production, as a typed model of every section. Nothing is kept as opaque YAML: a key this
// build does not know is an error naming its path and the nearest known key, and writing a
// policy then reading it back gives the same policy.

#include "common/expected.h"
#include "routing/router.h"
#include "routing/tier_table.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace switchyard::routing {
struct TrainedRouter;
}

namespace switchyard {

// What a tier's calls are sent with. Absent fields: the runner's defaults.
struct TierParams {
    std::optional<int64_t> maxTokens;
    std::optional<double> temperature;
    std::vector<std::string> stopSequences;
    std::optional<std::string> serviceTier; // standard | batch | flex | priority
    bool operator==(const TierParams&) const = default;
};

struct PolicyTier {
    std::string name;  // "small", "large"
    std::string model; // the model reference as runs store it
    TierParams params;
    bool operator==(const PolicyTier&) const = default;
};

// When an answer of a cheaper tier is sent up a tier instead of returned (cascades).
struct EscalationSection {
    std::vector<std::string> on;         // refusal | format | low_confidence
    std::optional<double> minConfidence; // low_confidence: below this the answer escalates
    int64_t maxEscalations = 1;
    bool operator==(const EscalationSection&) const = default;
};

// Where the gateway puts prompt-cache checkpoints, and for how long.
struct CachingSection {
    std::vector<std::string> checkpoints; // after_system | after_tools | after_history
    std::string ttl = "5m";               // 5m | 1h
    bool operator==(const CachingSection&) const = default;
};

// Requests with these tags go to the provider's batch (or flex) tier.
struct BatchSection {
    std::vector<std::string> tags;
    std::string tier = "batch"; // batch | flex
    bool operator==(const BatchSection&) const = default;
};

struct WorkloadGovernance {
    std::optional<double> qualityFloor; // 0..1: the CI gate fails below it
    std::optional<double> budgetUsdMonth;
    std::string premiumJustification;
    // The gate checks cost per 1,000 requests against budgetPer1kUsd, and the month's projected
    // spend (cost per 1k at requestsMonth requests) against budgetUsdMonth.
    std::optional<double> budgetPer1kUsd;
    std::optional<int64_t> requestsMonth;
    bool operator==(const WorkloadGovernance&) const = default;
};

struct GovernanceSection {
    std::vector<std::string> premiumTiers; // tier names
    std::string approvedBy;
    std::string approvedAt;
    std::map<std::string, WorkloadGovernance> workloads;
    bool operator==(const GovernanceSection&) const = default;
};

// Where and how the policy was evaluated, and what it achieved.
struct PolicyEvidence {
    std::string promptSet;
    int64_t prompts = 0; // requests replayed
    std::string run;     // the run's name
    int64_t runId = 0;
    bool synthetic = false; // evaluated on synthetic demo data
    std::string scorer;
    std::string baseline; // model reference
    double costPer1kUsd = 0.0;
    double costUsd = 0.0;
    double quality = 0.0;
    std::optional<std::pair<double, double>> qualityCi95;
    double passRate = 0.0;
    double savingsPct = 0.0;
    std::optional<double> latencyP50Ms;
    std::optional<double> latencyP95Ms;
    std::vector<double> tierShare; // per tier
    std::string catalogueDate;     // the prices the costs were computed with
    std::string evaluatedAt;
    std::optional<double> crossValidationAuc; // learned routers: out-of-fold
};

// Where a learned router's trained models are (routing/trained_router.h): a file beside the
// policy's YAML, named relative to it, and its SHA-256 as written.
struct PolicyModelFile {
    std::string path;
    std::string sha256; // lower-case hex
    bool operator==(const PolicyModelFile&) const = default;
};

struct RoutingPolicy {
    // metadata
    std::string name;
    std::string created; // ISO-8601
    std::string description;
    std::vector<PolicyTier> tiers; // cheapest first
    routing::RouterConfig router;
    // Evaluation settings, under router.params: quality_bar, incomplete, baseline, scorer.
    routing::TableOptions table;
    std::string scorer;           // empty: the run's only scorer
    std::string confidenceScorer; // the judge signal's scorer
    std::optional<EscalationSection> escalation;
    std::optional<CachingSection> caching;
    std::optional<BatchSection> batch;
    std::optional<GovernanceSection> governance;
    std::optional<PolicyEvidence> evidence;
    // router.params.model_file and model_sha256. A policy saved in a workspace has none: the
    // workspace retrains from the run.
    std::optional<PolicyModelFile> modelFile;
    // The models themselves, read and checked by loadPolicyFile; what route decides with.
    std::shared_ptr<const routing::TrainedRouter> trained;
};

// Parses and validates a policy. Errors name the path of the field ("tiers[2].model",
// "router.thresholds", "router.params.rules[0].regex", "router.treshold: unknown key, did you
// mean 'thresholds'?"), with the line when the YAML has one.
Expected<RoutingPolicy> parsePolicyYaml(std::string_view text, const std::string& sourceName);
// A policy file; a model file it names is read from beside it and must hash to the SHA-256 the
// policy gives ("router.params.model_file: 'p.router' was altered after export").
Expected<RoutingPolicy> loadPolicyFile(const std::string& path);
std::string policyToYaml(const RoutingPolicy& policy);

// Sets one router parameter as `router.params.KEY: VALUE` would in the file (the command line's
// --params K=V), with the same validation and error paths. Tiers must be set first.
Status setPolicyParam(RoutingPolicy& policy, const std::string& key, const std::string& value);

// Checks every model the policy names ("tiers[1].model: unknown model 'x'"; the baseline and a
// classifier's labelling model too) against `known`: every problem, in the file's order.
std::vector<Error> policyModelProblems(const RoutingPolicy& policy,
                                       const std::function<bool(const std::string& model)>& known);
// The first of them.
Status validatePolicyModels(const RoutingPolicy& policy,
                            const std::function<bool(const std::string& model)>& known);

// One rule as the file would hold it at router.params.rules[index]: a condition with a value
// (a regex that compiles, at least one keyword, a token count), and a tier among `tierCount` or
// a canned answer. The rules editor checks each row with this.
Status validateRule(const routing::Rule& rule, size_t index, size_t tierCount);

// A policy of a router kind over models (cheapest first), tiers named by defaultTierNames, the
// router's other settings at their defaults: what --router/--models and the Router Lab start from.
RoutingPolicy newPolicy(const std::string& name, routing::RouterKind kind,
                        const std::vector<std::string>& models);

// "small", "large"; "small", "medium", "large"; ... "tier0", "tier1", ... beyond four.
std::vector<std::string> defaultTierNames(size_t count);

// The tier models, in order.
std::vector<std::string> tierModels(const RoutingPolicy& policy);

} // namespace switchyard
