// LLM-as-judge: the verdict parsers on well-formed and malformed replies, the swap rule, and
// judging end to end through the runner against the local provider test server: pointwise
// scores with their reasons, an unparseable verdict left unscored, a second judging answered
// without a call, and pairwise judging whose position swap cancels a judge that always says A.
#include "eval/judge.h"
#include "tst_runner_fixture.h"
#include "workbench/judge_ops.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <atomic>

using namespace switchyard;
using namespace runner_test;
using nlohmann::json;

namespace {

const std::string kRight = "openai/gpt-test";       // answers "Paris."
const std::string kWrong = "anthropic/claude-test"; // answers "London."
const std::string kJudge = "bedrock/bedrock-test";

// The last user turn of a request body in any of the three wire formats.
std::string lastUserText(const std::string& body) {
    const json request = json::parse(body, nullptr, false);
    if (!request.contains("messages") || request["messages"].empty())
        return {};
    const json& content = request["messages"].back()["content"];
    if (content.is_string())
        return content.get<std::string>();
    std::string text;
    for (const json& block : content)
        if (block.contains("text"))
            text += block["text"].get<std::string>();
    return text;
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
    const auto start = text.find(open);
    if (start == std::string::npos)
        return {};
    const auto end = text.find(close, start);
    return text.substr(start + open.size(), end - start - open.size());
}

} // namespace

class TestJudge : public QObject {
    Q_OBJECT

private slots:
    void pointwiseVerdicts_data() {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<int>("score"); // 0: unparseable
        QTest::addColumn<QString>("why");
        QTest::newRow("plain") << "{\"score\": 7, \"reason\": \"Mostly right.\"}" << 7 << "";
        QTest::newRow("fenced") << "Here you go:\n```json\n{\"score\": 10, \"reason\": \"ok\"}\n```"
                                << 10 << "";
        QTest::newRow("string score") << "{\"score\": \"8/10\", \"reason\": \"ok\"}" << 8 << "";
        QTest::newRow("no json") << "I would give it an 8." << 0 << "no JSON object";
        QTest::newRow("out of range") << "{\"score\": 11, \"reason\": \"wow\"}" << 0 << "1 to 10";
        QTest::newRow("zero") << "{\"score\": 0, \"reason\": \"bad\"}" << 0 << "1 to 10";
        QTest::newRow("fraction") << "{\"score\": 7.5, \"reason\": \"hm\"}" << 0 << "whole number";
        QTest::newRow("wordy score")
            << "{\"score\": \"about 8\", \"reason\": \"x\"}" << 0 << "1 to 10";
        QTest::newRow("no reason") << "{\"score\": 6}" << 0 << "reason";
        QTest::newRow("array") << "[{\"score\": 6, \"reason\": \"x\"}]" << 0 << "not an object";
        QTest::newRow("truncated") << "{\"score\": 6, \"reason\": \"the answer is" << 0 << "";
    }

    void pointwiseVerdicts() {
        QFETCH(QString, reply);
        QFETCH(int, score);
        QFETCH(QString, why);
        const auto verdict = eval::parsePointwiseVerdict(reply.toStdString());
        if (score == 0) {
            QVERIFY(!verdict);
            QVERIFY2(QString::fromStdString(verdict.error().message).contains(why),
                     verdict.error().message.c_str());
        } else {
            QVERIFY2(verdict, verdict ? "" : verdict.error().message.c_str());
            QCOMPARE(verdict->score, score);
        }
    }

    void pairwiseVerdicts_data() {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<int>("preference"); // -1: unparseable
        QTest::newRow("A") << "{\"winner\": \"A\", \"reason\": \"r\"}"
                           << int(eval::Preference::First);
        QTest::newRow("b lower") << "{\"winner\": \"b\", \"reason\": \"r\"}"
                                 << int(eval::Preference::Second);
        QTest::newRow("tie") << "{\"winner\": \"Tie\", \"reason\": \"r\"}"
                             << int(eval::Preference::Tie);
        QTest::newRow("both") << "{\"winner\": \"both\", \"reason\": \"r\"}" << -1;
        QTest::newRow("number") << "{\"winner\": 1, \"reason\": \"r\"}" << -1;
        QTest::newRow("prose") << "Answer A is better." << -1;
    }

