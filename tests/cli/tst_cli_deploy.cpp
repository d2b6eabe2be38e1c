// The commands that take a policy to production, as a CI pipeline runs them: export (the policy
// YAML and gateway configurations), route (new prompts through a policy) and gate (workloads held
// to their limits), and savings (what the policy saves, lever by lever).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "cli_routing_fixture.h"

using namespace cli_routing_test;

class TestCliDeploy : public QObject, protected RoutingWorkspace {
    Q_OBJECT

private slots:
    // A fresh workspace for every test function.
    void init() { next(); }

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

    // A learned router's policy file carries its trained model: export writes both, route
    // decides with them outside the workspace, and a model file changed after export is refused.
    void learnedPolicyTravelsWithItsModel() {
        QCOMPARE(importFour().exitCode, 0);
        const CliRun saved = runCli(
            {QStringLiteral("policy"), QStringLiteral("--workspace"), m_workspace,
             QStringLiteral("--router"), QStringLiteral("learned"), QStringLiteral("--models"),
             QStringLiteral("gpt-4o-mini,gpt-4o"), QStringLiteral("--threshold"),
             QStringLiteral("0.5"), QStringLiteral("--params"), QStringLiteral("folds=2"),
             QStringLiteral("--save"), QStringLiteral("smart")});
        QVERIFY2(saved.exitCode == 0, saved.err.constData());
        const QString yamlPath = m_dir.filePath(QStringLiteral("smart.yaml"));
        const CliRun exported = runCli(
            {QStringLiteral("export"), QStringLiteral("--workspace"), m_workspace,
             QStringLiteral("--policy"), QStringLiteral("smart"), QStringLiteral("--format"),
             QStringLiteral("yaml"), QStringLiteral("--out"), yamlPath, QStringLiteral("--json")});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const QString modelPath = m_dir.filePath(QStringLiteral("smart.router"));
        QCOMPARE(jsonOf(exported).value("model_file").toString(), modelPath);
        QVERIFY(QFile::exists(modelPath));

        const QByteArray prompts = "{\"id\": \"a\", \"prompt\": \"hi\"}\n";
        const auto route = [&](const QString& policy) {
            return runCliWithInput({QStringLiteral("route"), QStringLiteral("--workspace"),
                                    m_workspace, QStringLiteral("--policy"), policy,
                                    QStringLiteral("--json")},
                                   prompts);
        };
        const CliRun routed = route(yamlPath);
        QVERIFY2(routed.exitCode == 0, routed.err.constData());
        const QJsonObject decision = jsonOf(routed).value("decisions").toArray().at(0).toObject();
        QVERIFY(decision.value("reason").toString().startsWith(QStringLiteral("score ")));
        // The workspace's copy names no model file: it is retrained there, not routed with.
        const CliRun byName = route(QStringLiteral("smart"));
        QCOMPARE(byName.exitCode, 1);
        QVERIFY2(byName.err.contains("model_file"), byName.err.constData());

        QFile model(modelPath);
        QVERIFY(model.open(QIODevice::ReadWrite));
        QByteArray bytes = model.readAll();
        bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 1);
        QVERIFY(model.seek(0));
        model.write(bytes);
        model.close();
        const CliRun altered = route(yamlPath);
        QCOMPARE(altered.exitCode, 1);
        QVERIFY2(altered.err.contains("altered after export"), altered.err.constData());
    }

    // A prompt set out as batch input and its results back, through the command line: the
    // contract's keys, bad arguments as exit 2, and nothing imported as exit 1.
    void batchRoundTripThroughTheCommandLine() {
        QCOMPARE(importFour().exitCode, 0);
        const QString input = m_dir.filePath(QStringLiteral("in.jsonl"));
        const QStringList exportArgs{QStringLiteral("export"),
                                     QStringLiteral("--workspace"),
                                     m_workspace,
                                     QStringLiteral("--format"),
                                     QStringLiteral("openai-batch"),
                                     QStringLiteral("--out"),
                                     input,
                                     QStringLiteral("--set"),
                                     QStringLiteral("four"),
                                     QStringLiteral("--json")};
        QCOMPARE(runCli(exportArgs).exitCode, 2); // neither --policy nor --models
        const CliRun exported =
            runCli(QStringList(exportArgs)
                   << QStringLiteral("--models") << QStringLiteral("openai/gpt-4o-mini"));
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const QJsonObject json = jsonOf(exported);
        QCOMPARE(json.value("written").toString(), input);
        QCOMPARE(json.value("records").toInt(), 4);
        const int runId = json.value("run_id").toInt();
        QVERIFY(runId > 0);

        QFile requests(input);
        QVERIFY(requests.open(QIODevice::ReadOnly));
        QByteArray results;
        for (const QByteArray& line : requests.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            const QString id = QJsonDocument::fromJson(line).object().value("custom_id").toString();
            results += QStringLiteral("{\"custom_id\": \"%1\", \"response\": {\"status_code\": "
                                      "200, \"body\": {\"choices\": [{\"message\": {\"role\": "
                                      "\"assistant\", \"content\": \"ok\"}, \"finish_reason\": "
                                      "\"stop\"}], \"usage\": {\"prompt_tokens\": 10, "
                                      "\"completion_tokens\": 2}}}}\n")
                           .arg(id)
                           .toUtf8();
        }
        const QString output = m_dir.filePath(QStringLiteral("out.jsonl"));
        writeFile(output, results + "{\"custom_id\": \"elsewhere\", \"error\": {}}\n");
        const CliRun imported =
            runCli({QStringLiteral("import-batch-results"), output, QStringLiteral("--workspace"),
                    m_workspace, QStringLiteral("--json")});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QJsonObject filled = jsonOf(imported);
        QCOMPARE(filled.value("run_id").toInt(), runId);
        QCOMPARE(filled.value("results").toInt(), 4);
        QCOMPARE(filled.value("failed").toInt(), 0);
        const QJsonArray unmatched = filled.value("unmatched").toArray();
        QCOMPARE(unmatched.size(), 1);
        QCOMPARE(unmatched[0].toObject().value("line").toInt(), 5);
        QVERIFY(filled.value("cost_usd").toDouble() > 0.0);

        const QString stray = m_dir.filePath(QStringLiteral("stray.jsonl"));
        writeFile(stray, "{\"custom_id\": \"elsewhere\", \"error\": {}}\n");
        QCOMPARE(runCli({QStringLiteral("import-batch-results"), stray,
                         QStringLiteral("--workspace"), m_workspace})
                     .exitCode,
                 1);
    }

    // A teacher's answers as a fine-tuning dataset through the command line.
    void distillExportsTheTeachersAnswers() {
        const CliRun imported = importFour();
        QCOMPARE(imported.exitCode, 0);
        const QString runId = QString::number(jsonOf(imported).value("run_id").toInt());
        const QString out = m_dir.filePath(QStringLiteral("ft.jsonl"));
        const QStringList arguments{QStringLiteral("export"),
                                    QStringLiteral("--workspace"),
                                    m_workspace,
                                    QStringLiteral("--format"),
                                    QStringLiteral("distill"),
                                    QStringLiteral("--out"),
                                    out,
                                    QStringLiteral("--teacher"),
                                    QStringLiteral("gpt-4o"),
                                    QStringLiteral("--run"),
                                    runId,
                                    QStringLiteral("--json")};
        const CliRun exported = runCli(QStringList(arguments)
                                       << QStringLiteral("--target") << QStringLiteral("openai"));
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const QJsonObject json = jsonOf(exported);
        QCOMPARE(json.value("written").toString(), out);
        QCOMPARE(json.value("examples").toInt(), 4);
        QCOMPARE(json.value("warnings").toArray().size(), 1); // fewer than OpenAI's ten
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject first = QJsonDocument::fromJson(file.readLine()).object();
        QCOMPARE(first.value("messages").toArray().last().toObject().value("content").toString(),
                 QStringLiteral("b"));
        QCOMPARE(
            runCli(QStringList(arguments) << QStringLiteral("--target") << QStringLiteral("vertex"))
                .exitCode,
            2);
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

    // The savings of a policy, lever by lever: routing every request to gpt-4o-mini takes the
    // baseline's $8 to $1; the levers add up to the total; bad assumptions are bad arguments.
    void savingsStacksTheLevers() {
        QCOMPARE(savePolicy(QStringLiteral("random"), QStringLiteral("1"), QStringLiteral("cheap")),
                 0);
        const auto savings = [&](QStringList extra) {
            return runCli(QStringList{QStringLiteral("savings"), QStringLiteral("--workspace"),
                                      m_workspace, QStringLiteral("--policy"),
                                      QStringLiteral("cheap")} +
                          extra);
        };
        const CliRun run = savings(
            {QStringLiteral("--requests-month"), QStringLiteral("4000"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject out = jsonOf(run);
        QCOMPARE(out[QStringLiteral("requests")].toInt(), 4);
        QCOMPARE(out[QStringLiteral("baseline_usd")].toDouble(), 8.0);
        QCOMPARE(out[QStringLiteral("final_usd")].toDouble(), 1.0);
        QCOMPARE(out[QStringLiteral("savings_pct")].toDouble(), 87.5);
        QCOMPARE(out[QStringLiteral("month_final_usd")].toDouble(), 1000.0);
        QCOMPARE(out[QStringLiteral("requests_month_source")].toString(),
                 QStringLiteral("assumption"));
        const QJsonArray steps = out[QStringLiteral("steps")].toArray();
        QCOMPARE(steps.size(), 4);
        QStringList levers;
        double saved = 0.0;
        for (const QJsonValue& step : steps) {
            levers << step[QStringLiteral("lever")].toString();
            saved += step[QStringLiteral("saving_usd")].toDouble();
        }
        QCOMPARE(levers, (QStringList{QStringLiteral("routing"), QStringLiteral("caching"),
                                      QStringLiteral("batch"), QStringLiteral("student")}));
        QCOMPARE(saved, 7.0);
        QVERIFY(steps[1][QStringLiteral("note")].toString().contains("no caching section"));
        // gpt-4o-mini passes two of the four gpt-4o passes three of.
        QCOMPARE(out[QStringLiteral("quality")].toDouble(), 0.5);
        QCOMPARE(out[QStringLiteral("baseline_quality")].toDouble(), 0.75);
        QCOMPARE(out[QStringLiteral("paired")][QStringLiteral("n")].toInt(), 4);
        QVERIFY(out[QStringLiteral("chr")].isNull());
        QCOMPARE(out[QStringLiteral("projection")].toArray().size(), 21);
        QVERIFY(out[QStringLiteral("break_even")].isNull());

        // $730 a month for gpt-4o-mini against $0.25 a request: 2,920 requests.
        const CliRun provisioned =
            savings({QStringLiteral("--provisioned-model"), QStringLiteral("gpt-4o-mini"),
                     QStringLiteral("--provisioned-hourly"), QStringLiteral("1"),
                     QStringLiteral("--provisioned-source"), QStringLiteral("quote"),
                     QStringLiteral("--requests-month"), QStringLiteral("10000"),
                     QStringLiteral("--json")});
        QCOMPARE(provisioned.exitCode, 0);
        const QJsonObject breakEven = jsonOf(provisioned)[QStringLiteral("break_even")].toObject();
        QCOMPARE(breakEven[QStringLiteral("kind")].toString(), QStringLiteral("crossing"));
        QVERIFY(qAbs(breakEven[QStringLiteral("requests_month")].toDouble() - 2920.0) < 1e-6);
        QCOMPARE(breakEven[QStringLiteral("source")].toString(), QStringLiteral("quote"));

        const CliRun text = savings({});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("87.5 % saved"), text.out.constData());
        QCOMPARE(savings({QStringLiteral("--requests-month"), QStringLiteral("-3")}).exitCode, 2);
        QCOMPARE(savings({QStringLiteral("--provisioned-hourly"), QStringLiteral("2")}).exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliDeploy)
#include "tst_cli_deploy.moc"
