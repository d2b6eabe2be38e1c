// switchyard-cli run as a CI pipeline runs it: the real binary, credentials from the
// environment, a providers file aimed at the local test server this test starts, a real
// workspace. Checks the --json contract, confirmation without a terminal, Ctrl+C and resume,
// and that no key the run used (or a provider echoed back) reaches any file or output.
#include "test_server.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_run_fixture.h"

#include <csignal>
#include <thread>

using switchyard::testing::Fault;
using switchyard::testing::TestServer;
using switchyard::testing::TestServerOptions;

using namespace cli_run_test;

class TestCliRun : public QObject {
    Q_OBJECT

private slots:
    void jsonContract();
    void answersAreScoredWhenTheRunEnds();
    void refusesWithoutConfirmation();
    void badArguments_data();
    void badArguments();
    void interruptKeepsResultsAndResumes_data();
    void interruptKeepsResultsAndResumes();
    void secretsNeverLeave();
    void promptVariantsFromAFile();
};

void TestCliRun::jsonContract() {
    Keys keys;
    TestServer server(serverOptions(keys));
    QVERIFY(server.start());
    QTemporaryDir dir;
    useKeys(keys, dir.path());
    const QString workspace = makeWorkspace(dir, 4);
    const QString providers = writeProviders(dir, server);

    const CliRun run = runCli(runArguments(workspace, providers) << "--yes"
                                                                 << "--json"
                                                                 << "--budget"
                                                                 << "5");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    for (const char* key : {"run_id", "models", "estimate_usd", "wall_s", "status", "budget_usd",
                            "spent_usd", "cached", "max_cost_usd"})
        QVERIFY2(json.contains(key), key);
    QVERIFY(json["run_id"].toInt() > 0);
    QCOMPARE(json["status"].toString(), QString("complete"));
    QCOMPARE(json["budget_usd"].toDouble(), 5.0);
    QVERIFY(json["estimate_usd"].toDouble() > 0);
    QVERIFY(json["wall_s"].toDouble() > 0);
    const QJsonObject models = json["models"].toObject();
    QCOMPARE(models.size(), 3);
    for (const QString& ref : models.keys()) {
        const QJsonObject model = models[ref].toObject();
        for (const char* key : {"ok", "failed", "input_tokens", "output_tokens",
                                "cache_read_tokens", "cache_write_tokens", "cost_usd"})
            QVERIFY2(model.contains(key), qPrintable(ref + ": " + key));
        QCOMPARE(model["ok"].toInt(), 4);
        QVERIFY(model["failed"].toObject().isEmpty());
        QVERIFY(model["input_tokens"].toInt() > 0);
        QVERIFY(model["cost_usd"].toDouble() > 0);
    }
    QCOMPARE(server.requestCount(), int64_t(12));

    // The same command again is a new run answered from the response cache: nothing is sent.
    server.reset();
    const CliRun again = runCli(runArguments(workspace, providers) << "--yes"
                                                                   << "--json");
    QCOMPARE(again.exitCode, 0);
    const QJsonObject cached = QJsonDocument::fromJson(again.out).object();
    QCOMPARE(cached["cached"].toInt(), 12);
    QCOMPARE(cached["spent_usd"].toDouble(), 0.0);
    QCOMPARE(server.requestCount(), int64_t(0));
}

