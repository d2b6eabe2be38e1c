// SavingsPage's figures: the cards, charts, tag table and notes of one computed outcome.
#include "savingspage.h"

#include "charts/chartsetup.h"
#include "charts/exportablechartview.h"
#include "charts/savingscharts.h"
#include "comparetexts.h"
#include "savingstagstable.h"
#include "uiformat.h"
#include "widgets/statcard.h"

#include <QChart>
#include <QLabel>
#include <QPushButton>

using namespace switchyard;
using switchyard::workbench::SavingsOutcome;

void SavingsPage::show(const SavingsOutcome& outcome) {
    const double month = outcome.monthFactor();
    const report::Waterfall& waterfall = outcome.waterfall;
    showCards(outcome);
    m_present->setEnabled(true);
    m_report->setEnabled(true);
    savingscharts::fillWaterfall(m_waterfall->chart(), outcome);
    savingscharts::fillProjection(m_projection->chart(), outcome);
    savingscharts::fillTierSpend(m_tierSpend->chart(), outcome);
    const RoutingPolicy& policy = outcome.context.policy;
    QStringList tierNames;
    for (const PolicyTier& tier : policy.tiers)
        tierNames << QString::fromStdString(tier.name);
    m_tags->setAttribution(outcome.tags, tierNames, month);

    const routing::ReplayData& data = *outcome.context.data;
    QString summary = tr("Policy '%1' replayed on run %2 (%3 requests of %4), scaled to %5 "
                         "requests a month (%6).")
                          .arg(QString::fromStdString(policy.name))
                          .arg(data.runId)
                          .arg(uiformat::count(waterfall.requests))
                          .arg(QString::fromStdString(data.setName))
                          .arg(uiformat::count(static_cast<int64_t>(outcome.requestsPerMonth)))
                          .arg(QString::fromStdString(outcome.requestsPerMonthSource));
    if (data.synthetic)
        summary += QLatin1Char(' ') + tr("Synthetic demo data, not a measurement.");
    if (outcome.provisioned && !outcome.provisioned->source.empty())
        summary += QLatin1Char(' ') + tr("Provisioned price from %1 (%2).")
                                          .arg(QString::fromStdString(outcome.provisioned->source),
                                               QString::fromStdString(outcome.provisioned->date));
    m_summary->setText(summary);
    QStringList notes;
    for (const report::WaterfallStep& step : waterfall.steps)
        notes << QStringLiteral("<b>%1</b>: %2")
                     .arg(savingscharts::leverTitle(step.lever),
                          QString::fromStdString(step.note).toHtmlEscaped());
    for (const std::string& note : outcome.notes)
        notes << QString::fromStdString(note).toHtmlEscaped();
    m_notes->setText(notes.join(QStringLiteral("<br>")));
    emit statusMessage(tr("%1 saved a month by policy '%2'")
                           .arg(uiformat::money(waterfall.savingsUsd() * month),
                                QString::fromStdString(policy.name)));
}

void SavingsPage::showNothing(const QString& why) {
    m_outcome.reset();
    for (StatCard* card : {m_monthCard, m_savedCard, m_qualityCard, m_fourthCard})
        card->setValue(QStringLiteral("—"), QString());
    for (ExportableChartView* view : {m_waterfall, m_projection, m_tierSpend})
        chartsetup::clear(view->chart());
    m_tags->setAttribution({}, {}, 1.0);
    m_present->setEnabled(false);
    m_report->setEnabled(false);
    m_summary->setText(why);
    m_notes->clear();
}

void SavingsPage::showCards(const SavingsOutcome& outcome) {
    const double month = outcome.monthFactor();
    const report::Waterfall& waterfall = outcome.waterfall;
    const workbench::SavingsQuality& quality = outcome.quality;
    m_monthCard->setValue(uiformat::money(waterfall.finalUsd * month),
                          tr("vs %1 all on %2")
                              .arg(uiformat::money(waterfall.baselineUsd * month),
                                   QString::fromStdString(quality.baselineModel)));
    m_monthCard->setToolTip(
        tr("The run's %1 requests with every lever applied, times %2 to "
           "make a month of %3 requests")
            .arg(uiformat::count(waterfall.requests))
            .arg(month, 0, 'g', 4)
            .arg(uiformat::count(static_cast<int64_t>(outcome.requestsPerMonth))));
    const double saved = waterfall.savingsUsd();
    m_savedCard->setValue(uiformat::percent(waterfall.savingsPct() / 100.0),
                          tr("%1 a month").arg(uiformat::money(saved * month)),
                          saved >= 0.0 ? StatCard::Tone::Good : StatCard::Tone::Bad);
    m_savedCard->setToolTip(tr("Baseline minus the policy's bill, every lever applied in order; "
                               "the levers' savings add up to it exactly"));
    QString interval;
    if (quality.qualityCi95)
        interval = QStringLiteral(" (%1–%2)")
                       .arg(quality.qualityCi95->first, 0, 'f', 3)
                       .arg(quality.qualityCi95->second, 0, 'f', 3);
    const int sign = eval::verdictSign(quality.verdict);
    m_qualityCard->setValue(QString::number(quality.quality, 'f', 3) + interval,
                            tr("vs %1: %2")
                                .arg(QString::number(quality.baselineQuality, 'f', 3),
                                     comparetexts::verdict(quality.verdict)),
                            sign < 0 ? StatCard::Tone::Bad : StatCard::Tone::Neutral);
    m_qualityCard->setToolTip(tr("Mean quality of the answers the policy served, with its 95 % "
                                 "interval, on %1 requests; paired against the baseline's "
                                 "answers to the same %2 prompts (%3)")
                                  .arg(uiformat::count(quality.requests))
                                  .arg(uiformat::count(quality.paired.n))
                                  .arg(comparetexts::testName(quality.paired.test)));
    if (outcome.breakEven) {
        const report::ProvisionedBreakEven& breakEven = *outcome.breakEven;
        const QString value =
            breakEven.kind == report::BreakEvenKind::Crossing
                ? uiformat::count(static_cast<int64_t>(breakEven.requestsPerMonth))
            : breakEven.kind == report::BreakEvenKind::AlwaysCheaper ? tr("Not reached")
                                                                     : tr("Below range");
        m_fourthCard->setCaption(tr("Provisioned break-even"));
        m_fourthCard->setValue(value, tr("requests a month, against %1 a month")
                                          .arg(uiformat::money(breakEven.commitmentMonthUsd)));
    } else {
        m_fourthCard->setCaption(tr("Cache hit ratio"));
        m_fourthCard->setValue(outcome.chr ? uiformat::percent(*outcome.chr) : tr("—"),
                               outcome.chr ? tr("of input tokens read from the cache")
                                           : tr("the policy has no caching section"));
    }
}
