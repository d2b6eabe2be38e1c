// import-results, replay, sweep and policy as a user or a CI pipeline runs them: a real process,
// real files, the JSON keys of the command-line contract and hand-computed figures.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_routing_fixture.h"

using namespace cli_routing_test;

class TestCliRouting : public QObject, protected RoutingWorkspace {
    Q_OBJECT

private slots:
    // A fresh workspace for every test function and data row.
    void init() { next(); }

    void importResultsReportsJson() {
        const QString file = m_dir.filePath(QStringLiteral("mixed.jsonl"));
        writeFile(file, "{\"prompt_id\": \"a\", \"prompt\": \"Hi\", \"model\": \"gpt-4o-mini\", "
                        "\"output\": \"Hello there\", \"score\": 1}\n"
                        "{\"prompt_id\": \"a\", \"model\": \"acme/mystery-7b\", \"output\": "
                        "\"Hey\", \"score\": 0.5, \"input_tokens\": 10, \"output_tokens\": 2}\n"
                        "{\"prompt_id\": \"b\", \"model\": \"gpt-4o-mini\"}\n");
        const CliRun run = runCli({QStringLiteral("import-results"), file, QStringLiteral("--set"),
                                   QStringLiteral("mixed"), QStringLiteral("--workspace"),
                                   m_workspace, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = jsonOf(run);
        QVERIFY(json.value("run_id").toInt() > 0);
        QCOMPARE(json.value("results").toInt(), 2);
        const QJsonArray rejected = json.value("rejected").toArray();
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected[0].toObject().value("line").toInt(), 3);
        QCOMPARE(rejected[0].toObject().value("field").toString(), QStringLiteral("score"));
        QCOMPARE(json.value("tokens_estimated").toInt(), 1);
        const QJsonArray unpriced = json.value("unpriced_models").toArray();
        QCOMPARE(unpriced.size(), 1);
        QCOMPARE(unpriced[0].toObject().value("model").toString(),
                 QStringLiteral("acme/mystery-7b"));
        QVERIFY2(run.err.contains("acme/mystery-7b") && run.err.contains("no cost"),
                 run.err.constData());

        // Replaying with the unpriced model as a tier refuses to count its cost as $0.
        const CliRun sweep =
            runCli({QStringLiteral("sweep"), QStringLiteral("--workspace"), m_workspace,
                    QStringLiteral("--router"), QStringLiteral("random"),
                    QStringLiteral("--models"), QStringLiteral("gpt-4o-mini,acme/mystery-7b")});
        QCOMPARE(sweep.exitCode, 1);
        QVERIFY2(sweep.err.contains("have no cost"), sweep.err.constData());
    }

    void importResultsBadArguments_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no set") << QStringList{"import-results", "x.jsonl", "--workspace", "w"} << 2
                                << QByteArray("--set NAME is required");
        QTest::newRow("no file") << QStringList{"import-results", "--set", "s", "--workspace", "w"}
                                 << 2 << QByteArray("missing arguments");
        QTest::newRow("missing file") << QStringList{"import-results", "/nonexistent/r.jsonl",
                                                     "--set",          "s",
                                                     "--workspace",    "W"}
                                      << 1 << QByteArray("file not found");
        QTest::newRow("unknown router")
            << QStringList{"sweep", "--workspace", "W", "--router", "magic", "--models", "a,b"} << 2
            << QByteArray("unknown router kind 'magic'");
        QTest::newRow("one model")
            << QStringList{"sweep", "--workspace", "W", "--router", "random", "--models", "a"} << 2
            << QByteArray("at least two model references");
        QTest::newRow("bad param")
            << QStringList{"policy", "--workspace", "W",       "--router", "learned", "--models",
                           "a,b",    "--params",    "folds=1", "--save",   "p"}
            << 2 << QByteArray("field 'router.params.folds': must be from 2 to 50");
        QTest::newRow("too many thresholds")
            << QStringList{"policy", "--workspace", "W",   "--router",    "random", "--models",
                           "a,b",    "--threshold", "0.2", "--threshold", "0.4",    "--save",
                           "p"}
            << 2 << QByteArray("router.thresholds");
        QTest::newRow("no policy") << QStringList{"replay", "--workspace", "W", "--policy", "nope"}
                                   << 1 << QByteArray("no policy file 'nope'");
    }

