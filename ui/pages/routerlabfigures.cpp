// RouterLabPage, continued: the big numbers, calibration, "Save as Policy" and the results
// import with its report. Layout and wiring are in routerlabpage.cpp.
#include "routerlabpage.h"

#include "models/decisionsmodel.h"
#include "models/rejectionsmodel.h"
#include "routerlabcontrols.h"
#include "uiformat.h"
#include "widgets/statcard.h"
#include "workspacecontroller.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>

#include <cmath>

using namespace switchyard;
using namespace switchyard::routing;

namespace {

QString fixed(double value, int decimals) {
    return QLocale().toString(value, 'f', decimals);
}

// "62 % / 38 %" for two tiers; with more, one unit at the end keeps the card narrow.
QString shareText(const std::vector<double>& shares) {
    QStringList parts;
    for (double share : shares)
        parts << fixed(share * 100.0, 0);
    return shares.size() <= 2 ? parts.join(QStringLiteral(" % / ")) + QStringLiteral(" %")
                              : parts.join(QStringLiteral(" / ")) + QStringLiteral(" %");
}

} // namespace

void RouterLabPage::showCards(const RouterLabReplay& replay) {
    const auto& snapshot = m_lab->snapshot();
    const ReplayFigures& f = replay.figures;
    const QString prompts = uiformat::count(f.requests);
    QString baseline = QString::fromStdString(f.baseline.modelRef);
    for (size_t k = 0; snapshot && k < snapshot->setup.tiers.size(); ++k)
        if (snapshot->setup.tiers[k] == f.baseline.modelRef)
            baseline = snapshot->tierLabels[k];
    const double baselinePer1k =
        f.requests > 0 ? f.baseline.costUsd / static_cast<double>(f.requests) * 1000.0 : 0.0;

    m_costCard->setValue(uiformat::money(f.costPer1kUsd),
                         tr("%1 in total for %2 prompts").arg(uiformat::money(f.costUsd), prompts));
    QString costHow = tr("The recorded cost of every call this configuration makes for the %1 "
                         "replayed prompts, divided by %1 and multiplied by 1,000.")
                          .arg(prompts);
    if (f.preRouterCostUsd > 0)
        costHow += QLatin1Char(' ') +
                   tr("Includes %1 of classifier calls.").arg(uiformat::money(f.preRouterCostUsd));
    if (f.wastedCostUsd > 0)
        costHow += QLatin1Char(' ') +
                   tr("Includes %1 of cascade calls whose answers were "
                      "discarded (%2 escalations).")
                       .arg(uiformat::money(f.wastedCostUsd), uiformat::count(f.escalations));
    if (f.excludedPrompts > 0)
        costHow += QLatin1Char(' ') + tr("%1 prompts with incomplete results are left out.")
                                          .arg(uiformat::count(f.excludedPrompts));
    m_costCard->setToolTip(costHow);

    const bool saves = f.savingsPct >= 0.0;
    m_savingsCard->setValue(
        uiformat::percent(f.savingsPct / 100.0),
        tr("vs all to %1 (%2 per 1k)").arg(baseline, uiformat::money(baselinePer1k)),
        saves ? StatCard::Tone::Good : StatCard::Tone::Bad);
    m_savingsCard->setToolTip(
        tr("(baseline cost − this configuration's cost) ÷ baseline cost, over the same %1 "
           "prompts. Baseline: every prompt to %2, %3 in total; this configuration: %4, so %5 "
           "%6.")
            .arg(prompts, baseline, uiformat::money(f.baseline.costUsd), uiformat::money(f.costUsd),
                 uiformat::money(std::abs(f.savingsUsd)), saves ? tr("saved") : tr("more")));

    const auto& ci = f.qualityCi95;
    // A drop below the baseline's quality that the interval cannot explain is a real loss.
    const bool worse = ci && ci->second < f.baseline.quality;
    m_qualityCard->setValue(
        fixed(f.quality, 3),
        (ci ? tr("95 % CI %1–%2").arg(fixed(ci->first, 3), fixed(ci->second, 3)) +
                  QStringLiteral(" · ")
            : QString()) +
            tr("baseline %1").arg(fixed(f.baseline.quality, 3)),
        worse ? StatCard::Tone::Bad : StatCard::Tone::Neutral);
    m_qualityCard->setToolTip(
        tr("Mean score (scorer %1) of the answers this configuration serves, over %2 prompts; "
           "the 95 % confidence interval is the normal approximation of that mean. Pass rate "
           "(score ≥ %3): %4. Baseline: %5.")
            .arg(snapshot ? QString::fromStdString(snapshot->data->scorer) : QString(), prompts,
                 fixed(snapshot ? snapshot->setup.options.qualityBar : 0.0, 2),
                 uiformat::percent(f.passRate), fixed(f.baseline.quality, 3)));

    QStringList tierLines;
    QStringList tierNames;
    for (size_t k = 0; snapshot && k < f.tierShare.size(); ++k) {
        tierNames << snapshot->tierLabels[k];
        tierLines << tr("%1: %2 of requests (%3)")
                         .arg(snapshot->tierLabels[k], uiformat::percent(f.tierShare[k]),
                              QString::fromStdString(snapshot->setup.tiers[k]));
    }
    if (f.cannedShare > 0)
        tierLines << tr("canned answers: %1").arg(uiformat::percent(f.cannedShare));
    m_shareCard->setValue(shareText(f.tierShare), tierNames.join(QStringLiteral(" / ")));
    m_shareCard->setToolTip(tr("Requests served by each tier, cheapest first, over %1 prompts:\n%2")
                                .arg(prompts, tierLines.join(QLatin1Char('\n'))));
}

