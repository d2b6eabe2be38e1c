#include "routercharts.h"

#include "chartpalette.h"
#include "chartsetup.h"
#include "uiformat.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace routercharts {

namespace {

// A translation context lupdate can see for the strings below.
struct RouterCharts {
    Q_DECLARE_TR_FUNCTIONS(RouterCharts)
};

// No chart draws more configurations than this; the frontier is drawn in full.
constexpr size_t kMaxScatterPoints = 250;
const char* const kCurrentPoint = "currentPoint";
const char* const kReferencePoint = "referencePoint"; // "All <model>"

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

void hideFromLegend(QChart* chart, QAbstractSeries* series) {
    const auto markers = chart->legend()->markers(series);
    for (QLegendMarker* marker : markers)
        marker->setVisible(false);
}

QValueAxis* valueAxis(QChart* chart) {
    const auto axes = chart->axes(Qt::Horizontal);
    return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis*>(axes.front());
}

// Horizontal bars, one category per tier, each bar in its tier's colour: a stacked series whose
// sets are zero outside their own category.
void fillBars(QChart* chart, const QStringList& categories, const std::vector<QColor>& colors,
              const std::vector<double>& values, const QString& valueTitle,
              const QString& labelFormat, const QString& axisFormat) {
    chartsetup::clear(chart);
    chart->legend()->setVisible(false);
    auto* series = new QHorizontalStackedBarSeries;
    double maximum = 0.0;
    for (qsizetype i = 0; i < categories.size(); ++i) {
        auto* set = new QBarSet(categories[i]);
        for (qsizetype j = 0; j < categories.size(); ++j)
            set->append(i == j ? values[static_cast<size_t>(i)] : 0.0);
        set->setColor(colors[static_cast<size_t>(i)]);
        set->setBorderColor(colors[static_cast<size_t>(i)]);
        set->setLabelColor(Qt::black);
        series->append(set);
        maximum = std::max(maximum, values[static_cast<size_t>(i)]);
    }
    series->setBarWidth(0.6);
    series->setLabelsVisible(true);
    series->setLabelsFormat(labelFormat);
    series->setLabelsPrecision(3); // significant digits: $0.0421, 62.5 %
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    auto* x = new QValueAxis;
    x->setTitleText(valueTitle);
    x->setRange(0.0, maximum > 0 ? maximum * 1.15 : 1.0);
    x->setTickCount(5);
    x->applyNiceNumbers();
    x->setLabelFormat(axisFormat);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, series, x, y);
}

} // namespace

