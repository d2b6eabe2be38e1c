// The Runs page: its layout, and the flow estimate -> confirm -> run -> summary (the views it
// fills are in runspageviews.cpp).
#include "runspage.h"

#include "run/saved_students.h"

#include "models/runerrorsmodel.h"
#include "models/runestimatemodel.h"
#include "models/runprogressmodel.h"
#include "models/runsmodel.h"
#include "pagelayout.h"
#include "providers/providers_file.h"
#include "providerscontroller.h"
#include "runcontrols.h"
#include "runtexts.h"
#include "widgets/statcard.h"
#include "workspacecontroller.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace switchyard;

namespace {

// The errors panel is re-read while failures arrive, at most this often: it is a query over
// the run's results, and a second of delay is invisible next to the counts in the progress rows.
constexpr qint64 kErrorsRefreshMs = 1000;

int64_t failures(const RunProgress& progress) {
    int64_t failed = 0;
    for (const ModelProgress& model : progress.models)
        for (const auto& entry : model.failed)
            failed += entry.second;
    return failed;
}

} // namespace

RunsPage::RunsPage(WorkspaceController* workspace, ProvidersController* providers, QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_providers(providers),
      m_runs(new RunsController(workspace, providers, this)),
      m_progress(new RunProgressModel(this)), m_estimate(new RunEstimateModel(this)),
      m_errors(new RunErrorsModel(this)), m_pastRuns(new RunsModel(this)) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(page, tr("Runs"),
                                         tr("Send a prompt set to several models and record "
                                            "every answer, its tokens, latency and cost"));
    m_estimateButton = new QPushButton(tr("Estimate"), this);
    m_estimateButton->setToolTip(
        tr("What the run would send and cost, per model; nothing is sent"));
    m_start = new QPushButton(tr("Start run"), this);
    m_start->setDefault(true);
    m_start->setToolTip(tr("Estimate, confirm the cost, then send (Ctrl+R)"));
    header->addWidget(m_start);
    header->addWidget(m_estimateButton);

    auto* cards = new QHBoxLayout;
    m_doneCard = new StatCard(tr("done of planned"), this);
    m_spentCard = new StatCard(tr("spent by this run"), this);
    m_rateCard = new StatCard(tr("results per second"), this);
    m_etaCard = new StatCard(tr("time left"), this);
    for (StatCard* card : {m_doneCard, m_spentCard, m_rateCard, m_etaCard}) {
        card->setValue(QStringLiteral("—"), tr("estimate or start a run"));
        cards->addWidget(card);
    }
    m_doneCard->setToolTip(tr("Results recorded by this run (answers and failures) out of the "
                              "calls it plans to send"));
    m_spentCard->setToolTip(tr("Priced from the usage each provider reported; answers from the "
                               "response cache cost nothing now. The expectation and the maximum "
                               "come from the estimate."));
    m_rateCard->setToolTip(tr("Results recorded per second over roughly the last ten seconds"));
    m_etaCard->setToolTip(tr("Results still to come divided by the current rate"));
    page->addLayout(cards);

    m_controls = new RunControls(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(340);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("runsSplitter"));
    split->addWidget(buildResults());
    split->addWidget(scroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setCollapsible(0, false);
    split->setSizes({1020, 400});
    page->addWidget(split, 1);
    page->addWidget(buildStatusRow());

    connect(m_start, &QPushButton::clicked, this, &RunsPage::startRun);
    connect(m_estimateButton, &QPushButton::clicked, this, &RunsPage::estimate);
    connect(m_controls, &RunControls::openProvidersRequested, this,
            &RunsPage::openProvidersRequested);
    connect(m_runs, &RunsController::estimated, this, &RunsPage::onEstimated);
    connect(m_runs, &RunsController::estimateFailed, this, [this](int job, const QString& error) {
        if (job != m_estimateJob)
            return;
        m_estimateJob = 0;
        m_estimate->setRows({});
        showMessage(tr("Not estimated: %1").arg(error));
    });
    connect(m_runs, &RunsController::progress, this, &RunsPage::onProgress);
    connect(m_runs, &RunsController::finished, this, &RunsPage::onFinished);
    connect(m_runs, &RunsController::scored, this, [this](const QString& summary) {
        if (!summary.isEmpty())
            emit statusMessage(summary);
    });
    connect(m_runs, &RunsController::runFailed, this, [this](const QString& error) {
        showRunning(false);
        showMessage(tr("The run stopped: %1. What was recorded before stays.").arg(error));
    });
    connect(m_runs, &RunsController::interrupted, this, [this](const QString& path) {
        showRunning(false);
        showMessage(tr("The run was cancelled because another workspace was opened; its "
                       "results are kept in %1.")
                        .arg(QFileInfo(path).fileName()));
    });
    connect(m_runs, &RunsController::pastRunsLoaded, this,
            [this](const std::vector<PastRun>& runs) {
                m_pastRuns->setRows(runs);
                // The run the page shows (running, finished or picked) stays the selected one.
                const int row = m_pastRuns->rowOfRun(m_runId);
                if (row >= 0) {
                    const QSignalBlocker blocker(m_pastRunsView->selectionModel());
                    m_pastRunsView->setCurrentIndex(m_pastRuns->index(row, 0));
                }
                onPastRunSelected();
            });
    connect(m_runs, &RunsController::errorsLoaded, this, &RunsPage::showErrors);
    connect(m_pastRunsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this]() {
                const PastRun* run = m_pastRuns->rowAt(m_pastRunsView->currentIndex().row());
                if (!run || m_runs->running())
                    return;
                const QStringList missing = m_controls->applyRun(*run);
                m_runId = run->info.id;
                m_runs->loadErrors(m_runId);
                onPastRunSelected();
                if (!missing.isEmpty())
                    showMessage(tr("The providers file no longer offers %1: add it on the "
                                   "Providers page to resume this run.")
                                    .arg(missing.join(QStringLiteral(", "))));
            });
    connect(m_resumeSelected, &QPushButton::clicked, this, &RunsPage::resumeSelected);
    connect(m_retrySelected, &QPushButton::clicked, this, &RunsPage::retryFailedOfSelected);
    connect(workspace, &WorkspaceController::workspaceOpened, this, [this]() {
        m_runId = 0;
        m_resume->setVisible(false);
        m_progress->clear();
        m_estimate->setRows({});
        m_errors->setRows({});
        m_pastRuns->setRows({});
        reloadSets();
        reloadModels();
        m_runs->loadPastRuns();
    });
    connect(workspace, &WorkspaceController::dataChanged, this, [this]() {
        reloadSets();
        reloadModels();
        if (!m_runs->running())
            m_runs->loadPastRuns();
    });
    // Runs executed elsewhere (a terminal, CI) appear and fill up while this page is open.
    for (auto signal : {&WorkspaceController::runsChanged, &WorkspaceController::resultsChanged})
        connect(workspace, signal, this, [this]() {
            if (!m_runs->running())
                m_runs->loadPastRuns();
        });
    if (providers)
        connect(providers, &ProvidersController::changed, this, &RunsPage::reloadModels);
    reloadSets();
    reloadModels();
    m_runs->loadPastRuns();
    showRunning(false);
}

