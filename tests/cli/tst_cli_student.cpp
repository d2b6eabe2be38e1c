// switchyard-cli train-student: a student trained on a teacher's recorded answers, judged
// out-of-fold and saved in the workspace; answers that are not a label set are refused with why.
#include "cli_runner.h"
#include "store/workspace.h"
#include "workbench/student_ops.h"

#include <QJsonArray>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <cmath>
#include <random>

using namespace switchyard;

namespace {

// Support tickets answered by a teacher with its queue, formatted the way models do ("**Billing**",
// "Billing.", "Queue: billing"); a second model answers in prose. Every fourth ticket has its
// reference answer.
QByteArray ticketResults(int tickets) {
    const std::vector<std::string> queues{"Billing", "Technical", "Account"};
    const std::vector<std::vector<std::string>> cues = {
        {"invoice", "refund", "charged twice", "payment failed"},
        {"app crashes", "error 500", "page freezes", "sync timeout"},
        {"password reset", "cannot log in", "locked out", "change my email"}};
    std::mt19937 random(4);
    QByteArray out;
    for (int i = 0; i < tickets; ++i) {
        const size_t queue = random() % 3;
        const std::string prompt = "Ticket " + std::to_string(i) + ": hello, " +
                                   cues[queue][random() % 4] + " since yesterday, please help";
        const std::string styles[] = {"**" + queues[queue] + "**", queues[queue] + ".",
                                      "Queue: " + queues[queue]};
        nlohmann::json teacher = {{"prompt_id", "t" + std::to_string(i)},
                                  {"prompt", prompt},
                                  {"model", "teacher-large"},
                                  {"output", styles[i % 3]},
                                  {"cost_usd", 0.002},
                                  {"tags", {i % 2 ? "channel:chat" : "channel:email"}}};
        if (i % 4 == 0)
            teacher["expected"] = queues[queue];
        nlohmann::json prose = {{"prompt_id", "t" + std::to_string(i)},
                                {"prompt", prompt},
                                {"model", "chatty-model"},
                                {"output", "Thanks for writing in about ticket " +
                                               std::to_string(i) +
                                               ". I have passed it to the right people."},
                                {"tags", {i % 2 ? "channel:chat" : "channel:email"}}};
        out += QByteArray::fromStdString(teacher.dump() + "\n" + prose.dump() + "\n");
    }
    return out;
}

struct Imported {
    QString workspace;
    int runId = 0;
};

// The tickets imported by the CLI as recorded results: the teacher's run.
Imported importTickets(const QTemporaryDir& dir, int tickets) {
    const QString results = dir.filePath("tickets.jsonl");
    writeFile(results, ticketResults(tickets));
    const QString workspace = dir.filePath("w.sqlite");
    const QJsonObject imported = cliJson(
        {"import-results", "--workspace", workspace, results, "--set", "tickets", "--json"});
    return {workspace, imported["run_id"].toInt()};
}

} // namespace

