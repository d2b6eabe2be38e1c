// A teacher's answers as distillation and fine-tuning datasets: records in each provider's
// format, checked by the same rules the exporter applies, and an export from a recorded run that
// leaves out failed and empty answers and prompts the student cannot take, saying why.
#include "distill/distill_dataset.h"
#include "store/workspace.h"
#include "workbench/distill_ops.h"

#include <QtTest>

#include <fstream>

using namespace switchyard;
using nlohmann::json;

namespace {

Prompt promptOf(const std::string& id, std::vector<Message> messages, std::string system = "") {
    Prompt prompt;
    prompt.id = id;
    if (!system.empty())
        prompt.system = {{system, false, ""}};
    prompt.messages = std::move(messages);
    return prompt;
}

Message turn(const std::string& role, const std::string& text) {
    return {role, {{text, false, ""}}};
}

} // namespace

class TestDistill : public QObject {
    Q_OBJECT

private slots:
    void bedrockRecords() {
        const Prompt single = promptOf("a", {turn("user", "Classify: refund please")}, "Be brief.");
        auto record = distillRecord(DistillTarget::BedrockConversation, StudentFamily::Claude,
                                    single, "billing");
        QVERIFY(record.ok());
        QCOMPARE((*record)["schemaVersion"].get<std::string>(),
                 std::string("bedrock-conversation-2024"));
        QCOMPARE((*record)["system"][0]["text"].get<std::string>(), std::string("Be brief."));
        QCOMPARE((*record)["messages"].size(), size_t(2));
        QCOMPARE((*record)["messages"][1]["role"].get<std::string>(), std::string("assistant"));
        QCOMPARE((*record)["messages"][1]["content"][0]["text"].get<std::string>(),
                 std::string("billing"));

        // A conversation: Nova students take it, Claude and Llama students do not.
        const Prompt conversation = promptOf(
            "b", {turn("user", "hi"), turn("assistant", "hello"), turn("user", "refund?")});
        QVERIFY(distillRecord(DistillTarget::BedrockConversation, StudentFamily::Nova, conversation,
                              "billing")
                    .ok());
        for (StudentFamily family : {StudentFamily::Claude, StudentFamily::Llama}) {
            auto refused =
                distillRecord(DistillTarget::BedrockConversation, family, conversation, "x");
            QVERIFY(!refused.ok());
            QVERIFY(refused.error().message.find("single-turn") != std::string::npos);
        }
        QVERIFY(
            !distillRecord(DistillTarget::BedrockConversation, StudentFamily::Claude, single, "  ")
                 .ok());
    }

    void openAiRecords() {
        const Prompt single = promptOf("a", {turn("user", "2+2?")}, "You add.");
        auto record =
            distillRecord(DistillTarget::OpenAiFineTuning, StudentFamily::OpenAi, single, "4");
        QVERIFY(record.ok());
        const json expected = {{"messages",
                                {{{"role", "system"}, {"content", "You add."}},
                                 {{"role", "user"}, {"content", "2+2?"}},
                                 {{"role", "assistant"}, {"content", "4"}}}}};
        QCOMPARE(record->dump(), expected.dump());
    }

    void recordsAreCheckedByPath_data() {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("field");
        const int bedrock = int(DistillTarget::BedrockConversation);
        const int openai = int(DistillTarget::OpenAiFineTuning);
        QTest::newRow("schema") << bedrock << "{\"schemaVersion\": \"v1\", \"messages\": []}"
                                << "schemaVersion";
        QTest::newRow("order") << openai
                               << "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}, "
                                  "{\"role\": \"user\", \"content\": \"b\"}]}"
                               << "messages[1].role";
        QTest::newRow("no answer")
            << openai << "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}]}"
            << "messages";
        QTest::newRow("empty") << openai
                               << "{\"messages\": [{\"role\": \"user\", \"content\": \" \"}, "
                                  "{\"role\": \"assistant\", \"content\": \"b\"}]}"
                               << "messages[0].content";
        QTest::newRow("blocks") << bedrock
                                << "{\"schemaVersion\": \"bedrock-conversation-2024\", "
                                   "\"messages\": [{\"role\": \"user\", \"content\": \"a\"}]}"
                                << "messages[0].content";
    }

