// The Compare page offscreen on RouteLLM's real GSM8K answers (Mixtral 8x7B and GPT-4, 1,319
// questions): the verdict the page shows is compareRun's, each filter keeps the rows it
// promises, sorting and search work at the matrix model, a selected cell reads in full, the
// matrix exports as CSV, and a second run compares against the first. With
// SWITCHYARD_SCREENSHOT_DIR set it saves compare.png.
#include "comparecontroller.h"
#include "judgedialog.h"
#include "mainwindow.h"
#include "modaldriver.h"
#include "models/comparematrixmodel.h"
#include "models/comparisonsummarymodel.h"
#include "models/promptsetsmodel.h"
#include "pages/comparepage.h"
#include "pages/promptsetspage.h"
#include "test_server.h"
#include "workbench/compare_ops.h"
#include "workbench/eval_ops.h"
#include "workbench/import_ops.h"
#include "workspacecontroller.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace switchyard;

namespace {
const std::string kMixtral = "mistralai/Mixtral-8x7B-Instruct-v0.1";
const std::string kGpt4 = "gpt-4-1106-preview";
const QString kResults = QStringLiteral(SWITCHYARD_SHARED_DATA_DIR "/gsm8k-routellm.results.jsonl");
} // namespace

class TestComparePage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<switchyard::testing::TestServer> m_server;
    WorkspaceController* m_controller = nullptr;
    MainWindow* m_window = nullptr;
    ComparePage* m_page = nullptr;
    int64_t m_runId = 0;

    int64_t importGsm8k(Workspace& workspace, const std::string& runName) {
        ResultsImportOptions options;
        options.setName = "GSM8K (RouteLLM)";
        options.runName = runName;
        auto imported = workbench::importResults(workspace, kResults.toStdString(), options);
        if (!imported)
            qFatal("%s", imported.error().toString().c_str());
        return imported->report.runId;
    }

    bool waitLoaded() {
        QElapsedTimer clock;
        clock.start();
        while ((m_page->compareController()->busy() || !m_page->view()) && clock.elapsed() < 60000)
            QTest::qWait(10);
        QTest::qWait(50); // the verdicts' re-judging, if any
        return m_page->view() != nullptr && !m_page->compareController()->busy();
    }

    workbench::CompareOutcome direct(std::optional<int64_t> baselineRun = std::nullopt) {
        workbench::CompareRequest request;
        request.runId = m_runId;
        request.baselineRunId = baselineRun;
        auto outcome = workbench::compareRun(*m_controller->workspace(), request);
        if (!outcome)
            qFatal("%s", outcome.error().toString().c_str());
        return *outcome;
    }

