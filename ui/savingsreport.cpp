#include "savingsreport.h"

#include "charts/chartsetup.h"
#include "charts/savingscharts.h"
#include "comparetexts.h"
#include "savingsheadlines.h"
#include "uiformat.h"

#include <QChart>
#include <QCoreApplication>
#include <QFont>
#include <QGraphicsScene>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <functional>

using namespace switchyard;
using switchyard::workbench::SavingsOutcome;

namespace {

// A translation context lupdate can see for the strings below.
struct SavingsReport {
    Q_DECLARE_TR_FUNCTIONS(SavingsReport)
};

// Lines of text down a page, in the painter's (device pixel) coordinates.
class PageText {
public:
    PageText(QPainter& painter, const QRect& area) : m_painter(painter), m_area(area) {
        m_y = area.top();
    }
    void line(const QString& text, qreal scale = 1.0, bool bold = false) {
        QFont font = m_painter.font();
        font.setPointSizeF(10.0 * scale);
        font.setBold(bold);
        m_painter.setFont(font);
        const QRect box(m_area.left(), m_y, m_area.width(), m_area.bottom() - m_y);
        const QRect used = m_painter.boundingRect(box, Qt::TextWordWrap, text);
        m_painter.drawText(box, Qt::TextWordWrap, text);
        m_y += used.height() + m_painter.fontMetrics().height() / 4;
    }
    void gap() { m_y += m_painter.fontMetrics().height() / 2; }

private:
    QPainter& m_painter;
    QRect m_area;
    int m_y = 0;
};

// The chart drawn through a scene of its own, never a window: the report is also made by the
// command line, where nothing may appear on screen.
void drawChart(QPainter& painter, const QRect& area, const std::function<void(QChart*)>& fill) {
    QGraphicsScene scene;
    QChart* chart = chartsetup::makeChart();
    scene.addItem(chart); // the scene owns it
    // Drawn at a screen's size and scaled to the page: a smaller canvas and larger fonts keep
    // the text legible on paper.
    const QRectF size(0, 0, 1000, 560);
    chart->setGeometry(size);
    chart->setFont(chartsetup::scaledFont(chart->font(), 1.2));
    fill(chart);
    chartsetup::scaleFonts(chart, 1.2);
    QCoreApplication::sendPostedEvents(); // the chart lays itself out on a posted event
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, area, size);
}

void summaryPage(QPainter& painter, const QRect& area, const SavingsOutcome& outcome) {
    const report::Waterfall& waterfall = outcome.waterfall;
    const workbench::SavingsQuality& quality = outcome.quality;
    const routing::ReplayData& data = *outcome.context.data;
    const RoutingPolicy& policy = outcome.context.policy;
    const double month = outcome.monthFactor();
    PageText text(painter, area);
    text.line(SavingsReport::tr("Savings of routing policy '%1'")
                  .arg(QString::fromStdString(policy.name)),
              2.2, true);
    text.line(savingsheadlines::waterfall(outcome), 1.5);
    text.gap();
    text.line(SavingsReport::tr("Key figures"), 1.3, true);
    text.line(SavingsReport::tr("A month of %1 requests: %2 under the policy, against %3 with "
                                "every request sent to %4: %5 saved (%6).")
                  .arg(uiformat::count(static_cast<int64_t>(outcome.requestsPerMonth)),
                       uiformat::money(waterfall.finalUsd * month),
                       uiformat::money(waterfall.baselineUsd * month),
                       QString::fromStdString(quality.baselineModel),
                       uiformat::money(waterfall.savingsUsd() * month),
                       uiformat::percent(waterfall.savingsPct() / 100.0)));
    for (const report::WaterfallStep& step : waterfall.steps)
        text.line(SavingsReport::tr("• %1: %2 a month (%3)")
                      .arg(savingscharts::leverTitle(step.lever),
                           uiformat::money(step.savingUsd() * month),
                           QString::fromStdString(step.note)));
    QString interval;
    if (quality.qualityCi95)
        interval = SavingsReport::tr(" (95 % CI %1 to %2)")
                       .arg(quality.qualityCi95->first, 0, 'f', 3)
                       .arg(quality.qualityCi95->second, 0, 'f', 3);
    text.line(SavingsReport::tr("Quality of the answers served: %1%2 on %3 requests, against %4 "
                                "for the baseline; paired on %5 prompts: %6, difference %7 (%8).")
                  .arg(quality.quality, 0, 'f', 3)
                  .arg(interval)
                  .arg(uiformat::count(quality.requests))
                  .arg(quality.baselineQuality, 0, 'f', 3)
                  .arg(uiformat::count(quality.paired.n))
                  .arg(comparetexts::verdict(quality.verdict),
                       comparetexts::deltaWithInterval(quality.paired),
                       comparetexts::pValue(quality.paired)));
    if (outcome.chr)
        text.line(SavingsReport::tr("Cache hit ratio of the routed traffic: %1.")
                      .arg(uiformat::percent(*outcome.chr)));
    text.gap();
    text.line(SavingsReport::tr("Assumptions"), 1.3, true);
    text.line(SavingsReport::tr("Evidence: run %1 '%2' on prompt set '%3', %4 requests scored "
                                "by %5%6.")
                  .arg(data.runId)
                  .arg(QString::fromStdString(data.runName), QString::fromStdString(data.setName),
                       uiformat::count(waterfall.requests),
                       QString::fromStdString(data.scorer.empty() ? "-" : data.scorer),
                       data.synthetic ? SavingsReport::tr(" (synthetic demo data, not a "
                                                          "measurement)")
                                      : QString()));
    text.line(SavingsReport::tr("Prices: the catalogue of %1 with this workspace's edits; volume "
                                "%2 requests a month (%3).")
                  .arg(QString::fromStdString(outcome.context.catalogueDate),
                       uiformat::count(static_cast<int64_t>(outcome.requestsPerMonth)),
                       QString::fromStdString(outcome.requestsPerMonthSource)));
    if (outcome.provisioned)
        text.line(
            SavingsReport::tr("Provisioned throughput for %1: %2 per model unit-hour × %3 "
                              "unit(s), from %4 (%5).")
                .arg(QString::fromStdString(outcome.provisioned->model),
                     uiformat::money(outcome.provisioned->hourlyUsd))
                .arg(outcome.provisioned->units)
                .arg(QString::fromStdString(
                         outcome.provisioned->source.empty() ? "-" : outcome.provisioned->source),
                     QString::fromStdString(
                         outcome.provisioned->date.empty() ? "-" : outcome.provisioned->date)));
    QStringList tiers;
    for (const PolicyTier& tier : policy.tiers)
        tiers << QStringLiteral("%1 = %2").arg(QString::fromStdString(tier.name),
                                               QString::fromStdString(tier.model));
    text.line(SavingsReport::tr("Policy: %1 router over %2.")
                  .arg(QString::fromLatin1(routing::routerKindName(policy.router.kind)),
                       tiers.join(QStringLiteral(", "))));
    for (const std::string& note : outcome.notes)
        text.line(QStringLiteral("• ") + QString::fromStdString(note), 0.9);
}