class TestCliStudent : public QObject {
    Q_OBJECT

private slots:
    void trainsJudgesAndSaves() {
        QTemporaryDir dir;
        const auto [workspace, runId] = importTickets(dir, 400);
        QVERIFY(runId > 0);

        const QJsonObject student = cliJson({"train-student", "--workspace", workspace, "--run",
                                             QString::number(runId), "--teacher", "teacher-large",
                                             "--folds", "4", "--save", "ticket-router", "--json"});
        QCOMPARE(student["examples"].toInt(), 400);
        QCOMPARE(student["labels"].toArray().size(), 3); // billing, technical, account
        QCOMPARE(student["folds"].toInt(), 4);
        const double agreement = student["cv_agreement"].toDouble();
        QVERIFY2(agreement >= 0.95, qPrintable(QString::number(agreement)));
        const QJsonArray ci = student["cv_agreement_ci95"].toArray();
        QVERIFY(ci[0].toDouble() <= agreement && agreement <= ci[1].toDouble());
        QCOMPARE(student["reference_examples"].toInt(), 100);
        QVERIFY(student["reference_accuracy"].toDouble() >= 0.9);
        const QJsonObject billing = student["per_label"].toObject()["billing"].toObject();
        QVERIFY(billing["precision"].toDouble() > 0.9 && billing["recall"].toDouble() > 0.9);
        QVERIFY(student["train_s"].toDouble() > 0.0);
        QVERIFY(student["predictions_per_s"].toDouble() > 1000.0);
        QCOMPARE(student["confusion"].toArray().size(), 3);
        QCOMPARE(student["reliability"].toArray().size(), 10);
        QVERIFY(student["saved"].toBool());

        // Readiness: three near-even labels, the teacher's recorded $2 per 1,000 requests, and
        // at threshold 0 (the student keeps every answer) 100,000 requests a month save about
        // $200 less the student's hardware.
        const QJsonObject readiness = student["readiness"].toObject();
        QVERIFY(std::abs(readiness["label_entropy_bits"].toDouble() - std::log2(3.0)) < 0.05);
        QVERIFY(std::abs(readiness["teacher_cost_per_1k_usd"].toDouble() - 2.0) < 1e-9);
        const double studentPer1k = readiness["student_cost_per_1k_usd"].toDouble();
        QVERIFY(studentPer1k > 0.0 && studentPer1k < 0.01);
        const QJsonArray points = readiness["points"].toArray();
        QCOMPARE(points.size(), 10);
        QCOMPARE(points[0].toObject()["kept_share"].toDouble(), 1.0);
        QVERIFY(std::abs(points[0].toObject()["monthly_savings_usd"].toDouble() -
                         (200.0 - 100.0 * studentPer1k)) < 1e-6);

        // Per tag: each channel is half the examples and half the month's requests.
        const QJsonObject byTag = student["readiness_by_tag"].toObject();
        QCOMPARE(byTag.keys(), (QStringList{"channel:chat", "channel:email"}));
        for (const QString& tag : byTag.keys()) {
            const QJsonObject part = byTag[tag].toObject();
            QCOMPARE(part["examples"].toInt(), 200);
            QCOMPARE(part["requests_month"].toInt(), 50000);
            QVERIFY(
                std::abs(part["points"].toArray()[0].toObject()["monthly_savings_usd"].toDouble() -
                         (100.0 - 50.0 * studentPer1k)) < 1e-6);
        }

        // Saved with its figures and a model that serves the same labels.
        auto ws = Workspace::open(workspace.toStdString());
        QVERIFY(ws.ok());
        const auto stored = (*ws)->student("ticket-router");
        QVERIFY(stored);
        QCOMPARE(stored->teacher, std::string("teacher-large"));
        QCOMPARE(stored->examples, int64_t(400));
        auto model = student::StudentModel::fromBytes(stored->model, "ticket-router");
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        const auto prediction = model->predict("Ticket 9999: hello, my invoice was charged twice");
        QCOMPARE(model->labels()[size_t(prediction.label)], std::string("billing"));
        QCOMPARE((*ws)->students().size(), size_t(1));
        // The stored figures read back as the Student page shows them.
        auto figures = workbench::readStudentFigures(*stored);
        QVERIFY2(figures.ok(), figures.ok() ? "" : figures.error().message.c_str());
        QCOMPARE(figures->evaluation.agreement, agreement);
        QCOMPARE(figures->evaluation.agreementCi95.first, ci[0].toDouble());
        QCOMPARE(figures->evaluation.labels.size(), size_t(3));
        QCOMPARE(figures->evaluation.confusion.size(), size_t(3));
        QCOMPARE(figures->evaluation.reliability.size(), size_t(10));
        QCOMPARE(figures->evaluation.perLabel[0].precision.has_value(), true);
        QCOMPARE(figures->readiness.points.size(), size_t(10));
        QCOMPARE(figures->readinessByTag.size(), size_t(2));
        QCOMPARE(figures->readinessByTag.at("channel:chat").examples, int64_t(200));
        QCOMPARE(figures->readiness.studentCostPer1kUsd, studentPer1k);
        QCOMPARE(figures->predictionsPerSecond, student["predictions_per_s"].toDouble());

        // The control: trained on shuffled labels, the student only guesses. Twelve kinds of
        // ticket make one seed's guess noisy (each kind is right or wrong together), so three
        // seeds are averaged: a third, not 95 %.
        double controlSum = 0.0;
        for (const char* seed : {"1", "2", "3"}) {
            const QJsonObject control =
                cliJson({"train-student", "--workspace", workspace, "--run", QString::number(runId),
                         "--teacher", "teacher-large", "--save", "control", "--shuffle-labels",
                         "--seed", seed, "--folds", "2", "--json"});
            QVERIFY(control["shuffled_labels"].toBool());
            controlSum += control["cv_agreement"].toDouble();
        }
        QVERIFY2(controlSum / 3 < 0.45, qPrintable(QString::number(controlSum / 3)));
    }

