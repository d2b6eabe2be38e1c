#include "routing/policy_file.h"

#include "common/open_workspaces.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace switchyard::routing {

namespace {

constexpr const char* kApiVersion = "switchyard/v1";
constexpr const char* kKind = "RoutingPolicy";

// yaml-cpp reports through exceptions; they stay inside this file. Each error names the path.
struct PolicyError {
    std::string path;
    std::string message;
    int64_t line = 0;
};

[[noreturn]] void fail(const YAML::Node& node, const std::string& path,
                       const std::string& message) {
    throw PolicyError{path, message, node.IsDefined() ? node.Mark().line + 1 : 0};
}

std::string text(const YAML::Node& node, const std::string& path) {
    if (!node.IsScalar())
        fail(node, path, "must be a string");
    return node.as<std::string>();
}

double number(const YAML::Node& node, const std::string& path, double min, double max) {
    double value = 0.0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value))
        fail(node, path, "must be a number");
    if (value < min || value > max) {
        std::ostringstream range;
        range << "must be from " << min << " to " << max;
        fail(node, path, range.str());
    }
    return value;
}

int64_t integer(const YAML::Node& node, const std::string& path, int64_t min, int64_t max) {
    int64_t value = 0;
    if (!node.IsScalar() || !YAML::convert<int64_t>::decode(node, value))
        fail(node, path, "must be a whole number");
    if (value < min || value > max)
        fail(node, path, "must be from " + std::to_string(min) + " to " + std::to_string(max));
    return value;
}

// A tier named by its name or its index.
size_t tierRef(const YAML::Node& node, const std::string& path,
               const std::vector<PolicyTier>& tiers) {
    if (!node.IsScalar())
        fail(node, path, "must name a tier");
    const std::string value = node.as<std::string>();
    for (size_t k = 0; k < tiers.size(); ++k)
        if (tiers[k].name == value)
            return k;
    int64_t index = -1;
    if (YAML::convert<int64_t>::decode(node, index) && index >= 0 &&
        static_cast<size_t>(index) < tiers.size())
        return static_cast<size_t>(index);
    std::string names;
    for (const PolicyTier& tier : tiers)
        names += (names.empty() ? "" : ", ") + tier.name;
    fail(node, path, "no tier '" + value + "' (tiers: " + names + ")");
}

Rule parseRule(const YAML::Node& node, const std::string& path,
               const std::vector<PolicyTier>& tiers) {
    if (!node.IsMap())
        fail(node, path, "must be a mapping");
    Rule rule;
    if (node["name"])
        rule.name = text(node["name"], path + ".name");
    int conditions = 0;
    if (node["regex"]) {
        rule.condition = Rule::Condition::Regex;
        rule.pattern = text(node["regex"], path + ".regex");
        ++conditions;
    }
    if (const YAML::Node keywords = node["keywords"]) {
        rule.condition = Rule::Condition::Keywords;
        if (keywords.IsSequence()) {
            for (size_t i = 0; i < keywords.size(); ++i)
                rule.keywords.push_back(
                    text(keywords[i], path + ".keywords[" + std::to_string(i) + "]"));
        } else {
            rule.keywords.push_back(text(keywords, path + ".keywords"));
        }
        if (rule.keywords.empty())
            fail(keywords, path + ".keywords", "must list at least one keyword");
        ++conditions;
    }
    for (const auto& [key, condition] : {std::pair{"min_tokens", Rule::Condition::MinTokens},
                                         std::pair{"max_tokens", Rule::Condition::MaxTokens}})
        if (node[key]) {
            rule.condition = condition;
            rule.tokens = integer(node[key], path + "." + key, 0, int64_t{1} << 40);
            ++conditions;
        }
    if (node["tag"]) {
        rule.condition = Rule::Condition::Tag;
        rule.pattern = text(node["tag"], path + ".tag");
        ++conditions;
    }
    if (conditions != 1)
        fail(node, path,
             "needs exactly one condition: regex, keywords, min_tokens, max_tokens or tag");
    if (node["tier"])
        rule.tier = tierRef(node["tier"], path + ".tier", tiers);
    if (node["respond"])
        rule.cannedResponse = text(node["respond"], path + ".respond");
    if (rule.tier.has_value() == !rule.cannedResponse.empty())
        fail(node, path, "needs either a tier or a canned answer ('respond'), not both");
    if (node["quality"])
        rule.cannedQuality = number(node["quality"], path + ".quality", 0.0, 1.0);
    return rule;
}

