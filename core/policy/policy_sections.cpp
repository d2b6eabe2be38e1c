#include "policy/detail/policy_sections.h"

#include "policy/detail/policy_yaml.h"

#include <algorithm>

namespace switchyard::policy_yaml {

namespace {

constexpr double kLarge = 1e18;

} // namespace

EscalationSection readEscalation(const YAML::Node& node) {
    requireMapping(node, "escalation", {"on", "min_confidence", "max_escalations"});
    EscalationSection out;
    if (node["on"]) {
        out.on = texts(node["on"], "escalation.on");
        for (size_t i = 0; i < out.on.size(); ++i)
            if (out.on[i] != "refusal" && out.on[i] != "format" && out.on[i] != "low_confidence")
                fail(node["on"], "escalation.on[" + std::to_string(i) + "]",
                     "must be one of refusal, format, low_confidence");
    }
    if (node["min_confidence"])
        out.minConfidence = number(node["min_confidence"], "escalation.min_confidence", 0.0, 1.0);
    if (node["max_escalations"])
        out.maxEscalations = integer(node["max_escalations"], "escalation.max_escalations", 1, 8);
    const bool onConfidence =
        std::find(out.on.begin(), out.on.end(), "low_confidence") != out.on.end();
    if (onConfidence && !out.minConfidence)
        fail(node, "escalation.min_confidence", "escalating on low_confidence needs the bar");
    return out;
}

CachingSection readCaching(const YAML::Node& node) {
    requireMapping(node, "caching", {"checkpoints", "ttl"});
    CachingSection out;
    if (node["checkpoints"]) {
        out.checkpoints = texts(node["checkpoints"], "caching.checkpoints");
        for (size_t i = 0; i < out.checkpoints.size(); ++i) {
            const std::string& point = out.checkpoints[i];
            if (point != "after_system" && point != "after_tools" && point != "after_history")
                fail(node["checkpoints"], "caching.checkpoints[" + std::to_string(i) + "]",
                     "must be one of after_system, after_tools, after_history");
        }
    }
    if (node["ttl"])
        out.ttl = oneOf(node["ttl"], "caching.ttl", {"5m", "1h"});
    return out;
}

BatchSection readBatch(const YAML::Node& node) {
    requireMapping(node, "batch", {"tags", "tier"});
    BatchSection out;
    if (node["tags"])
        out.tags = texts(node["tags"], "batch.tags");
    if (node["tier"])
        out.tier = oneOf(node["tier"], "batch.tier", {"batch", "flex"});
    return out;
}

GovernanceSection readGovernance(const YAML::Node& node, const std::vector<PolicyTier>& tiers) {
    requireMapping(node, "governance",
                   {"premium_tiers", "approved_by", "approved_at", "workloads"});
    GovernanceSection out;
    if (node["premium_tiers"]) {
        out.premiumTiers = texts(node["premium_tiers"], "governance.premium_tiers");
        for (size_t i = 0; i < out.premiumTiers.size(); ++i)
            if (std::none_of(tiers.begin(), tiers.end(), [&](const PolicyTier& tier) {
                    return tier.name == out.premiumTiers[i];
                }))
                fail(node["premium_tiers"], "governance.premium_tiers[" + std::to_string(i) + "]",
                     "no tier '" + out.premiumTiers[i] + "'");
    }
    if (node["approved_by"])
        out.approvedBy = text(node["approved_by"], "governance.approved_by");
    if (node["approved_at"])
        out.approvedAt = text(node["approved_at"], "governance.approved_at");
    if (const YAML::Node workloads = node["workloads"]) {
        if (!workloads.IsMap())
            fail(workloads, "governance.workloads", "must map workload names to their limits");
        for (const auto& entry : workloads) {
            const std::string name = entry.first.as<std::string>();
            const std::string path = "governance.workloads." + name;
            const YAML::Node limits = entry.second;
            requireMapping(limits, path,
                           {"quality_floor", "budget_usd_month", "budget_per_1k_usd",
                            "requests_month", "premium_justification"});
            WorkloadGovernance workload;
            if (limits["quality_floor"])
                workload.qualityFloor =
                    number(limits["quality_floor"], path + ".quality_floor", 0.0, 1.0);
            if (limits["budget_usd_month"])
                workload.budgetUsdMonth =
                    number(limits["budget_usd_month"], path + ".budget_usd_month", 0.0, kLarge);
            if (limits["budget_per_1k_usd"])
                workload.budgetPer1kUsd =
                    number(limits["budget_per_1k_usd"], path + ".budget_per_1k_usd", 0.0, kLarge);
            if (limits["requests_month"])
                workload.requestsMonth = static_cast<int64_t>(
                    number(limits["requests_month"], path + ".requests_month", 1.0, kLarge));
            if (limits["premium_justification"])
                workload.premiumJustification =
                    text(limits["premium_justification"], path + ".premium_justification");
            out.workloads[name] = std::move(workload);
        }
    }
    return out;
}

PolicyEvidence readEvidence(const YAML::Node& node) {
    requireMapping(node, "evidence",
                   {"prompt_set", "prompts", "run", "run_id", "synthetic", "scorer", "baseline",
                    "cost_per_1k_usd", "cost_usd", "quality", "quality_ci95", "pass_rate",
                    "savings_pct", "latency_p50_ms", "latency_p95_ms", "tier_share", "cv_auc",
                    "catalogue_date", "evaluated_at"});
    PolicyEvidence evidence;
    auto str = [&](const char* key, std::string& out) {
        if (node[key])
            out = text(node[key], std::string("evidence.") + key);
    };
    auto num = [&](const char* key, double& out) {
        if (node[key])
            out = number(node[key], std::string("evidence.") + key, -kLarge, kLarge);
    };
    str("prompt_set", evidence.promptSet);
    str("run", evidence.run);
    str("scorer", evidence.scorer);
    str("baseline", evidence.baseline);
    str("catalogue_date", evidence.catalogueDate);
    str("evaluated_at", evidence.evaluatedAt);
    if (node["prompts"])
        evidence.prompts = integer(node["prompts"], "evidence.prompts", 0, int64_t{1} << 50);
    if (node["run_id"])
        evidence.runId = integer(node["run_id"], "evidence.run_id", 0, int64_t{1} << 50);
    if (node["synthetic"])
        evidence.synthetic = boolean(node["synthetic"], "evidence.synthetic");
    num("cost_per_1k_usd", evidence.costPer1kUsd);
    num("cost_usd", evidence.costUsd);
    num("quality", evidence.quality);
    num("pass_rate", evidence.passRate);
    num("savings_pct", evidence.savingsPct);
    for (const auto& [key, slot] : {std::pair{"latency_p50_ms", &evidence.latencyP50Ms},
                                    std::pair{"latency_p95_ms", &evidence.latencyP95Ms},
                                    std::pair{"cv_auc", &evidence.crossValidationAuc}})
        if (node[key])
            *slot = number(node[key], std::string("evidence.") + key, -kLarge, kLarge);
    if (const YAML::Node ci = node["quality_ci95"]) {
        if (!ci.IsSequence() || ci.size() != 2)
            fail(ci, "evidence.quality_ci95", "must be [low, high]");
        evidence.qualityCi95 = std::pair{number(ci[0], "evidence.quality_ci95[0]", -1e9, 1e9),
                                         number(ci[1], "evidence.quality_ci95[1]", -1e9, 1e9)};
    }
    if (const YAML::Node shares = node["tier_share"]) {
        if (!shares.IsSequence())
            fail(shares, "evidence.tier_share", "must be a list of shares, one per tier");
        for (size_t i = 0; i < shares.size(); ++i)
            evidence.tierShare.push_back(
                number(shares[i], "evidence.tier_share[" + std::to_string(i) + "]", 0.0, 1.0));
    }
    return evidence;
}

} // namespace switchyard::policy_yaml
