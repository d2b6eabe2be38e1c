#pragma once

#include "common/expected.h"
#include "routing/router.h"
#include "routing/tier_table.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace switchyard::routing {

struct PolicyTier {
    std::string name;       // "small", "large"
    std::string model;      // the model reference as the run stores it
    std::string paramsYaml; // the tier's `params` as YAML text (max_tokens, ...), kept as written
};

// The evidence a policy carries: where and how it was evaluated, and what it achieved.
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
    std::string catalogueDate;
    std::string evaluatedAt;
    std::optional<double> crossValidationAuc; // learned routers: out-of-fold
};

// A routing policy file (ARCHITECTURE.md, "The routing policy file"): apiVersion switchyard/v1,
// kind RoutingPolicy. Keys this build does not know (caching, batch, governance, ...) are kept
// and written back unchanged.
struct RoutingPolicy {
    std::string name;
    std::string created;           // ISO-8601
    std::vector<PolicyTier> tiers; // cheapest first
    RouterConfig router;
    // Evaluation settings, under router.params: quality_bar, incomplete, baseline, scorer.
    TableOptions table;
    std::string scorer;           // empty: the run's only scorer
    std::string confidenceScorer; // the judge signal's scorer
    std::optional<PolicyEvidence> evidence;
    std::string otherSectionsYaml; // top-level keys kept verbatim, as a YAML mapping
};

// Parses and validates a policy. Errors name the path of the field: "tiers[2].model",
// "router.thresholds", "router.params.rules[0].regex", with the line when the YAML has one.
Expected<RoutingPolicy> parsePolicyYaml(std::string_view text, const std::string& sourceName);
Expected<RoutingPolicy> loadPolicyFile(const std::string& path);
std::string policyToYaml(const RoutingPolicy& policy);

// Sets one router parameter as `router.params.KEY: VALUE` would in the file (the command line's
// --params K=V), with the same validation and error paths. Tiers must be set first.
Status setPolicyParam(RoutingPolicy& policy, const std::string& key, const std::string& value);

// "small", "large"; "small", "medium", "large"; ... "tier0", "tier1", ... beyond four.
std::vector<std::string> defaultTierNames(size_t count);

// The tier models, in order.
std::vector<std::string> tierModels(const RoutingPolicy& policy);

} // namespace switchyard::routing