// Prompts with expected answers: the run scores its answers before it returns, with a scorer
// chosen from the answers' shape, so Compare and the Router Lab see quality at once.
void TestCliRun::answersAreScoredWhenTheRunEnds() {
    Keys keys;
    TestServer server(serverOptions(keys, 0));
    QVERIFY(server.start());
    QTemporaryDir dir;
    useKeys(keys, dir.path());
    QByteArray lines;
    for (int i = 0; i < 4; ++i)
        lines += QJsonDocument(QJsonObject{{"id", QString("q%1").arg(i)},
                                           {"prompt", QString("Say hello, %1.").arg(i)},
                                           {"expected", i < 2 ? "hello from the test server"
                                                              : "goodbye for now"}})
                     .toJson(QJsonDocument::Compact) +
                 "\n";
    const QString file = dir.filePath("greetings.jsonl");
    writeFile(file, lines);
    const QString workspace = dir.filePath("w.sqlite");
    QCOMPARE(runCli({"import", file, "--workspace", workspace, "--set", "questions"}).exitCode, 0);
    const QString providers = writeProviders(dir, server);

    const CliRun run = runCli(runArguments(workspace, providers) << "--yes"
                                                                 << "--json");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject scoring = QJsonDocument::fromJson(run.out).object()["scoring"].toObject();
    QVERIFY(scoring["error"].isNull());
    const QJsonArray scorers = scoring["scorers"].toArray();
    QCOMPARE(scorers.size(), 1);
    const QJsonObject scored = scorers[0].toObject();
    QCOMPARE(scored["scored"].toInt(), 12);
    QVERIFY(!scored["reason"].toString().isEmpty());
    const QJsonObject models = scored["models"].toObject();
    QCOMPARE(models.size(), 3);
    for (const QString& ref : models.keys())
        QCOMPARE(models[ref].toObject()["mean"].toDouble(), 0.5); // two of four match

    // switchyard-cli compare reads the same scores.
    const int64_t runId = QJsonDocument::fromJson(run.out).object()["run_id"].toInt();
    const CliRun compared =
        runCli({"compare", "--workspace", workspace, "--run", QString::number(runId), "--json"});
    QVERIFY2(compared.exitCode == 0, compared.err.constData());
    const QJsonObject comparison = QJsonDocument::fromJson(compared.out).object();
    QCOMPARE(comparison["scorer"].toString(), scored["scorer"].toString());
    QCOMPARE(comparison["pairwise"].toObject().size(), 2);

    // A judge scores the same answers through the runner: its calls are estimated, sent,
    // recorded and priced; its verdicts are stored beside the reference scores.
    server.setAnswerFor([](const std::string&) {
        return std::string("{\"score\": 8, \"reason\": \"Polite and on topic.\"}");
    });
    const CliRun judged =
        runCli({"score", "--workspace", workspace, "--run", QString::number(runId), "--judge",
                "openai/gpt-4o-mini", "--providers", providers, "--yes", "--json"});
    QVERIFY2(judged.exitCode == 0, judged.err.constData());
    const QJsonObject judgement = QJsonDocument::fromJson(judged.out).object();
    QCOMPARE(judgement["scored"].toInt(), 12);
    QCOMPARE(judgement["unparseable"].toInt(), 0);
    QCOMPARE(judgement["scorer"].toString(), QString("judge:openai/gpt-4o-mini@1"));
    QCOMPARE(judgement["judge_run"].toObject()["recorded"].toInt(), 12);
    QVERIFY(judgement["judge_run"].toObject()["spent_usd"].toDouble() > 0);
    for (const QJsonValue& model : judgement["models"].toObject())
        QCOMPARE(model.toObject()["mean"].toDouble(), 7.0 / 9.0);
    // Without --yes and without a terminal, nothing is sent.
    const int64_t sent = server.requestCount();
    const CliRun refused =
        runCli({"score", "--workspace", workspace, "--run", QString::number(runId), "--judge",
                "openai/gpt-4o-mini", "--rubric", "Be strict.", "--providers", providers});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains("--yes"));
    QCOMPARE(server.requestCount(), sent);
}

void TestCliRun::refusesWithoutConfirmation() {
    Keys keys;
    TestServer server(serverOptions(keys));
    QVERIFY(server.start());
    QTemporaryDir dir;
    useKeys(keys, dir.path());
    const QString workspace = makeWorkspace(dir, 2);
    const CliRun run = runCli(runArguments(workspace, writeProviders(dir, server)));
    QCOMPARE(run.exitCode, 1); // stdin is a pipe here, not a terminal
    QVERIFY2(run.err.contains("pass --yes"), run.err.constData());
    QCOMPARE(server.requestCount(), int64_t(0));
}