void RouterLabPage::calibrate(bool quality, double target) {
    const auto& snapshot = m_lab->snapshot();
    if (!snapshot)
        return;
    CalibrationTarget goal;
    goal.kind = quality ? CalibrationTarget::Kind::Quality : CalibrationTarget::Kind::StrongShare;
    goal.value = target;
    const auto point = routing::calibrate(snapshot->sweep, goal);
    if (!point) {
        setMessage(quality
                       ? tr("No threshold of this router reaches quality %1; the best it "
                            "reaches is %2.")
                             .arg(QLocale().toString(target, 'f', 3),
                                  QLocale().toString(snapshot->sweep.metrics.strongQuality, 'f', 3))
                       : tr("No threshold of this router sends %1 of requests to the "
                            "strongest tier.")
                             .arg(uiformat::percent(target)));
        return;
    }
    m_controls->setThresholds(point->thresholds);
}

void RouterLabPage::askAndSavePolicy() {
    const auto& snapshot = m_lab->snapshot();
    if (!snapshot || !m_controller->workspace())
        return;
    const QString suggested =
        QStringLiteral("%1-router").arg(QLatin1String(routerKindName(snapshot->setup.config.kind)));
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as Policy"), tr("Policy name:"),
                                               QLineEdit::Normal, suggested, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    if (m_controller->workspace()->policy(name.toStdString()) &&
        QMessageBox::question(
            this, tr("Save as Policy"),
            tr("This workspace already has a policy \"%1\". Replace it?").arg(name)) !=
            QMessageBox::Yes)
        return;
    savePolicyAs(name);
}

void RouterLabPage::savePolicyAs(const QString& name) {
    setMessage(tr("Saving policy \"%1\"…").arg(name));
    m_lab->savePolicy(name, m_controls->thresholds());
}

void RouterLabPage::chooseAndImport() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import recorded results"), QString(),
        tr("Recorded results (*.jsonl *.ndjson *.csv);;All files (*)"));
    if (!files.isEmpty())
        importResults(files);
}

void RouterLabPage::importResults(const QStringList& files) {
    const int job = m_controller->startImport(files);
    if (job == 0) {
        setMessage(tr("An import is already running; wait for it or cancel it."));
        return;
    }
    m_importJob = job;
    setBusy(true, tr("Importing %n file(s)…", nullptr, static_cast<int>(files.size())));
}

void RouterLabPage::onImportProgress(int jobId, qint64 done, qint64 total, const QString& file) {
    if (jobId != m_importJob)
        return;
    m_progress->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
    m_message->setText(
        tr("Importing %1: %2 of %3 MB")
            .arg(QFileInfo(file).fileName(), fixed(done / 1e6, 1), fixed(total / 1e6, 1)));
}

void RouterLabPage::onImportFinished(const ImportJobResult& result) {
    const bool ours = result.jobId == m_importJob;
    if (ours) {
        m_importJob = 0;
        setBusy(false);
    }
    if (result.runs.empty() && !ours)
        return; // a prompt import: the Prompt Sets page reports it
    std::vector<Error> rejected = result.fileErrors;
    QStringList lines;
    for (const ResultsImportReport& run : result.runs) {
        rejected.insert(rejected.end(), run.rejected.begin(), run.rejected.end());
        QString line =
            tr("%1: %2 results of %n model(s) into run \"%3\" over set \"%4\"; %5 "
               "lines rejected.",
               nullptr, static_cast<int>(run.models.size()))
                .arg(QFileInfo(QString::fromStdString(run.file)).fileName(),
                     uiformat::count(run.results), QString::fromStdString(run.runName),
                     QString::fromStdString(run.setName), uiformat::count(run.rejectedCount));
        for (const UnpricedModel& model : run.unpriced)
            line += QLatin1Char(' ') +
                    tr("%1 results of %2 have no cost: %3 (add its price on the Pricing page).")
                        .arg(uiformat::count(model.results), QString::fromStdString(model.model),
                             QString::fromStdString(model.reason));
        if (run.cancelled)
            line += QLatin1Char(' ') + tr("Cancelled: what was imported before is kept.");
        lines << line;
        if (run.runId != 0)
            m_selectRun = run.runId; // reloadRuns (dataChanged, next) shows it
    }
    if (result.runs.empty())
        lines << tr("No recorded results in these files: they were imported as prompt sets.");
    for (const Error& error : result.fileErrors)
        lines << QString::fromStdString(error.toString());
    m_importSummary->setText(lines.join(QLatin1Char('\n')));
    m_rejections->setRows(std::move(rejected));
    m_tabs->setCurrentIndex(1);
    setMessage(lines.join(QLatin1Char(' ')));
}