void fillFrontier(QChart* chart, const switchyard::routing::SweepResult& sweep,
                  const std::vector<ReferencePoint>& references) {
    chartsetup::clear(chart);
    chart->setTitle(RouterCharts::tr("Cost against quality: every threshold of this router"));
    chart->legend()->setVisible(true);
    double minCost = INFINITY, maxCost = 0.0, minQuality = INFINITY, maxQuality = -INFINITY;
    auto extend = [&](double cost, double quality) {
        minCost = std::min(minCost, cost);
        maxCost = std::max(maxCost, cost);
        minQuality = std::min(minQuality, quality);
        maxQuality = std::max(maxQuality, quality);
    };

    auto* configurations = new QScatterSeries;
    configurations->setName(RouterCharts::tr("Thresholds swept"));
    configurations->setMarkerSize(6);
    // Not a model colour: the sweep is the router's, and must not take a model's slot.
    configurations->setColor(QColor(0x3B, 0x4A, 0x6B));
    configurations->setBorderColor(Qt::transparent);
    const size_t step =
        std::max<size_t>(1, (sweep.points.size() + kMaxScatterPoints - 1) / kMaxScatterPoints);
    for (size_t i = 0; i < sweep.points.size(); i += step) {
        configurations->append(sweep.points[i].costPer1kUsd, sweep.points[i].quality);
        extend(sweep.points[i].costPer1kUsd, sweep.points[i].quality);
    }

    // The best quality reachable for at most this cost: flat until the next frontier point.
    auto* frontier = new QLineSeries;
    frontier->setName(RouterCharts::tr("Pareto frontier"));
    QPen frontierPen(configurations->color().darker(130));
    frontierPen.setWidthF(2.0);
    frontier->setPen(frontierPen);
    for (size_t i = 0; i < sweep.frontier.size(); ++i) {
        const auto& point = sweep.points[sweep.frontier[i]];
        if (i > 0)
            frontier->append(point.costPer1kUsd, sweep.points[sweep.frontier[i - 1]].quality);
        frontier->append(point.costPer1kUsd, point.quality);
        extend(point.costPer1kUsd, point.quality);
    }

    QList<QAbstractSeries*> series = {configurations, frontier};
    QList<QAbstractSeries*> unlisted;
    if (references.size() >= 2) {
        auto* random = new QLineSeries;
        random->setName(RouterCharts::tr("Random mix"));
        QPen dashed(chartpalette::baseline());
        dashed.setStyle(Qt::DashLine);
        dashed.setWidthF(1.5);
        random->setPen(dashed);
        random->append(references.front().costPer1kUsd, references.front().quality);
        random->append(references.back().costPer1kUsd, references.back().quality);
        series << random;
    }
    for (const ReferencePoint& reference : references) {
        auto* point = new QScatterSeries;
        point->setObjectName(QLatin1String(kReferencePoint));
        point->setName(reference.label);
        point->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        point->setMarkerSize(11);
        point->setColor(chartpalette::baseline());
        point->setBorderColor(chartpalette::baseline().darker(150));
        point->append(reference.costPer1kUsd, reference.quality);
        point->setPointLabelsFormat(reference.label);
        point->setPointLabelsVisible(true);
        point->setPointLabelsClipping(false);
        extend(reference.costPer1kUsd, reference.quality);
        series << point;
        unlisted << point;
    }
    auto* current = new QScatterSeries;
    current->setObjectName(QLatin1String(kCurrentPoint));
    current->setName(RouterCharts::tr("This router"));
    current->setMarkerSize(18);
    current->setColor(QColor(0x20, 0x20, 0x20));
    current->setBorderColor(Qt::white);
    current->setPointLabelsFormat(RouterCharts::tr("This router"));
    current->setPointLabelsVisible(true);
    current->setPointLabelsClipping(false);
    QFont labelFont = current->pointLabelsFont();
    labelFont.setBold(true);
    current->setPointLabelsFont(labelFont);
    series << current;

    if (!std::isfinite(minCost)) {
        minCost = minQuality = 0.0;
        maxCost = maxQuality = 1.0;
    }
    // Room on the right and on top for the labels of the dearest reference point.
    const double costSpan = std::max(1e-9, maxCost - minCost);
    const double qualitySpan = std::max(0.01, maxQuality - minQuality);
    auto* x = new QValueAxis;
    x->setTitleText(RouterCharts::tr("Cost per 1k requests (USD)"));
    x->setRange(std::max(0.0, minCost - costSpan * 0.05), maxCost + costSpan * 0.2);
    x->setTickCount(6);
    x->applyNiceNumbers();
    x->setLabelFormat(chartsetup::moneyAxisFormat(x->max()));
    auto* y = new QValueAxis;
    y->setTitleText(RouterCharts::tr("Quality (mean score)"));
    y->setRange(std::max(0.0, minQuality - qualitySpan * 0.08),
                std::min(1.0, maxQuality + qualitySpan * 0.15));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : series)
        attach(chart, s, x, y);
    for (QAbstractSeries* s : unlisted)
        hideFromLegend(chart, s);
}

