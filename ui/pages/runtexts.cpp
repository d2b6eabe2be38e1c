#include "runtexts.h"

#include "uiformat.h"

#include <QCoreApplication>
#include <QLocale>

using namespace switchyard;

namespace runtexts {

namespace {

// Gives the free functions below a translation context lupdate can see.
struct RunTexts {
    Q_DECLARE_TR_FUNCTIONS(RunTexts)
};

} // namespace

QString estimateNote(const RunEstimate& estimate) {
    const QString calls =
        RunTexts::tr("%n call(s) to send", nullptr, static_cast<int>(estimate.calls));
    if (estimate.resumeRunId) {
        QString text = RunTexts::tr("Continues run %1, which keeps %2 recorded results and has "
                                    "spent %3 so far (the budget cap counts it): %4.")
                           .arg(*estimate.resumeRunId)
                           .arg(uiformat::count(estimate.alreadyRecorded),
                                uiformat::money(estimate.alreadySpentUsd), calls);
        if (estimate.heldBy)
            text += QLatin1Char(' ') +
                    RunTexts::tr("Process %1 on %2 is executing this run right now: it cannot "
                                 "start until that process stops.")
                        .arg(estimate.heldBy->pid)
                        .arg(QString::fromStdString(estimate.heldBy->host));
        return text;
    }
    return RunTexts::tr("A new run: %1 prompts × %2 models, %3.")
        .arg(uiformat::count(estimate.prompts))
        .arg(estimate.models.size())
        .arg(calls);
}

QString confirmationQuestion(const RunEstimate& estimate) {
    return RunTexts::tr("Send %n call(s) to the providers?", nullptr,
                        static_cast<int>(estimate.calls));
}

QString confirmationDetails(const RunEstimate& estimate, std::optional<double> budgetUsd) {
    QString text = RunTexts::tr("Expected cost: %1\nMaximum cost: %2 (every answer at max tokens)\n"
                                "Budget cap: %3")
                       .arg(uiformat::money(estimate.expectedCostUsd),
                            uiformat::money(estimate.maxCostUsd), capText(budgetUsd));
    text += QStringLiteral("\n\n") + estimateNote(estimate);
    text += QLatin1Char(' ') +
            RunTexts::tr("Answers are recorded as they arrive; cancelling keeps them, "
                         "and answers in the response cache cost nothing.");
    return text;
}

QString progressLine(const RunProgress& progress) {
    QString text = RunTexts::tr("%1 of %2 results")
                       .arg(uiformat::count(progress.done), uiformat::count(progress.planned));
    text += QStringLiteral(" · ") +
            RunTexts::tr("%1 results/s").arg(QLocale().toString(progress.resultsPerSecond, 'f', 1));
    if (progress.etaS && progress.dispatching)
        text +=
            QStringLiteral(" · ") + RunTexts::tr("%1 left").arg(uiformat::duration(*progress.etaS));
    else if (!progress.dispatching && progress.inFlight > 0)
        text += QStringLiteral(" · ") + RunTexts::tr("waiting for %n call(s) in flight", nullptr,
                                                     static_cast<int>(progress.inFlight));
    text +=
        QStringLiteral(" · ") + RunTexts::tr("%1 spent").arg(uiformat::money(progress.spentUsd));
    if (progress.priorSpentUsd > 0)
        text += QLatin1Char(' ') +
                RunTexts::tr("(%1 for the whole run)")
                    .arg(uiformat::money(progress.spentUsd + progress.priorSpentUsd));
    return text;
}

QString statusWord(RunStatus status) {
    switch (status) {
    case RunStatus::Running:
        return RunTexts::tr("running");
    case RunStatus::Complete:
        return RunTexts::tr("complete");
    case RunStatus::Cancelled:
        return RunTexts::tr("cancelled");
    case RunStatus::Budget:
        return RunTexts::tr("stopped at the budget cap");
    }
    return {};
}

QString summaryLine(const RunOutcome& outcome) {
    const RunProgress& progress = outcome.progress;
    int64_t ok = 0;
    int64_t cached = 0;
    for (const ModelProgress& model : progress.models) {
        ok += model.ok;
        cached += model.cached;
    }
    int64_t runResults = 0;
    for (const RunModelSummary& model : outcome.recorded) {
        runResults += model.ok;
        for (const auto& entry : model.failed)
            runResults += entry.second;
    }
    QString text =
        RunTexts::tr(
            "Run %1 %2 after %3: %4 results recorded (%5 answered, %6 from the response cache, "
            "%7 failed), %8 spent of %9 expected. The run holds %10 results.")
            .arg(outcome.runId)
            .arg(statusWord(outcome.status), uiformat::duration(outcome.wallS),
                 uiformat::count(progress.done), uiformat::count(ok), uiformat::count(cached),
                 uiformat::count(progress.done - ok), uiformat::money(progress.spentUsd),
                 uiformat::money(progress.estimateUsd))
            .arg(uiformat::count(runResults));
    if (outcome.status == RunStatus::Cancelled)
        text += QLatin1Char(' ') + RunTexts::tr("Resume sends the calls still missing.");
    else if (outcome.status == RunStatus::Budget)
        text +=
            QLatin1Char(' ') +
            RunTexts::tr("The next call would not have fit under the cap; Resume with a higher cap "
                         "sends the rest.");
    return text;
}

QString capText(std::optional<double> budgetUsd) {
    return budgetUsd ? uiformat::money(*budgetUsd) : RunTexts::tr("none");
}

} // namespace runtexts
