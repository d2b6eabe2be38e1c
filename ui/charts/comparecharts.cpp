#include "comparecharts.h"

#include "chartpalette.h"
#include "chartsetup.h"

#include <QChart>
#include <QCoreApplication>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace comparecharts {

namespace {

struct CompareCharts {
    Q_DECLARE_TR_FUNCTIONS(CompareCharts)
};

// Costs 10 to 100 times apart crowd the cheap models into one corner of a linear axis.
constexpr double kLogAxisSpread = 20.0;

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace

void fillQualityAgainstCost(QChart* chart, const switchyard::workbench::CompareOutcome& outcome) {
    chartsetup::clear(chart);
    chart->setTitle(CompareCharts::tr("Quality against cost, with 95 % intervals"));
    chart->legend()->setVisible(true);
    struct Point {
        QString label;
        double cost;
        double mean;
        double low;
        double high;
    };
    std::vector<Point> points;
    for (const auto& [label, figures] : outcome.models) {
        // A column without scores or without a price has no place on these axes.
        if (figures.score.n == 0 || figures.answers == figures.unpriced ||
            figures.costPer1kUsd <= 0.0)
            continue;
        const auto ci =
            figures.score.ci95.value_or(std::pair{figures.score.mean, figures.score.mean});
        points.push_back({QString::fromStdString(label), figures.costPer1kUsd, figures.score.mean,
                          ci.first, ci.second});
    }
    if (points.empty()) {
        chart->setTitle(CompareCharts::tr("Quality against cost: no column has both scores and "
                                          "prices"));
        return;
    }
    double minCost = INFINITY, maxCost = 0.0, minQuality = 1.0, maxQuality = 0.0;
    for (const Point& point : points) {
        minCost = std::min(minCost, point.cost);
        maxCost = std::max(maxCost, point.cost);
        minQuality = std::min(minQuality, point.low);
        maxQuality = std::max(maxQuality, point.high);
    }
    QAbstractAxis* x = nullptr;
    if (maxCost / minCost > kLogAxisSpread) {
        auto* axis = new QLogValueAxis;
        axis->setBase(10.0);
        axis->setRange(minCost / 2.0, maxCost * 2.0);
        axis->setLabelFormat(QStringLiteral("$%g")); // $0.1, $1, $10: one tick per decade
        axis->setMinorTickCount(-1);
        x = axis;
    } else {
        auto* axis = new QValueAxis;
        const double pad = std::max(maxCost - minCost, maxCost * 0.2) * 0.15;
        axis->setRange(std::max(0.0, minCost - pad), maxCost + pad);
        axis->setTickCount(6);
        axis->setLabelFormat(chartsetup::moneyAxisFormat(maxCost));
        x = axis;
    }
    x->setTitleText(CompareCharts::tr("Cost per 1k requests (USD)"));
    auto* y = new QValueAxis;
    const double pad = std::max(0.02, (maxQuality - minQuality) * 0.15);
    y->setRange(std::max(0.0, minQuality - pad), std::min(1.0, maxQuality + pad));
    y->setTickCount(6);
    y->setLabelFormat(QStringLiteral("%.2f"));
    y->setTitleText(CompareCharts::tr("Quality (mean score)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    for (const Point& point : points) {
        const QColor color = chartpalette::colorForModel(point.label);
        auto* bar = new QLineSeries;
        QPen pen(color);
        pen.setWidthF(2.0);
        bar->setPen(pen);
        bar->append(point.cost, point.low);
        bar->append(point.cost, point.high);
        attach(chart, bar, x, y);
        for (QLegendMarker* marker : chart->legend()->markers(bar))
            marker->setVisible(false);

        auto* marker = new QScatterSeries;
        marker->setName(point.label);
        marker->setColor(color);
        marker->setBorderColor(color.darker(140));
        marker->setMarkerSize(12);
        marker->append(point.cost, point.mean);
        marker->setPointLabelsVisible(true);
        marker->setPointLabelsFormat(point.label);
        marker->setPointLabelsClipping(false);
        attach(chart, marker, x, y);
    }
}

} // namespace comparecharts