namespace {

// Within a label's width and height of a reference point, in the chart's own proportions.
bool nearReferencePoint(QChart* chart, QPointF point) {
    const auto horizontal = chart->axes(Qt::Horizontal);
    const auto vertical = chart->axes(Qt::Vertical);
    if (horizontal.isEmpty() || vertical.isEmpty())
        return false;
    const auto* x = qobject_cast<QValueAxis*>(horizontal.front());
    const auto* y = qobject_cast<QValueAxis*>(vertical.front());
    if (!x || !y || x->max() <= x->min() || y->max() <= y->min())
        return false;
    for (QAbstractSeries* s : chart->series()) {
        auto* scatter = qobject_cast<QScatterSeries*>(s);
        if (!scatter || scatter->objectName() != QLatin1String(kReferencePoint))
            continue;
        for (const QPointF& reference : scatter->points())
            if (std::abs(reference.x() - point.x()) < 0.25 * (x->max() - x->min()) &&
                std::abs(reference.y() - point.y()) < 0.08 * (y->max() - y->min()))
                return true;
    }
    return false;
}

} // namespace

void setCurrentPoint(QChart* chart, double costPer1kUsd, double quality) {
    const auto series = chart->series();
    for (QAbstractSeries* s : series) {
        if (s->objectName() != QLatin1String(kCurrentPoint))
            continue;
        auto* current = static_cast<QScatterSeries*>(s);
        // The figures go in the legend: a long label on the point would cross the curve.
        current->setName(RouterCharts::tr("This router (%1, %2)")
                             .arg(uiformat::money(costPer1kUsd))
                             .arg(QLocale().toString(quality, 'f', 3)));
        current->replace(QList<QPointF>{QPointF(costPer1kUsd, quality)});
        // Next to an "All <model>" point the two labels would print over each other; the
        // marker and the legend still say which point is this router.
        current->setPointLabelsVisible(!nearReferencePoint(chart, QPointF(costPer1kUsd, quality)));
    }
}

namespace {

// One bar per tier in its model's colour, plus any extra bars the caller appends.
struct Bars {
    QStringList categories;
    std::vector<QColor> colors;
    std::vector<double> values;
};

Bars tierBars(const std::vector<Tier>& tiers, const std::vector<double>& values) {
    Bars bars;
    for (size_t k = 0; k < tiers.size(); ++k) {
        bars.categories << tiers[k].label;
        bars.colors.push_back(chartpalette::colorForModel(tiers[k].modelRef));
        bars.values.push_back(k < values.size() ? values[k] : 0.0);
    }
    return bars;
}

} // namespace

void fillTierShare(QChart* chart, const std::vector<Tier>& tiers,
                   const std::vector<double>& shares) {
    chart->setTitle(RouterCharts::tr("Where the requests go"));
    Bars bars = tierBars(tiers, shares);
    // Percent, rounded here so the bar labels read "62.5 %", not "62.4789 %".
    for (double& value : bars.values)
        value = std::round(value * 1000.0) / 10.0;
    fillBars(chart, bars.categories, bars.colors, bars.values,
             RouterCharts::tr("Share of requests (%)"), QStringLiteral("@value %"),
             QStringLiteral("%.0f %%"));
    if (QValueAxis* x = valueAxis(chart))
        x->setRange(0.0, 100.0);
}

void fillTierSpend(QChart* chart, const std::vector<Tier>& tiers,
                   const std::vector<double>& spendPer1kUsd, double preRouterPer1kUsd) {
    chart->setTitle(RouterCharts::tr("What each tier costs"));
    Bars bars = tierBars(tiers, spendPer1kUsd);
    if (preRouterPer1kUsd > 0.0) {
        bars.categories << RouterCharts::tr("Classifier calls");
        bars.colors.push_back(chartpalette::baseline());
        bars.values.push_back(preRouterPer1kUsd);
    }
    const double maximum =
        bars.values.empty() ? 0.0 : *std::max_element(bars.values.begin(), bars.values.end());
    fillBars(chart, bars.categories, bars.colors, bars.values,
             RouterCharts::tr("Cost per 1k requests (USD)"), QStringLiteral("$@value"),
             chartsetup::moneyAxisFormat(maximum * 1.5));
}

} // namespace routercharts
