// Gateway exports of a policy: LiteLLM proxy config, Bedrock CreatePromptRouter, Portkey config.
// Each file is read back with a parser and checked field by field; what a gateway cannot hold
// is either listed as a warning or refused with the reason.
#include "policy/gateway_export.h"

#include <QtTest>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

using namespace switchyard;
using routing::RouterKind;

namespace {

const std::string kHaiku = "bedrock/anthropic.claude-3-haiku-20240307-v1:0";
const std::string kSonnet = "bedrock/us.anthropic.claude-3-5-sonnet-20241022-v2:0";

bool mentions(const std::vector<std::string>& warnings, const std::string& text) {
    for (const std::string& warning : warnings)
        if (warning.find(text) != std::string::npos)
            return true;
    return false;
}

RoutingPolicy twoTierBedrock() {
    RoutingPolicy policy = newPolicy("support triage", RouterKind::Learned, {kHaiku, kSonnet});
    policy.tiers[0].params.maxTokens = 512;
    policy.tiers[1].params.temperature = 0.2;
    policy.caching = CachingSection{{"after_system", "after_history"}, "1h"};
    policy.escalation = EscalationSection{{"refusal"}, std::nullopt, 1};
    return policy;
}

} // namespace

class TestGatewayExport : public QObject {
    Q_OBJECT

private slots:
    void formatNames() {
        for (GatewayFormat format :
             {GatewayFormat::LiteLlm, GatewayFormat::BedrockRouter, GatewayFormat::Portkey})
            QCOMPARE(gatewayFormatFromName(gatewayFormatName(format)), format);
        QVERIFY(!gatewayFormatFromName("yaml"));
    }

    void liteLlmConfig() {
        const auto exported = exportForGateway(twoTierBedrock(), GatewayFormat::LiteLlm);
        QVERIFY(exported.ok());
        const YAML::Node config = YAML::Load(exported->text);
        const YAML::Node models = config["model_list"];
        QCOMPARE(models.size(), size_t(2));
        QCOMPARE(models[0]["model_name"].as<std::string>(), std::string("small"));
        const YAML::Node small = models[0]["litellm_params"];
        QCOMPARE(small["model"].as<std::string>(),
                 std::string("bedrock/anthropic.claude-3-haiku-20240307-v1:0"));
        QCOMPARE(small["aws_region_name"].as<std::string>(), std::string("us-east-1"));
        QCOMPARE(small["max_tokens"].as<int>(), 512);
        QCOMPARE(small["cache_control_injection_points"][0]["role"].as<std::string>(),
                 std::string("system"));
        QCOMPARE(models[1]["litellm_params"]["temperature"].as<double>(), 0.2);
        const YAML::Node fallbacks = config["router_settings"]["fallbacks"];
        QCOMPARE(fallbacks.size(), size_t(1));
        QCOMPARE(fallbacks[0]["small"][0].as<std::string>(), std::string("large"));
        // What LiteLLM cannot hold is said, each once.
        QVERIFY(mentions(exported->warnings, "learned router is not expressed"));
        QVERIFY(mentions(exported->warnings, "escalation on 'refusal'"));
        QVERIFY(mentions(exported->warnings, "'after_history' is not expressed"));
        QVERIFY(mentions(exported->warnings, "TTL 1h"));
        QVERIFY(exported->text.find("api_key: sk") == std::string::npos);
    }

    void liteLlmKeysAndProviderKinds() {
        RoutingPolicy policy =
            newPolicy("p", RouterKind::Complexity,
                      {"cheap/gpt-4o-mini", "anthropic/claude-sonnet-4-5", "mystery/model-x"});
        GatewayExportOptions options;
        options.providerKinds["cheap"] = "openai";
        const auto exported = exportForGateway(policy, GatewayFormat::LiteLlm, options);
        QVERIFY(exported.ok());
        const YAML::Node models = YAML::Load(exported->text)["model_list"];
        QCOMPARE(models[0]["litellm_params"]["model"].as<std::string>(),
                 std::string("openai/gpt-4o-mini"));
        QCOMPARE(models[0]["litellm_params"]["api_key"].as<std::string>(),
                 std::string("os.environ/OPENAI_API_KEY"));
        QCOMPARE(models[1]["litellm_params"]["api_key"].as<std::string>(),
                 std::string("os.environ/ANTHROPIC_API_KEY"));
        QVERIFY(mentions(exported->warnings, "'mystery/model-x' names no provider"));
        // A model of unknown provider is written as the policy names it.
        QCOMPARE(models[2]["litellm_params"]["model"].as<std::string>(),
                 std::string("mystery/model-x"));
        QVERIFY(!models[2]["litellm_params"]["api_key"]);
        QVERIFY(!mentions(exported->warnings, "cheap/gpt-4o-mini"));
        const YAML::Node fallbacks = YAML::Load(exported->text)["router_settings"]["fallbacks"];
        QCOMPARE(fallbacks[0]["small"].size(), size_t(2)); // small -> medium, large
    }

