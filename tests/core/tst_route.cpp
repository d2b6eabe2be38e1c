// Routing new prompts with a policy (switchyard-cli route) decides exactly as the replay engine
// does on the same prompts: the same tier and the same reason, router kind by router kind.
#include "policy/policy.h"
#include "replay_fixtures.h"
#include "routing/replay.h"
#include "routing/route.h"
#include "routing/trained_router.h"

#include <QtTest>

#include <set>

using namespace switchyard;
using namespace switchyard::routing;
using namespace switchyard::routing::fixtures;

namespace {

const std::vector<std::string> kTiers{"weak", "mid", "strong"};

std::vector<Prompt> varietyOfPrompts() {
    const std::vector<std::string> texts{
        "hi",
        "What is the capital of France?",
        "Explain step by step why the proof holds, then compare it with the integral approach.",
        "```python\ndef f(x):\n    return x * 2\n```\nWhy does this function fail on strings?",
        "Refund my order please",
        "Summarise the contract's liability clause and the GDPR obligations it creates.",
        "Solve 3x + 7 = 22 and show the derivative of x^2 + 3x.",
        "Translate 'good morning' to German.",
        "Write a haiku about the sea.",
        "Compare the tax treatment of dividends and capital gains, first in the US, then in "
        "the UK, and explain why they differ."};
    std::vector<Prompt> prompts;
    for (size_t i = 0; i < 40; ++i) {
        Prompt prompt;
        prompt.id = "q" + std::to_string(i);
        prompt.messages = {
            {"user", {{texts[i % texts.size()] + (i >= 10 ? " (again)" : ""), false, ""}}}};
        if (i % 4 == 0)
            prompt.tags = {"billing"};
        prompts.push_back(std::move(prompt));
    }
    return prompts;
}

// The same prompts as the replay engine loads them, with made-up recorded answers.
ReplayData replayDataOf(const std::vector<Prompt>& prompts) {
    ReplayData data;
    data.runName = "route";
    for (size_t i = 0; i < prompts.size(); ++i) {
        data.promptIds.push_back(prompts[i].id);
        data.promptOrdinals.push_back(static_cast<int64_t>(i + 1));
        data.promptTexts.push_back(prompts[i].lastUserText());
        data.promptTags.push_back(prompts[i].tags);
        data.features.push_back(promptFeaturesOf(prompts[i]));
    }
    const size_t n = prompts.size();
    for (size_t k = 0; k < kTiers.size(); ++k)
        data.models.push_back(column(kTiers[k], std::vector<float>(n, k == 0 ? 0.0f : 1.0f),
                                     std::vector<float>(n, 0.25f * float(1 << k)),
                                     std::vector<float>(n, 100.0f)));
    for (ModelColumn& model : data.models)
        model.outputFlags.assign(n, 0); // no refusals: what a cascade's refusal signal reads
    return data;
}

} // namespace