void RunsPage::showEvent(QShowEvent* event) {
    // The Providers page opens the file when first shown; a first visit here does the same,
    // so both pages show the same file (and the keychain snapshot follows it).
    if (m_providers && m_providers->path().isEmpty())
        m_providers->open(QString::fromStdString(defaultProvidersFilePath()));
    QWidget::showEvent(event);
}

void RunsPage::reloadSets() {
    if (auto* workspace = m_workspace->workspace())
        m_controls->setPromptSets(workspace->promptSets());
    else
        m_controls->setPromptSets({});
}

void RunsPage::reloadModels() {
    QString problem;
    ProvidersFile file;
    if (!m_providers || m_providers->path().isEmpty()) {
        problem = tr("The providers file is read when this page is shown.");
    } else if (const auto& error = m_providers->loadError()) {
        problem = tr("The providers file %1 cannot be read: %2")
                      .arg(m_providers->path(), QString::fromStdString(error->toString()));
    } else if (!m_providers->fileExists()) {
        problem = tr("No providers file yet (%1): add the providers and models to call on "
                     "the Providers page.")
                      .arg(m_providers->path());
    } else {
        file = m_providers->file();
        if (file.providers.empty())
            problem = tr("The providers file %1 lists no models: add one on the Providers page.")
                          .arg(m_providers->path());
    }
    // The workspace's students run without a providers file or a key (student/NAME).
    if (const Workspace* workspace = m_workspace->workspace())
        file = withSavedStudents(std::move(file), *workspace);
    QStringList refs;
    for (const ProviderConfig& provider : file.providers)
        for (const std::string& model : provider.models)
            refs << QString::fromStdString(provider.name + "/" + model);
    m_controls->setModels(refs, refs.isEmpty() ? problem : QString());
}

void RunsPage::prepareRun(int64_t setId, const QString& modelRef) {
    reloadSets();
    reloadModels();
    PastRun run;
    run.info.setId = setId;
    run.models = {modelRef.toStdString()};
    m_controls->applyRun(run);
    estimate();
}