void parseParams(const YAML::Node& params, RoutingPolicy& policy) {
    if (!params)
        return;
    if (!params.IsMap())
        fail(params, "router.params", "must be a mapping");
    RouterConfig& router = policy.router;
    const std::string base = "router.params.";
    if (params["seed"])
        router.seed = static_cast<uint64_t>(
            integer(params["seed"], base + "seed", 0, std::numeric_limits<int64_t>::max()));
    if (params["quality_bar"])
        policy.table.qualityBar = number(params["quality_bar"], base + "quality_bar", 0.0, 1.0);
    if (params["incomplete"]) {
        const std::string value = text(params["incomplete"], base + "incomplete");
        if (value == "exclude")
            policy.table.incomplete = IncompleteResults::Exclude;
        else if (value == "count-as-failure")
            policy.table.incomplete = IncompleteResults::CountAsFailure;
        else
            fail(params["incomplete"], base + "incomplete",
                 "must be 'exclude' or 'count-as-failure'");
    }
    if (params["baseline"])
        policy.table.baselineModel = text(params["baseline"], base + "baseline");
    if (params["scorer"])
        policy.scorer = text(params["scorer"], base + "scorer");
    if (params["judge_scorer"])
        policy.confidenceScorer = text(params["judge_scorer"], base + "judge_scorer");
    if (params["classifier_model"])
        router.classifierModel = text(params["classifier_model"], base + "classifier_model");
    if (params["signal"]) {
        const auto signal = cascadeSignalFromName(text(params["signal"], base + "signal"));
        if (!signal)
            fail(params["signal"], base + "signal",
                 "must be one of judge, refusal, format, learned");
        router.cascadeSignal = *signal;
    }
    if (params["folds"])
        router.learned.folds = static_cast<int>(integer(params["folds"], base + "folds", 2, 50));
    if (params["epochs"])
        router.learned.epochs =
            static_cast<int>(integer(params["epochs"], base + "epochs", 1, 100));
    if (params["hash_bits"])
        router.learned.hashBits =
            static_cast<int>(integer(params["hash_bits"], base + "hash_bits", 8, 24));
    router.learned.seed = router.seed;
    if (params["default_tier"])
        router.defaultTier = tierRef(params["default_tier"], base + "default_tier", policy.tiers);
    if (const YAML::Node rules = params["rules"]) {
        if (!rules.IsSequence())
            fail(rules, base + "rules", "must be a list");
        for (size_t i = 0; i < rules.size(); ++i)
            router.rules.push_back(
                parseRule(rules[i], base + "rules[" + std::to_string(i) + "]", policy.tiers));
    }
}

