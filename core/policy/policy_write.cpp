// Writing a policy file: every section the model holds, in the order of the contract's example.
#include "policy/policy.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdio>

namespace switchyard {

using routing::RouterKind;
using routing::Rule;

namespace {

// Numbers in the file: thresholds exactly (9 significant digits round-trip a float), figures
// rounded to what a reader needs.
std::string formatted(double value, int significant) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*g", significant, value);
    return buffer;
}

const char* incompleteName(routing::IncompleteResults incomplete) {
    return incomplete == routing::IncompleteResults::Exclude ? "exclude" : "count-as-failure";
}

class Writer {
public:
    void param(const char* key, const std::string& value) {
        out << YAML::Key << key << YAML::Value << value;
    }
    void quoted(const char* key, const std::string& value) {
        out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
    }
    void list(const char* key, const std::vector<std::string>& values) {
        out << YAML::Key << key << YAML::Value << YAML::Flow << values;
    }

    void tiers(const std::vector<PolicyTier>& tiers) {
        out << YAML::Key << "tiers" << YAML::Comment("cheapest first") << YAML::Value
            << YAML::BeginSeq;
        for (const PolicyTier& tier : tiers) {
            out << YAML::Flow << YAML::BeginMap;
            param("name", tier.name);
            param("model", tier.model);
            const TierParams& p = tier.params;
            if (p != TierParams{}) {
                out << YAML::Key << "params" << YAML::Value << YAML::BeginMap;
                if (p.maxTokens)
                    param("max_tokens", std::to_string(*p.maxTokens));
                if (p.temperature)
                    param("temperature", formatted(*p.temperature, 6));
                if (!p.stopSequences.empty())
                    out << YAML::Key << "stop_sequences" << YAML::Value << p.stopSequences;
                if (p.serviceTier)
                    param("service_tier", *p.serviceTier);
                out << YAML::EndMap;
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }

    void rules(const RoutingPolicy& policy) {
        out << YAML::Key << "rules" << YAML::Value << YAML::BeginSeq;
        for (const Rule& rule : policy.router.rules) {
            out << YAML::BeginMap;
            if (!rule.name.empty())
                param("name", rule.name);
            switch (rule.condition) {
            case Rule::Condition::Regex:
                out << YAML::Key << "regex" << YAML::Value << YAML::SingleQuoted << rule.pattern;
                break;
            case Rule::Condition::Keywords:
                out << YAML::Key << "keywords" << YAML::Value << YAML::Flow << rule.keywords;
                break;
            case Rule::Condition::MinTokens:
                param("min_tokens", std::to_string(rule.tokens));
                break;
            case Rule::Condition::MaxTokens:
                param("max_tokens", std::to_string(rule.tokens));
                break;
            case Rule::Condition::Tag:
                param("tag", rule.pattern);
                break;
            }
            if (rule.tier && *rule.tier < policy.tiers.size()) {
                param("tier", policy.tiers[*rule.tier].name);
            } else {
                quoted("respond", rule.cannedResponse);
                param("quality", formatted(rule.cannedQuality, 4));
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }

    void router(const RoutingPolicy& policy) {
        const routing::RouterConfig& router = policy.router;
        out << YAML::Key << "router" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "kind" << YAML::Value << routing::routerKindName(router.kind);
        if (router.kind != RouterKind::Rules) {
            out << YAML::Key << "thresholds" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (double threshold : router.thresholds)
                out << formatted(threshold, 9);
            out << YAML::EndSeq;
        }
        out << YAML::Key << "params" << YAML::Value << YAML::BeginMap;
        switch (router.kind) {
        case RouterKind::Random:
            param("seed", std::to_string(router.seed));
            break;
        case RouterKind::Complexity:
            break;
        case RouterKind::Classifier:
            param("classifier_model", router.classifierModel);
            break;
        case RouterKind::Learned:
            param("folds", std::to_string(router.learned.folds));
            param("epochs", std::to_string(router.learned.epochs));
            param("hash_bits", std::to_string(router.learned.hashBits));
            param("seed", std::to_string(router.seed));
            if (router.learned.shuffleLabels)
                param("shuffle_labels", "true");
            break;
        case RouterKind::Cascade:
            param("signal", routing::cascadeSignalName(router.cascadeSignal));
            if (router.cascadeSignal == routing::CascadeSignal::Learned ||
                router.cascadeSignal == routing::CascadeSignal::Answer) {
                param("folds", std::to_string(router.learned.folds));
                param("seed", std::to_string(router.seed));
                if (router.learned.shuffleLabels)
                    param("shuffle_labels", "true");
            }
            break;
        case RouterKind::Rules:
            if (router.defaultTier && *router.defaultTier < policy.tiers.size())
                param("default_tier", policy.tiers[*router.defaultTier].name);
            rules(policy);
            break;
        }
        if (policy.modelFile) {
            param("model_file", policy.modelFile->path);
            param("model_sha256", policy.modelFile->sha256);
        }
        param("quality_bar", formatted(policy.table.qualityBar, 6));
        param("incomplete", incompleteName(policy.table.incomplete));
        if (!policy.table.baselineModel.empty())
            param("baseline", policy.table.baselineModel);
        if (!policy.scorer.empty())
            param("scorer", policy.scorer);
        if (!policy.confidenceScorer.empty())
            param("judge_scorer", policy.confidenceScorer);
        out << YAML::EndMap; // params
        out << YAML::EndMap; // router
    }

    void sections(const RoutingPolicy& policy) {
        if (const auto& e = policy.escalation) {
            out << YAML::Key << "escalation" << YAML::Value << YAML::Flow << YAML::BeginMap;
            list("on", e->on);
            if (e->minConfidence)
                param("min_confidence", formatted(*e->minConfidence, 6));
            param("max_escalations", std::to_string(e->maxEscalations));
            out << YAML::EndMap;
        }
        if (const auto& c = policy.caching) {
            out << YAML::Key << "caching" << YAML::Value << YAML::Flow << YAML::BeginMap;
            list("checkpoints", c->checkpoints);
            param("ttl", c->ttl);
            out << YAML::EndMap;
        }
        if (const auto& b = policy.batch) {
            out << YAML::Key << "batch" << YAML::Value << YAML::Flow << YAML::BeginMap;
            list("tags", b->tags);
            param("tier", b->tier);
            out << YAML::EndMap;
        }
        if (const auto& g = policy.governance) {
            out << YAML::Key << "governance" << YAML::Value << YAML::BeginMap;
            list("premium_tiers", g->premiumTiers);
            if (!g->approvedBy.empty())
                param("approved_by", g->approvedBy);
            if (!g->approvedAt.empty())
                quoted("approved_at", g->approvedAt);
            if (!g->workloads.empty()) {
                out << YAML::Key << "workloads" << YAML::Value << YAML::BeginMap;
                for (const auto& [name, workload] : g->workloads) {
                    out << YAML::Key << name << YAML::Value << YAML::Flow << YAML::BeginMap;
                    if (workload.qualityFloor)
                        param("quality_floor", formatted(*workload.qualityFloor, 6));
                    if (workload.budgetUsdMonth)
                        param("budget_usd_month", formatted(*workload.budgetUsdMonth, 12));
                    if (workload.budgetPer1kUsd)
                        param("budget_per_1k_usd", formatted(*workload.budgetPer1kUsd, 12));
                    if (workload.requestsMonth)
                        param("requests_month", std::to_string(*workload.requestsMonth));
                    if (!workload.premiumJustification.empty())
                        quoted("premium_justification", workload.premiumJustification);
                    out << YAML::EndMap;
                }
                out << YAML::EndMap;
            }
            out << YAML::EndMap;
        }
    }

    void evidence(const PolicyEvidence& e) {
        out << YAML::Key << "evidence" << YAML::Value << YAML::BeginMap;
        param("prompt_set", e.promptSet);
        param("prompts", std::to_string(e.prompts));
        param("run", e.run);
        param("run_id", std::to_string(e.runId));
        out << YAML::Key << "synthetic" << YAML::Value << e.synthetic;
        if (e.synthetic)
            out << YAML::Comment("synthetic demo data: not a measurement of real models");
        if (!e.scorer.empty())
            param("scorer", e.scorer);
        param("baseline", e.baseline);
        param("cost_per_1k_usd", formatted(e.costPer1kUsd, 6));
        param("cost_usd", formatted(e.costUsd, 6));
        param("quality", formatted(e.quality, 4));
        if (e.qualityCi95)
            out << YAML::Key << "quality_ci95" << YAML::Value << YAML::Flow << YAML::BeginSeq
                << formatted(e.qualityCi95->first, 4) << formatted(e.qualityCi95->second, 4)
                << YAML::EndSeq;
        param("pass_rate", formatted(e.passRate, 4));
        param("savings_pct", formatted(std::round(e.savingsPct * 100.0) / 100.0, 6));
        if (e.latencyP50Ms)
            param("latency_p50_ms", formatted(*e.latencyP50Ms, 6));
        if (e.latencyP95Ms)
            param("latency_p95_ms", formatted(*e.latencyP95Ms, 6));
        out << YAML::Key << "tier_share" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (double share : e.tierShare)
            out << formatted(share, 4);
        out << YAML::EndSeq;
        if (e.crossValidationAuc)
            param("cv_auc", formatted(*e.crossValidationAuc, 4));
        if (!e.catalogueDate.empty())
            quoted("catalogue_date", e.catalogueDate);
        if (!e.evaluatedAt.empty())
            quoted("evaluated_at", e.evaluatedAt);
        out << YAML::EndMap;
    }

    YAML::Emitter out;
};

} // namespace

std::string policyToYaml(const RoutingPolicy& policy) {
    Writer writer;
    YAML::Emitter& out = writer.out;
    out << YAML::BeginMap;
    out << YAML::Key << "apiVersion" << YAML::Value << "switchyard/v1";
    out << YAML::Key << "kind" << YAML::Value << "RoutingPolicy";
    out << YAML::Key << "metadata" << YAML::Value << YAML::Flow << YAML::BeginMap;
    writer.param("name", policy.name);
    if (!policy.created.empty())
        writer.quoted("created", policy.created);
    if (!policy.description.empty())
        writer.quoted("description", policy.description);
    out << YAML::EndMap;
    writer.tiers(policy.tiers);
    writer.router(policy);
    writer.sections(policy);
    if (policy.evidence)
        writer.evidence(*policy.evidence);
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

} // namespace switchyard
