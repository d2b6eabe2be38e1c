// The Runs page's views: the per-model tables, the failures panel, the past runs, the status
// row, and what the big numbers say about an estimate and a running run.
#include "runspage.h"

#include "models/runerrorsmodel.h"
#include "models/runestimatemodel.h"
#include "models/runprogressmodel.h"
#include "models/runsmodel.h"
#include "runtexts.h"
#include "uiformat.h"
#include "widgets/progressdelegate.h"
#include "widgets/statcard.h"
#include "widgets/tableview.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace switchyard;

namespace {

// Numbers take the width they need (in any language's header); `wide` is the column for long
// names, interactive so a user can widen it, and `stretch` (if any) takes what is left.
void fitColumns(QTableView* view, int wide, int stretch) {
    QHeaderView* header = view->horizontalHeader();
    header->setStretchLastSection(stretch < 0);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(wide, QHeaderView::Interactive);
    header->resizeSection(wide, 230);
    if (stretch >= 0)
        header->setSectionResizeMode(stretch, QHeaderView::Stretch);
}

} // namespace

QWidget* RunsPage::buildResults() {
    auto* column = new QSplitter(Qt::Vertical, this);
    column->setObjectName(QStringLiteral("runsResultsSplitter"));

    m_perModel = new QTabWidget(column);
    auto* progressView = makeTableView(m_progress, m_perModel);
    progressView->setObjectName(QStringLiteral("runProgressView"));
    progressView->setItemDelegateForColumn(RunProgressModel::Progress,
                                           new ProgressDelegate(RunProgressModel::FractionRole,
                                                                RunProgressModel::ColorRole,
                                                                progressView));
    fitColumns(progressView, RunProgressModel::Model, RunProgressModel::Progress);
    m_perModel->addTab(progressView, tr("Progress per model"));
    auto* estimateTab = new QWidget(m_perModel);
    auto* estimateLayout = new QVBoxLayout(estimateTab);
    m_estimateNote = new QLabel(tr("Estimate shows what a run would send and cost before "
                                   "anything is sent."),
                                estimateTab);
    m_estimateNote->setWordWrap(true);
    auto* estimateView = makeTableView(m_estimate, estimateTab);
    fitColumns(estimateView, RunEstimateModel::Model, -1);
    estimateLayout->addWidget(m_estimateNote);
    estimateLayout->addWidget(estimateView, 1);
    m_perModel->addTab(estimateTab, tr("Estimate per model"));
    column->addWidget(m_perModel);

    auto* errorsBox = new QGroupBox(tr("Failures by class"), column);
    auto* errorsLayout = new QVBoxLayout(errorsBox);
    m_errorsNote = new QLabel(tr("No run selected."), errorsBox);
    m_errorsNote->setWordWrap(true);
    m_errorsView = makeTableView(m_errors, errorsBox);
    m_errorsView->setObjectName(QStringLiteral("runErrorsView"));
    m_errorsView->horizontalHeader()->resizeSection(RunErrorsModel::Class, 130);
    m_errorsView->horizontalHeader()->resizeSection(RunErrorsModel::Results, 80);
    m_errorsView->horizontalHeader()->resizeSection(RunErrorsModel::Models, 220);
    errorsLayout->addWidget(m_errorsNote);
    errorsLayout->addWidget(m_errorsView, 1);
    column->addWidget(errorsBox);

    auto* runsBox = new QGroupBox(tr("Runs of this workspace"), column);
    auto* runsLayout = new QVBoxLayout(runsBox);
    m_pastRunsView = makeTableView(m_pastRuns, runsBox);
    m_pastRunsView->setObjectName(QStringLiteral("pastRunsView"));
    fitColumns(m_pastRunsView, RunsModel::Name, RunsModel::Models);
    runsLayout->addWidget(m_pastRunsView, 1);
    auto* runsButtons = new QHBoxLayout;
    m_resumeSelected = new QPushButton(tr("Resume"), runsBox);
    m_resumeSelected->setToolTip(tr("Send the selected run's missing calls"));
    m_retrySelected = new QPushButton(tr("Retry failed"), runsBox);
    m_retrySelected->setToolTip(tr("Send the selected run's failed calls again"));
    runsButtons->addWidget(new QLabel(tr("Selecting a run fills the controls."), runsBox), 1);
    runsButtons->addWidget(m_resumeSelected);
    runsButtons->addWidget(m_retrySelected);
    runsLayout->addLayout(runsButtons);
    column->addWidget(runsBox);
    // A row per model is a short table; the failures and the past runs get the room.
    column->setSizes({250, 230, 300});
    return column;
}

