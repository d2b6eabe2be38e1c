// The provider kind local-student: a student saved in the workspace answers through the same
// transport and runner as every HTTP provider (label as text, its probability as the confidence,
// words as input tokens, priced by the workspace's price of the student), beside an HTTP model
// in one run; a missing or altered student is refused before anything is sent.
#include "providers/client.h"
#include "providers/detail/crypto.h"
#include "run/saved_students.h"
#include "student/student_model.h"
#include "tst_runner_fixture.h"

#include <QtTest>

#include <future>

using namespace switchyard;
using namespace runner_test;

namespace {

// Geography questions against arithmetic ones: the fixture's prompts all ask for a capital.
student::StudentModel quizStudent() {
    std::vector<std::string> texts;
    std::vector<int32_t> labels;
    for (int i = 0; i < 60; ++i) {
        texts.push_back("what is the capital of country " + std::to_string(i));
        labels.push_back(0);
        texts.push_back("what is the sum of " + std::to_string(i) + " and seven");
        labels.push_back(1);
    }
    const std::vector<std::string_view> views(texts.begin(), texts.end());
    auto model = student::StudentModel::train(views, labels, {"geography", "arithmetic"}, {});
    if (!model)
        qFatal("%s", model.error().message.c_str());
    return std::move(model).value();
}

StoredStudent stored(const std::string& name, const student::StudentModel& model) {
    StoredStudent student;
    student.name = name;
    student.teacher = "teacher";
    student.examples = 120;
    student.labelsJson = R"(["geography","arithmetic"])";
    student.evaluationJson = "{}";
    student.model = model.toBytes();
    student.modelSha256 = detail::sha256Hex(student.model);
    return student;
}

// $1 per million input tokens, $2 per million output tokens, one label of output at most.
ModelPrice studentPrice(const std::string& name) {
    ModelPrice price;
    price.id = name;
    price.provider = "local-student";
    price.inputUsdPerMTok = 1;
    price.outputUsdPerMTok = 2;
    price.maxOutputTokens = 1;
    return price;
}

} // namespace

class TestLocalStudent : public QObject {
    Q_OBJECT

private slots:
    void answersThroughTheTransport() {
        const student::StudentModel model = quizStudent();
        StoredStudent altered = stored("altered", model);
        altered.model[altered.model.size() / 2] ^= 0x5a;
        const std::map<std::string, StoredStudent> saved{{"quiz", stored("quiz", model)},
                                                         {"altered", altered}};
        ProviderConfig config;
        config.name = "local";
        config.kind = ProviderKind::LocalStudent;
        config.models = {"quiz", "altered", "gone"};
        ProviderClient client(
            {"providers.yaml", {config}}, {}, {},
            [&](const std::string& name) -> Expected<std::optional<StoredStudent>> {
                const auto it = saved.find(name);
                return it == saved.end() ? std::nullopt : std::optional(it->second);
            });

        const auto ask = [&](const std::string& ref, const std::string& text) {
            Prompt prompt;
            prompt.id = "p";
            prompt.messages = {{"user", {{text, false, ""}}}};
            std::promise<CallResult> answered;
            auto submitted =
                client.submit(ref, prompt, {}, 10, [&](CallResult r) { answered.set_value(r); });
            if (!submitted)
                qFatal("%s", submitted.error().message.c_str());
            return answered.get_future().get();
        };
        CallResult geo = ask("local/quiz", "What is the capital of Peru?");
        QVERIFY2(geo.ok(), geo.ok() ? "" : geo.error->toString().c_str());
        QCOMPARE(geo.text, std::string("geography"));
        QVERIFY(geo.confidence && *geo.confidence > 0.5 && *geo.confidence <= 1.0);
        QCOMPARE(geo.usage.input, student::studentTokenCount("What is the capital of Peru?"));
        QCOMPARE(geo.usage.input, int64_t{7}); // "?" is a word of its own
        QCOMPARE(geo.usage.output, int64_t{1});
        QCOMPARE(geo.pricedModel, std::string("quiz"));
        QCOMPARE(geo.attempts, 1);
        QCOMPARE(ask("local/quiz", "What is the sum of 3 and 4?").text, std::string("arithmetic"));

        // Nothing to classify: refused as a request, not retried.
        const CallResult empty = ask("local/quiz", "   ");
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error->kind, FailureClass::InvalidRequest);
        QCOMPARE(empty.attempts, 1);