void TestCliRun::badArguments_data() {
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("budget not a number")
        << QStringList{"--budget", "lots"} << QByteArray("--budget");
    QTest::newRow("negative budget") << QStringList{"--budget", "-1"} << QByteArray("--budget");
    QTest::newRow("zero concurrency")
        << QStringList{"--concurrency", "0"} << QByteArray("--concurrency");
    QTest::newRow("max tokens") << QStringList{"--max-tokens", "1.5"} << QByteArray("--max-tokens");
    QTest::newRow("variant without its file")
        << QStringList{"--variant", "openai/gpt-4o-mini=terse"} << QByteArray("--variants FILE");
    QTest::newRow("variants file without a pairing")
        << QStringList{"--variants", "v.yaml"} << QByteArray("--variant REF=NAME");
    QTest::newRow("variant of a model not run")
        << QStringList{"--variants", "VARIANTS", "--variant", "openai/other=terse"}
        << QByteArray("which --models does not list");
    QTest::newRow("unknown variant")
        << QStringList{"--variants", "VARIANTS", "--variant", "openai/gpt-4o-mini=long"}
        << QByteArray("no variant 'long'");
}

void TestCliRun::badArguments() {
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    const QString variants = dir.filePath("variants.yaml");
    writeFile(variants, "variants:\n  - name: terse\n    system: Be terse.\n");
    extra.replaceInStrings(QStringLiteral("VARIANTS"), variants);
    const CliRun run = runCli(QStringList{"run", "--workspace", dir.filePath("w.sqlite"), "--set",
                                          "s", "--models", "openai/gpt-4o-mini"}
                              << extra);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    const CliRun noModels = runCli({"run", "--workspace", dir.filePath("w.sqlite"), "--set", "s"});
    QCOMPARE(noModels.exitCode, 2);
}

void TestCliRun::interruptKeepsResultsAndResumes_data() {
    QTest::addColumn<int>("signal");
    QTest::newRow("Ctrl+C") << int(SIGINT);
    QTest::newRow("killed") << int(SIGKILL);
}