    // The saved student runs like any model, with no providers file and no key: every ticket
    // answered, priced at the hardware's share of each prediction.
    void runsTheSetAgainstTheSavedStudent() {
        QTemporaryDir dir;
        const auto [workspace, runId] = importTickets(dir, 200);
        const QJsonObject student =
            cliJson({"train-student", "--workspace", workspace, "--run", QString::number(runId),
                     "--teacher", "teacher-large", "--save", "ticket-router", "--hardware-usd-hour",
                     "0.5", "--json"});
        QVERIFY(student["saved"].toBool());
        const double per1k = student["readiness"].toObject()["student_cost_per_1k_usd"].toDouble();
        QVERIFY(per1k > 0.0);

        qputenv("SWITCHYARD_PROVIDERS", dir.filePath("no-such-providers.yaml").toUtf8());
        const QJsonObject run = cliJson({"run", "--workspace", workspace, "--set", "tickets",
                                         "--models", "student/ticket-router", "--yes", "--json"});
        qunsetenv("SWITCHYARD_PROVIDERS");
        QCOMPARE(run["status"].toString(), QString("complete"));
        const QJsonObject figures = run["models"].toObject()["student/ticket-router"].toObject();
        QCOMPARE(figures["ok"].toInt(), 200);
        QVERIFY(figures["failed"].toObject().isEmpty());
        QCOMPARE(figures["output_tokens"].toInt(), 200);
        // The price spreads the hardware cost over the words of an average request, so the run
        // costs 200 average predictions.
        QVERIFY2(std::abs(figures["cost_usd"].toDouble() - 0.2 * per1k) < 1e-9 * per1k + 1e-15,
                 qPrintable(QString::number(figures["cost_usd"].toDouble())));

        // The student agrees with the teacher on the tickets it learned from.
        auto ws = Workspace::open(workspace.toStdString());
        QVERIFY(ws.ok());
        std::map<int64_t, std::string> teacher, answered;
        const auto read = [&](int64_t id, std::map<int64_t, std::string>& into,
                              const std::string& model) {
            const auto models = (*ws)->runModels(id);
            QVERIFY((*ws)
                        ->forEachRunResult(id, "", true,
                                           [&](const RunResultRow& row) {
                                               for (const auto& [modelId, ref] : models)
                                                   if (modelId == row.modelId && ref == model)
                                                       into[row.promptId] = row.output;
                                               return true;
                                           })
                        .ok());
        };
        read(runId, teacher, "teacher-large");
        read(run["run_id"].toInt(), answered, "student/ticket-router");
        QCOMPARE(answered.size(), size_t{200});
        int agree = 0;
        for (const auto& [prompt, label] : answered)
            agree += teacher[prompt].find(label.substr(1)) !=
                     std::string::npos; // "billing" in "**Billing**"
        QVERIFY2(agree >= 190, qPrintable(QString::number(agree)));
    }

    // As a Router Lab tier: its out-of-fold answers and probabilities recorded in the teacher's
    // run, scored against the teacher, make a cascade student -> teacher on signal "stated".
    void becomesTheCheapTierOfACascade() {
        QTemporaryDir dir;
        const auto [workspace, run] = importTickets(dir, 200);
        const QString runId = QString::number(run);
        const QJsonObject student =
            cliJson({"train-student", "--workspace", workspace, "--run", runId, "--teacher",
                     "teacher-large", "--save", "ticket-router", "--add-to-run", "--json"});
        const QJsonObject added = student["added_to_run"].toObject();
        QCOMPARE(added["model"].toString(), QString("student/ticket-router"));
        QCOMPARE(added["results"].toInt(), 200);
        QCOMPARE(added["scorer"].toString(), QString("teacher:teacher-large/student-label@1"));

        const QJsonObject sweep = cliJson(
            {"sweep", "--workspace", workspace, "--run", runId, "--router", "cascade", "--params",
             "signal=stated", "--models", "student/ticket-router,teacher-large", "--json"});
        const QJsonArray frontier = sweep["points"].toArray();
        QVERIFY(frontier.size() >= 2);
        // Keeping every student answer: its out-of-fold agreement, at next to no cost.
        const QJsonObject cheapest = frontier.first().toObject();
        QCOMPARE(cheapest["tier_share"].toObject()["student/ticket-router"].toDouble(), 1.0);
        QVERIFY(std::abs(cheapest["quality"].toDouble() - student["cv_agreement"].toDouble()) <
                1e-9);
        QVERIFY(cheapest["cost_per_1k_usd"].toDouble() < 0.01);
        // Escalating everything: the teacher's own answers, $2 per 1,000 (and the student's).
        const QJsonObject dearest = frontier.last().toObject();
        QCOMPARE(dearest["tier_share"].toObject()["teacher-large"].toDouble(), 1.0);
        QCOMPARE(dearest["quality"].toDouble(), 1.0);
        QVERIFY(dearest["cost_per_1k_usd"].toDouble() >= 2.0);
    }

    void refusesAnswersThatAreNotLabels() {
        QTemporaryDir dir;
        const auto [workspace, runId] = importTickets(dir, 60);
        CliRun run = runCli({"train-student", "--workspace", workspace, "--run",
                             QString::number(runId), "--teacher", "chatty-model", "--save", "s"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("not a label set"), run.err.constData());
        run = runCli({"train-student", "--workspace", workspace, "--run", QString::number(runId),
                      "--teacher", "nobody", "--save", "s"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("holds no answers of 'nobody'"), run.err.constData());
        run = runCli({"train-student", "--workspace", workspace, "--run", QString::number(runId),
                      "--teacher", "teacher-large"});
        QCOMPARE(run.exitCode, 2); // --save is required
        run = runCli({"train-student", "--workspace", workspace, "--run", QString::number(runId),
                      "--teacher", "teacher-large", "--save", "s", "--folds", "1"});
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliStudent)
#include "tst_cli_student.moc"
