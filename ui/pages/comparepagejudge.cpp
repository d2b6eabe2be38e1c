// Judging from the Compare page: which judge, the estimate and its confirmation, progress and
// cancel, then the comparison again with the judge's scores.
#include "comparepage.h"

#include "judgedialog.h"
#include "providerscontroller.h"
#include "uiformat.h"

#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>

using namespace switchyard;

void ComparePage::connectJudging() {
    connect(m_compare, &CompareController::judgePlanned, this, &ComparePage::confirmJudging);
    connect(m_compare, &CompareController::judgeProgress, this, [this](qint64 done, qint64 all) {
        m_progress->setValue(all > 0 ? static_cast<int>(done * 1000 / all) : 0);
        m_message->setText(
            tr("Judging: %1 of %2 verdicts…").arg(uiformat::count(done), uiformat::count(all)));
    });
    connect(m_compare, &CompareController::judged, this,
            [this](const workbench::JudgeOutcome& outcome) {
                setBusy(false);
                emit statusMessage(
                    tr("Judged: %1 answers scored, %2 verdicts unparseable (left unscored), "
                       "%3 spent.")
                        .arg(uiformat::count(outcome.scored), uiformat::count(outcome.unparseable),
                             uiformat::money(outcome.run.progress.spentUsd)));
                CompareController::Choice next = choice();
                next.scorer = outcome.scorer;
                setBusy(true, tr("Reading the run's answers…"));
                m_compare->load(next);
            });
}

void ComparePage::chooseAndJudge() {
    // One judging at a time: a second would supersede the first, whose calls are paid for.
    if (!m_view || m_compare->judging() || m_compare->planningJudge())
        return;
    QStringList judges;
    if (m_providers)
        m_providers->openDefault(); // read once, when first needed (as a run does)
    if (m_providers)
        for (const ProviderConfig& provider : m_providers->file().providers)
            for (const std::string& model : provider.models)
                judges << QString::fromStdString(provider.name + "/" + model);
    QStringList models;
    for (const compare::MatrixColumn& column : m_view->matrix->columns())
        if (column.runId == m_view->runId)
            models << QString::fromStdString(column.label);
    JudgeDialog dialog(judges, models, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setBusy(true, tr("Preparing the judge's prompts and estimating their cost…"));
    m_compare->planJudge(m_compare->judgeRequest(m_view->runId, dialog.judge(), dialog.baseline(),
                                                 dialog.rubric(), dialog.budgetUsd()));
}

void ComparePage::confirmJudging(const workbench::JudgeRequest& request,
                                 const workbench::JudgePlan& plan) {
    const RunEstimate& estimate = plan.estimate;
    setBusy(false);
    const QString question =
        tr("Send %1 calls to %2 to judge run %3? Expected %4, at most %5%6. Verdicts already "
           "recorded are not asked again.")
            .arg(uiformat::count(estimate.calls), QString::fromStdString(request.judge))
            .arg(request.runId)
            .arg(uiformat::money(estimate.expectedCostUsd), uiformat::money(estimate.maxCostUsd),
                 request.runner.budgetUsd
                     ? tr("; stops at %1").arg(uiformat::money(*request.runner.budgetUsd))
                     : QString());
    if (QMessageBox::question(this, tr("Judge the Answers"), question) != QMessageBox::Yes) {
        m_message->setText(tr("Nothing was sent."));
        return;
    }
    m_compare->runJudge(request, plan);
    setBusy(true, tr("Judging…"));
}