void parseEvidence(const YAML::Node& node, RoutingPolicy& policy) {
    if (!node)
        return;
    if (!node.IsMap())
        fail(node, "evidence", "must be a mapping");
    PolicyEvidence evidence;
    auto str = [&](const char* key, std::string& out) {
        if (node[key])
            out = text(node[key], std::string("evidence.") + key);
    };
    auto num = [&](const char* key, double& out) {
        if (node[key])
            out = number(node[key], std::string("evidence.") + key, -1e18, 1e18);
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
        evidence.synthetic = node["synthetic"].as<bool>(false);
    num("cost_per_1k_usd", evidence.costPer1kUsd);
    num("cost_usd", evidence.costUsd);
    num("quality", evidence.quality);
    num("pass_rate", evidence.passRate);
    num("savings_pct", evidence.savingsPct);
    for (const auto& [key, slot] : {std::pair{"latency_p50_ms", &evidence.latencyP50Ms},
                                    std::pair{"latency_p95_ms", &evidence.latencyP95Ms},
                                    std::pair{"cv_auc", &evidence.crossValidationAuc}})
        if (node[key])
            *slot = number(node[key], std::string("evidence.") + key, -1e18, 1e18);
    if (const YAML::Node ci = node["quality_ci95"]) {
        if (!ci.IsSequence() || ci.size() != 2)
            fail(ci, "evidence.quality_ci95", "must be [low, high]");
        evidence.qualityCi95 = std::pair{number(ci[0], "evidence.quality_ci95[0]", -1e9, 1e9),
                                         number(ci[1], "evidence.quality_ci95[1]", -1e9, 1e9)};
    }
    if (const YAML::Node shares = node["tier_share"]; shares && shares.IsSequence())
        for (size_t i = 0; i < shares.size(); ++i)
            evidence.tierShare.push_back(
                number(shares[i], "evidence.tier_share[" + std::to_string(i) + "]", 0.0, 1.0));
    policy.evidence = std::move(evidence);
}

RoutingPolicy parse(const YAML::Node& root) {
    if (!root.IsMap())
        fail(root, "", "a routing policy must be a YAML mapping");
    RoutingPolicy policy;
    if (!root["apiVersion"] || text(root["apiVersion"], "apiVersion") != kApiVersion)
        fail(root["apiVersion"], "apiVersion", std::string("must be ") + kApiVersion);
    if (!root["kind"] || text(root["kind"], "kind") != kKind)
        fail(root["kind"], "kind", std::string("must be ") + kKind);
    const YAML::Node metadata = root["metadata"];
    if (!metadata || !metadata.IsMap() || !metadata["name"])
        fail(metadata, "metadata.name", "a policy needs a name");
    policy.name = text(metadata["name"], "metadata.name");
    if (metadata["created"])
        policy.created = text(metadata["created"], "metadata.created");

    const YAML::Node tiers = root["tiers"];
    if (!tiers || !tiers.IsSequence() || tiers.size() == 0)
        fail(tiers, "tiers", "must list at least one tier, cheapest first");
    std::set<std::string> names;
    for (size_t k = 0; k < tiers.size(); ++k) {
        const std::string path = "tiers[" + std::to_string(k) + "]";
        const YAML::Node tier = tiers[k];
        if (!tier.IsMap())
            fail(tier, path, "must be a mapping with a model");
        PolicyTier out;
        out.name = tier["name"] ? text(tier["name"], path + ".name") : "tier" + std::to_string(k);
        if (!tier["model"])
            fail(tier, path + ".model", "every tier needs a model");
        out.model = text(tier["model"], path + ".model");
        if (out.model.empty())
            fail(tier["model"], path + ".model", "must not be empty");
        if (!names.insert(out.name).second)
            fail(tier["name"], path + ".name", "tier names must be unique");
        if (tier["params"]) {
            YAML::Emitter params;
            params << YAML::Flow << tier["params"];
            out.paramsYaml = params.c_str();
        }
        policy.tiers.push_back(std::move(out));
    }

    const YAML::Node router = root["router"];
    if (!router || !router.IsMap() || !router["kind"])
        fail(router, "router.kind",
             "missing: random, rules, complexity, classifier, learned or "
             "cascade");
    const auto kind = routerKindFromName(text(router["kind"], "router.kind"));
    if (!kind)
        fail(router["kind"], "router.kind",
             "must be one of random, rules, complexity, classifier, learned, cascade");
    policy.router.kind = *kind;
    if (const YAML::Node thresholds = router["thresholds"]) {
        if (!thresholds.IsSequence())
            fail(thresholds, "router.thresholds", "must be a list of numbers");
        for (size_t i = 0; i < thresholds.size(); ++i)
            policy.router.thresholds.push_back(
                number(thresholds[i], "router.thresholds[" + std::to_string(i) + "]", -1e9, 1e9));
    }
    const size_t wanted = policy.tiers.size() - 1;
    if (*kind != RouterKind::Rules && policy.router.thresholds.size() != wanted)
        fail(router["thresholds"] ? router["thresholds"] : router, "router.thresholds",
             "needs " + std::to_string(wanted) + " threshold(s), one fewer than the tiers");
    if (*kind != RouterKind::Rules && *kind != RouterKind::Cascade)
        for (size_t i = 1; i < policy.router.thresholds.size(); ++i)
            if (policy.router.thresholds[i] < policy.router.thresholds[i - 1])
                fail(router["thresholds"], "router.thresholds", "must be ascending");
    policy.table.accounting = accountingFor(*kind);
    parseParams(router["params"], policy);
    if (*kind == RouterKind::Classifier && policy.router.classifierModel.empty())
        fail(router, "router.params.classifier_model",
             "a classifier router needs its labelling model");
    if (*kind == RouterKind::Cascade && policy.router.cascadeSignal == CascadeSignal::Judge &&
        policy.confidenceScorer.empty())
        fail(router, "router.params.judge_scorer",
             "the judge signal needs the judge's scorer name");
    if (*kind == RouterKind::Classifier)
        policy.table.preRouterModel = policy.router.classifierModel;
    parseEvidence(root["evidence"], policy);

    YAML::Node others(YAML::NodeType::Map);
    for (const auto& entry : root) {
        const std::string key = entry.first.as<std::string>();
        if (key != "apiVersion" && key != "kind" && key != "metadata" && key != "tiers" &&
            key != "router" && key != "evidence")
            others[key] = entry.second;
    }
    if (others.size() > 0) {
        YAML::Emitter emitter;
        emitter << others;
        policy.otherSectionsYaml = emitter.c_str();
    }
    return policy;
}

// Numbers in the file: thresholds exactly (9 significant digits round-trip a float), figures
// rounded to what a reader needs.
std::string formatted(double value, int significant) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*g", significant, value);
    return buffer;
}