class TestRoute : public QObject {
    Q_OBJECT

private slots:
    void decidesAsTheReplayEngine_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("random") << int(RouterKind::Random);
        QTest::newRow("complexity") << int(RouterKind::Complexity);
        QTest::newRow("rules") << int(RouterKind::Rules);
        QTest::newRow("cascade") << int(RouterKind::Cascade);
    }

    void decidesAsTheReplayEngine() {
        QFETCH(int, kind);
        RoutingPolicy policy = newPolicy("p", RouterKind(kind), kTiers);
        policy.router.seed = 11;
        policy.router.thresholds = kind == int(RouterKind::Complexity)
                                       ? std::vector<double>{0.1, 0.205}
                                       : std::vector<double>{0.35, 0.7};
        if (kind == int(RouterKind::Rules)) {
            Rule refund{"refunds", Rule::Condition::Keywords, "", {"refund"}, 0, 2, "", 1.0};
            Rule greeting{"greeting",   Rule::Condition::Regex,   "^hi$", {}, 0,
                          std::nullopt, "Hello! How can I help?", 1.0};
            Rule billing{"billing", Rule::Condition::Tag, "billing", {}, 0, 1, "", 1.0};
            Rule shortOnes{"", Rule::Condition::MaxTokens, "", {}, 12, 0, "", 1.0};
            policy.router.rules = {refund, greeting, billing, shortOnes};
            policy.router.defaultTier = 2;
        }
        const std::vector<Prompt> prompts = varietyOfPrompts();
        const ReplayData data = replayDataOf(prompts);
        TableOptions options;
        options.accounting = accountingFor(policy.router.kind);
        const TierTable table = tableOf(data, kTiers, options);
        auto signal = prepareRouter(table, policy.router);
        QVERIFY2(signal.ok(), signal.ok() ? "" : signal.error().message.c_str());
        std::vector<uint8_t> replayed;
        Replayer(table).replay(*signal, policy.router.thresholds, &replayed);

        auto router = PolicyRouter::make(policy);
        QVERIFY(router.ok());
        std::set<int> tiersSeen;
        for (size_t row = 0; row < prompts.size(); ++row) {
            const RouteDecision decision = router->decide(prompts[row]);
            QCOMPARE(decision.promptId, prompts[row].id);
            const int expected = replayed[row] == kCannedOutcome ? -1 : int(replayed[row]);
            QCOMPARE(decision.tier ? int(*decision.tier) : -1, expected);
            tiersSeen.insert(expected);
            if (kind == int(RouterKind::Cascade)) {
                QCOMPARE(decision.tier, std::optional<size_t>(0));
                QVERIFY(decision.reason.find("refusal confidence") != std::string::npos);
                continue;
            }
            // In the replay engine's own words.
            const DecisionDetail detail =
                explainDecision(table, *signal, policy.router.thresholds, row, &policy.router);
            QCOMPARE(decision.reason, detail.reason);
            QCOMPARE(decision.model, expected < 0 ? std::string() : kTiers[size_t(expected)]);
        }
        if (kind != int(RouterKind::Cascade))
            QVERIFY2(tiersSeen.size() >= 3, "the prompts should reach several outcomes");
    }

    // With the trained model the policy file carries, route scores each prompt as the replay
    // engine scores the same rows with that model: the same tier and the same words.
    void learnedRouterDecidesWithItsTrainedModel() {
        RoutingPolicy policy = newPolicy("p", RouterKind::Learned, kTiers);
        policy.router.thresholds = {0.4, 0.6};
        const std::vector<Prompt> prompts = varietyOfPrompts();
        ReplayData data = replayDataOf(prompts);
        // Tier 0 fails the prompts that ask to explain or compare: something to learn.
        for (size_t row = 0; row < prompts.size(); ++row) {
            const std::string& text = data.promptTexts[row];
            const bool hard = text.find("xplain") != std::string::npos ||
                              text.find("ompare") != std::string::npos;
            data.models[0].quality[row] = hard ? 0.0f : 1.0f;
        }
        TableOptions options;
        options.accounting = accountingFor(policy.router.kind);
        const TierTable table = tableOf(data, kTiers, options);
        auto trained = trainRouter(table, policy.router);
        QVERIFY2(trained.ok(), trained.ok() ? "" : trained.error().message.c_str());
        // What a policy file carries, read back.
        auto reread = parseTrainedRouter(serializeTrainedRouter(*trained), "model");
        QVERIFY(reread.ok());
        QVERIFY(*reread == *trained);
        policy.trained = std::make_shared<const TrainedRouter>(std::move(reread).value());

        RouterSignal signal;
        signal.kind = RouterKind::Learned;
        signal.shape = RouterSignal::Shape::Score;
        for (size_t row = 0; row < table.rows(); ++row)
            signal.score.push_back(static_cast<float>(
                policy.trained->models[0].probability(data.promptTexts[row], data.features[row])));
        std::vector<uint8_t> replayed;
        Replayer(table).replay(signal, policy.router.thresholds, &replayed);

        auto router = PolicyRouter::make(policy);
        QVERIFY2(router.ok(), router.ok() ? "" : router.error().message.c_str());
        std::set<int> tiersSeen;
        for (size_t row = 0; row < prompts.size(); ++row) {
            const RouteDecision decision = router->decide(prompts[row]);
            QCOMPARE(int(*decision.tier), int(replayed[row]));
            QCOMPARE(float(*decision.score), signal.score[row]);
            QCOMPARE(decision.reason,
                     explainDecision(table, signal, policy.router.thresholds, row).reason);
            tiersSeen.insert(int(replayed[row]));
        }
        QVERIFY2(tiersSeen.size() >= 2, "the trained model should tell the prompts apart");
        // The hard prompts score above the easy ones.
        QVERIFY(*router->decide(prompts[2]).score > *router->decide(prompts[1]).score);
    }

    void learnedCascadeSaysWhereARequestShouldEnd() {
        RoutingPolicy policy = newPolicy("p", RouterKind::Cascade, kTiers);
        policy.router.cascadeSignal = CascadeSignal::Learned;
        policy.router.thresholds = {0.5, 0.5};
        const std::vector<Prompt> prompts = varietyOfPrompts();
        const ReplayData data = replayDataOf(prompts);
        TableOptions options;
        options.accounting = accountingFor(policy.router.kind);
        auto trained = trainRouter(tableOf(data, kTiers, options), policy.router);
        QVERIFY(trained.ok());
        QCOMPARE(trained->models.size(), size_t(2));
        policy.trained = std::make_shared<const TrainedRouter>(std::move(trained).value());
        auto router = PolicyRouter::make(policy);
        QVERIFY(router.ok());
        // Tier 0 never meets the bar and tier 1 always does in this data.
        const RouteDecision decision = router->decide(prompts[0]);
        QCOMPARE(decision.tier, std::optional<size_t>(0));
        QVERIFY2(decision.reason.find("escalated; tier 1 (mid) confident") != std::string::npos,
                 decision.reason.c_str());
    }

    void refusesWhatThePolicyFileCannotCarry() {
        auto learned = PolicyRouter::make(newPolicy("p", RouterKind::Learned, {"a", "b"}));
        QVERIFY(!learned.ok());
        QCOMPARE(learned.error().field, std::string("router.params.model_file"));
        auto classifier = PolicyRouter::make(newPolicy("p", RouterKind::Classifier, {"a", "b"}));
        QVERIFY(!classifier.ok());
        QCOMPARE(classifier.error().field, std::string("router.kind"));
        RoutingPolicy rules = newPolicy("r", RouterKind::Rules, {"a", "b"});
        rules.router.rules = {Rule{"bad", Rule::Condition::Regex, "(", {}, 0, 0, "", 1.0}};
        QVERIFY(!PolicyRouter::make(rules).ok());
    }
};

QTEST_GUILESS_MAIN(TestRoute)
#include "tst_route.moc"
