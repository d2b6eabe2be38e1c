// The routing policy file: what the contract's example reads as, errors that name the path of
// the field, and a round trip that keeps rules, evidence and sections this build does not know.
#include "routing/policy_file.h"

#include <QtTest>

using namespace switchyard;
using namespace switchyard::routing;

namespace {

// The example of ARCHITECTURE.md, "The routing policy file".
const char* kContractExample = R"(apiVersion: switchyard/v1
kind: RoutingPolicy
metadata: {name: support-router, created: "2026-11-27T10:00:00Z"}
tiers:                       # cheapest first
  - {name: small, model: bedrock/amazon.nova-micro-v1:0}
  - {name: large, model: bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0, params: {max_tokens: 1024}}
router:
  kind: random               # random | rules | complexity | classifier | learned | cascade
  thresholds: [0.5]          # len(tiers)-1, ascending
  params: {seed: 7}
caching: {checkpoints: [after_system], ttl: 5m}
batch: {tags: [nightly-reports]}
governance: {premium_tiers: [large], approved_by: finops-lead, approved_at: "2026-11-27",
             workloads: {support: {quality_floor: 0.85, budget_usd_month: 1200, premium_justification: "legal answers"}}}
evidence: {prompt_set: support-v3, prompts: 1319, baseline: bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0,
           cost_per_1k_usd: 0.84, quality: 0.912, quality_ci95: [0.897, 0.926], savings_pct: 61.2, catalogue_date: "2026-11-01"}
)";

} // namespace

class TestPolicyFile : public QObject {
    Q_OBJECT

private slots:
    void readsTheContractExample() {
        auto policy = parsePolicyYaml(kContractExample, "support.yaml");
        QVERIFY2(policy.ok(), policy.ok() ? "" : policy.error().toString().c_str());
        QCOMPARE(policy->name, std::string("support-router"));
        QCOMPARE(policy->created, std::string("2026-11-27T10:00:00Z"));
        QCOMPARE(policy->tiers.size(), size_t(2));
        QCOMPARE(policy->tiers[0].model, std::string("bedrock/amazon.nova-micro-v1:0"));
        QCOMPARE(policy->tiers[1].paramsYaml, std::string("{max_tokens: 1024}"));
        QCOMPARE(policy->router.kind, RouterKind::Random);
        QCOMPARE(policy->router.thresholds, std::vector<double>{0.5});
        QCOMPARE(policy->router.seed, uint64_t(7));
        QVERIFY(policy->evidence);
        QCOMPARE(policy->evidence->prompts, 1319);
        QCOMPARE(policy->evidence->costPer1kUsd, 0.84);
        QCOMPARE(policy->evidence->qualityCi95->second, 0.926);
        QVERIFY(policy->otherSectionsYaml.find("governance") != std::string::npos);

        // Written and read again: the same policy, the unknown sections kept.
        const std::string yaml = policyToYaml(*policy);
        auto again = parsePolicyYaml(yaml, "again");
        QVERIFY2(again.ok(), yaml.c_str());
        QCOMPARE(again->tiers[1].paramsYaml, policy->tiers[1].paramsYaml);
        QCOMPARE(again->router.thresholds, policy->router.thresholds);
        QCOMPARE(again->evidence->savingsPct, 61.2);
        QVERIFY(yaml.find("premium_justification: legal answers") != std::string::npos);
        QVERIFY(yaml.find("ttl: 5m") != std::string::npos);
    }