void tagsPage(QPainter& painter, const QRect& area, const SavingsOutcome& outcome) {
    PageText text(painter, area);
    text.line(SavingsReport::tr("Spend by tag, a month"), 1.6, true);
    const double month = outcome.monthFactor();
    int shown = 0;
    for (const report::TagAttribution& tag : outcome.tags) {
        if (++shown > 30) {
            text.line(SavingsReport::tr("… and %1 more tags").arg(outcome.tags.size() - 30), 0.9);
            break;
        }
        text.line(
            SavingsReport::tr("%1: %2 requests, %3 under the policy against %4, %5 a "
                              "request%6")
                .arg(
                    tag.tag.empty() ? SavingsReport::tr("(untagged)")
                                    : QString::fromStdString(tag.tag),
                    uiformat::count(static_cast<int64_t>(tag.requests * month)),
                    uiformat::money(tag.spendUsd * month), uiformat::money(tag.baselineUsd * month),
                    uiformat::money(tag.costPerRequestUsd()),
                    tag.chr
                        ? SavingsReport::tr(", cache hit ratio %1").arg(uiformat::percent(*tag.chr))
                        : QString()),
            0.9);
    }
}

} // namespace

Expected<int> writeSavingsReport(const SavingsOutcome& outcome, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{path.toStdString(), 0, "", file.errorString().toStdString()};
    int pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(150);
        writer.setTitle(SavingsReport::tr("Savings of policy %1")
                            .arg(QString::fromStdString(outcome.context.policy.name)));
        writer.setCreator(QStringLiteral("Switchyard"));
        QPainter painter(&writer);
        const QRect area = painter.viewport();
        const auto next = [&]() {
            writer.newPage();
            ++pages;
        };
        summaryPage(painter, area, outcome);
        ++pages;
        const auto chartPage = [&](const QString& headline,
                                   const std::function<void(QChart*)>& fill) {
            next();
            PageText text(painter, area);
            text.line(headline, 1.5, true);
            const int top = area.top() + area.height() / 10;
            drawChart(painter, QRect(area.left(), top, area.width(), area.bottom() - top), fill);
        };
        chartPage(savingsheadlines::waterfall(outcome),
                  [&](QChart* chart) { savingscharts::fillWaterfall(chart, outcome); });
        chartPage(savingsheadlines::projection(outcome),
                  [&](QChart* chart) { savingscharts::fillProjection(chart, outcome); });
        chartPage(savingsheadlines::tiers(outcome),
                  [&](QChart* chart) { savingscharts::fillTierSpend(chart, outcome); });
        next();
        tagsPage(painter, area, outcome);
        if (!painter.end())
            return Error{path.toStdString(), 0, "", "the PDF could not be drawn"};
    }
    if (!file.commit())
        return Error{path.toStdString(), 0, "", file.errorString().toStdString()};
    return pages;
}