void TestCliRun::interruptKeepsResultsAndResumes() {
    QFETCH(int, signal);
    Keys keys;
    TestServer server(serverOptions(keys, 30'000));
    QVERIFY(server.start());
    QTemporaryDir dir;
    useKeys(keys, dir.path());
    const QString workspace = makeWorkspace(dir, 10);
    const QString providers = writeProviders(dir, server, 2, 60);
    QStringList arguments = runArguments(workspace, providers) << "--yes"
                                                               << "--json";
    // Three answers arrive, then every call hangs until the signal.
    server.failNext(Fault::None, 3);
    server.failAlways(Fault::Stall);
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_CLI_PATH), arguments);
    QVERIFY(process.waitForStarted());
    for (int i = 0; i < 500 && server.requestCount() < 5; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    QVERIFY(server.requestCount() >= 5);
    std::this_thread::sleep_for(std::chrono::milliseconds(1200)); // the answers are committed
    ::kill(static_cast<pid_t>(process.processId()), signal);
    QVERIFY(process.waitForFinished(10'000));
    if (signal == SIGINT) {
        QCOMPARE(process.exitCode(), 1);
        const QJsonObject first = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(first["status"].toString(), QString("cancelled"));
        QCOMPARE(first["recorded"].toInt(), 3);
        QVERIFY(process.readAllStandardError().contains("run the same command again"));
    } else {
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    }

    // The same command continues the run: the three committed answers are not paid again.
    server.failAlways(Fault::None);
    server.reset();
    const CliRun second = runCli(arguments);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const QJsonObject resumed = QJsonDocument::fromJson(second.out).object();
    QCOMPARE(resumed["run_id"].toInt(), 1);
    QCOMPARE(resumed["resumed"].toBool(), true);
    QCOMPARE(resumed["status"].toString(), QString("complete"));
    QCOMPARE(resumed["calls"].toInt(), 30 - 3);
    QCOMPARE(server.requestCount(), int64_t(30 - 3));
    int ok = 0;
    for (const auto& model : resumed["models"].toObject())
        ok += model.toObject()["ok"].toInt();
    QCOMPARE(ok, 30);
}

void TestCliRun::secretsNeverLeave() {
    Keys keys;
    Keys wrong;
    wrong.openai = "sk-test-SECRET123-WRONG-openai-0001";
    wrong.anthropic = "sk-ant-SECRET456-WRONG-anthropic-02";
    wrong.awsSecret = "SECRET789/WRONG/aws+secret/00003";
    TestServer server(serverOptions(keys));
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QString workspace = makeWorkspace(dir, 3);
    const QString providers = writeProviders(dir, server);

    int outputs = 0;
    auto keep = [&](const CliRun& run) {
        writeFile(dir.filePath(QString("stdout-%1.txt").arg(outputs)), run.out);
        writeFile(dir.filePath(QString("stderr-%1.txt").arg(outputs)), run.err);
        ++outputs;
    };
    useKeys(keys, dir.path());
    const CliRun good = runCli(runArguments(workspace, providers) << "--yes"
                                                                  << "--json");
    QCOMPARE(good.exitCode, 0);
    keep(good);
    // Wrong keys: every call fails, and the OpenAI server repeats the key it was given.
    useKeys(wrong, dir.path());
    const CliRun fresh = runCli(runArguments(workspace, providers) << "--yes"
                                                                   << "--json"
                                                                   << "--fresh");
    QCOMPARE(fresh.exitCode, 1);
    keep(fresh);
    for (const auto& model : QJsonDocument::fromJson(fresh.out).object()["models"].toObject())
        QCOMPARE(model.toObject()["failed"].toObject()["auth"].toInt(), 3);
    // Retrying the failures sends them again (--fresh: the cache holds the good answers).
    const CliRun retry = runCli(runArguments(workspace, providers) << "--yes"
                                                                   << "--retry-failed"
                                                                   << "--fresh");
    QCOMPARE(retry.exitCode, 1);
    keep(retry);
    bool echoed = false;
    for (const auto& request : server.requests())
        echoed = echoed || request.rejection.find(wrong.openai.toStdString()) != std::string::npos;
    QVERIFY(echoed); // the scan below is not vacuous

    int files = 0;
    QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        ++files;
        for (const QByteArray& secret : {keys.openai, keys.anthropic, keys.awsSecret, wrong.openai,
                                         wrong.anthropic, wrong.awsSecret})
            QVERIFY2(!content.contains(secret),
                     qPrintable(file.fileName() + " contains " + QString(secret)));
    }
    QVERIFY(files >= 8); // workspace, prompts, providers.yaml and six outputs
}

// A model paired with a variant of a variants file gets its prompts through it, filled from the
// set's own fields; the run and the comparison report it as "model+variant".
void TestCliRun::promptVariantsFromAFile() {
    Keys keys;
    TestServer server(serverOptions(keys, 0));
    QVERIFY(server.start());
    QTemporaryDir dir;
    useKeys(keys, dir.path());
    const QString file = dir.filePath("tickets.jsonl");
    writeFile(file, "{\"id\": \"t1\", \"prompt\": \"Printer is jammed\", \"team\": \"ops\"}\n"
                    "{\"id\": \"t2\", \"prompt\": \"Invoice is wrong\", \"team\": \"billing\"}\n");
    const QString workspace = dir.filePath("w.sqlite");
    QCOMPARE(runCli({"import", file, "--workspace", workspace, "--set", "questions"}).exitCode, 0);
    const QString variants = dir.filePath("variants.yaml");
    writeFile(variants, "variants:\n  - name: routed\n    user: 'Team {{team}}, ticket {{id}}: "
                        "{{prompt}}'\n");
    const CliRun run = runCli(runArguments(workspace, writeProviders(dir, server))
                              << "--variants" << variants << "--variant"
                              << "openai/gpt-4o-mini=routed"
                              << "--yes"
                              << "--json");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject models = QJsonDocument::fromJson(run.out).object()["models"].toObject();
    QCOMPARE(models["openai/gpt-4o-mini"].toObject()["variant"].toString(), QString("routed"));
    QVERIFY(!models["anthropic/claude-haiku-4-5"].toObject().contains("variant"));
    int filled = 0;
    for (const auto& request : server.requests())
        filled +=
            request.body.find("Team billing, ticket t2: Invoice is wrong") != std::string::npos;
    QCOMPARE(filled, 1);

    const int64_t runId = QJsonDocument::fromJson(run.out).object()["run_id"].toInt();
    const CliRun compared =
        runCli({"compare", "--workspace", workspace, "--run", QString::number(runId), "--json"});
    QVERIFY2(compared.exitCode == 0, compared.err.constData());
    const QJsonObject columns = QJsonDocument::fromJson(compared.out).object()["models"].toObject();
    QVERIFY(columns.contains("openai/gpt-4o-mini+routed"));
    QVERIFY(!columns.contains("openai/gpt-4o-mini"));
}

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