    void bedrockPromptRouter() {
        GatewayExportOptions options;
        options.region = "eu-west-1";
        options.responseQualityDifference = 5;
        const auto exported =
            exportForGateway(twoTierBedrock(), GatewayFormat::BedrockRouter, options);
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().message.c_str());
        const auto request = nlohmann::json::parse(exported->text);
        QCOMPARE(request["promptRouterName"].get<std::string>(), std::string("support-triage"));
        QCOMPARE(request["models"].size(), size_t(2));
        QCOMPARE(request["models"][0]["modelArn"].get<std::string>(),
                 std::string("arn:aws:bedrock:eu-west-1::foundation-model/"
                             "anthropic.claude-3-haiku-20240307-v1:0"));
        // The inference profile's foundation model, and the stronger model as the fallback.
        const std::string sonnet = "arn:aws:bedrock:eu-west-1::foundation-model/"
                                   "anthropic.claude-3-5-sonnet-20241022-v2:0";
        QCOMPARE(request["models"][1]["modelArn"].get<std::string>(), sonnet);
        QCOMPARE(request["fallbackModel"]["modelArn"].get<std::string>(), sonnet);
        QCOMPARE(request["routingCriteria"]["responseQualityDifference"].get<double>(), 5.0);
        QVERIFY(mentions(exported->warnings, "inference profile"));
        QVERIFY(mentions(exported->warnings, "own quality predictor"));
        QVERIFY(mentions(exported->warnings, "caching checkpoints are not expressed"));
        QVERIFY(!mentions(exported->warnings, "responseQualityDifference is 0"));
    }

    void bedrockRefusals_data() {
        QTest::addColumn<QStringList>("models");
        QTest::addColumn<double>("difference");
        QTest::addColumn<QString>("reason");
        QTest::newRow("three tiers") << QStringList{"bedrock/a.x", "bedrock/a.y", "bedrock/a.z"}
                                     << 0.0 << "exactly two models";
        QTest::newRow("not Bedrock")
            << QStringList{"openai/gpt-4o-mini", "bedrock/a.y"} << 0.0 << "Bedrock models only";
        QTest::newRow("two families")
            << QStringList{"bedrock/meta.llama3-8b-instruct-v1:0",
                           "bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0"}
            << 0.0 << "one model family";
        QTest::newRow("difference out of range")
            << QStringList{"bedrock/a.x", "bedrock/a.y"} << 101.0 << "between 0 and 100";
    }

    void bedrockRefusals() {
        QFETCH(QStringList, models);
        QFETCH(double, difference);
        QFETCH(QString, reason);
        std::vector<std::string> refs;
        for (const QString& model : models)
            refs.push_back(model.toStdString());
        GatewayExportOptions options;
        options.responseQualityDifference = difference;
        const auto exported = exportForGateway(newPolicy("p", RouterKind::Complexity, refs),
                                               GatewayFormat::BedrockRouter, options);
        QVERIFY(!exported.ok());
        QVERIFY2(exported.error().message.find(reason.toStdString()) != std::string::npos,
                 exported.error().message.c_str());
    }

    void portkeyConfig() {
        RoutingPolicy policy = newPolicy("p", RouterKind::Complexity,
                                         {"openai/gpt-4o-mini", "openai/gpt-4o", "openai/o3"});
        policy.tiers[2].params.maxTokens = 4000;
        const auto exported = exportForGateway(policy, GatewayFormat::Portkey);
        QVERIFY(exported.ok());
        const auto config = nlohmann::json::parse(exported->text);
        QCOMPARE(config["strategy"]["mode"].get<std::string>(), std::string("conditional"));
        const auto& conditions = config["strategy"]["conditions"];
        QCOMPARE(conditions.size(), size_t(3));
        QCOMPARE(conditions[1]["query"]["metadata.switchyard_tier"]["$eq"].get<std::string>(),
                 std::string("medium"));
        QCOMPARE(conditions[1]["then"].get<std::string>(), std::string("medium"));
        QCOMPARE(config["strategy"]["default"].get<std::string>(), std::string("large"));
        const auto& targets = config["targets"];
        QCOMPARE(targets.size(), size_t(3));
        QCOMPARE(targets[0]["strategy"]["mode"].get<std::string>(), std::string("fallback"));
        QCOMPARE(targets[0]["targets"].size(), size_t(3));
        QCOMPARE(targets[0]["targets"][2]["override_params"]["max_tokens"].get<int>(), 4000);
        QCOMPARE(targets[2]["provider"].get<std::string>(), std::string("openai"));
        QCOMPARE(targets[2]["override_params"]["model"].get<std::string>(), std::string("o3"));
        QVERIFY(mentions(exported->warnings, "complexity router is not expressed"));
        QVERIFY(mentions(exported->warnings, "credentials are not written"));

        // Rules send unmatched requests to their default tier; a canned answer has no target.
        RoutingPolicy rules = newPolicy("r", RouterKind::Rules, {"openai/a", "openai/b"});
        rules.router.defaultTier = 0;
        routing::Rule canned;
        canned.name = "greeting";
        canned.keywords = {"hello"};
        canned.cannedResponse = "Hi!";
        rules.router.rules.push_back(canned);
        const auto byRules = exportForGateway(rules, GatewayFormat::Portkey);
        QVERIFY(byRules.ok());
        QCOMPARE(nlohmann::json::parse(byRules->text)["strategy"]["default"].get<std::string>(),
                 std::string("small"));
        QVERIFY(mentions(byRules->warnings, "rule 'greeting' answers with a canned response"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayExport)
#include "tst_gateway_export.moc"
