// import-results, replay, sweep and policy as a user or a CI pipeline runs them: a real process,
// real files, the JSON keys of the command-line contract and hand-computed figures.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_runner.h"

namespace {

QJsonObject jsonOf(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object();
}

// Four prompts answered by a cheap and a dear model, costs and latencies given.
//            q1      q2      q3      q4
//   mini   1/0.25  0/0.25  1/0.25  0/0.25   (score/cost), latency 100 200 300 400
//   4o     1/2     1/2     1/2     0/2                    latency 1000 1100 1200 1300
QByteArray fourPrompts() {
    QByteArray out;
    const char* ids[] = {"q1", "q2", "q3", "q4"};
    const int miniScore[] = {1, 0, 1, 0};
    const int bigScore[] = {1, 1, 1, 0};
    for (int i = 0; i < 4; ++i) {
        out += QStringLiteral("{\"prompt_id\": \"%1\", \"prompt\": \"Question %2?\", \"model\": "
                              "\"gpt-4o-mini\", \"output\": \"a\", \"score\": %3, \"cost_usd\": "
                              "0.25, \"latency_ms\": %4}\n")
                   .arg(ids[i])
                   .arg(i)
                   .arg(miniScore[i])
                   .arg(100 * (i + 1))
                   .toUtf8();
        out += QStringLiteral("{\"prompt_id\": \"%1\", \"model\": \"gpt-4o\", \"output\": \"b\", "
                              "\"score\": %2, \"cost_usd\": 2, \"latency_ms\": %3}\n")
                   .arg(ids[i])
                   .arg(bigScore[i])
                   .arg(1000 + 100 * i)
                   .toUtf8();
    }
    return out;
}

} // namespace

class TestCliRouting : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_workspace;
    int m_count = 0;

    CliRun importFour() {
        const QString file = m_dir.filePath(QStringLiteral("four.jsonl"));
        writeFile(file, fourPrompts());
        return runCli({QStringLiteral("import-results"), file, QStringLiteral("--set"),
                       QStringLiteral("four"), QStringLiteral("--workspace"), m_workspace,
                       QStringLiteral("--json")});
    }

    // The four results imported and a policy of `router` over gpt-4o-mini and gpt-4o saved.
    int savePolicy(const QString& router, const QString& threshold, const QString& name) {
        if (importFour().exitCode != 0)
            return -1;
        return runCli({QStringLiteral("policy"), QStringLiteral("--workspace"), m_workspace,
                       QStringLiteral("--router"), router, QStringLiteral("--models"),
                       QStringLiteral("gpt-4o-mini,gpt-4o"), QStringLiteral("--threshold"),
                       threshold, QStringLiteral("--save"), name})
            .exitCode;
    }

