// switchyard-cli as a user or a CI pipeline runs it: a real process, real files.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_runner.h"

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void helpDocumentsCommands() {
        const CliRun run = runCli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("import FILE..."));
        QVERIFY(run.out.contains("--workspace"));
    }

    void badArgumentsExitTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no command") << QStringList{} << QByteArray("Usage");
        QTest::newRow("unknown command")
            << QStringList{"frobnicate"} << QByteArray("unknown command");
        QTest::newRow("unknown option")
            << QStringList{"import", "a.jsonl", "--workspace", "w.sqlite", "--colour"}
            << QByteArray("unknown option --colour");
        QTest::newRow("missing workspace")
            << QStringList{"import", "a.jsonl"} << QByteArray("--workspace FILE is required");
        QTest::newRow("missing file")
            << QStringList{"import", "--workspace", "w.sqlite"} << QByteArray("missing arguments");
        QTest::newRow("option without value")
            << QStringList{"import", "a.jsonl", "--workspace"} << QByteArray("needs a value");
    }

    void badArgumentsExitTwo() {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2((run.err + run.out).contains(message), run.err.constData());
    }

    void importReportsJson() {
        QTemporaryDir dir;
        const QString workspace = dir.filePath(QStringLiteral("w.sqlite"));
        const QString good = dir.filePath(QStringLiteral("support.jsonl"));
        writeFile(good,
                  "{\"id\": \"a\", \"prompt\": \"Reset my password\"}\n"
                  "not json\n"
                  "{\"id\": \"b\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}\n");
        const QString missing = dir.filePath(QStringLiteral("absent.csv"));
        const CliRun run = runCli(
            {QStringLiteral("import"), good, missing, QStringLiteral("--workspace"), workspace,
             QStringLiteral("--set"), QStringLiteral("support-v1"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value("prompts").toInt(), 2);
        const QJsonArray sets = json.value("sets").toArray();
        QCOMPARE(sets.size(), 1);
        QCOMPARE(sets[0].toObject().value("name").toString(), QStringLiteral("support-v1"));
        const QJsonArray rejected = json.value("rejected").toArray();
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected[0].toObject().value("file").toString(), good);
        QCOMPARE(rejected[0].toObject().value("line").toInt(), 2);
        QVERIFY(!rejected[0].toObject().value("reason").toString().isEmpty());
        QCOMPARE(json.value("file_errors").toArray().size(), 1);

        // The same set again appends; duplicate ids are rejected, not stored twice.
        const CliRun again = runCli({QStringLiteral("import"), good, QStringLiteral("--workspace"),
                                     workspace, QStringLiteral("--set"),
                                     QStringLiteral("support-v1"), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 1);
        const QJsonObject second = QJsonDocument::fromJson(again.out).object();
        QCOMPARE(second.value("prompts").toInt(), 0);
        QCOMPARE(second.value("rejected").toArray().size(), 3);
        QVERIFY(again.err.contains("nothing was imported"));
    }

    void nothingImportedExitsOne() {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.jsonl"));
        writeFile(empty, "");
        const CliRun run = runCli({QStringLiteral("import"), empty, QStringLiteral("--workspace"),
                                   dir.filePath(QStringLiteral("w.sqlite"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("empty.jsonl"), run.err.constData());
    }

    void refusesForeignWorkspace() {
        QTemporaryDir dir;
        const QString notWorkspace = dir.filePath(QStringLiteral("notes.sqlite"));
        writeFile(notWorkspace, "just text");
        const QString prompts = dir.filePath(QStringLiteral("p.jsonl"));
        writeFile(prompts, "{\"prompt\": \"hello\"}\n");
        const CliRun run = runCli(
            {QStringLiteral("import"), prompts, QStringLiteral("--workspace"), notWorkspace});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("not a Switchyard workspace"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