    void pairwiseVerdicts() {
        QFETCH(QString, reply);
        QFETCH(int, preference);
        const auto verdict = eval::parsePairwiseVerdict(reply.toStdString());
        QCOMPARE(bool(verdict), preference >= 0);
        if (verdict)
            QCOMPARE(int(verdict->preference), preference);
    }

    void swappingCancelsPositionBias() {
        using eval::Preference;
        QCOMPARE(eval::combineSwapped(Preference::First, Preference::Second), 1.0); // won both
        QCOMPARE(eval::combineSwapped(Preference::Second, Preference::First), 0.0); // lost both
        QCOMPARE(eval::combineSwapped(Preference::First, Preference::First), 0.5);  // always A
        QCOMPARE(eval::combineSwapped(Preference::Tie, Preference::Second), 0.5);
        QCOMPARE(eval::pointwiseScore(1), 0.0);
        QCOMPARE(eval::pointwiseScore(10), 1.0);
    }

    void promptsCarryQuestionReferenceAndAnswers() {
        const eval::JudgeQuestion question{"What is 2+2?", std::string_view("4"), ""};
        const std::string pointwise = eval::pointwiseJudgePrompt(question, "It is 4.");
        QVERIFY(pointwise.find("<question>\nWhat is 2+2?\n</question>") != std::string::npos);
        QVERIFY(pointwise.find("<reference_answer>\n4\n") != std::string::npos);
        QVERIFY(pointwise.find("<answer>\nIt is 4.\n") != std::string::npos);
        QVERIFY(pointwise.find(eval::defaultJudgeRubric()) != std::string::npos);
        const std::string pairwise =
            eval::pairwiseJudgePrompt({"Q", std::nullopt, "Be brief."}, "first", "second");
        QVERIFY(pairwise.find("<answer_A>\nfirst\n") < pairwise.find("<answer_B>\nsecond\n"));
        QVERIFY(pairwise.find("Be brief.") != std::string::npos);
        QVERIFY(pairwise.find("reference") == std::string::npos);
    }