    void recordsAreCheckedByPath() {
        QFETCH(int, target);
        QFETCH(QString, record);
        QFETCH(QString, field);
        const auto checked = validateDistillRecord(DistillTarget(target), StudentFamily::Nova,
                                                   json::parse(record.toStdString()));
        QVERIFY(!checked.ok());
        QCOMPARE(QString::fromStdString(checked.error().field), field);
    }

    // From a recorded run: twelve prompts, of which the teacher failed one, answered one with
    // nothing, and one is a conversation a Claude student cannot take.
    void exportsARun() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("w.sqlite").toStdString();
        int64_t runId = 0;
        {
            auto workspace = Workspace::open(path);
            QVERIFY(workspace.ok());
            const int64_t set = *(*workspace)->createPromptSet("tickets", "test");
            std::vector<Prompt> prompts;
            for (int i = 0; i < 12; ++i)
                prompts.push_back(
                    i == 11 ? promptOf("t11", {turn("user", "hi"), turn("assistant", "hello"),
                                               turn("user", "refund?")})
                            : promptOf("t" + std::to_string(i),
                                       {turn("user", "ticket " + std::to_string(i))}, "Label it."));
            QVERIFY((*workspace)->appendPrompts(set, prompts, "test").ok());
            RunInfo run;
            run.name = "teacher";
            run.setId = set;
            run.kind = "import";
            run.status = "complete";
            runId = *(*workspace)->createRun(run);
            std::vector<ResultRecord> results;
            for (const auto& [ordinal, id] : (*workspace)->promptIdPage(set, 0, 100)) {
                ResultRecord result;
                result.promptId = id;
                result.modelRef = "bedrock/teacher";
                result.output = ordinal == 2 ? "" : "label " + std::to_string(ordinal % 3);
                if (ordinal == 1) {
                    result.errorClass = "server";
                    result.output.clear();
                }
                results.push_back(result);
                ResultRecord other = result;
                other.modelRef = "bedrock/student";
                results.push_back(other);
            }
            QVERIFY((*workspace)->insertResults(runId, results).ok());
        }
        workbench::DistillExportRequest request;
        request.workspacePath = path;
        request.outPath = dir.filePath("distill.jsonl").toStdString();
        request.teacher = "bedrock/teacher";
        request.runId = runId;
        auto outcome = workbench::exportDistillDataset(request);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().toString().c_str());
        QCOMPARE(outcome->examples, int64_t(9));
        QCOMPARE(outcome->student, std::string("claude"));
        QCOMPARE(outcome->skipped["the teacher's call failed"], int64_t(1));
        QCOMPARE(outcome->skipped["the teacher gave no answer"], int64_t(1));
        QCOMPARE(outcome->skipped.size(), size_t(3)); // and the conversation
        std::ifstream in(outcome->written);
        int lines = 0;
        for (std::string line; std::getline(in, line); ++lines) {
            const json record = json::parse(line);
            QVERIFY(validateDistillRecord(DistillTarget::BedrockConversation, StudentFamily::Claude,
                                          record)
                        .ok());
            QVERIFY(record["messages"][1]["content"][0]["text"].get<std::string>().starts_with(
                "label "));
        }
        QCOMPARE(lines, 9);

        // A Nova student takes the conversation; OpenAI's needs at least ten examples.
        request.student = "nova";
        QCOMPARE(workbench::exportDistillDataset(request)->examples, int64_t(10));
        request.target = "openai";
        request.student.clear();
        auto openai = workbench::exportDistillDataset(request);
        QVERIFY(openai.ok());
        QCOMPARE(openai->examples, int64_t(10));
        QVERIFY(openai->warnings.empty());
        request.teacher = "bedrock/nobody";
        QCOMPARE(workbench::exportDistillDataset(request).error().field, std::string("teacher"));
        request.teacher = "bedrock/teacher";
        request.student = "claude";
        QCOMPARE(workbench::exportDistillDataset(request).error().field, std::string("student"));
    }
};

QTEST_GUILESS_MAIN(TestDistill)
#include "tst_distill.moc"