void RunsPage::requestEstimate(const RunSettings& settings, bool thenStart) {
    if (m_runs->running())
        return;
    if (!m_workspace->workspace() || settings.setId == 0) {
        showMessage(tr("No prompt set yet: import one on the Prompt Sets page (Ctrl+I)."));
        return;
    }
    if (settings.modelRefs.empty()) {
        showMessage(m_controls->modelsProblem().isEmpty() ? tr("Check at least one model to run.")
                                                          : m_controls->modelsProblem());
        return;
    }
    m_startAfterEstimate = thenStart;
    m_estimateSettings = settings;
    m_estimateJob = m_runs->estimate(settings);
    m_perModel->setCurrentIndex(1);
    showMessage(tr("Estimating…"));
}

void RunsPage::estimate() {
    requestEstimate(m_controls->settings(), false);
}

void RunsPage::startRun() {
    requestEstimate(m_controls->settings(), true);
}

void RunsPage::resumeRun() {
    if (m_runs->lastSettings())
        requestEstimate(*m_runs->lastSettings(), true);
}

void RunsPage::resumeSelected() {
    m_controls->setRetryFailedOnly(false);
    startRun();
}

void RunsPage::retryFailedOfSelected() {
    m_controls->setRetryFailedOnly(true);
    startRun();
}

void RunsPage::cancelRun() {
    m_runs->cancel();
    m_cancel->setEnabled(false);
    showMessage(tr("Cancelling: waiting for the calls in flight to stop…"));
}

void RunsPage::shutdown() {
    m_runs->cancelAndWait();
}

void RunsPage::onEstimated(int job, const RunEstimate& estimate) {
    if (job != m_estimateJob)
        return;
    m_estimateJob = 0;
    m_estimate->setRows(estimate.models);
    m_estimateNote->setText(runtexts::estimateNote(estimate));
    showEstimateCards(estimate, m_estimateSettings.budgetUsd);
    showMessage(runtexts::estimateNote(estimate));
    if (!m_startAfterEstimate)
        return;
    if (estimate.calls == 0) {
        showMessage(tr("Nothing to send: every call of this request is already recorded."));
        return;
    }
    confirmAndStart(m_estimateSettings, estimate);
}

void RunsPage::confirmAndStart(const RunSettings& settings, const RunEstimate& estimate) {
    // Window-modal and non-blocking: the page keeps painting (and a run elsewhere keeps
    // reporting) while the user reads the costs.
    auto* box = new QMessageBox(QMessageBox::Question, tr("Start run"),
                                runtexts::confirmationQuestion(estimate),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setInformativeText(runtexts::confirmationDetails(estimate, settings.budgetUsd));
    box->button(QMessageBox::Yes)->setText(tr("Send"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, settings, estimate](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes)) {
            showMessage(tr("Not started: nothing was sent."));
            return;
        }
        if (!m_runs->start(settings, estimate))
            return;
        m_runId = estimate.resumeRunId.value_or(0);
        m_failuresShown = 0;
        m_errors->setRows({});
        m_progress->clear();
        m_perModel->setCurrentIndex(0);
        showRunning(true);
        showMessage(tr("Starting…"));
    });
    box->open();
}

void RunsPage::onProgress(const RunProgress& progress) {
    const bool newRun = progress.runId != m_runId;
    m_runId = progress.runId;
    if (newRun)
        m_runs->loadPastRuns(); // the run is listed once it exists
    m_progress->setProgress(progress.models);
    showProgressCards(progress);
    m_bar->setValue(progress.planned > 0 ? static_cast<int>(1000 * progress.done / progress.planned)
                                         : 0);
    const QString line = runtexts::progressLine(progress);
    showMessage(line);
    const int64_t failed = failures(progress);
    if (failed != m_failuresShown &&
        (!m_errorsClock.isValid() || m_errorsClock.elapsed() >= kErrorsRefreshMs)) {
        m_failuresShown = failed;
        m_errorsClock.start();
        m_runs->loadErrors(m_runId);
    }
}

void RunsPage::onFinished(const RunOutcome& outcome) {
    onProgress(outcome.progress);
    showRunning(false);
    m_resume->setVisible(outcome.status == RunStatus::Cancelled ||
                         outcome.status == RunStatus::Budget);
    m_runs->loadErrors(outcome.runId);
    // The past runs are re-read on WorkspaceController::dataChanged, which the controller
    // announced just before this.
    showMessage(runtexts::summaryLine(outcome));
}

void RunsPage::showRunning(bool running) {
    m_controls->setEditable(!running);
    m_start->setEnabled(!running);
    m_estimateButton->setEnabled(!running);
    m_resumeSelected->setEnabled(!running);
    m_retrySelected->setEnabled(!running);
    m_bar->setVisible(running);
    m_cancel->setVisible(running);
    m_cancel->setEnabled(running);
    if (running)
        m_resume->setVisible(false);
    if (!running)
        onPastRunSelected();
}

void RunsPage::showMessage(const QString& text) {
    m_message->setText(text);
    emit statusMessage(text);
}

QString RunsPage::message() const {
    return m_message->text();
}