    void judgingThroughTheRunner() {
        RunnerFixture fixture(1500);
        std::atomic<bool> alwaysA{false};
        fixture.server->setAnswerFor([&alwaysA](const std::string& body) -> std::string {
            const std::string text = lastUserText(body);
            if (text.find("<answer_A>") != std::string::npos) {
                if (alwaysA)
                    return "{\"winner\": \"A\", \"reason\": \"the first one\"}";
                const bool aRight =
                    between(text, "<answer_A>", "</answer_A>").find("Paris") != std::string::npos;
                return aRight ? "{\"winner\": \"A\", \"reason\": \"A names Paris\"}"
                              : "{\"winner\": \"B\", \"reason\": \"B names Paris\"}";
            }
            if (text.find("<answer>") != std::string::npos) {
                const std::string answer = between(text, "<answer>", "</answer>");
                if (answer.find("Paris") != std::string::npos)
                    return "{\"score\": 9, \"reason\": \"Right.\"}";
                // One verdict the judge botches: it must be left unscored, not scored zero.
                if (text.find("Capital 3") != std::string::npos)
                    return "I'd say two out of ten.";
                return "```json\n{\"score\": 2, \"reason\": \"Wrong city.\"}\n```";
            }
            return body.find("gpt-test") != std::string::npos ? "Paris." : "London.";
        });
        fixture.makeSet(1); // the prices
        int64_t setId = 0;
        {
            auto workspace = Workspace::open(fixture.path);
            QVERIFY(workspace);
            std::vector<Prompt> prompts;
            for (int i = 0; i < 4; ++i) {
                Prompt prompt;
                prompt.id = "c" + std::to_string(i);
                prompt.messages = {
                    {"user", {{"Capital " + std::to_string(i) + ": of France?", false, ""}}}};
                prompt.expected = "Paris";
                prompts.push_back(std::move(prompt));
            }
            setId = *(*workspace)->createPromptSet("capitals", "test");
            QVERIFY((*workspace)->appendPrompts(setId, prompts, "capitals.jsonl"));
        }
        const RunOutcome answered = fixture.run(fixture.request(setId, {kRight, kWrong}));
        QCOMPARE(answered.progress.done, int64_t{8});

        workbench::JudgeRequest request;
        request.runId = answered.runId;
        request.judge = kJudge;
        request.runner = fixture.request(0, {});
        auto plan = workbench::planJudge(request);
        QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
        QCOMPARE(plan->verdicts, int64_t{8});
        QCOMPARE(plan->scorer, "judge:" + kJudge + "@1");
        QCOMPARE(plan->estimate.calls, int64_t{8}); // estimated before anything is sent
        const int64_t before = fixture.server->requestCount();
        auto judged = workbench::runJudge(request, *plan, CancelToken());
        QVERIFY2(judged, judged ? "" : judged.error().toString().c_str());
        QCOMPARE(fixture.server->requestCount() - before, int64_t{8});
        QCOMPARE(judged->scored, int64_t{7});
        QCOMPARE(judged->unparseable, int64_t{1});
        QVERIFY(judged->problems.front().find("no JSON object") != std::string::npos);
        QCOMPARE(judged->models.at(kRight).n, int64_t{4});
        QCOMPARE(judged->models.at(kRight).mean, 8.0 / 9.0);
        QCOMPARE(judged->models.at(kWrong).n, int64_t{3}); // the botched verdict is no zero
        QVERIFY(judged->run.progress.spentUsd > 0);        // recorded and priced

        {
            auto workspace = Workspace::open(fixture.path);
            const auto models = (*workspace)->runModels(answered.runId);
            const int64_t wrongId = models[0].second == kWrong ? models[0].first : models[1].first;
            auto prompt = (*workspace)->findPromptsByKey(setId, std::vector<std::string>{"c0"});
            const auto detail =
                (*workspace)->resultDetail(answered.runId, wrongId, prompt[0]->rowId);
            QVERIFY(detail);
            bool found = false;
            for (const auto& score : detail->scores)
                found = found || (score.scorer == plan->scorer && score.detail == "Wrong city.");
            QVERIFY2(found, "the judge's reason is stored with its score");
        }

        // Judged again: the same calls, answered by the workspace without a request.
        auto again = workbench::planJudge(request);
        QVERIFY(again);
        const int64_t beforeAgain = fixture.server->requestCount();
        QVERIFY(workbench::runJudge(request, *again, CancelToken()));
        QCOMPARE(fixture.server->requestCount(), beforeAgain);

        // Pairwise against the wrong model: the right one wins in both orders.
        request.baseline = kWrong;
        auto pairwise = workbench::planJudge(request);
        QVERIFY(pairwise);
        QCOMPARE(pairwise->verdicts, int64_t{8}); // two orders of four pairs
        auto compared = workbench::runJudge(request, *pairwise, CancelToken());
        QVERIFY(compared);
        QCOMPARE(compared->models.size(), size_t{1}); // the baseline is not judged against itself
        QCOMPARE(compared->models.at(kRight).mean, 1.0);

        // A judge that always says "A" (another rubric: other prompts, fresh calls): the swap
        // turns its bias into ties.
        alwaysA = true;
        request.rubric = "Prefer the answer that names the capital.";
        auto biased = workbench::planJudge(request);
        QVERIFY(biased);
        auto tied = workbench::runJudge(request, *biased, CancelToken());
        QVERIFY(tied);
        QCOMPARE(tied->models.at(kRight).mean, 0.5);
        QVERIFY(tied->scorer != compared->scorer);

        request.baseline = "nobody/none";
        QVERIFY(!workbench::planJudge(request));
    }
};

QTEST_GUILESS_MAIN(TestJudge)
#include "tst_judge.moc"