        // Missing and altered students are refused before anything is queued.
        auto gone = client.check("local/gone");
        QVERIFY(!gone.ok());
        QVERIFY2(gone.error().message.find("holds no student named 'gone'") != std::string::npos,
                 gone.error().message.c_str());
        auto changed = client.check("local/altered");
        QVERIFY(!changed.ok());
        QVERIFY2(changed.error().message.find("does not match its recorded SHA-256") !=
                     std::string::npos,
                 changed.error().message.c_str());
        QVERIFY(client.check("local/quiz").ok());
    }

    void runsAPromptSetBesideAnHttpModel() {
        RunnerFixture fixture;
        const int64_t setId = fixture.makeSet(40);
        {
            auto workspace = Workspace::open(fixture.path);
            QVERIFY(workspace.ok());
            QVERIFY((*workspace)->saveStudent(stored("quiz", quizStudent())).ok());
            const ModelPrice price = studentPrice("quiz");
            QVERIFY(workbench::savePrices(**workspace, std::span(&price, 1)).ok());
            // The built-in provider lists every saved student; the file's own entries stay.
            const ProvidersFile file = withSavedStudents(fixture.providers(), **workspace);
            QCOMPARE(file.providers.size(), size_t{4});
            QCOMPARE(file.providers.back().name, std::string(kSavedStudentsProvider));
            QCOMPARE(file.providers.back().models, std::vector<std::string>{"quiz"});
        }
        // No providers-file entry names the student: "student/quiz" is built in.
        const RunRequest request = fixture.request(setId, {"student/quiz", "openai/gpt-test"});
        auto estimate = estimateRun(request);
        QVERIFY2(estimate.ok(), estimate.ok() ? "" : estimate.error().toString().c_str());
        QCOMPARE(estimate->models[0].calls, int64_t{40});
        QCOMPARE(estimate->models[0].maxOutputTokens, int64_t{40}); // one label each, not 100

        const RunOutcome outcome = fixture.run(request);
        QCOMPARE(outcome.status, RunStatus::Complete);
        QCOMPARE(outcome.recorded[0].ok, int64_t{40});
        QCOMPARE(outcome.recorded[1].ok, int64_t{40});
        int64_t studentAnswers = 0;
        for (const Result& result : fixture.results(outcome.runId)) {
            if (result.model != "student/quiz")
                continue;
            ++studentAnswers;
            QCOMPARE(result.output, std::string("geography"));
            QCOMPARE(result.outputTokens, int64_t{1});
            QVERIFY(result.inputTokens >= 10);
            QVERIFY(result.costUsd);
            QVERIFY(std::abs(*result.costUsd - (result.inputTokens + 2.0) / 1e6) < 1e-12);
            QCOMPARE(result.attempts, 1);
        }
        QCOMPARE(studentAnswers, int64_t{40});

        // The probability is kept with each answer.
        auto workspace = Workspace::open(fixture.path);
        QVERIFY(workspace.ok());
        const auto models = (*workspace)->runModels(outcome.runId);
        int64_t withConfidence = 0;
        QVERIFY((*workspace)
                    ->forEachRunResult(outcome.runId, "", false,
                                       [&](const RunResultRow& row) {
                                           for (const auto& [id, ref] : models)
                                               if (id == row.modelId && ref == "student/quiz")
                                                   withConfidence +=
                                                       row.confidence && *row.confidence > 0.5;
                                               else if (id == row.modelId && row.confidence)
                                                   withConfidence -= 1000; // HTTP: none
                                           return true;
                                       })
                    .ok());
        QCOMPARE(withConfidence, int64_t{40});
    }

    void refusesARunOfAMissingStudent() {
        RunnerFixture fixture;
        const int64_t setId = fixture.makeSet(3);
        auto workspace = Workspace::open(fixture.path);
        QVERIFY((*workspace)->saveStudent(stored("quiz", quizStudent())).ok());
        RunRequest request = fixture.request(setId, {"mine/elsewhere"});
        ProviderConfig mine;
        mine.name = "mine";
        mine.kind = ProviderKind::LocalStudent;
        mine.models = {"elsewhere"};
        request.providers.providers.push_back(mine);
        auto estimate = estimateRun(request);
        QVERIFY(!estimate.ok());
        QVERIFY2(estimate.error().message.find("holds no student named 'elsewhere'") !=
                     std::string::npos,
                 estimate.error().message.c_str());
        QCOMPARE((*workspace)->runs().size(), size_t{0}); // nothing started
    }
};

QTEST_GUILESS_MAIN(TestLocalStudent)
#include "tst_local_student.moc"
