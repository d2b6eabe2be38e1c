// The Runs page, offscreen, against the local provider test server: a temporary workspace with
// a small prompt set, a providers.yaml in a temporary folder ($SWITCHYARD_PROVIDERS) pointing an
// openai-kind and an anthropic-kind provider at the server. Estimate, confirm, run to the end,
// failures grouped by class, cancel midway and resume, retry failed, close while running, and
// every model of the page under QAbstractItemModelTester.
#include "mainwindow.h"
#include "models/runerrorsmodel.h"
#include "models/runestimatemodel.h"
#include "models/runprogressmodel.h"
#include "models/runsmodel.h"
#include "pages/promptvariantpicker.h"
#include "pages/providerspage.h"
#include "pages/runcontrols.h"
#include "pages/runspage.h"
#include "providerscontroller.h"
#include "store/run_lease.h"
#include "store/workspace.h"
#include "test_server.h"
#include "uiformat.h"
#include "workspacecontroller.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>
#include <set>

using namespace switchyard;
using switchyard::testing::Fault;
using switchyard::testing::TestServer;

namespace {

constexpr int kPrompts = 12;
const char* kOpenAiKey = "sk-RUNS-PAGE-openai-1f2e3d";
const char* kAnthropicKey = "sk-ant-RUNS-PAGE-4c5b6a";
const char* kWrongKey = "sk-RUNS-PAGE-WRONG-9z8y7x";
const QString kMini = QStringLiteral("openai/gpt-4o-mini");
const QString kHaiku = QStringLiteral("anthropic/claude-haiku-4-5");
const QString kWrong = QStringLiteral("wrong-key/gpt-4o");

} // namespace

class TestRunsPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    WorkspaceController* m_workspace = nullptr;
    MainWindow* m_window = nullptr;
    RunsPage* m_page = nullptr;
    int64_t m_setId = 0;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    void checkModels(const QStringList& refs) {
        QListWidget* list = m_page->controls()->modelList();
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(refs.contains(list->item(i)->text()) ? Qt::Checked
                                                                              : Qt::Unchecked);
    }

    // Starts what the controls describe (or `start` does), checks the confirmation names the
    // costs, accepts it, and waits for the run's end. Returns the outcome.
    RunOutcome runToEnd(const std::function<void()>& start, QString* confirmation = nullptr) {
        QSignalSpy finished(m_page->runsController(), &RunsController::finished);
        start();
        [&]() { QTRY_VERIFY_WITH_TIMEOUT(m_page->confirmation(), 30000); }();
        QMessageBox* box = m_page->confirmation();
        if (!box)
            return {};
        if (confirmation)
            *confirmation = box->text() + QLatin1Char('\n') + box->informativeText();
        box->button(QMessageBox::Yes)->click();
        [&]() { QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000); }();
        return finished.isEmpty() ? RunOutcome{} : finished.first().first().value<RunOutcome>();
    }

    int64_t results(int64_t runId) { return m_workspace->workspace()->resultCount(runId); }

    // Starts a new run of two models on a slow server and returns its id once answers arrive.
    int64_t startSlowRun(int maxTokens) {
        checkModels({kMini, kHaiku});
        m_page->controls()->maxTokensBox()->setValue(maxTokens); // a new run
        m_server->reset();
        m_server->failAlways(Fault::Stall);
        QSignalSpy progress(m_page->runsController(), &RunsController::progress);
        m_page->startRun();
        [&]() { QTRY_VERIFY_WITH_TIMEOUT(m_page->confirmation(), 30000); }();
        if (!m_page->confirmation())
            return 0;
        m_page->confirmation()->button(QMessageBox::Yes)->click();
        const auto answered = [this]() {
            return m_page->progressModel()->rowCount() == 2 &&
                   m_page->progressModel()->rowAt(0)->ok >= 1;
        };
        [&]() { QTRY_VERIFY_WITH_TIMEOUT(answered(), 30000); }();
        if (!answered() || !m_page->runsController()->running())
            return 0;
        return progress.last().first().value<RunProgress>().runId;
    }

    // Every text the page shows: labels, table cells and their tooltips.
    QString pageText() {
        QString text;
        for (QLabel* label : m_page->findChildren<QLabel*>())
            text += label->text() + QLatin1Char('\n');
        for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*>{
                 m_page->progressModel(), m_page->errorsModel(), m_page->runsModel()})
            for (int r = 0; r < model->rowCount(); ++r)
                for (int c = 0; c < model->columnCount(); ++c)
                    text += model->index(r, c).data().toString() +
                            model->index(r, c).data(Qt::ToolTipRole).toString();
        return text;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("SwitchyardRunsTest"));
        QSettings().clear();
        // No session bus: the keychain is unavailable by design, keys come from the environment.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_dir.filePath("no-bus").toUtf8());
        qputenv("RUNS_TEST_OPENAI_KEY", kOpenAiKey);
        qputenv("RUNS_TEST_ANTHROPIC_KEY", kAnthropicKey);
        qputenv("RUNS_TEST_WRONG_KEY", kWrongKey);

        switchyard::testing::TestServerOptions options;
        options.openAiKey = kOpenAiKey;
        options.anthropicKey = kAnthropicKey;
        options.stallMs = 150; // "Stall" here is a slow provider: every answer 150 ms late
        m_server = std::make_unique<TestServer>(options);
        QVERIFY(m_server->start());
        const QString base = QString::fromStdString(m_server->baseUrl());
        const QString providers = m_dir.filePath(QStringLiteral("providers.yaml"));
        QFile file(providers);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("providers:\n"
                                  "  - name: openai\n    kind: openai\n    base_url: %1/v1\n"
                                  "    api_key_env: RUNS_TEST_OPENAI_KEY\n"
                                  "    models: [gpt-4o-mini]\n    max_attempts: 1\n"
                                  "  - name: anthropic\n    kind: anthropic\n    base_url: %1\n"
                                  "    api_key_env: RUNS_TEST_ANTHROPIC_KEY\n"
                                  "    models: [claude-haiku-4-5]\n    max_attempts: 1\n"
                                  "  - name: wrong-key\n    kind: openai\n    base_url: %1/v1\n"
                                  "    api_key_env: RUNS_TEST_WRONG_KEY\n"
                                  "    models: [gpt-4o]\n    max_attempts: 1\n")
                       .arg(base)
                       .toUtf8());
        file.close();
        qputenv("SWITCHYARD_PROVIDERS", providers.toUtf8());

        m_workspace = new WorkspaceController(this);
        m_window = new MainWindow(m_workspace);
        m_window->resize(1600, 1000);
        m_window->show();
        m_page = m_window->runsPage();
        QVERIFY(m_page);
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            m_page->progressModel(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            m_page->estimateModel(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            m_page->errorsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            m_page->runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest));

        QVERIFY(m_window->openWorkspace(m_dir.filePath(QStringLiteral("runs.sqlite"))));
        Workspace* workspace = m_workspace->workspace();
        auto set = workspace->createPromptSet("support questions", "test");
        QVERIFY(set.ok());
        m_setId = *set;
        std::vector<Prompt> prompts;
        for (int i = 0; i < kPrompts; ++i) {
            Prompt prompt;
            prompt.id = "q" + std::to_string(i);
            prompt.system = {{"Answer in one sentence.", false, ""}};
            prompt.messages = {
                {"user",
                 {{"Question " + std::to_string(i) + ": how do I reset my password?", false, ""}}}};
            prompts.push_back(std::move(prompt));
        }
        QVERIFY(workspace->appendPrompts(m_setId, prompts, "questions.jsonl").ok());
        m_workspace->notifyDataChanged();
        m_window->showPage(m_window->findChild<QStackedWidget*>()->indexOf(m_page));
        QVERIFY(m_page->isVisible());
        QCOMPARE(m_page->controls()->setPicker()->currentData().toLongLong(), m_setId);
    }

    void cleanupTestCase() {
        m_testers.clear();
        delete m_window;
    }

    void modelsComeFromTheProvidersFile() {
        QListWidget* list = m_page->controls()->modelList();
        QStringList refs;
        for (int i = 0; i < list->count(); ++i)
            refs << list->item(i)->text();
        QCOMPARE(refs, (QStringList{kMini, kHaiku, kWrong}));

        // Without a providers file the page says so and leads to the Providers page.
        ProvidersController* providers = m_window->providersPage()->providersController();
        const QString path = providers->path();
        providers->open(m_dir.filePath(QStringLiteral("missing.yaml")));
        QCOMPARE(list->count(), 0);
        QVERIFY(m_page->controls()->modelsProblem().contains(QStringLiteral("No providers file")));
        auto buttons = m_page->controls()->findChildren<QPushButton*>();
        auto open = std::find_if(buttons.begin(), buttons.end(), [](QPushButton* button) {
            return button->text().contains(QStringLiteral("Providers"));
        });
        QVERIFY(open != buttons.end() && (*open)->isVisibleTo(m_page));
        m_page->startRun();
        QVERIFY(m_page->message().contains(QStringLiteral("No providers file")));
        QVERIFY(!m_page->confirmation());
        (*open)->click();
        QCOMPARE(m_window->findChild<QStackedWidget*>()->currentWidget(),
                 static_cast<QWidget*>(m_window->providersPage()));
        providers->open(path);
        QCOMPARE(list->count(), 3);
        m_window->showPage(m_window->findChild<QStackedWidget*>()->indexOf(m_page));
    }

    void estimateShowsCallsPerModel() {
        checkModels({kMini, kHaiku});
        m_page->controls()->maxTokensBox()->setValue(200);
        m_page->estimate();
        QTRY_COMPARE_WITH_TIMEOUT(m_page->estimateModel()->rowCount(), 2, 30000);
        RunEstimateModel* model = m_page->estimateModel();
        // What the engine says for the same request, shown as the page formats it.
        const RunSettings settings = m_page->controls()->settings();
        auto direct = estimateRun(m_page->runsController()->request(settings));
        QVERIFY2(direct.ok(), direct ? "" : direct.error().toString().c_str());
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(model->index(row, RunEstimateModel::Model).data().toString(),
                     row == 0 ? kMini : kHaiku);
            QCOMPARE(model->index(row, RunEstimateModel::Calls).data().toString(),
                     QString::number(kPrompts));
            QCOMPARE(model->index(row, RunEstimateModel::MaxOutput).data().toString(),
                     uiformat::tokens(kPrompts * 200));
            QCOMPARE(model->index(row, RunEstimateModel::ExpectedCost).data().toString(),
                     uiformat::money(direct->models[static_cast<size_t>(row)].expectedCostUsd));
            QCOMPARE(model->index(row, RunEstimateModel::MaxCost).data().toString(),
                     uiformat::money(direct->models[static_cast<size_t>(row)].maxCostUsd));
        }
        QCOMPARE(m_server->requestCount(), int64_t{0}); // an estimate sends nothing
    }

    void runRecordsEveryAnswerWhileThePageStaysResponsive() {
        checkModels({kMini, kHaiku});
        m_server->reset();
        m_server->failAlways(Fault::Stall);
        // The GUI thread keeps its event loop: a timer ticks all through the run.
        int ticks = 0;
        QTimer timer;
        timer.setInterval(20);
        connect(&timer, &QTimer::timeout, this, [&ticks]() { ++ticks; });
        auto started = connect(m_page->runsController(), &RunsController::started, &timer,
                               qOverload<>(&QTimer::start));
        m_page->controls()->concurrencyCheck()->setChecked(true);
        m_page->controls()->concurrencyBox()->setValue(2); // 6 rounds of 150 ms per provider
        QString confirmation;
        const RunOutcome outcome = runToEnd([&]() { m_page->startRun(); }, &confirmation);
        timer.stop();
        disconnect(started);
        QCOMPARE(outcome.status, RunStatus::Complete);
        QVERIFY(confirmation.contains(QStringLiteral("Expected cost: $")));
        QVERIFY(confirmation.contains(QStringLiteral("Maximum cost: $")));
        QVERIFY(confirmation.contains(QStringLiteral("Budget cap: none")));
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));

        RunProgressModel* progress = m_page->progressModel();
        QCOMPARE(progress->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(progress->index(row, RunProgressModel::Ok).data().toString(),
                     QString::number(kPrompts));
            QCOMPARE(progress->index(row, RunProgressModel::Failed).data().toString(),
                     QStringLiteral("0"));
            QCOMPARE(progress->index(row, RunProgressModel::Progress).data().toString(),
                     QStringLiteral("100.0 %"));
        }
        QCOMPARE(results(outcome.runId), int64_t{2 * kPrompts});
        QCOMPARE(m_server->requestCount(), int64_t{2 * kPrompts});
        QVERIFY(m_page->message().contains(QStringLiteral("complete")));
        // Listed with the other runs, selected, complete.
        RunsModel* runs = m_page->runsModel();
        QTRY_VERIFY(runs->rowOfRun(outcome.runId) >= 0);
        QTRY_COMPARE(
            runs->index(runs->rowOfRun(outcome.runId), RunsModel::Status).data().toString(),
            QStringLiteral("complete"));
        QCOMPARE(runs->index(runs->rowOfRun(outcome.runId), RunsModel::Results).data().toString(),
                 QString::number(2 * kPrompts));
    }

    void authFailuresAreGroupedByClass() {
        // The same answers again come from the response cache; the wrong key fails as "auth".
        checkModels({kMini, kHaiku, kWrong});
        m_server->reset();
        const RunOutcome outcome = runToEnd([&]() { m_page->startRun(); });
        QCOMPARE(outcome.status, RunStatus::Complete);
        QCOMPARE(m_server->requestCount(), int64_t{kPrompts}); // only the wrong key's calls
        RunProgressModel* progress = m_page->progressModel();
        QCOMPARE(progress->index(0, RunProgressModel::Cached).data().toString(),
                 QString::number(kPrompts));
        QCOMPARE(progress->index(2, RunProgressModel::Failed).data().toString(),
                 QString::number(kPrompts));
        RunErrorsModel* errors = m_page->errorsModel();
        QTRY_COMPARE(errors->rowCount(), 1);
        QCOMPARE(errors->index(0, RunErrorsModel::Class).data().toString(), QStringLiteral("auth"));
        QCOMPARE(errors->resultsOf(QStringLiteral("auth")), int64_t{kPrompts});
        QCOMPARE(errors->index(0, RunErrorsModel::Models).data().toString(), kWrong);
        QVERIFY(errors->index(0, RunErrorsModel::Example)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Incorrect API key")));
        // The server repeats the wrong key in its message; the page never shows a key.
        QTRY_VERIFY(m_page->runsModel()->rowOfRun(outcome.runId) >= 0);
        const QString text = pageText();
        for (const char* key : {kOpenAiKey, kAnthropicKey, kWrongKey})
            QVERIFY2(!text.contains(QLatin1String(key)), key);
    }

    void selectedRunIsRetriedFailedOnly() {
        RunsModel* runs = m_page->runsModel();
        QTableView* view = m_page->pastRunsView();
        const int newest = 0; // the auth run: newest first
        QCOMPARE(runs->rowAt(newest)->failed, int64_t{kPrompts});
        const int64_t runId = runs->rowAt(newest)->info.id;
        checkModels({});
        view->setCurrentIndex(runs->index(newest + 1, 0));
        view->setCurrentIndex(runs->index(newest, 0));
        // Selecting it put its set, models and parameters back.
        QCOMPARE(m_page->controls()->settings().modelRefs,
                 (std::vector<std::string>{kMini.toStdString(), kHaiku.toStdString(),
                                           kWrong.toStdString()}));
        QCOMPARE(m_page->controls()->maxTokensBox()->value(), 200);
        qputenv("RUNS_TEST_WRONG_KEY", kOpenAiKey); // the key is fixed
        m_server->reset();
        QString confirmation;
        const RunOutcome outcome =
            runToEnd([&]() { m_page->retryFailedOfSelected(); }, &confirmation);
        QVERIFY2(confirmation.contains(QStringLiteral("Send %1 call").arg(kPrompts)),
                 qPrintable(confirmation));
        QCOMPARE(outcome.runId, runId);
        QCOMPARE(m_server->requestCount(), int64_t{kPrompts}); // exactly the failed pairs
        QCOMPARE(results(runId), int64_t{3 * kPrompts});
        QTRY_COMPARE(m_page->errorsModel()->rowCount(), 0);
        qputenv("RUNS_TEST_WRONG_KEY", kWrongKey);
        m_page->controls()->retryFailedCheck()->setChecked(false);
    }

    void cancelMidwayThenResumeSendsOnlyWhatIsMissing() {
        checkModels({kMini, kHaiku});
        m_page->controls()->freshSamplesCheck()->setChecked(true); // nothing from the cache
        m_page->controls()->concurrencyCheck()->setChecked(true);
        m_page->controls()->concurrencyBox()->setValue(1);
        m_server->reset();
        m_server->failAlways(Fault::Stall);
        // Cancel once a few answers are in, as a user watching the progress would.
        bool cancelling = false;
        auto watch =
            connect(m_page->runsController(), &RunsController::progress, this,
                    [&](const RunProgress& progress) {
                        if (!cancelling && !progress.models.empty() && progress.models[0].ok >= 2) {
                            cancelling = true;
                            m_page->cancelRun();
                        }
                    });
        const RunOutcome cancelled = runToEnd([&]() { m_page->startRun(); });
        disconnect(watch);
        QVERIFY(cancelling);
        QCOMPARE(cancelled.status, RunStatus::Cancelled);
        QVERIFY(m_page->message().contains(QStringLiteral("cancelled")));
        const int64_t kept = results(cancelled.runId);
        QVERIFY2(kept >= 2 && kept < 2 * kPrompts, qPrintable(QString::number(kept)));
        const auto runsBefore = m_workspace->workspace()->runs().size();
        auto buttons = m_page->findChildren<QPushButton*>();
        QVERIFY(std::any_of(buttons.begin(), buttons.end(), [](QPushButton* button) {
            return button->text() == QStringLiteral("Resume") && button->isVisible() &&
                   button->isEnabled();
        }));

        m_server->reset(); // counts from here; answers now come at once
        QString confirmation;
        const RunOutcome resumed = runToEnd([&]() { m_page->resumeRun(); }, &confirmation);
        QVERIFY2(confirmation.contains(QStringLiteral("Continues run %1").arg(cancelled.runId)),
                 qPrintable(confirmation));
        QCOMPARE(resumed.status, RunStatus::Complete);
        QCOMPARE(resumed.runId, cancelled.runId);
        QCOMPARE(m_server->requestCount(), 2 * kPrompts - kept);
        QCOMPARE(results(resumed.runId), int64_t{2 * kPrompts});
        QCOMPARE(m_workspace->workspace()->runs().size(), runsBefore);
        std::set<std::pair<int64_t, int64_t>> pairs;
        int64_t rows = 0;
        QVERIFY(m_workspace->workspace()
                    ->forEachRunPair(resumed.runId,
                                     [&](int64_t model, int64_t prompt, bool failed) {
                                         QVERIFY(!failed);
                                         pairs.emplace(model, prompt);
                                         ++rows;
                                     })
                    .ok());
        QCOMPARE(rows, int64_t{2 * kPrompts});
        QCOMPARE(pairs.size(), size_t{2 * kPrompts});
    }

    // A run that paid for its answers, with a provider whose key is wrong: the state runs.png
    // shows (README). Checks what the picture is meant to say.
    // A run executed by another process (a terminal, CI) shows up without reopening: running
    // while its runner holds the lease, filling up as it records, "interrupted" once the
    // runner is gone without finishing.
    void runsWrittenElsewhereAppear() {
        auto other = Workspace::open(m_workspace->path().toStdString());
        QVERIFY(other.ok());
        RunClaimRequest claim;
        claim.setId = m_setId;
        claim.paramsJson = R"({"models":["openai/gpt-4o-mini"],"elsewhere":true})";
        RunInfo info;
        info.name = "started in a terminal";
        info.setId = m_setId;
        info.kind = "provider";
        info.paramsJson = claim.paramsJson;
        claim.create = info;
        claim.lease = newRunLease();
        auto claimed = (*other)->claimRun(claim);
        QVERIFY(claimed.ok() && claimed->run);
        const int64_t runId = claimed->run->id;
        RunsModel* model = m_page->runsModel();
        const auto cell = [&](int column) {
            const int row = model->rowOfRun(runId);
            return row < 0 ? QString() : model->index(row, column).data().toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(cell(RunsModel::Status), QStringLiteral("running"), 10000);

        std::vector<ResultRecord> results(3);
        for (size_t i = 0; i < results.size(); ++i) {
            results[i].promptId = m_workspace->workspace()->promptIdPage(m_setId, 0, 10)[i].second;
            results[i].modelRef = "openai/gpt-4o-mini";
            results[i].output = "An answer.";
        }
        QVERIFY((*other)->recordRunResults(runId, results, {}, 0.0).ok());
        QTRY_COMPARE_WITH_TIMEOUT(cell(RunsModel::Results), QStringLiteral("3"), 10000);

        QVERIFY((*other)->releaseLease(runId, claim.lease.token).ok()); // as a killed runner
        QTRY_COMPARE_WITH_TIMEOUT(cell(RunsModel::Status), QStringLiteral("interrupted"), 10000);
    }

    // A model paired with a variant from a variants file gets its prompts through it; the run
    // lists it as "model+variant", and selecting the run puts the pairing back.
    void promptVariantPerModel() {
        PromptVariantPicker* picker = m_page->controls()->variantPicker();
        const QString path = m_dir.filePath(QStringLiteral("variants.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("variants:\n  - name: terse\n    system: Reply in five words.\n"
                   "    user: 'Ticket {{id}}: {{prompt}}'\n");
        file.close();
        QVERIFY(!picker->loadFile(m_dir.filePath(QStringLiteral("missing.yaml"))));
        QVERIFY(picker->sourceLabel()->text().contains(QStringLiteral("missing.yaml")));
        QVERIFY(picker->loadFile(path));
        checkModels({kMini, kHaiku});
        QTableWidget* table = picker->table();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), kMini);
        auto* box = qobject_cast<QComboBox*>(table->cellWidget(0, 1));
        QVERIFY(box);
        QCOMPARE(box->currentText(), QStringLiteral("As stored"));
        box->setCurrentIndex(box->findText(QStringLiteral("terse")));
        const RunSettings settings = m_page->controls()->settings();
        QCOMPARE(settings.variants.size(), size_t(1));
        QCOMPARE(settings.variants.at(kMini.toStdString()).name, std::string("terse"));

        m_page->controls()->maxTokensBox()->setValue(300);
        m_server->reset();
        const RunOutcome outcome = runToEnd([&]() { m_page->startRun(); });
        QCOMPARE(outcome.status, RunStatus::Complete);
        int adapted = 0;
        for (const auto& request : m_server->requests())
            adapted += request.format == "openai" &&
                       request.body.find("Reply in five words.") != std::string::npos &&
                       request.body.find("Ticket q3: Question 3") != std::string::npos;
        QCOMPARE(adapted, 1);
        RunsModel* runs = m_page->runsModel();
        QTRY_VERIFY(runs->rowOfRun(outcome.runId) >= 0);
        QTRY_VERIFY(runs->index(runs->rowOfRun(outcome.runId), RunsModel::Models)
                        .data()
                        .toString()
                        .contains(kMini + QStringLiteral("+terse")));

        // Selecting the run restores its pairing, even after the file was cleared.
        for (QPushButton* button : picker->findChildren<QPushButton*>())
            if (button->text() == QStringLiteral("Clear"))
                button->click();
        QVERIFY(m_page->controls()->settings().variants.empty());
        QTableView* view = m_page->pastRunsView();
        view->setCurrentIndex(runs->index(runs->rowOfRun(outcome.runId) + 1, 0));
        view->setCurrentIndex(runs->index(runs->rowOfRun(outcome.runId), 0));
        QTRY_COMPARE(m_page->controls()->settings().variants.size(), size_t(1));
        QVERIFY(picker->sourceLabel()->text().contains(QString::number(outcome.runId)));
    }

    void screenshot() {
        checkModels({kMini, kHaiku, kWrong});
        m_page->controls()->maxTokensBox()->setValue(400); // a new run, nothing cached
        m_page->controls()->concurrencyBox()->setValue(3);
        m_server->reset();
        m_server->failAlways(Fault::Stall);
        const RunOutcome outcome = runToEnd([&]() { m_page->startRun(); });
        QCOMPARE(outcome.status, RunStatus::Complete);
        QVERIFY(outcome.progress.spentUsd > 0);
        QTRY_COMPARE(m_page->errorsModel()->resultsOf(QStringLiteral("auth")), int64_t{kPrompts});
        QTRY_VERIFY(m_page->runsModel()->rowOfRun(outcome.runId) == 0);
        const QString dir = qEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QCOMPARE(m_window->size(), QSize(1600, 1000));
            QCoreApplication::processEvents();
            QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("runs.png"))));
        }
    }

    void switchingWorkspaceCancelsTheRun() {
        const QString path = m_workspace->path();
        const int64_t runId = startSlowRun(300);
        QVERIFY(runId > 0);
        QSignalSpy interrupted(m_page->runsController(), &RunsController::interrupted);
        QVERIFY(m_window->openWorkspace(m_dir.filePath(QStringLiteral("other.sqlite"))));
        QCOMPARE(interrupted.size(), 1); // cancelled and waited for before the page moved on
        QVERIFY(!m_page->runsController()->running());
        QCOMPARE(m_page->runsModel()->rowCount(), 0);
        QTRY_VERIFY(m_page->message().contains(QStringLiteral("runs.sqlite")));
        QVERIFY(m_window->openWorkspace(path));
        const auto run = m_workspace->workspace()->run(runId);
        QVERIFY(run.has_value());
        QCOMPARE(QString::fromStdString(run->status), QStringLiteral("cancelled"));
        QVERIFY(results(runId) >= 1 && results(runId) < 2 * kPrompts);
        QTRY_VERIFY(m_page->runsModel()->rowOfRun(runId) >= 0);
    }

    void closingTheWindowCancelsAndWaits() {
        const int64_t runId = startSlowRun(500);
        QVERIFY(runId > 0);
        m_window->close(); // returns once the worker has
        QVERIFY(!m_page->runsController()->running());
        const auto run = m_workspace->workspace()->run(runId);
        QVERIFY(run.has_value());
        QCOMPARE(QString::fromStdString(run->status), QStringLiteral("cancelled"));
        QVERIFY(results(runId) >= 1 && results(runId) < 2 * kPrompts);
        m_server->reset();
    }
};

QTEST_MAIN(TestRunsPage)
#include "tst_runspage.moc"
