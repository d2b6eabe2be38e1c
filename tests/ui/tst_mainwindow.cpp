// The main window on the demo workspace, offscreen: pages, numbers a user sees, import, price
// edits. With SWITCHYARD_SCREENSHOT_DIR set it also saves a 1600x1000 screenshot of each page.
#include "demoworkspace.h"
#include "mainwindow.h"
#include "models/cataloguemodel.h"
#include "pages/governancegateview.h"
#include "pages/policypage.h"
#include "pages/pricingpage.h"
#include "pages/promptsetspage.h"
#include "screenshots.h"
#include "widgets/statcard.h"
#include "workbench/routing_ops.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

namespace {

// The prompt table reads its rows on a worker: the cell's text once its chunk is in.
QString cellText(QAbstractItemModel* model, int row, int column) {
    const QModelIndex index = model->index(row, column);
    if (!QTest::qWaitFor([&]() { return model->index(row, 0).data().isValid(); }, 5000))
        return {}; // never read: the caller's check fails
    return index.data().toString();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("SwitchyardTest"));
        QSettings().clear();
        QFile::remove(demoworkspace::path());
    }

    void opensOnDemoWorkspace() {
        WorkspaceController controller;
        MainWindow window(&controller);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(window.openDemoWorkspace());
        QVERIFY(QFile::exists(demoworkspace::path()));
        QVERIFY(controller.isDemo());
        QVERIFY2(window.statusText().contains(QStringLiteral("demo workspace")),
                 qPrintable(window.statusText()));
        // The demo carries seeded recorded results, flagged as synthetic wherever shown.
        const auto runs = controller.workspace()->runs();
        QCOMPARE(runs.size(), size_t{1});
        QVERIFY(runs[0].synthetic);
        QVERIFY(controller.workspace()->resultCount(runs[0].id) >= 4 * 300);
        QVERIFY(window.statusText().contains(QStringLiteral("synthetic demo data")));

        auto* page = window.promptSetsPage();
        QCOMPARE(page->setsView()->model()->rowCount(), 1);
        QTRY_VERIFY(page->promptsView()->model()->rowCount() > 0);
        const int prompts = page->promptsView()->model()->rowCount();
        QVERIFY2(prompts >= 300, qPrintable(QString::number(prompts)));
        QVERIFY(
            window.statusText().contains(QLocale().toString(prompts) + QStringLiteral(" prompts")));

        // A support conversation shows its long system prompt's cache checkpoint.
        auto* promptsModel = page->promptsView()->model();
        int supportRow = -1;
        for (int row = 0; row < promptsModel->rowCount() && supportRow < 0; ++row)
            if (cellText(promptsModel, row, 1).startsWith(QStringLiteral("sup-")))
                supportRow = row;
        QVERIFY(supportRow >= 0);
        page->promptsView()->setCurrentIndex(promptsModel->index(supportRow, 0));
        QTRY_VERIFY(page->detailView()->toPlainText().contains(QStringLiteral("cache checkpoint")));
        saveScreenshot(&window, QStringLiteral("prompt-sets"));

        // Search narrows the table to matching prompts.
        auto* search = page->findChild<QLineEdit*>();
        QVERIFY(search);
        QSignalSpy searched(promptsModel, SIGNAL(searchFinished(int)));
        search->setText(QStringLiteral("sup-"));
        QVERIFY(searched.wait(10000));
        const int matches = promptsModel->rowCount();
        QVERIFY(matches > 0 && matches < prompts);
        for (int row = 0; row < matches; ++row)
            QVERIFY(cellText(promptsModel, row, 1).contains(QStringLiteral("sup-")) ||
                    cellText(promptsModel, row, 2)
                        .contains(QStringLiteral("sup-"), Qt::CaseInsensitive) ||
                    cellText(promptsModel, row, 5).contains(QStringLiteral("sup-")));
        search->clear();
        QTRY_COMPARE(promptsModel->rowCount(), prompts);

        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.pageCount() > 10);
        for (int i = 0; i < 10; ++i) {
            // Ctrl+1..9, then Ctrl+0 for the tenth page; the pages after it have no shortcut.
            QTest::keyClick(&window, i < 9 ? Qt::Key(Qt::Key_1 + i) : Qt::Key_0,
                            Qt::ControlModifier);
            QCOMPARE(window.findChild<QStackedWidget*>()->currentIndex(), i);
        }
        window.showPage(1);
        saveScreenshot(&window, QStringLiteral("pricing"));

        // A policy saved from the demo's recorded results, previewed as a gateway's configuration.
        switchyard::workbench::RouterChoice choice;
        choice.name = "support triage";
        choice.kind = "complexity";
        // The demo's cheapest model and a premium one (its classifier model labels only).
        choice.models = {"bedrock/amazon.nova-micro-v1:0",
                         "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0"};
        choice.thresholds = {0.3};
        auto configured = switchyard::workbench::configureRouter(choice);
        QVERIFY(configured.ok());
        switchyard::GovernanceSection governance;
        governance.premiumTiers = {"large"};
        governance.approvedBy = "finops-lead";
        governance.workloads["classification"] = {0.9, std::nullopt, "", 0.5, std::nullopt};
        governance.workloads["extraction"] = {0.6, 300.0, "", std::nullopt, 20000};
        configured->governance = governance;
        auto saved = switchyard::workbench::savePolicy(
            *configured, {controller.path().toStdString(), std::nullopt, {}}, std::nullopt, false,
            std::nullopt);
        QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().toString().c_str());
        PolicyPage* policies = window.policyPage();
        window.showPage(window.findChild<QStackedWidget*>()->indexOf(policies));
        QTRY_VERIFY(policies->policyList()->count() > 0);
        policies->formatPicker()->setCurrentIndex(
            policies->formatPicker()->findData(QStringLiteral("litellm")));
        QVERIFY(policies->preview()->toPlainText().contains(QStringLiteral("model_list:")));
        QVERIFY(policies->warningList()->count() > 0);
        // Its governance gate, as switchyard-cli gate would run it in CI.
        QSignalSpy gated(policies->gateView(), &GovernanceGateView::gated);
        policies->gateView()->runGate();
        QVERIFY(gated.wait(30000));
        QCOMPARE(policies->gateView()->table()->rowCount(), 2);
        saveScreenshot(&window, QStringLiteral("policies"));
    }

    void importsFilesAndReportsBadLines() {
        QTemporaryDir dir;
        WorkspaceController controller;
        MainWindow window(&controller);
        QVERIFY(window.openWorkspace(dir.filePath(QStringLiteral("w.sqlite"))));
        const QString file = dir.filePath(QStringLiteral("tickets.jsonl"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\"id\": \"t1\", \"prompt\": \"Where is my order?\"}\n"
                  "{\"id\": \"t2\", \"prompt\": \n"
                  "{\"id\": \"t3\", \"prompt\": \"Cancel my plan\", \"tags\": [\"billing\"]}\n");
        out.close();

        QSignalSpy finished(&controller, &WorkspaceController::importFinished);
        window.promptSetsPage()->importFiles({file});
        QVERIFY(finished.wait(10000));
        auto* page = window.promptSetsPage();
        QCOMPARE(page->setsView()->model()->rowCount(), 1);
        QTRY_COMPARE(page->promptsView()->model()->rowCount(), 2);
        auto* rejections = page->rejectionsView()->model();
        QTRY_COMPARE(rejections->rowCount(), 1); // the set summary arrives from a worker
        QCOMPARE(rejections->index(0, 0).data().toString(), QStringLiteral("tickets.jsonl"));
        QCOMPARE(rejections->index(0, 1).data().toLongLong(), 2LL);
        QVERIFY(window.statusText().contains(QStringLiteral("2 prompts")));
    }

    void cancelledImportKeepsWhatWasCommitted() {
        QTemporaryDir dir;
        WorkspaceController controller;
        MainWindow window(&controller);
        QVERIFY(window.openWorkspace(dir.filePath(QStringLiteral("w.sqlite"))));
        const QString file = dir.filePath(QStringLiteral("big.jsonl"));
        constexpr int kLines = 300000;
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            for (int i = 0; i < kLines; ++i)
                out.write(QStringLiteral("{\"id\": \"q%1\", \"prompt\": \"Question %1\"}\n")
                              .arg(i)
                              .toUtf8());
        }
        // Cancel as soon as the first batch reports progress.
        connect(&controller, &WorkspaceController::importProgress, &controller,
                &WorkspaceController::cancelImport);
        QSignalSpy finished(&controller, &WorkspaceController::importFinished);
        window.promptSetsPage()->importFiles({file});
        QVERIFY(finished.wait(60000));
        const auto result = finished.first().first().value<ImportJobResult>();
        QVERIFY(result.cancelled);
        QCOMPARE(result.reports.size(), size_t{1});
        const auto& report = result.reports.front();
        QVERIFY(report.accepted > 0);
        QVERIFY2(report.accepted < kLines, qPrintable(QString::number(report.accepted)));
        // Every prompt the report counts is in the workspace, and nothing else.
        QCOMPARE(controller.workspace()->promptCount(report.setId), report.accepted);
    }

    void editsPricesAsWorkspaceOverrides() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        QString modelId;
        {
            WorkspaceController controller;
            MainWindow window(&controller);
            window.resize(1600, 1000);
            window.show();
            QVERIFY(window.openWorkspace(path));
            window.showPage(1);
            auto* pricing = window.pricingPage();
            auto* table = pricing->table();
            QVERIFY(table->model()->rowCount() > 30);

            pricing->searchBox()->setText(QStringLiteral("gpt-4o-mini"));
            QVERIFY(table->model()->rowCount() >= 1);
            const QModelIndex input = table->model()->index(0, CatalogueModel::Input);
            modelId = table->model()->index(0, CatalogueModel::Model).data().toString();
            QSignalSpy applied(&controller, &WorkspaceController::priceChangeFinished);
            QVERIFY(table->model()->setData(input, QStringLiteral("0.2")));
            QVERIFY(applied.wait(10000));
            QCOMPARE(controller.workspace()->priceOverrides().size(), size_t{1});
            QVERIFY2(pricing->message().contains(QStringLiteral("No recorded cost changed")),
                     qPrintable(pricing->message()));
            QVERIFY(controller.catalogue().overriddenIds.count(modelId.toStdString()));
            const auto* edited = controller.catalogue().catalogue.findId(modelId.toStdString());
            QVERIFY(edited);
            QCOMPARE(edited->inputUsdPerMTok, 0.2);
            // A negative or non-numeric price is refused, and nothing is stored.
            QVERIFY(!table->model()->setData(table->model()->index(0, CatalogueModel::Output),
                                             QStringLiteral("-1")));
            QVERIFY(!table->model()->setData(table->model()->index(0, CatalogueModel::Output),
                                             QStringLiteral("cheap")));
        }
        // The edit lives in the workspace file.
        WorkspaceController controller;
        QString error;
        QVERIFY(controller.open(path, &error));
        const auto* reopened = controller.catalogue().catalogue.findId(modelId.toStdString());
        QVERIFY(reopened);
        QCOMPARE(reopened->inputUsdPerMTok, 0.2);
        QSignalSpy reverted(&controller, &WorkspaceController::priceChangeFinished);
        QVERIFY(controller.revertPrice(modelId));
        QVERIFY(reverted.wait(10000));
        QVERIFY(!reverted.first().first().value<PriceChangeResult>().error);
        QCOMPARE(controller.catalogue().catalogue.findId(modelId.toStdString())->inputUsdPerMTok,
                 controller.bundledCatalogue().findId(modelId.toStdString())->inputUsdPerMTok);
    }

    void importsLiteLlmPricesIntoTheWorkspace() {
        const QString litellm =
            QStringLiteral(SWITCHYARD_SHARED_DATA_DIR "/litellm-model-prices.json");
        if (!QFile::exists(litellm))
            QSKIP("shared/data is not beside the repository");
        QTemporaryDir dir;
        WorkspaceController controller;
        MainWindow window(&controller);
        QVERIFY(window.openWorkspace(dir.filePath(QStringLiteral("w.sqlite"))));
        const size_t bundled = controller.catalogue().catalogue.models().size();
        QSignalSpy imported(&controller, &WorkspaceController::priceChangeFinished);
        window.pricingPage()->importLiteLlmFile(litellm);
        QVERIFY(imported.wait(60000));
        const size_t merged = controller.catalogue().catalogue.models().size();
        QVERIFY2(merged > bundled + 2000, qPrintable(QString::number(merged)));
        // New models and the bundled ones LiteLLM re-prices are all stored as overrides.
        const size_t overrides = controller.workspace()->priceOverrides().size();
        QVERIFY2(overrides > merged - bundled && overrides <= merged,
                 qPrintable(QString::number(overrides)));
        // Flagged entries (no usable price) are listed, never priced at $0.
        auto* issues = window.pricingPage()->findChildren<QTableView*>().last();
        QVERIFY(issues->model()->rowCount() > 100);
        for (const auto& price : controller.catalogue().catalogue.models())
            QVERIFY2(price.freeOfCharge ||
                         (price.inputUsdPerMTok > 0 && price.outputUsdPerMTok > 0),
                     price.id.c_str());
    }

    void refusesForeignWorkspaceAndKeepsCurrent() {
        QTemporaryDir dir;
        WorkspaceController controller;
        MainWindow window(&controller);
        const QString good = dir.filePath(QStringLiteral("good.sqlite"));
        QVERIFY(window.openWorkspace(good));
        const QString bad = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a workspace");
        file.close();
        QVERIFY(!window.openWorkspace(bad, /*quiet=*/true));
        QCOMPARE(controller.path(), good);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
