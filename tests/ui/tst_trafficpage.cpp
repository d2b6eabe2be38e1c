// The Traffic page: a week of production logs imported from a folder shows the figures
// switchyard-cli traffic prints for the same workspace, with its anomalies.
#include "charts/exportablechartview.h"
#include "cli_runner.h"
#include "demoworkspace.h"
#include "mainwindow.h"
#include "pages/trafficpage.h"
#include "pages/trafficwhatif.h"
#include "screenshots.h"
#include "uiformat.h"
#include "widgets/statcard.h"
#include "workspacecontroller.h"

#include <QAbstractSeries>
#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

struct Workload {
    const char* name;
    const char* team;
    const char* model;
    int perDay;
    int inputTokens;
    int cachedTokens;
    int outputTokens;
};

// The support bot's instructions: about 1,800 tokens, the part its logs show read from cache.
const std::string& supportSystem() {
    static const std::string text = [] {
        std::string out;
        for (int clause = 0; clause < 200; ++clause)
            out += "Clause " + std::to_string(clause) + ": answer refunds within thirty days. ";
        return out;
    }();
    return text;
}

json record(const std::string& id, int64_t ms, const Workload& workload, int turns,
            const std::string& opening) {
    json messages = json::array();
    for (int t = 0; t < turns; ++t)
        messages.push_back(
            {{"role", t % 2 ? "assistant" : "user"},
             {"content", json::array({{{"text", t ? "step " + std::to_string(t) : opening}}})}});
    json body = {{"messages", messages}};
    if (workload.cachedTokens > 0)
        body["system"] = json::array({{{"text", supportSystem()}}});
    return {{"schemaType", "ModelInvocationLog"},
            {"schemaVersion", "1.0"},
            {"timestamp",
             QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toStdString()},
            {"accountId", "111122223333"},
            {"identity", {{"arn", "arn:aws:sts::111122223333:assumed-role/App/s"}}},
            {"region", "us-east-1"},
            {"requestId", id},
            {"operation", "Converse"},
            {"modelId", workload.model},
            {"input",
             {{"inputBodyJson", body},
              {"inputTokenCount", workload.inputTokens - workload.cachedTokens},
              {"cacheReadInputTokenCount", workload.cachedTokens}}},
            {"output",
             {{"outputBodyJson",
               {{"output",
                 {{"message",
                   {{"role", "assistant"}, {"content", json::array({{{"text", "ok"}}})}}}}}}},
              {"outputTokenCount", workload.outputTokens}}},
            {"requestMetadata", {{"workload", workload.name}, {"team", workload.team}}}};
}

// A week of three workloads, one file per day as S3 delivers them; on the sixth day the legal
// workload's traffic quadruples, and an agent loops on one conversation.
void writeWeek(const QString& folder) {
    const Workload workloads[] = {
        {"support", "customer-care",
         "arn:aws:bedrock:us-east-1:111122223333:inference-profile/"
         "us.anthropic.claude-3-5-haiku-20241022-v1:0",
         60, 2400, 1800, 220},
        {"search", "platform", "amazon.nova-micro-v1:0", 90, 600, 0, 80},
        {"legal", "legal-ops", "anthropic.claude-3-5-sonnet-20241022-v2:0", 25, 6000, 0, 700},
    };
    const int64_t monday = 1796601600000; // 2026-12-07T00:00:00Z
    for (int day = 0; day < 7; ++day) {
        const QString dayFolder =
            folder + QStringLiteral("/2026/12/%1").arg(7 + day, 2, 10, QChar('0'));
        QVERIFY(QDir().mkpath(dayFolder));
        QFile file(dayFolder + QStringLiteral("/invocations.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (const Workload& workload : workloads) {
            const int count = std::string(workload.name) == "legal" && day == 5
                                  ? workload.perDay * 4
                                  : workload.perDay;
            for (int i = 0; i < count; ++i) {
                const int64_t at = monday + day * 86400000LL + 8 * 3600000LL + i * 97000LL;
                const std::string id = std::string(workload.name) + "-" + std::to_string(day) +
                                       "-" + std::to_string(i);
                file.write(QByteArray::fromStdString(
                    record(id, at, workload, 1, "question " + id).dump() + "\n"));
            }
        }
        if (day == 5)
            for (int i = 0; i < 30; ++i)
                file.write(QByteArray::fromStdString(
                    record("agent-" + std::to_string(i),
                           monday + day * 86400000LL + 15 * 3600000LL + i * 8000LL, workloads[0],
                           i + 1, "Reconcile the ledger")
                        .dump() +
                    "\n"));
    }
}

} // namespace

class TestTrafficPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importedWeekMatchesTheCommandLine() {
        QString error;
        QVERIFY2(demoworkspace::ensure(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        QVERIFY(QFile::copy(demoworkspace::path(), path));
        const QString logs = dir.filePath(QStringLiteral("AWSLogs"));
        writeWeek(logs);

        WorkspaceController workspace;
        QVERIFY(workspace.open(path, &error));
        MainWindow window(&workspace);
        window.resize(1600, 1000);
        TrafficPage* page = window.trafficPage();
        window.showPage(window.pageCount() - 1);
        QSignalSpy imported(page, &TrafficPage::imported);
        QSignalSpy computed(page, &TrafficPage::computed);
        page->importLogs({logs});
        QVERIFY(imported.wait(60000));
        QVERIFY(imported.first().first().toBool());
        QVERIFY2(page->importSummary()->text().contains(QStringLiteral("1,330 request")),
                 qPrintable(page->importSummary()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(page->outcome().has_value(), 30000);
        QCOMPARE(page->setPicker()->currentText(), QStringLiteral("traffic"));

        const QJsonObject cli = cliJson({"traffic", "--workspace", path, "--json"});
        const auto& board = page->outcome()->dashboard;
        QCOMPARE(board.requests, cli["requests"].toInteger());
        QCOMPARE(board.costUsd, cli["cost_usd"].toDouble());
        QCOMPARE(board.chr(), cli["chr"].toDouble());
        QCOMPARE(int(board.anomalies.size()), int(cli["anomalies"].toArray().size()));
        QCOMPARE(cli["bucket"].toString(), QStringLiteral("day"));
        QCOMPARE(page->findChildren<StatCard*>().first()->value(),
                 uiformat::money(cli["cost_usd"].toDouble()));
        QCOMPARE(page->workloadsTable()->rowCount(), int(cli["workloads"].toArray().size()));
        QCOMPARE(page->workloadsTable()->item(0, 0)->text(),
                 cli["workloads"].toArray()[0].toObject()["workload"].toString());

        // The rules found the legal jump and the agent's loop.
        QStringList kinds;
        for (int row = 0; row < page->anomaliesTable()->rowCount(); ++row)
            kinds << page->anomaliesTable()->item(row, 1)->text() + QLatin1Char('/') +
                         page->anomaliesTable()->item(row, 2)->text();
        QVERIFY2(kinds.contains(QStringLiteral("Spend jump/legal")), qPrintable(kinds.join(", ")));
        QVERIFY2(kinds.contains(QStringLiteral("Runaway loop/support")),
                 qPrintable(kinds.join(", ")));
        saveScreenshot(&window, QStringLiteral("traffic"));
        page->breakdownPicker()->setCurrentIndex(1);
        saveScreenshot(&window, QStringLiteral("traffic-workloads"));
        // Spend by any key of the requests' metadata: here the team.
        const int byTeam = page->breakdownPicker()->findData(QStringLiteral("tag:team"));
        QVERIFY(byTeam > 1);
        page->breakdownPicker()->setCurrentIndex(byTeam);
        QCOMPARE(page->timelineView()->chart()->title(), QStringLiteral("Spend over time by team"));
        QStringList teams;
        for (QAbstractSeries* series : page->timelineView()->chart()->series())
            teams << series->name();
        QCOMPARE(teams, (QStringList{"legal-ops", "customer-care", "platform"}));
        saveScreenshot(&window, QStringLiteral("traffic-teams"));

        // The what-ifs show the operation's figures: caching on the support model, and a policy
        // that keeps legal on Sonnet and sends the rest to Nova Micro.
        TrafficWhatIfPanel* whatIf = page->whatIf();
        whatIf->modelPicker()->setCurrentText(
            QStringLiteral("us.anthropic.claude-3-5-haiku-20241022-v1:0"));
        QSignalSpy simulated(whatIf, &TrafficWhatIfPanel::cacheSimulated);
        whatIf->simulateCaching();
        QVERIFY(simulated.wait(30000));
        QVERIFY(simulated.first().first().toBool());
        QVERIFY2(whatIf->cacheResult()->text().contains(QStringLiteral("achieved")),
                 qPrintable(whatIf->cacheResult()->text()));
        QFile policy(dir.filePath(QStringLiteral("split.yaml")));
        QVERIFY(policy.open(QIODevice::WriteOnly));
        policy.write("apiVersion: switchyard/v1\nkind: RoutingPolicy\nmetadata: {name: split}\n"
                     "tiers:\n  - {name: small, model: amazon.nova-micro-v1:0}\n"
                     "  - {name: large, model: anthropic.claude-3-5-sonnet-20241022-v2:0}\n"
                     "router:\n  kind: rules\n  params:\n    default_tier: small\n"
                     "    rules:\n      - {tag: 'workload:legal', tier: large}\n");
        policy.close();
        whatIf->setPolicies({policy.fileName()});
        QSignalSpy applied(whatIf, &TrafficWhatIfPanel::policyApplied);
        whatIf->applyPolicy();
        QVERIFY(applied.wait(30000));
        QVERIFY(applied.first().first().toBool());
        const QJsonObject routed = cliJson({"traffic", "--workspace", path, "--policy",
                                            policy.fileName(), "--json"})["routing_what_if"]
                                       .toObject();
        QVERIFY2(whatIf->routingResult()->text().contains(
                     uiformat::money(routed["cost_routed_usd"].toDouble())),
                 qPrintable(whatIf->routingResult()->text()));
        QVERIFY2(whatIf->routingResult()->text().contains(
                     uiformat::money(routed["sample_cost_usd"].toDouble())),
                 qPrintable(whatIf->routingResult()->text()));
        saveScreenshot(&window, QStringLiteral("traffic-what-if"));
        QSignalSpy saved(whatIf, &TrafficWhatIfPanel::sampleSaved);
        whatIf->saveSample();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.first().at(1).toString(), QStringLiteral("traffic sample"));

        // Importing the same folder again adds nothing and says so.
        imported.clear();
        page->importLogs({logs});
        QVERIFY(imported.wait(60000));
        QVERIFY2(page->importSummary()->text().contains(QStringLiteral("1,330 already imported")),
                 qPrintable(page->importSummary()->text()));
    }
};

QTEST_MAIN(TestTrafficPage)
#include "tst_trafficpage.moc"