const char* incompleteName(IncompleteResults incomplete) {
    return incomplete == IncompleteResults::Exclude ? "exclude" : "count-as-failure";
}

} // namespace

Expected<RoutingPolicy> parsePolicyYaml(std::string_view text, const std::string& sourceName) {
    try {
        return parse(YAML::Load(std::string(text)));
    } catch (const PolicyError& error) {
        return Error{sourceName, error.line, error.path, error.message};
    } catch (const YAML::Exception& error) {
        return Error{sourceName, error.mark.line >= 0 ? error.mark.line + 1 : 0, "",
                     "invalid YAML: " + error.msg};
    }
}

Status setPolicyParam(RoutingPolicy& policy, const std::string& key, const std::string& value) {
    try {
        YAML::Node params(YAML::NodeType::Map);
        params[key] = YAML::Load(value);
        static const std::set<std::string> known = {
            "seed",   "quality_bar",  "incomplete",       "baseline",
            "scorer", "judge_scorer", "classifier_model", "signal",
            "folds",  "epochs",       "hash_bits",        "default_tier"};
        if (!known.count(key))
            return Error{"", 0, "router.params." + key,
                         "unknown parameter '" + key + "' (rules are written in a policy file)"};
        parseParams(params, policy);
        if (policy.router.kind == RouterKind::Classifier)
            policy.table.preRouterModel = policy.router.classifierModel;
        return success();
    } catch (const PolicyError& error) {
        return Error{"", 0, error.path, error.message};
    } catch (const YAML::Exception& error) {
        return Error{"", 0, "router.params." + key, "invalid value: " + error.msg};
    }
}