    void importResultsBadArguments() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        arguments.replaceInStrings(QRegularExpression(QStringLiteral("^W$")), m_workspace);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), run.err.constData());
    }

    // policy saves a configuration with its evidence; replay reads it back by name and from the
    // file with the same figures.
    void policyThenReplayByHand() {
        QCOMPARE(importFour().exitCode, 0);
        // Random, threshold 1: every draw is below 1, so everything goes to gpt-4o-mini.
        const QString file = m_dir.filePath(QStringLiteral("cheap.yaml"));
        const CliRun policy = runCli(
            {QStringLiteral("policy"), QStringLiteral("--workspace"), m_workspace,
             QStringLiteral("--router"), QStringLiteral("random"), QStringLiteral("--models"),
             QStringLiteral("gpt-4o-mini,gpt-4o"), QStringLiteral("--threshold"),
             QStringLiteral("1"), QStringLiteral("--save"), QStringLiteral("cheap"),
             QStringLiteral("--out"), file, QStringLiteral("--json")});
        QCOMPARE(policy.exitCode, 0);
        const QJsonObject saved = jsonOf(policy);
        QCOMPARE(saved.value("name").toString(), QStringLiteral("cheap"));
        QCOMPARE(saved.value("written").toString(), file);
        // 4 x 0.25 = 1.00 against 4 x 2 = 8: savings 87.5 %; quality (1 + 0 + 1 + 0) / 4.
        QCOMPARE(saved.value("requests").toInt(), 4);
        QCOMPARE(saved.value("cost_usd").toDouble(), 1.0);
        QCOMPARE(saved.value("cost_per_1k_usd").toDouble(), 250.0);
        QCOMPARE(saved.value("quality").toDouble(), 0.5);
        QCOMPARE(saved.value("pass_rate").toDouble(), 0.5);
        QCOMPARE(saved.value("baseline_cost_usd").toDouble(), 8.0);
        QCOMPARE(saved.value("savings_pct").toDouble(), 87.5);
        QCOMPARE(saved.value("tier_share").toObject().value("gpt-4o-mini").toDouble(), 1.0);
        // Latencies 100..400: p50 = 250, p95 = 300 + 0.85 * 100 = 385.
        QCOMPARE(saved.value("latency_p50_ms").toDouble(), 250.0);
        QCOMPARE(saved.value("latency_p95_ms").toDouble(), 385.0);

        QFile yaml(file);
        QVERIFY(yaml.open(QIODevice::ReadOnly));
        const QByteArray text = yaml.readAll();
        QVERIFY(text.startsWith("apiVersion: switchyard/v1\nkind: RoutingPolicy\n"));
        QVERIFY(text.contains("kind: random"));
        QVERIFY(text.contains("thresholds: [1]"));
        QVERIFY(text.contains("prompt_set: four"));
        QVERIFY(text.contains("cost_per_1k_usd: 250"));
        QVERIFY(text.contains("savings_pct: 87.5"));

        for (const QString& reference : {QStringLiteral("cheap"), file}) {
            const CliRun replay =
                runCli({QStringLiteral("replay"), QStringLiteral("--workspace"), m_workspace,
                        QStringLiteral("--policy"), reference, QStringLiteral("--json")});
            QCOMPARE(replay.exitCode, 0);
            const QJsonObject json = jsonOf(replay);
            for (const char* key : {"requests", "cost_usd", "cost_per_1k_usd", "quality",
                                    "pass_rate", "baseline_cost_usd", "savings_pct"})
                QCOMPARE(json.value(key), saved.value(key));
            QCOMPARE(json.value("tier_share"), saved.value("tier_share"));
        }
        const CliRun text1 =
            runCli({QStringLiteral("replay"), QStringLiteral("--workspace"), m_workspace,
                    QStringLiteral("--policy"), QStringLiteral("cheap")});
        QCOMPARE(text1.exitCode, 0);
        QVERIFY2(text1.out.contains("$250.00 per 1,000 requests"), text1.out.constData());
        QVERIFY(text1.out.contains("87.5%"));
    }

    void policyCalibratesToTarget() {
        QCOMPARE(importFour().exitCode, 0);
        // The cheapest complexity setting with quality >= 0.75 (all-strong reaches 0.75).
        const CliRun run =
            runCli({QStringLiteral("policy"), QStringLiteral("--workspace"), m_workspace,
                    QStringLiteral("--router"), QStringLiteral("complexity"),
                    QStringLiteral("--models"), QStringLiteral("gpt-4o-mini,gpt-4o"),
                    QStringLiteral("--target-quality"), QStringLiteral("0.75"),
                    QStringLiteral("--save"), QStringLiteral("q75"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = jsonOf(run);
        QVERIFY(json.value("quality").toDouble() >= 0.75);
        QVERIFY(json.value("written").isNull());
        QCOMPARE(json.value("thresholds").toArray().size(), 1);
    }

    void sweepPrintsCurveFrontierAndMetrics() {
        QCOMPARE(importFour().exitCode, 0);
        const CliRun run = runCli({QStringLiteral("sweep"), QStringLiteral("--workspace"),
                                   m_workspace, QStringLiteral("--router"),
                                   QStringLiteral("random"), QStringLiteral("--models"),
                                   QStringLiteral("gpt-4o-mini,gpt-4o"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = jsonOf(run);
        const QJsonArray points = json.value("points").toArray();
        QCOMPARE(points.size(), 5); // 0 to 4 prompts to gpt-4o
        for (const auto& value : points) {
            const QJsonObject point = value.toObject();
            for (const char* key : {"threshold", "cost_usd", "quality", "strong_share"})
                QVERIFY2(point.contains(key), key);
        }
        QCOMPARE(points.first().toObject().value("cost_usd").toDouble(), 1.0);
        QCOMPARE(points.last().toObject().value("cost_usd").toDouble(), 8.0);
        QVERIFY(!json.value("frontier").toArray().isEmpty());
        for (const char* key : {"apgr", "cpt50", "cpt80", "aiq"})
            QVERIFY2(json.value(key).isDouble(), key);
        QCOMPARE(json.value("axis").toString(), QStringLiteral("strong_share"));
        QCOMPARE(json.value("weak").toObject().value("quality").toDouble(), 0.5);
        QCOMPARE(json.value("strong").toObject().value("quality").toDouble(), 0.75);
    }

    void realGsm8kLearnedSweep() {
        const QString file =
            QStringLiteral(SWITCHYARD_SHARED_DATA_DIR "/gsm8k-routellm.results.jsonl");
        if (!QFile::exists(file))
            QSKIP("../shared/data/gsm8k-routellm.results.jsonl is not available");
        const CliRun imported =
            runCli({QStringLiteral("import-results"), file, QStringLiteral("--set"),
                    QStringLiteral("gsm8k"), QStringLiteral("--workspace"), m_workspace,
                    QStringLiteral("--json")});
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(jsonOf(imported).value("results").toInt(), 2638);
        QCOMPARE(jsonOf(imported).value("rejected").toArray().size(), 0);
        const CliRun run = runCli(
            {QStringLiteral("sweep"), QStringLiteral("--workspace"), m_workspace,
             QStringLiteral("--router"), QStringLiteral("learned"), QStringLiteral("--models"),
             QStringLiteral("mistralai/Mixtral-8x7B-Instruct-v0.1,gpt-4-1106-preview"),
             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = jsonOf(run);
        QVERIFY(json.value("points").toArray().size() > 500);
        const double apgr = json.value("apgr").toDouble();
        QVERIFY2(apgr > 0.4 && apgr < 0.8, qPrintable(QString::number(apgr)));
        QVERIFY(json.value("notes").toArray().contains(QStringLiteral(
            "out-of-fold: no prompt is scored by a router that saw it in training")));
    }
};

QTEST_GUILESS_MAIN(TestCliRouting)
#include "tst_cli_routing.moc"