    void rulesRoundTrip() {
        const char* text = R"(apiVersion: switchyard/v1
kind: RoutingPolicy
metadata: {name: faq}
tiers:
  - {name: small, model: a}
  - {name: large, model: b}
router:
  kind: rules
  params:
    default_tier: small
    rules:
      - {name: hours, keywords: [opening hours, "open on sunday"], respond: "We are open 9-5.", quality: 0.9}
      - {name: code, regex: '\b(python|c\+\+)\b', tier: large}
      - {min_tokens: 2000, tier: 1}
      - {tag: legal, tier: large}
)";
        auto policy = parsePolicyYaml(text, "faq.yaml");
        QVERIFY2(policy.ok(), policy.ok() ? "" : policy.error().toString().c_str());
        const auto& rules = policy->router.rules;
        QCOMPARE(rules.size(), size_t(4));
        QCOMPARE(rules[0].keywords, (std::vector<std::string>{"opening hours", "open on sunday"}));
        QCOMPARE(rules[0].cannedResponse, std::string("We are open 9-5."));
        QCOMPARE(rules[0].cannedQuality, 0.9);
        QVERIFY(!rules[0].tier);
        QCOMPARE(rules[1].pattern, std::string(R"(\b(python|c\+\+)\b)"));
        QCOMPARE(*rules[1].tier, size_t(1));
        QCOMPARE(rules[2].condition, Rule::Condition::MinTokens);
        QCOMPARE(rules[2].tokens, int64_t(2000));
        QCOMPARE(*rules[2].tier, size_t(1)); // by index
        QCOMPARE(*policy->router.defaultTier, size_t(0));
        auto again = parsePolicyYaml(policyToYaml(*policy), "again");
        QVERIFY(again.ok());
        QCOMPARE(again->router.rules[1].pattern, rules[1].pattern);
        QCOMPARE(again->router.rules[0].cannedResponse, rules[0].cannedResponse);
        QCOMPARE(again->router.rules[3].pattern, std::string("legal"));
    }

    void errorsNameThePath_data() {
        QTest::addColumn<QString>("tiers");
        QTest::addColumn<QString>("router");
        QTest::addColumn<QString>("message");
        const QString twoTiers = "  - {name: small, model: a}\n  - {name: large, model: b}\n";
        QTest::newRow("tier without model")
            << "  - {name: small, model: a}\n  - {name: large}\n"
            << "router: {kind: random, thresholds: [0.5]}\n"
            << "p.yaml:6: field 'tiers[1].model': every tier needs a model";
        QTest::newRow("unknown kind")
            << twoTiers << "router: {kind: oracle}\n"
            << "p.yaml:7: field 'router.kind': must be one of random, rules, complexity, "
               "classifier, learned, cascade";
        QTest::newRow("threshold count")
            << twoTiers << "router: {kind: complexity, thresholds: [0.2, 0.4]}\n"
            << "p.yaml:7: field 'router.thresholds': needs 1 threshold(s), one fewer than the "
               "tiers";
        QTest::newRow("descending") << "  - {model: a}\n  - {model: b}\n  - {model: c}\n"
                                    << "router: {kind: complexity, thresholds: [0.6, 0.4]}\n"
                                    << "p.yaml:8: field 'router.thresholds': must be ascending";
        QTest::newRow("rule to unknown tier")
            << twoTiers
            << "router:\n  kind: rules\n  params:\n    rules:\n      - {tag: x, tier: huge}\n"
            << "p.yaml:11: field 'router.params.rules[0].tier': no tier 'huge' (tiers: small, "
               "large)";
        QTest::newRow("classifier without model")
            << twoTiers << "router: {kind: classifier, thresholds: [0.5]}\n"
            << "p.yaml:7: field 'router.params.classifier_model': a classifier router needs its "
               "labelling model";
        QTest::newRow("bad bar") << twoTiers
                                 << "router: {kind: random, thresholds: [0.5], params: "
                                    "{quality_bar: 2}}\n"
                                 << "p.yaml:7: field 'router.params.quality_bar': must be from 0 "
                                    "to 1";
        QTest::newRow("not yaml") << twoTiers << "router: {kind: random, thresholds: [0.5\n"
                                  << "invalid YAML";
    }

    void errorsNameThePath() {
        QFETCH(QString, tiers);
        QFETCH(QString, router);
        QFETCH(QString, message);
        const QString text =
            "apiVersion: switchyard/v1\nkind: RoutingPolicy\nmetadata: {name: p}\ntiers:\n" +
            tiers + router;
        auto policy = parsePolicyYaml(text.toStdString(), "p.yaml");
        QVERIFY(!policy.ok());
        QVERIFY2(QString::fromStdString(policy.error().toString()).contains(message),
                 policy.error().toString().c_str());
    }

    void parametersFromTheCommandLine() {
        RoutingPolicy policy;
        policy.tiers = {{"small", "a", ""}, {"large", "b", ""}};
        policy.router.kind = RouterKind::Cascade;
        QVERIFY(setPolicyParam(policy, "signal", "learned").ok());
        QVERIFY(setPolicyParam(policy, "folds", "10").ok());
        QVERIFY(setPolicyParam(policy, "incomplete", "count-as-failure").ok());
        QCOMPARE(policy.router.cascadeSignal, CascadeSignal::Learned);
        QCOMPARE(policy.router.learned.folds, 10);
        QCOMPARE(policy.table.incomplete, IncompleteResults::CountAsFailure);
        const auto unknown = setPolicyParam(policy, "colour", "blue");
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().field, std::string("router.params.colour"));
        QCOMPARE(setPolicyParam(policy, "signal", "vibes").error().field,
                 std::string("router.params.signal"));
    }
};

QTEST_GUILESS_MAIN(TestPolicyFile)
#include "tst_policy_file.moc"