QWidget* RunsPage::buildStatusRow() {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(row);
    m_message->setObjectName(QStringLiteral("runsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar = new QProgressBar(row);
    m_bar->setRange(0, 1000);
    m_bar->setMaximumWidth(260);
    m_cancel = new QPushButton(tr("Cancel"), row);
    m_cancel->setToolTip(tr("Stop sending; every answer recorded so far is kept"));
    m_resume = new QPushButton(tr("Resume"), row);
    m_resume->setToolTip(tr("Send the same request again: the calls still missing are sent"));
    layout->addWidget(m_message, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    layout->addWidget(m_resume);
    connect(m_cancel, &QPushButton::clicked, this, &RunsPage::cancelRun);
    connect(m_resume, &QPushButton::clicked, this, &RunsPage::resumeRun);
    return row;
}

void RunsPage::showEstimateCards(const RunEstimate& estimate, std::optional<double> budgetUsd) {
    m_doneCard->setValue(QStringLiteral("0 / %1").arg(uiformat::count(estimate.calls)),
                         runtexts::estimateNote(estimate));
    m_spentCard->setValue(uiformat::money(0.0), tr("expected %1 · at most %2 · cap %3")
                                                    .arg(uiformat::money(estimate.expectedCostUsd),
                                                         uiformat::money(estimate.maxCostUsd),
                                                         runtexts::capText(budgetUsd)));
    m_rateCard->setValue(QStringLiteral("—"), tr("measured while the run goes"));
    m_etaCard->setValue(QStringLiteral("—"), tr("measured while the run goes"));
}

void RunsPage::showProgressCards(const RunProgress& progress) {
    const double fraction = progress.planned > 0 ? static_cast<double>(progress.done) /
                                                       static_cast<double>(progress.planned)
                                                 : 0.0;
    m_doneCard->setValue(QStringLiteral("%1 / %2").arg(uiformat::count(progress.done),
                                                       uiformat::count(progress.planned)),
                         tr("%1 · %2 in flight")
                             .arg(uiformat::percent(fraction), uiformat::count(progress.inFlight)));
    const bool overEstimate = progress.spentUsd > progress.estimateUsd && progress.estimateUsd > 0;
    m_spentCard->setValue(
        uiformat::money(progress.spentUsd),
        tr("expected %1 · cap %2")
            .arg(uiformat::money(progress.estimateUsd), runtexts::capText(progress.budgetUsd)),
        progress.status == RunStatus::Budget || overEstimate ? StatCard::Tone::Bad
                                                             : StatCard::Tone::Neutral);
    m_rateCard->setValue(QLocale().toString(progress.resultsPerSecond, 'f', 1),
                         tr("over the last ten seconds"));
    m_etaCard->setValue(progress.etaS && progress.dispatching ? uiformat::duration(*progress.etaS)
                                                              : QStringLiteral("—"),
                        tr("elapsed %1").arg(uiformat::duration(progress.elapsedS)));
}

void RunsPage::showErrors(qint64 runId, const std::vector<RunErrorGroup>& groups) {
    if (runId != m_runId)
        return;
    int64_t failed = 0;
    for (const RunErrorGroup& group : groups)
        failed += group.results;
    m_errors->setRows(groups);
    m_errorsNote->setText(failed == 0
                              ? tr("Run %1 has no failed results.").arg(runId)
                              : tr("Run %1: %2 failed results in %n class(es). Messages are the "
                                   "providers' own, with credentials removed.",
                                   nullptr, static_cast<int>(groups.size()))
                                    .arg(runId)
                                    .arg(uiformat::count(failed)));
}

void RunsPage::onPastRunSelected() {
    const PastRun* run = m_pastRuns->rowAt(m_pastRunsView->currentIndex().row());
    const bool provider = run && run->info.kind == "provider" && !m_runs->running();
    // A run another process is executing cannot be resumed here until that process stops.
    m_resumeSelected->setEnabled(provider && run->info.status != "complete" &&
                                 run->info.status != "running");
    m_retrySelected->setEnabled(provider && run->failed > 0);
}