Expected<RoutingPolicy> loadPolicyFile(const std::string& path) {
    if (auto refused = refuseOpenWorkspace(path); !refused)
        return refused.error();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{path, 0, "", "cannot open the policy file"};
    std::ostringstream content;
    content << in.rdbuf();
    return parsePolicyYaml(content.str(), path);
}

std::vector<std::string> defaultTierNames(size_t count) {
    static const char* const kNames[][4] = {{"small", "large", "", ""},
                                            {"small", "medium", "large", ""},
                                            {"small", "medium", "large", "xlarge"}};
    std::vector<std::string> names;
    for (size_t k = 0; k < count; ++k)
        names.push_back(count >= 2 && count <= 4 ? kNames[count - 2][k]
                                                 : "tier" + std::to_string(k));
    return names;
}

std::vector<std::string> tierModels(const RoutingPolicy& policy) {
    std::vector<std::string> models;
    for (const PolicyTier& tier : policy.tiers)
        models.push_back(tier.model);
    return models;
}

std::string policyToYaml(const RoutingPolicy& policy) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "apiVersion" << YAML::Value << kApiVersion;
    out << YAML::Key << "kind" << YAML::Value << kKind;
    out << YAML::Key << "metadata" << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << policy.name;
    if (!policy.created.empty())
        out << YAML::Key << "created" << YAML::Value << YAML::DoubleQuoted << policy.created;
    out << YAML::EndMap;

    out << YAML::Key << "tiers" << YAML::Comment("cheapest first") << YAML::Value << YAML::BeginSeq;
    for (const PolicyTier& tier : policy.tiers) {
        out << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << tier.name;
        out << YAML::Key << "model" << YAML::Value << tier.model;
        if (!tier.paramsYaml.empty())
            out << YAML::Key << "params" << YAML::Value << YAML::Load(tier.paramsYaml);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;

    const RouterConfig& router = policy.router;
    out << YAML::Key << "router" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "kind" << YAML::Value << routerKindName(router.kind);
    if (router.kind != RouterKind::Rules) {
        out << YAML::Key << "thresholds" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (double threshold : router.thresholds)
            out << formatted(threshold, 9);
        out << YAML::EndSeq;
    }
    out << YAML::Key << "params" << YAML::Value << YAML::BeginMap;
    auto param = [&out](const char* key, const std::string& value) {
        out << YAML::Key << key << YAML::Value << value;
    };
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
        break;
    case RouterKind::Cascade:
        param("signal", cascadeSignalName(router.cascadeSignal));
        if (router.cascadeSignal == CascadeSignal::Learned) {
            param("folds", std::to_string(router.learned.folds));
            param("seed", std::to_string(router.seed));
        }
        break;
    case RouterKind::Rules:
        if (router.defaultTier && *router.defaultTier < policy.tiers.size())
            param("default_tier", policy.tiers[*router.defaultTier].name);
        out << YAML::Key << "rules" << YAML::Value << YAML::BeginSeq;
        for (const Rule& rule : router.rules) {
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
                out << YAML::Key << "respond" << YAML::Value << YAML::DoubleQuoted
                    << rule.cannedResponse;
                param("quality", formatted(rule.cannedQuality, 4));
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        break;
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

    if (!policy.otherSectionsYaml.empty()) {
        const YAML::Node others = YAML::Load(policy.otherSectionsYaml);
        for (const auto& entry : others)
            out << YAML::Key << entry.first << YAML::Value << entry.second;
    }

    if (policy.evidence) {
        const PolicyEvidence& e = *policy.evidence;
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
            out << YAML::Key << "catalogue_date" << YAML::Value << YAML::DoubleQuoted
                << e.catalogueDate;
        if (!e.evaluatedAt.empty())
            out << YAML::Key << "evaluated_at" << YAML::Value << YAML::DoubleQuoted
                << e.evaluatedAt;
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

} // namespace switchyard::routing