private slots:
    // A fresh workspace for every test function and data row.
    void init() { m_workspace = m_dir.filePath(QStringLiteral("w%1.sqlite").arg(++m_count)); }

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

    // A saved policy as files for production: the YAML, a gateway's config with what it cannot
    // express, a refusal with the reason, a bad format as bad arguments.
    void exportWritesPolicyAndGatewayFiles() {
        QCOMPARE(savePolicy(QStringLiteral("random"), QStringLiteral("1"), QStringLiteral("cheap")),
                 0);
        const auto exportAs = [&](const QString& format, const QString& file) {
            return runCli({QStringLiteral("export"), QStringLiteral("--workspace"), m_workspace,
                           QStringLiteral("--policy"), QStringLiteral("cheap"),
                           QStringLiteral("--format"), format, QStringLiteral("--out"),
                           m_dir.filePath(file), QStringLiteral("--providers"),
                           m_dir.filePath(QStringLiteral("none.yaml")), QStringLiteral("--json")});
        };
        // A --providers file that does not exist is an error, not a silent guess.
        QCOMPARE(exportAs(QStringLiteral("litellm"), QStringLiteral("a.yaml")).exitCode, 1);
        QFile providers(m_dir.filePath(QStringLiteral("none.yaml")));
        QVERIFY(providers.open(QIODevice::WriteOnly));
        providers.write("providers:\n  - name: openai\n    kind: openai\n    models: [x]\n");
        providers.close();

        const CliRun yaml = exportAs(QStringLiteral("yaml"), QStringLiteral("cheap.yaml"));
        QCOMPARE(yaml.exitCode, 0);
        QCOMPARE(jsonOf(yaml).value("written").toString(), m_dir.filePath("cheap.yaml"));
        QFile policyFile(m_dir.filePath(QStringLiteral("cheap.yaml")));
        QVERIFY(policyFile.open(QIODevice::ReadOnly));
        QVERIFY(policyFile.readAll().startsWith("apiVersion: switchyard/v1\n"));

        const CliRun litellm = exportAs(QStringLiteral("litellm"), QStringLiteral("litellm.yaml"));
        QCOMPARE(litellm.exitCode, 0);
        const QJsonArray warnings = jsonOf(litellm).value("warnings").toArray();
        QVERIFY(warnings.size() >= 3); // two models of unknown provider, the router
        QFile config(m_dir.filePath(QStringLiteral("litellm.yaml")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray text = config.readAll();
        QVERIFY(text.contains("model_name: small"));
        QVERIFY(text.contains("fallbacks:"));

        const CliRun bedrock = exportAs(QStringLiteral("bedrock-router"), QStringLiteral("b.json"));
        QCOMPARE(bedrock.exitCode, 1);
        QVERIFY2(bedrock.err.contains("Bedrock models only"), bedrock.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("b.json"))));
        QCOMPARE(exportAs(QStringLiteral("helm"), QStringLiteral("h.yaml")).exitCode, 2);
    }

    // New prompts through a saved policy, from stdin or a file: a decision per prompt with the
    // replay engine's reason, and the share per tier.
    void routeDecidesNewPrompts() {
        QCOMPARE(savePolicy(QStringLiteral("complexity"), QStringLiteral("0.1"),
                            QStringLiteral("by-complexity")),
                 0);
        const QByteArray prompts =
            "{\"id\": \"easy\", \"prompt\": \"hi\"}\n"
            "{\"id\": \"hard\", \"prompt\": \"Explain step by step why the proof holds, "
            "then compare it with the integral approach.\"}\n"
            "not a prompt\n";
        const QStringList arguments{
            QStringLiteral("route"),    QStringLiteral("--workspace"),   m_workspace,
            QStringLiteral("--policy"), QStringLiteral("by-complexity"), QStringLiteral("--json")};
        const CliRun piped = runCliWithInput(arguments, prompts);
        QVERIFY2(piped.exitCode == 0, piped.err.constData());
        QVERIFY2(piped.err.contains("stdin:3:"), piped.err.constData()); // reported, not routed
        const QJsonObject json = jsonOf(piped);
        QCOMPARE(json.value("routed").toInt(), 2);
        QCOMPARE(json.value("rejected").toInt(), 1);
        const QJsonArray decisions = json.value("decisions").toArray();
        QCOMPARE(decisions.size(), 2);
        QCOMPARE(decisions[0].toObject().value("id").toString(), QStringLiteral("easy"));
        QCOMPARE(decisions[0].toObject().value("tier").toInt(), 0);
        QCOMPARE(decisions[0].toObject().value("model").toString(), QStringLiteral("gpt-4o-mini"));
        QVERIFY(decisions[0].toObject().value("reason").toString().startsWith("score 0.0"));
        QCOMPARE(decisions[1].toObject().value("model").toString(), QStringLiteral("gpt-4o"));
        QCOMPARE(json.value("tier_share").toObject().value("gpt-4o").toDouble(), 0.5);

        const QString file = m_dir.filePath(QStringLiteral("new.jsonl"));
        writeFile(file, prompts);
        const CliRun fromFile = runCli(QStringList(arguments) << QStringLiteral("--input") << file);
        QCOMPARE(fromFile.exitCode, 0);
        QCOMPARE(jsonOf(fromFile).value("decisions"), json.value("decisions"));
    }

    // The CI gate holds each workload (prompts tagged with its name) to its floor and budgets,
    // and fails naming the workload and by how much.
    void gateHoldsWorkloadsToTheirLimits() {
        // q1, q2 are the support workload, q3, q4 search; the four results as fourPrompts().
        QByteArray tagged = fourPrompts();
        tagged.replace("\"q1\", \"prompt\"", "\"q1\", \"tags\": [\"support\"], \"prompt\"");
        tagged.replace("\"q2\", \"prompt\"", "\"q2\", \"tags\": [\"support\"], \"prompt\"");
        tagged.replace("\"q3\", \"prompt\"", "\"q3\", \"tags\": [\"workload:search\"], \"prompt\"");
        tagged.replace("\"q4\", \"prompt\"", "\"q4\", \"tags\": [\"workload:search\"], \"prompt\"");
        const QString results = m_dir.filePath(QStringLiteral("tagged.jsonl"));
        writeFile(results, tagged);
        QCOMPARE(runCli({QStringLiteral("import-results"), results, QStringLiteral("--set"),
                         QStringLiteral("four"), QStringLiteral("--workspace"), m_workspace})
                     .exitCode,
                 0);
        // Every request to gpt-4o-mini: quality 0.5 and $250 per 1,000 in both workloads.
        const QString file = m_dir.filePath(QStringLiteral("governed.yaml"));
        QCOMPARE(
            runCli({QStringLiteral("policy"), QStringLiteral("--workspace"), m_workspace,
                    QStringLiteral("--router"), QStringLiteral("random"),
                    QStringLiteral("--models"), QStringLiteral("gpt-4o-mini,gpt-4o"),
                    QStringLiteral("--threshold"), QStringLiteral("1"), QStringLiteral("--save"),
                    QStringLiteral("cheap"), QStringLiteral("--out"), file})
                .exitCode,
            0);
        QFile yaml(file);
        QVERIFY(yaml.open(QIODevice::Append));
        yaml.write("governance: {workloads: {support: {quality_floor: 0.4, budget_per_1k_usd: "
                   "300}, search: {quality_floor: 0.6, budget_usd_month: 200, requests_month: "
                   "1000}, billing: {quality_floor: 0.1}, legal: {budget_usd_month: 5}}}\n");
        yaml.close();
        const CliRun gate =
            runCli({QStringLiteral("gate"), QStringLiteral("--workspace"), m_workspace,
                    QStringLiteral("--policy"), file, QStringLiteral("--json")});
        QCOMPARE(gate.exitCode, 1);
        const QJsonObject json = jsonOf(gate);
        QCOMPARE(json.value("passed").toBool(), false);
        QCOMPARE(json.value("quality").toDouble(), 0.5);
        QCOMPARE(json.value("floor").toDouble(), 0.6);
        QCOMPARE(json.value("cost_per_1k_usd").toDouble(), 250.0);
        const QJsonObject workloads = json.value("workloads").toObject();
        QCOMPARE(workloads.value("support").toObject().value("passed").toBool(), true);
        QCOMPARE(workloads.value("support").toObject().value("requests").toInt(), 2);
        QCOMPARE(workloads.value("search").toObject().value("projected_month_usd").toDouble(),
                 250.0);
        QStringList failures;
        for (const QJsonValue& failure : json.value("failures").toArray())
            failures << failure.toObject().value("workload").toString() + QLatin1Char('/') +
                            failure.toObject().value("metric").toString();
        QCOMPARE(
            failures,
            (QStringList{QStringLiteral("billing/requests"), QStringLiteral("legal/requests"),
                         QStringLiteral("search/quality"), QStringLiteral("search/month_usd")}));
        // The text names the workload and by how much.
        const CliRun text = runCli({QStringLiteral("gate"), QStringLiteral("--workspace"),
                                    m_workspace, QStringLiteral("--policy"), file});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("quality 0.500 is below its floor 0.600 by 0.100"),
                 text.out.constData());
        QVERIFY(text.out.contains("over its budget $200.00 by $50.00"));
        // A policy without governance cannot gate anything.
        const CliRun ungoverned =
            runCli({QStringLiteral("gate"), QStringLiteral("--workspace"), m_workspace,
                    QStringLiteral("--policy"), QStringLiteral("cheap")});
        QCOMPARE(ungoverned.exitCode, 1);
        QVERIFY(ungoverned.err.contains("governance.workloads"));
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
