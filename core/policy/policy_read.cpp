// Reading a policy file: the top level, metadata, tiers and the router with its parameters and
// rules. The other sections are read in policy_sections.cpp; writing is policy_write.cpp.
#include "policy/policy.h"

#include "common/open_workspaces.h"
#include "policy/detail/policy_sections.h"
#include "policy/detail/policy_yaml.h"
#include "policy/policy_model_file.h"
#include "routing/trained_router.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace switchyard {

using namespace policy_yaml;
using routing::CascadeSignal;
using routing::IncompleteResults;
using routing::RouterKind;
using routing::Rule;

namespace {

constexpr const char* kApiVersion = "switchyard/v1";
constexpr const char* kKind = "RoutingPolicy";

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
    requireMapping(node, path,
                   {"name", "regex", "keywords", "min_tokens", "max_tokens", "tag", "tier",
                    "respond", "quality"});
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
    requireMapping(params, "router.params",
                   {"seed", "quality_bar", "incomplete", "baseline", "scorer", "judge_scorer",
                    "classifier_model", "signal", "folds", "epochs", "hash_bits", "shuffle_labels",
                    "default_tier", "rules", "model_file", "model_sha256"});
    routing::RouterConfig& router = policy.router;
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
        const auto signal = routing::cascadeSignalFromName(text(params["signal"], base + "signal"));
        if (!signal)
            fail(params["signal"], base + "signal",
                 "must be one of judge, refusal, format, learned, answer");
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
    if (params["shuffle_labels"])
        router.learned.shuffleLabels = boolean(params["shuffle_labels"], base + "shuffle_labels");
    router.learned.seed = router.seed;
    if (params["default_tier"])
        router.defaultTier = tierRef(params["default_tier"], base + "default_tier", policy.tiers);
    if (params["model_file"] || params["model_sha256"]) {
        if (!params["model_file"] || !params["model_sha256"])
            fail(params, base + (params["model_file"] ? "model_sha256" : "model_file"),
                 "model_file and model_sha256 come together");
        PolicyModelFile file;
        file.path = text(params["model_file"], base + "model_file");
        file.sha256 = text(params["model_sha256"], base + "model_sha256");
        if (file.sha256.size() != 64 ||
            file.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
            fail(params["model_sha256"], base + "model_sha256",
                 "must be 64 lower-case hexadecimal digits");
        policy.modelFile = std::move(file);
    }
    if (const YAML::Node rules = params["rules"]) {
        if (!rules.IsSequence())
            fail(rules, base + "rules", "must be a list");
        for (size_t i = 0; i < rules.size(); ++i)
            router.rules.push_back(
                parseRule(rules[i], base + "rules[" + std::to_string(i) + "]", policy.tiers));
    }
}

TierParams parseTierParams(const YAML::Node& node, const std::string& path) {
    requireMapping(node, path, {"max_tokens", "temperature", "stop_sequences", "service_tier"});
    TierParams params;
    if (node["max_tokens"])
        params.maxTokens = integer(node["max_tokens"], path + ".max_tokens", 1, 10'000'000);
    if (node["temperature"])
        params.temperature = number(node["temperature"], path + ".temperature", 0.0, 2.0);
    if (node["stop_sequences"])
        params.stopSequences = texts(node["stop_sequences"], path + ".stop_sequences");
    if (node["service_tier"])
        params.serviceTier = oneOf(node["service_tier"], path + ".service_tier",
                                   {"standard", "batch", "flex", "priority"});
    return params;
}

RoutingPolicy parse(const YAML::Node& root) {
    if (!root.IsMap())
        fail(root, "", "a routing policy must be a YAML mapping");
    requireMapping(root, "",
                   {"apiVersion", "kind", "metadata", "tiers", "router", "escalation", "caching",
                    "batch", "governance", "evidence"});
    RoutingPolicy policy;
    if (!root["apiVersion"] || text(root["apiVersion"], "apiVersion") != kApiVersion)
        fail(root["apiVersion"], "apiVersion", std::string("must be ") + kApiVersion);
    if (!root["kind"] || text(root["kind"], "kind") != kKind)
        fail(root["kind"], "kind", std::string("must be ") + kKind);
    const YAML::Node metadata = root["metadata"];
    if (!metadata || !metadata.IsMap() || !metadata["name"])
        fail(metadata, "metadata.name", "a policy needs a name");
    requireMapping(metadata, "metadata", {"name", "created", "description"});
    policy.name = text(metadata["name"], "metadata.name");
    if (metadata["created"])
        policy.created = text(metadata["created"], "metadata.created");
    if (metadata["description"])
        policy.description = text(metadata["description"], "metadata.description");

    const YAML::Node tiers = root["tiers"];
    if (!tiers || !tiers.IsSequence() || tiers.size() == 0)
        fail(tiers, "tiers", "must list at least one tier, cheapest first");
    std::set<std::string> names;
    for (size_t k = 0; k < tiers.size(); ++k) {
        const std::string path = "tiers[" + std::to_string(k) + "]";
        const YAML::Node tier = tiers[k];
        if (!tier.IsMap())
            fail(tier, path, "must be a mapping with a model");
        requireMapping(tier, path, {"name", "model", "params"});
        PolicyTier out;
        out.name = tier["name"] ? text(tier["name"], path + ".name") : "tier" + std::to_string(k);
        if (!tier["model"])
            fail(tier, path + ".model", "every tier needs a model");
        out.model = text(tier["model"], path + ".model");
        if (out.model.empty())
            fail(tier["model"], path + ".model", "must not be empty");
        if (!names.insert(out.name).second)
            fail(tier["name"], path + ".name", "tier names must be unique");
        if (tier["params"])
            out.params = parseTierParams(tier["params"], path + ".params");
        policy.tiers.push_back(std::move(out));
    }

    const YAML::Node router = root["router"];
    if (!router || !router.IsMap() || !router["kind"])
        fail(router, "router.kind",
             "missing: random, rules, complexity, classifier, learned or "
             "cascade");
    requireMapping(router, "router", {"kind", "thresholds", "params"});
    const auto kind = routing::routerKindFromName(text(router["kind"], "router.kind"));
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
             std::to_string(policy.router.thresholds.size()) + " value(s) for " +
                 std::to_string(policy.tiers.size()) + " tiers, need " + std::to_string(wanted));
    if (*kind != RouterKind::Rules && *kind != RouterKind::Cascade)
        for (size_t i = 1; i < policy.router.thresholds.size(); ++i)
            if (policy.router.thresholds[i] < policy.router.thresholds[i - 1])
                fail(router["thresholds"], "router.thresholds", "must be ascending");
    policy.table.accounting = routing::accountingFor(*kind);
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
    if (policy.modelFile && !routing::needsTrainedRouter(policy.router))
        fail(router["params"]["model_file"], "router.params.model_file",
             std::string("a ") + routing::routerKindName(*kind) +
                 " router decides without a trained model");
    if (root["escalation"])
        policy.escalation = readEscalation(root["escalation"]);
    if (root["caching"])
        policy.caching = readCaching(root["caching"]);
    if (root["batch"])
        policy.batch = readBatch(root["batch"]);
    if (root["governance"])
        policy.governance = readGovernance(root["governance"], policy.tiers);
    if (root["evidence"])
        policy.evidence = readEvidence(root["evidence"]);
    return policy;
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
        if (key == "rules")
            return Error{"", 0, "router.params.rules", "rules are written in a policy file"};
        YAML::Node params(YAML::NodeType::Map);
        params[key] = YAML::Load(value);
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
    auto text = readUserTextFile(path, "the policy file");
    if (!text)
        return text.error();
    auto policy = parsePolicyYaml(*text, path);
    if (!policy || !policy->modelFile)
        return policy;
    if (auto status = attachTrainedRouter(*policy, path); !status)
        return status.error();
    return policy;
}

} // namespace switchyard
