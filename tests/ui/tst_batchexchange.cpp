// Batch inference from the GUI: the Policies page writes the batch input switchyard-cli export
// writes (request for request, only the run in the record ids differs), and the window reads a
// job's results back into the run the export created, as import-batch-results does.
#include "batchresultsimport.h"
#include "cli_runner.h"
#include "demoworkspace.h"
#include "mainwindow.h"
#include "pages/policypage.h"
#include "uiformat.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

namespace {

QJsonArray requestsOf(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value("requests").toArray();
}

// The requests without their ids: what each asks of which model.
QJsonArray withoutIds(QJsonArray requests) {
    for (qsizetype i = 0; i < requests.size(); ++i) {
        QJsonObject request = requests[i].toObject();
        request.remove(QStringLiteral("custom_id"));
        requests[i] = request;
    }
    return requests;
}

// What Anthropic's batch results say for each request: an answer of 1,000 tokens in, 100 out.
QByteArray resultsFor(const QJsonArray& requests) {
    QByteArray out;
    for (const QJsonValue& request : requests) {
        const QJsonObject message{
            {"id", "msg"},
            {"type", "message"},
            {"role", "assistant"},
            {"content", QJsonArray{QJsonObject{{"type", "text"}, {"text", "ok"}}}},
            {"stop_reason", "end_turn"},
            {"usage", QJsonObject{{"input_tokens", 1000}, {"output_tokens", 100}}}};
        const QJsonObject line{
            {"custom_id", request.toObject().value("custom_id")},
            {"result", QJsonObject{{"type", "succeeded"}, {"message", message}}}};
        out += QJsonDocument(line).toJson(QJsonDocument::Compact) + "\n";
    }
    return out;
}

} // namespace

class TestBatchExchange : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pageAndCommandLineAgree() {
        QString error;
        QVERIFY2(demoworkspace::ensure(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        QVERIFY(QFile::copy(demoworkspace::path(), path));
        const QJsonObject saved = cliJson(
            {"policy", "--workspace", path, "--router", "complexity", "--models",
             "bedrock/amazon.nova-micro-v1:0,bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0",
             "--threshold", "0.3", "--save", "two-tier", "--json"});
        QCOMPARE(saved["name"].toString(), QStringLiteral("two-tier"));

        WorkspaceController workspace;
        QVERIFY(workspace.open(path, &error));
        MainWindow window(&workspace);
        PolicyPage* page = window.policyPage();
        page->reload();
        QTRY_VERIFY(page->policyList()->count() > 0);
        page->formatPicker()->setCurrentIndex(
            page->formatPicker()->findData(QStringLiteral("anthropic-batch")));
        QVERIFY(page->preview()->toPlainText().contains(QStringLiteral("awaiting its results")));
        QSignalSpy exported(page, &PolicyPage::exported);
        const QString fromPage = dir.filePath(QStringLiteral("page.json"));
        page->exportTo(fromPage);
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.first().first().toString(), fromPage);

        const QString fromCli = dir.filePath(QStringLiteral("cli.json"));
        const QJsonObject written =
            cliJson({"export", "--workspace", path, "--policy", "two-tier", "--format",
                     "anthropic-batch", "--out", fromCli, "--json"});
        QCOMPARE(written["written"].toString(), fromCli);
        const QJsonArray pageRequests = requestsOf(fromPage);
        const QJsonArray cliRequests = requestsOf(fromCli);
        QCOMPARE(pageRequests.size(), written["records"].toInteger());
        QVERIFY(pageRequests.size() > 300);
        QCOMPARE(withoutIds(pageRequests), withoutIds(cliRequests));

        // The results of each export back into its own run: the same figures both ways.
        const QString pageResults = dir.filePath(QStringLiteral("page.out.jsonl"));
        const QString cliResults = dir.filePath(QStringLiteral("cli.out.jsonl"));
        for (const auto& [file, requests] :
             {std::pair{pageResults, pageRequests}, std::pair{cliResults, cliRequests}}) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(resultsFor(requests));
        }
        QSignalSpy finished(window.batchResultsImport(), &BatchResultsImport::finished);
        window.importBatchResults({pageResults});
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().at(0).toBool());
        const QString summary = finished.first().at(1).toString();
        QVERIFY(finished.first().at(2).toStringList().isEmpty());
        const QJsonObject imported =
            cliJson({"import-batch-results", "--workspace", path, cliResults, "--json"});
        QCOMPARE(imported["results"].toInteger(), pageRequests.size());
        QVERIFY2(summary.startsWith(QStringLiteral("%1 batch result").arg(pageRequests.size())),
                 qPrintable(summary));
        QVERIFY2(summary.contains(uiformat::money(imported["cost_usd"].toDouble())),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("(complete)")), qPrintable(summary));
    }
};

QTEST_MAIN(TestBatchExchange)
#include "tst_batchexchange.moc"
