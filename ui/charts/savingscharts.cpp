#include "savingscharts.h"

#include "barvaluelabels.h"
#include "chartpalette.h"
#include "chartsetup.h"
#include "uiformat.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace switchyard::report;

namespace {

// A translation context lupdate can see for the strings below.
struct SavingsCharts {
    Q_DECLARE_TR_FUNCTIONS(SavingsCharts)
};

QPen linePen(const QColor& color, Qt::PenStyle style = Qt::SolidLine, qreal width = 2.5) {
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    return pen;
}

// An amount written on a bar or a legend: whole dollars from $1,000 up, so labels fit over
// narrow bars and in a narrow chart's legend.
QString barAmount(double usd) {
    if (std::abs(usd) < 1000.0)
        return uiformat::money(usd);
    return QStringLiteral("$") + QLocale().toString(static_cast<qlonglong>(std::llround(usd)));
}

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace

namespace savingscharts {

QString leverTitle(Lever lever) {
    switch (lever) {
    case Lever::Routing:
        return SavingsCharts::tr("Routing");
    case Lever::Caching:
        return SavingsCharts::tr("Caching");
    case Lever::Batch:
        return SavingsCharts::tr("Batch");
    case Lever::Student:
        return SavingsCharts::tr("Student");
    }
    return {};
}

void fillWaterfall(QChart* chart, const Waterfall& waterfall, double monthFactor) {
    BarValueLabels::removeFrom(chart);
    chartsetup::clear(chart);
    chart->setTitle(SavingsCharts::tr("A month's bill, lever by lever"));
    const double baseline = waterfall.baselineUsd * monthFactor;
    const auto scale = chartsetup::moneyScale(baseline);
    // Stacked bars: an invisible base lifts each lever's bar to where the bill stood.
    auto* base = new QBarSet(QString());
    auto* totals = new QBarSet(SavingsCharts::tr("Bill"));
    auto* saved = new QBarSet(SavingsCharts::tr("Saved"));
    auto* added = new QBarSet(SavingsCharts::tr("Added cost"));
    base->setColor(Qt::transparent);
    base->setBorderColor(Qt::transparent);
    totals->setColor(chartpalette::baseline());
    saved->setColor(chartpalette::good());
    added->setColor(chartpalette::bad());
    QStringList categories;
    std::vector<std::pair<QPointF, QString>> labels;
    const auto bar = [&](const QString& category, double lifted, double total, double saving,
                         double extra, const QString& label) {
        labels.emplace_back(
            QPointF(categories.size(), (lifted + total + saving + extra) / scale.divisor), label);
        categories << category;
        *base << lifted / scale.divisor;
        *totals << total / scale.divisor;
        *saved << saving / scale.divisor;
        *added << extra / scale.divisor;
    };
    bar(SavingsCharts::tr("Baseline"), 0.0, baseline, 0.0, 0.0, barAmount(baseline));
    double top = baseline;
    for (const WaterfallStep& step : waterfall.steps) {
        const double before = step.beforeUsd * monthFactor;
        const double after = step.afterUsd * monthFactor;
        const double saving = before - after;
        top = std::max(top, before);
        const QString label =
            QStringLiteral("%1%2\n%3")
                .arg(saving >= 0.0 ? QStringLiteral("−") : QStringLiteral("+"),
                     barAmount(std::abs(saving)),
                     uiformat::percent(baseline > 0.0 ? std::abs(saving) / baseline : 0.0));
        if (saving >= 0.0)
            bar(leverTitle(step.lever), after, 0.0, saving, 0.0, label);
        else
            bar(leverTitle(step.lever), before, 0.0, 0.0, -saving, label);
    }
    const double final = waterfall.finalUsd * monthFactor;
    bar(SavingsCharts::tr("Policy"), 0.0, final, 0.0, 0.0, barAmount(final));

    auto* series = new QStackedBarSeries;
    series->append({base, totals, saved, added});
    series->setBarWidth(0.6);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    // The levers' names are short; eliding them ("Rout…") at 1280 pixels made them unreadable.
    x->setTruncateLabels(false);
    auto* y = new QValueAxis;
    // Room above the tallest bar for its two-line label.
    y->setRange(0.0, std::max(top, 1e-9) * 1.22 / scale.divisor);
    y->applyNiceNumbers();
    y->setLabelFormat(QString::fromLatin1(scale.format));
    y->setTitleText(SavingsCharts::tr("%1 a month").arg(chartsetup::moneyUnit(scale)));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, series, x, y);
    chart->legend()->markers(series).first()->setVisible(false); // the invisible base
    BarValueLabels::attach(chart, series, std::move(labels));
}

void fillProjection(QChart* chart, const std::vector<VolumePoint>& curve,
                    double assumedRequestsPerMonth,
                    const std::optional<ProvisionedBreakEven>& breakEven) {
    chartsetup::clear(chart);
    chart->setTitle(SavingsCharts::tr("Cost per month against request volume"));
    if (curve.empty())
        return;
    double low = curve.front().policyUsd;
    double high = 0.0;
    for (const VolumePoint& point : curve) {
        for (double value : {point.baselineUsd, point.policyUsd}) {
            if (value > 0.0)
                low = low > 0.0 ? std::min(low, value) : value;
            high = std::max(high, value);
        }
    }
    if (breakEven)
        high = std::max(high, breakEven->commitmentMonthUsd);
    low = std::max(low, high * 1e-6);
    if (!(high > 0.0))
        return;
    auto* baseline = new QLineSeries;
    baseline->setName(SavingsCharts::tr("Baseline"));
    baseline->setPen(linePen(chartpalette::baseline(), Qt::DashLine, 2.0));
    auto* policy = new QLineSeries;
    policy->setName(SavingsCharts::tr("Policy"));
    policy->setPen(linePen(chartpalette::good()));
    for (const VolumePoint& point : curve) {
        baseline->append(point.requestsPerMonth, std::max(point.baselineUsd, low));
        policy->append(point.requestsPerMonth, std::max(point.policyUsd, low));
    }
    auto* x = new QLogValueAxis;
    x->setBase(10);
    x->setRange(curve.front().requestsPerMonth, curve.back().requestsPerMonth);
    x->setLabelFormat("%g");
    x->setTitleText(SavingsCharts::tr("Requests per month (log scale)"));
    auto* y = new QLogValueAxis;
    y->setBase(10);
    y->setRange(low * 0.8, high * 1.25);
    y->setLabelFormat(QStringLiteral("$%g"));
    y->setTitleText(SavingsCharts::tr("USD a month (log scale)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, baseline, x, y);
    attach(chart, policy, x, y);

    auto* assumed = new QLineSeries;
    // The volume itself is on the axis and in the page's summary: a short name fits the legend.
    assumed->setName(SavingsCharts::tr("Assumed volume"));
    assumed->setPen(linePen(chartpalette::neutral(), Qt::DotLine, 1.5));
    assumed->append(assumedRequestsPerMonth, low * 0.8);
    assumed->append(assumedRequestsPerMonth, high * 1.25);
    attach(chart, assumed, x, y);
    if (!breakEven)
        return;
    auto* commitment = new QLineSeries;
    commitment->setName(SavingsCharts::tr("Provisioned throughput: %1 a month")
                            .arg(uiformat::money(breakEven->commitmentMonthUsd)));
    commitment->setPen(linePen(chartpalette::bad(), Qt::DashLine, 2.0));
    commitment->append(curve.front().requestsPerMonth, breakEven->commitmentMonthUsd);
    commitment->append(curve.back().requestsPerMonth, breakEven->commitmentMonthUsd);
    attach(chart, commitment, x, y);
    if (breakEven->kind == BreakEvenKind::Crossing) {
        auto* point = new QScatterSeries;
        point->setName(
            SavingsCharts::tr("Break-even: %1 requests a month")
                .arg(uiformat::count(static_cast<int64_t>(breakEven->requestsPerMonth))));
        point->setMarkerSize(14);
        point->setColor(chartpalette::bad());
        point->append(breakEven->requestsPerMonth, breakEven->commitmentMonthUsd);
        attach(chart, point, x, y);
    }
}

void fillTierSpend(QChart* chart, const QStringList& labels, const QStringList& models,
                   const std::vector<double>& monthSpendUsd) {
    chartsetup::clear(chart);
    chart->setTitle(SavingsCharts::tr("A month's spend per tier"));
    double top = 0.0;
    for (double spend : monthSpendUsd)
        top = std::max(top, spend);
    const auto scale = chartsetup::moneyScale(top);
    auto* series = new QHorizontalBarSeries;
    // One set per tier, so each bar takes its model's colour and the legend names it.
    for (int k = 0; k < labels.size() && k < static_cast<int>(monthSpendUsd.size()); ++k) {
        auto* set = new QBarSet(
            QStringLiteral("%1: %2").arg(labels[k], barAmount(monthSpendUsd[size_t(k)])));
        set->setColor(models[k].isEmpty() ? chartpalette::baseline()
                                          : chartpalette::colorForModel(models[k]));
        *set << monthSpendUsd[size_t(k)] / scale.divisor;
        series->append(set);
    }
    series->setBarWidth(0.8);
    auto* y = new QBarCategoryAxis;
    y->append(SavingsCharts::tr("Tiers"));
    y->setVisible(false);
    auto* x = new QValueAxis;
    x->setRange(0.0, std::max(top, 1e-9) * 1.1 / scale.divisor);
    x->applyNiceNumbers();
    x->setLabelFormat(QString::fromLatin1(scale.format));
    x->setTitleText(SavingsCharts::tr("%1 a month").arg(chartsetup::moneyUnit(scale)));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, series, x, y);
}

void fillWaterfall(QChart* chart, const switchyard::workbench::SavingsOutcome& outcome) {
    fillWaterfall(chart, outcome.waterfall, outcome.monthFactor());
}

void fillProjection(QChart* chart, const switchyard::workbench::SavingsOutcome& outcome) {
    fillProjection(chart, outcome.projection, outcome.requestsPerMonth, outcome.breakEven);
}

void fillTierSpend(QChart* chart, const switchyard::workbench::SavingsOutcome& outcome) {
    QStringList labels, models;
    std::vector<double> spend;
    const auto& tiers = outcome.context.policy.tiers;
    for (size_t k = 0; k < outcome.tierSpend.size(); ++k) {
        const bool canned = k >= tiers.size();
        if (canned && outcome.tierSpend[k].requests == 0)
            continue;
        labels << (canned ? SavingsCharts::tr("canned answers")
                          : QString::fromStdString(tiers[k].name));
        models << (canned ? QString() : QString::fromStdString(tiers[k].model));
        spend.push_back(outcome.tierSpend[k].spendUsd * outcome.monthFactor());
    }
    fillTierSpend(chart, labels, models, spend);
}

} // namespace savingscharts