private slots:
    void initTestCase() {
        // RouteLLM's answers are read from ../shared/data, beside the repository (CI has them
        // there); they are not part of the repository.
        if (!QFile::exists(kResults))
            QSKIP("shared/data is not beside the repository");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(
            QStringLiteral("SwitchyardCompareTest-%1").arg(QCoreApplication::applicationPid()));
        QSettings().clear();
        // The judge: the local provider test server, whose verdict depends on the answer
        // judged (a "####" final answer scores 9, anything else 3). Keys from the environment.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_dir.filePath("no-bus").toUtf8());
        qputenv("COMPARE_TEST_OPENAI_KEY", "sk-compare-test-key");
        switchyard::testing::TestServerOptions options;
        options.openAiKey = "sk-compare-test-key";
        options.stallMs = 0;
        options.record = false;
        options.answerFor = [](const std::string& body) {
            const auto answer = body.find("<answer>");
            return body.find("####", answer) != std::string::npos
                       ? std::string("{\"score\": 9, \"reason\": \"Shows its result.\"}")
                       : std::string("{\"score\": 3, \"reason\": \"No final answer.\"}");
        };
        m_server = std::make_unique<switchyard::testing::TestServer>(options);
        QVERIFY(m_server->start());
        const QString providers = m_dir.filePath(QStringLiteral("providers.yaml"));
        QFile file(providers);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("providers:\n  - name: openai\n    kind: openai\n"
                                  "    base_url: %1/v1\n    api_key_env: COMPARE_TEST_OPENAI_KEY\n"
                                  "    models: [gpt-4o-mini]\n    concurrency: 16\n")
                       .arg(QString::fromStdString(m_server->baseUrl()))
                       .toUtf8());
        file.close();
        qputenv("SWITCHYARD_PROVIDERS", providers.toUtf8());
        const QString path = m_dir.filePath(QStringLiteral("gsm8k.sqlite"));
        {
            auto workspace = Workspace::open(path.toStdString());
            QVERIFY(workspace);
            m_runId = importGsm8k(**workspace, "GSM8K answers");
        }
        m_controller = new WorkspaceController(this);
        m_window = new MainWindow(m_controller);
        m_window->resize(1600, 1000);
        m_window->show();
        m_page = m_window->comparePage();
        QVERIFY(m_window->openWorkspace(path));
        m_window->showPage(m_window->pageIndexOf(m_page));
        QVERIFY(waitLoaded());
        new QAbstractItemModelTester(m_page->matrixModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    }

    void cleanupTestCase() {
        delete m_window;
        QFile::remove(QSettings().fileName());
    }

    // The page's figures are compareRun's: the same verdict the command line prints.
    void theVerdictIsTheCoreComparison() {
        const ComparisonView* view = m_page->view();
        QCOMPARE(view->matrix->rowCount(), size_t{1319});
        QCOMPARE(view->matrix->columnCount(), size_t{2});
        const workbench::CompareOutcome expected = direct();
        const workbench::CompareOutcome& shown = m_page->summaryModel()->outcome();
        QCOMPARE(shown.baseline, kGpt4);
        QCOMPARE(shown.pairwise.at(kMixtral).paired.n, int64_t{1319});
        QCOMPARE(shown.pairwise.at(kMixtral).paired.deltaMean,
                 expected.pairwise.at(kMixtral).paired.deltaMean);
        QCOMPARE(shown.pairwise.at(kMixtral).paired.ci95,
                 expected.pairwise.at(kMixtral).paired.ci95);
        QVERIFY2(m_page->verdictText().contains(QStringLiteral("worse by 21.8 points")),
                 qPrintable(m_page->verdictText()));
        QCOMPARE(m_page->summaryModel()->rowCount(), 2);
    }

    void filtersKeepWhatTheyPromise() {
        const workbench::PairwiseVerdict verdict = direct().pairwise.at(kMixtral);
        CompareMatrixModel* model = m_page->matrixModel();
        QCOMPARE(model->rowCount(), 1319);
        // Disagreeing: the discordant pairs of McNemar's test.
        m_page->disagreeFilter()->setChecked(true);
        QCOMPARE(int64_t{model->rowCount()},
                 verdict.paired.baselineOnly + verdict.paired.candidateOnly);
        m_page->disagreeFilter()->setChecked(false);
        // Mixtral is the cheaper: where it fails and GPT-4 passes.
        m_page->cheapestFailsFilter()->setChecked(true);
        QCOMPARE(int64_t{model->rowCount()}, verdict.paired.baselineOnly);
        m_page->cheapestFailsFilter()->setChecked(false);
        m_page->errorsFilter()->setChecked(true);
        QCOMPARE(model->rowCount(), 0); // no failed calls in this file
        m_page->errorsFilter()->setChecked(false);
        QCOMPARE(model->rowCount(), 1319);
    }

    void searchReachesPromptsAndAnswers() {
        m_page->searchBox()->setText(QStringLiteral("Janet’s ducks"));
        QTRY_COMPARE(m_page->matrixModel()->rowCount(), 1);
        const QModelIndex first = m_page->matrixModel()->index(0, 0);
        QVERIFY(first.data().toString().startsWith(QStringLiteral("gsm8k-0")));
        m_page->searchBox()->clear();
        QTRY_COMPARE(m_page->matrixModel()->rowCount(), 1319);
    }

    void sortingByACellColumnPutsPassesFirst() {
        CompareMatrixModel* model = m_page->matrixModel();
        const int mixtral = 1 + static_cast<int>(*m_page->view()->matrix->columnOfLabel(kMixtral));
        m_page->matrixView()->sortByColumn(mixtral, Qt::DescendingOrder);
        QCOMPARE(model->index(0, mixtral).data(CompareMatrixModel::SortRole).toDouble(), 1.0);
        QCOMPARE(model->index(1318, mixtral).data(CompareMatrixModel::SortRole).toDouble(), 0.0);
        m_page->matrixView()->sortByColumn(0, Qt::AscendingOrder);
        QVERIFY(model->index(0, 0).data().toString().startsWith(QStringLiteral("gsm8k-0\n")));
    }

    void aSelectedCellReadsBesideItsBaseline() {
        const int mixtral = 1 + static_cast<int>(*m_page->view()->matrix->columnOfLabel(kMixtral));
        m_page->matrixView()->setCurrentIndex(m_page->matrixModel()->index(0, mixtral));
        QTRY_VERIFY(m_page->detailView()->toPlainText().contains(QString::fromStdString(kGpt4)));
        const QString text = m_page->detailView()->toPlainText();
        QVERIFY(text.contains(QString::fromStdString(kMixtral)));
        QVERIFY(text.contains(QStringLiteral("Janet")));
        QVERIFY(text.contains(QStringLiteral("imported"))); // the file's scores, by name
    }

    void theMatrixExportsAsCsv() {
        m_page->cheapestFailsFilter()->setChecked(true);
        const int shown = m_page->matrixModel()->rowCount();
        const QString path = m_dir.filePath(QStringLiteral("matrix.csv"));
        m_page->exportCsv(path);
        QTRY_VERIFY(QFile::exists(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("prompt_id,ordinal,tags,"));
        // One row per prompt shown: each starts a line with its id.
        QCOMPARE(csv.count("\ngsm8k-"), qsizetype{shown});
        m_page->cheapestFailsFilter()->setChecked(false);
    }

    void aSecondRunComparesAgainstTheFirst() {
        {
            auto workspace = Workspace::open(m_controller->path().toStdString());
            QVERIFY(workspace);
            importGsm8k(**workspace, "GSM8K answers again");
        }
        // Another connection wrote it: the page hears of it as any other writer's run.
        QTRY_COMPARE_WITH_TIMEOUT(m_page->runPicker()->count(), 2, 10000);
        QComboBox* runs = m_page->runPicker();
        runs->setCurrentIndex(runs->findData(QVariant::fromValue<qlonglong>(m_runId)));
        emit runs->activated(runs->currentIndex());
        QComboBox* against = m_page->baselineRunPicker();
        QCOMPARE(against->count(), 2); // none, and the other run
        against->setCurrentIndex(1);
        emit against->activated(1);
        QTRY_COMPARE(m_page->view()->matrix->columnCount(), size_t{4});
        QVERIFY(waitLoaded());
        const auto& pairwise = m_page->summaryModel()->outcome().pairwise;
        QCOMPARE(pairwise.size(), size_t{2});
        QCOMPARE(pairwise.at(kMixtral).paired.deltaMean, 0.0); // the same answers
        QVERIFY(m_page->verdictText().contains(QStringLiteral("not measurably different")));
        against->setCurrentIndex(0);
        emit against->activated(0);
        QTRY_COMPARE(m_page->view()->matrix->columnCount(), size_t{2});
        QVERIFY(waitLoaded());
    }

    // The Prompt Sets page marks a set golden through the same operation as the command line;
    // a set without expected answers (RouteLLM's file has none) is refused with the reason.
    void aSetBecomesGoldenFromThePromptSetsPage() {
        {
            auto workspace = Workspace::open(m_controller->path().toStdString());
            QVERIFY(workspace);
            const int64_t setId = *(*workspace)->createPromptSet("arithmetic", "test");
            std::vector<Prompt> prompts;
            for (int i = 1; i <= 3; ++i) {
                Prompt prompt;
                prompt.id = "a" + std::to_string(i);
                prompt.messages = {{"user", {{std::to_string(i) + " + 1?", false, ""}}}};
                prompt.expected = std::to_string(i + 1);
                prompts.push_back(std::move(prompt));
            }
            QVERIFY((*workspace)->appendPrompts(setId, prompts, "arithmetic.jsonl"));
        }
        PromptSetsPage* sets = m_window->promptSetsPage();
        m_window->showPage(m_window->pageIndexOf(sets));
        const auto rowOf = [sets](const std::string& name) {
            const auto* model = static_cast<PromptSetsModel*>(sets->setsView()->model());
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->rowAt(row)->name == name)
                    return row;
            return -1;
        };
        QTRY_VERIFY(rowOf("arithmetic") >= 0);
        QSignalSpy messages(sets, &PromptSetsPage::statusMessage);
        sets->setsView()->selectRow(rowOf("GSM8K (RouteLLM)"));
        sets->toggleGolden();
        QTRY_COMPARE(messages.size(), 1);
        QVERIFY(messages.takeFirst().first().toString().contains(
            QStringLiteral("has no expected answer")));

        sets->setsView()->selectRow(rowOf("arithmetic"));
        sets->toggleGolden();
        QTRY_COMPARE(messages.size(), 1);
        QVERIFY2(messages.first().first().toString().contains(QStringLiteral("version 1")),
                 qPrintable(messages.first().first().toString()));
        QTRY_VERIFY(sets->goldenButton()->isChecked());
        QCOMPARE(sets->goldenButton()->text(), QStringLiteral("Golden (marked v1)"));
        m_window->showPage(m_window->pageIndexOf(m_page));
    }

    void screenshot() {
        const int mixtral = 1 + static_cast<int>(*m_page->view()->matrix->columnOfLabel(kMixtral));
        m_page->cheapestFailsFilter()->setChecked(true);
        m_page->matrixView()->setCurrentIndex(m_page->matrixModel()->index(0, mixtral));
        QTRY_VERIFY(!m_page->detailView()->toPlainText().isEmpty());
        const QString dir = qEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QCoreApplication::processEvents();
            QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("compare.png"))));
        }
    }

    // Judging from the page: the dialog, the estimate asked about, the calls through the
    // runner, then the comparison reloaded with the judge's scores, the same as compareRun's.
    void judgingFromThePage() {
        // What the modals showed, checked once they are closed (a failed check inside one would
        // leave it open).
        QString judge;
        QString question;
        modaldriver::whenModalOpens([&judge, &question](QWidget* modal) {
            auto* dialog = qobject_cast<JudgeDialog*>(modal);
            if (!dialog) {
                modal->close();
                return;
            }
            judge = dialog->judge();
            modaldriver::whenModalOpens([&question](QWidget* asked) {
                if (auto* box = qobject_cast<QMessageBox*>(asked)) {
                    question = box->text();
                    box->button(QMessageBox::Yes)->click();
                } else {
                    asked->close();
                }
            });
            dialog->accept();
        });
        m_page->chooseAndJudge();
        QCOMPARE(judge, QStringLiteral("openai/gpt-4o-mini"));
        QTRY_VERIFY_WITH_TIMEOUT(!question.isEmpty(), 30000);
        QVERIFY2(question.contains(QStringLiteral("Send 2,638 calls")), qPrintable(question));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->summaryModel()->outcome().scorer ==
                                         "judge:openai/gpt-4o-mini@1" &&
                                     !m_page->compareController()->busy(),
                                 120000);
        QVERIFY(waitLoaded());
        workbench::CompareRequest request;
        request.runId = m_runId;
        request.scorer = "judge:openai/gpt-4o-mini@1";
        auto expected = workbench::compareRun(*m_controller->workspace(), request);
        QVERIFY(expected);
        const auto& shown = m_page->summaryModel()->outcome();
        for (const auto& [model, figures] : expected->models) {
            QCOMPARE(shown.models.at(model).score.n, int64_t{1319});
            QCOMPARE(shown.models.at(model).score.mean, figures.score.mean);
        }
        // The judge gave 9 (0.889) to answers with a "####" final line and 3 (0.222) to the rest.
        std::map<std::string, std::pair<int, int>> finals; // model -> (with "####", all)
        QFile results(kResults);
        QVERIFY(results.open(QIODevice::ReadOnly));
        while (!results.atEnd()) {
            const QJsonObject record = QJsonDocument::fromJson(results.readLine()).object();
            auto& [with, all] = finals[record["model"].toString().toStdString()];
            with += record["output"].toString().contains(QStringLiteral("####")) ? 1 : 0;
            ++all;
        }
        for (const auto& [model, counts] : finals)
            QCOMPARE(shown.models.at(model).score.mean,
                     (counts.first * 8.0 + (counts.second - counts.first) * 2.0) / 9.0 /
                         counts.second);
    }
};

QTEST_MAIN(TestComparePage)
#include "tst_comparepage.moc"
