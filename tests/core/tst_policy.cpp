// The routing policy: what the contract's example reads as, every section typed and written
// back losslessly, errors that name the path of the field (unknown keys with the nearest known
// one), and the checks the rules editor and the command line share.
#include "policy/policy.h"

#include <QtTest>

using namespace switchyard;
using namespace switchyard::routing;
using switchyard::RoutingPolicy;

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
        QCOMPARE(policy->tiers[1].params.maxTokens, std::optional<int64_t>(1024));
        QCOMPARE(policy->router.kind, RouterKind::Random);
        QCOMPARE(policy->router.thresholds, std::vector<double>{0.5});
        QCOMPARE(policy->router.seed, uint64_t(7));
        QVERIFY(policy->evidence);
        QCOMPARE(policy->evidence->prompts, 1319);
        QCOMPARE(policy->evidence->costPer1kUsd, 0.84);
        QCOMPARE(policy->evidence->qualityCi95->second, 0.926);
        QCOMPARE(policy->caching->checkpoints, std::vector<std::string>{"after_system"});
        QCOMPARE(policy->caching->ttl, std::string("5m"));
        QCOMPARE(policy->batch->tags, std::vector<std::string>{"nightly-reports"});
        QCOMPARE(policy->governance->premiumTiers, std::vector<std::string>{"large"});
        QCOMPARE(policy->governance->approvedBy, std::string("finops-lead"));
        const WorkloadGovernance& support = policy->governance->workloads.at("support");
        QCOMPARE(*support.qualityFloor, 0.85);
        QCOMPARE(*support.budgetUsdMonth, 1200.0);
        QCOMPARE(support.premiumJustification, std::string("legal answers"));
        QCOMPARE(policy->evidence->catalogueDate, std::string("2026-11-01"));

        // Written and read again: the same policy, the unknown sections kept.
        const std::string yaml = policyToYaml(*policy);
        auto again = parsePolicyYaml(yaml, "again");
        QVERIFY2(again.ok(), yaml.c_str());
        QCOMPARE(again->tiers, policy->tiers);
        QCOMPARE(again->caching, policy->caching);
        QCOMPARE(again->batch, policy->batch);
        QCOMPARE(again->governance, policy->governance);
        QCOMPARE(again->router.thresholds, policy->router.thresholds);
        QCOMPARE(again->evidence->savingsPct, 61.2);
        QVERIFY(yaml.find("premium_justification: \"legal answers\"") != std::string::npos);
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
            << "p.yaml:7: field 'router.thresholds': 2 value(s) for 2 tiers, need 1";
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
        QTest::newRow("misspelt router key")
            << twoTiers << "router: {kind: random, treshold: [0.5]}\n"
            << "p.yaml:7: field 'router.treshold': unknown key, did you mean 'thresholds'?";
        QTest::newRow("misspelt parameter")
            << twoTiers << "router: {kind: random, thresholds: [0.5], params: {sead: 3}}\n"
            << "field 'router.params.sead': unknown key, did you mean 'seed'?";
        QTest::newRow("unknown tier parameter")
            << "  - {name: small, model: a, params: {max_token: 5}}\n  - {name: large, model: b}\n"
            << "router: {kind: random, thresholds: [0.5]}\n"
            << "field 'tiers[0].params.max_token': unknown key, did you mean 'max_tokens'?";
        QTest::newRow("unknown section")
            << twoTiers << "router: {kind: random, thresholds: [0.5]}\ncachng: {ttl: 5m}\n"
            << "field 'cachng': unknown key, did you mean 'caching'?";
        QTest::newRow("nothing near")
            << twoTiers << "router: {kind: random, thresholds: [0.5]}\nzzzzzzzzzzzz: 1\n"
            << "field 'zzzzzzzzzzzz': unknown key (known: apiVersion kind metadata tiers router "
               "escalation caching batch governance evidence)";
        QTest::newRow("bad ttl")
            << twoTiers << "router: {kind: random, thresholds: [0.5]}\ncaching: {ttl: 2h}\n"
            << "field 'caching.ttl': must be one of 5m, 1h";
        QTest::newRow("premium tier that is not one")
            << twoTiers
            << "router: {kind: random, thresholds: [0.5]}\ngovernance: {premium_tiers: [huge]}\n"
            << "field 'governance.premium_tiers[0]': no tier 'huge'";
        QTest::newRow("workload floor out of range")
            << twoTiers
            << "router: {kind: random, thresholds: [0.5]}\n"
               "governance: {workloads: {support: {quality_floor: 85}}}\n"
            << "field 'governance.workloads.support.quality_floor': must be from 0 to 1";
        QTest::newRow("escalation on confidence without a bar")
            << twoTiers
            << "router: {kind: random, thresholds: [0.5]}\nescalation: {on: [low_confidence]}\n"
            << "field 'escalation.min_confidence': escalating on low_confidence needs the bar";
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
        RoutingPolicy policy = newPolicy("p", RouterKind::Cascade, {"a", "b"});
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
        QCOMPARE(setPolicyParam(policy, "folsd", "3").error().message,
                 std::string("unknown key, did you mean 'folds'?"));
    }

    // Every section set, written and read back: the same policy, and the same text again.
    void everySectionRoundTrips() {
        RoutingPolicy policy = newPolicy("all", RouterKind::Cascade, {"a", "b", "c"});
        policy.created = "2026-12-06T10:00:00Z";
        policy.description = "support traffic: cheap first, escalate on refusals";
        policy.router.thresholds = {0.25, 0.75};
        policy.tiers[0].params.maxTokens = 512;
        policy.tiers[0].params.temperature = 0.2;
        policy.tiers[1].params.stopSequences = {"###", "END"};
        policy.tiers[2].params.serviceTier = "priority";
        policy.escalation = EscalationSection{{"refusal", "low_confidence"}, 0.6, 2};
        policy.caching = CachingSection{{"after_system", "after_tools"}, "1h"};
        policy.batch = BatchSection{{"nightly", "backfill"}, "flex"};
        GovernanceSection governance;
        governance.premiumTiers = {"large"};
        governance.approvedBy = "finops-lead";
        governance.approvedAt = "2026-12-01";
        governance.workloads["support"] = {0.85, 1200.5, "legal answers: \"exact\" wording",
                                           std::nullopt, std::nullopt};
        governance.workloads["search"] = {std::nullopt, 300.0, "", 0.75, 400000};
        policy.governance = governance;
        PolicyEvidence evidence;
        evidence.promptSet = "support-v3";
        evidence.prompts = 1319;
        evidence.baseline = "c";
        evidence.quality = 0.912;
        evidence.qualityCi95 = std::pair{0.897, 0.926};
        evidence.tierShare = {0.5, 0.3, 0.2};
        evidence.catalogueDate = "2026-11-01";
        policy.evidence = evidence;

        const std::string yaml = policyToYaml(policy);
        auto again = parsePolicyYaml(yaml, "again");
        QVERIFY2(again.ok(), (again.ok() ? yaml : again.error().toString()).c_str());
        QCOMPARE(again->description, policy.description);
        QCOMPARE(again->tiers, policy.tiers);
        QCOMPARE(again->router.thresholds, policy.router.thresholds);
        QCOMPARE(again->escalation, policy.escalation);
        QCOMPARE(again->caching, policy.caching);
        QCOMPARE(again->batch, policy.batch);
        QCOMPARE(again->governance, policy.governance);
        QCOMPARE(again->evidence->tierShare, evidence.tierShare);
        QCOMPARE(again->evidence->catalogueDate, evidence.catalogueDate);
        QCOMPARE(policyToYaml(*again), yaml);
    }

    void modelsAreCheckedByPath() {
        RoutingPolicy policy = newPolicy("p", RouterKind::Complexity, {"a", "x", "c"});
        const auto known = [](const std::string& model) { return model != "x"; };
        const auto checked = validatePolicyModels(policy, known);
        QVERIFY(!checked.ok());
        QCOMPARE(QString::fromStdString(checked.error().toString()),
                 QStringLiteral("field 'tiers[1].model': unknown model 'x'"));
        policy.tiers[1].model = "b";
        policy.table.baselineModel = "x";
        QCOMPARE(validatePolicyModels(policy, known).error().field,
                 std::string("router.params.baseline"));
        // Every problem, not only the first, in the file's order.
        policy.tiers[2].model = "x";
        const auto problems = policyModelProblems(policy, known);
        QCOMPARE(problems.size(), size_t(2));
        QCOMPARE(problems[0].field, std::string("tiers[2].model"));
        QCOMPARE(problems[1].field, std::string("router.params.baseline"));
    }

    void rulesAreCheckedOneByOne_data() {
        QTest::addColumn<int>("condition");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("tier");
        QTest::addColumn<QString>("field");
        QTest::newRow("fine") << int(Rule::Condition::Keywords) << "refund" << 0 << "";
        QTest::newRow("bad regex")
            << int(Rule::Condition::Regex) << "(unclosed" << 0 << "router.params.rules[3].regex";
        QTest::newRow("empty tag")
            << int(Rule::Condition::Tag) << "" << 1 << "router.params.rules[3].tag";
        QTest::newRow("tier beyond the tiers")
            << int(Rule::Condition::Keywords) << "refund" << 2 << "router.params.rules[3].tier";
    }

    void rulesAreCheckedOneByOne() {
        QFETCH(int, condition);
        QFETCH(QString, value);
        QFETCH(int, tier);
        QFETCH(QString, field);
        Rule rule;
        rule.condition = static_cast<Rule::Condition>(condition);
        if (rule.condition == Rule::Condition::Keywords)
            rule.keywords = {value.toStdString()};
        else
            rule.pattern = value.toStdString();
        rule.tier = static_cast<size_t>(tier);
        const Status checked = validateRule(rule, 3, 2);
        QCOMPARE(checked.ok(), field.isEmpty());
        if (!checked)
            QCOMPARE(QString::fromStdString(checked.error().field), field);
    }
};

QTEST_GUILESS_MAIN(TestPolicyFile)
#include "tst_policy.moc"
