#include "cachecharts.h"

#include "chartpalette.h"
#include "chartsetup.h"
#include "uiformat.h"

#include <QAreaSeries>
#include <QChart>
#include <QCoreApplication>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cachecharts {

namespace {

// A translation context lupdate can see for the strings below.
struct CacheCharts {
    Q_DECLARE_TR_FUNCTIONS(CacheCharts)
};

// Axis labels are printf formats (no thousands separators), so large sums are shown in
// thousands with the unit in the axis title.
} // namespace

void fillTimeline(QChart* chart, const switchyard::CacheSimulation& simulation) {
    chartsetup::clear(chart);
    chart->setTitle(CacheCharts::tr("Requests over time: cache hits, writes and misses"));
    const auto& buckets = simulation.timeline;
    if (buckets.empty())
        return;
    const int64_t spanMs = buckets.back().startMs + simulation.timelineBucketMs;
    // Hours for traffic that spans more than two hours, minutes otherwise.
    const bool hours = spanMs > 2 * 3600 * 1000;
    const double unitMs = hours ? 3600.0 * 1000.0 : 60.0 * 1000.0;

    auto* hitsTop = new QLineSeries;
    auto* writesTop = new QLineSeries;
    auto* missesTop = new QLineSeries;
    auto* base = new QLineSeries;
    double peak = 0;
    for (const auto& bucket : buckets) {
        // Each bucket is drawn as a step: flat from its start to its end.
        for (double x :
             {static_cast<double>(bucket.startMs) / unitMs,
              static_cast<double>(bucket.startMs + simulation.timelineBucketMs) / unitMs}) {
            const double hits = static_cast<double>(bucket.hits);
            const double writes = hits + static_cast<double>(bucket.writes);
            const double misses = writes + static_cast<double>(bucket.misses);
            base->append(x, 0);
            hitsTop->append(x, hits);
            writesTop->append(x, writes);
            missesTop->append(x, misses);
            peak = std::max(peak, misses);
        }
    }
    auto* hits = new QAreaSeries(hitsTop, base);
    hits->setName(CacheCharts::tr("Hit (read from cache)"));
    hits->setColor(chartpalette::good());
    auto* writesLower = new QLineSeries;
    writesLower->append(hitsTop->points());
    auto* writes = new QAreaSeries(writesTop, writesLower);
    writes->setName(CacheCharts::tr("Write (paid the write premium)"));
    writes->setColor(chartpalette::neutral());
    auto* missesLower = new QLineSeries;
    missesLower->append(writesTop->points());
    auto* misses = new QAreaSeries(missesTop, missesLower);
    misses->setName(CacheCharts::tr("Miss (plain input)"));
    misses->setColor(chartpalette::bad());

    auto* x = new QValueAxis;
    x->setTitleText(hours ? CacheCharts::tr("Time since first request (hours)")
                          : CacheCharts::tr("Time since first request (minutes)"));
    x->setRange(0, static_cast<double>(spanMs) / unitMs);
    x->setLabelFormat("%.0f");
    x->applyNiceNumbers();
    auto* y = new QValueAxis;
    y->setTitleText(CacheCharts::tr("Requests per interval"));
    y->setRange(0, std::max(1.0, peak * 1.1));
    y->setLabelFormat("%.0f");
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAreaSeries* series : {hits, writes, misses}) {
        series->setPen(Qt::NoPen);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

void fillSavingsCurve(QChart* chart, const switchyard::SavingsCurve& curve,
                      double currentRatePerMinute) {
    chartsetup::clear(chart);
    chart->setTitle(CacheCharts::tr("Savings per month against request rate"));
    if (curve.points.empty())
        return;
    double extreme = 0;
    for (const auto& point : curve.points)
        extreme = std::max(extreme, std::abs(point.monthlySavingsUsd));
    const chartsetup::MoneyScale scale = chartsetup::moneyScale(extreme);
    auto* savings = new QLineSeries;
    savings->setName(CacheCharts::tr("Savings"));
    QPen pen(chartpalette::good());
    pen.setWidthF(2.5);
    savings->setPen(pen);
    double low = 0;
    double high = 0;
    for (const auto& point : curve.points) {
        const double value = point.monthlySavingsUsd / scale.divisor;
        savings->append(point.requestsPerMinute, value);
        low = std::min(low, value);
        high = std::max(high, value);
    }
    const double minRate = curve.points.front().requestsPerMinute;
    const double maxRate = curve.points.back().requestsPerMinute;
    const double pad = std::max(1e-6, (high - low) * 0.08);

    auto* zero = new QLineSeries;
    zero->setName(CacheCharts::tr("No saving"));
    QPen dashed(chartpalette::baseline());
    dashed.setStyle(Qt::DashLine);
    zero->setPen(dashed);
    zero->append(minRate, 0);
    zero->append(maxRate, 0);

    auto* x = new QLogValueAxis;
    x->setBase(10);
    x->setRange(minRate, maxRate);
    x->setLabelFormat("%g");
    x->setTitleText(CacheCharts::tr("Request rate (requests per minute, log scale)"));
    auto* y = new QValueAxis;
    y->setRange(low - pad, high + pad);
    y->setLabelFormat(QString::fromLatin1(scale.format));
    y->setTitleText(
        CacheCharts::tr("Savings per 30-day month (%1)").arg(chartsetup::moneyUnit(scale)));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    QList<QAbstractSeries*> series = {zero, savings};
    if (curve.kind == switchyard::BreakEvenKind::Crossing) {
        auto* breakEven = new QLineSeries;
        breakEven->setName(CacheCharts::tr("Break-even"));
        QPen marker(chartpalette::bad());
        marker.setStyle(Qt::DashLine);
        marker.setWidthF(1.5);
        breakEven->setPen(marker);
        breakEven->append(curve.breakEvenPerMinute, low - pad);
        breakEven->append(curve.breakEvenPerMinute, high + pad);
        series << breakEven;
    }
    if (currentRatePerMinute >= minRate && currentRatePerMinute <= maxRate) {
        // The operating point: the savings at the simulated rate, interpolated on the curve.
        double current = curve.points.front().monthlySavingsUsd / scale.divisor;
        for (size_t i = 1; i < curve.points.size(); ++i) {
            const auto& a = curve.points[i - 1];
            const auto& b = curve.points[i];
            if (currentRatePerMinute <= b.requestsPerMinute) {
                const double t = (std::log(currentRatePerMinute) - std::log(a.requestsPerMinute)) /
                                 (std::log(b.requestsPerMinute) - std::log(a.requestsPerMinute));
                current = (a.monthlySavingsUsd + t * (b.monthlySavingsUsd - a.monthlySavingsUsd)) /
                          scale.divisor;
                break;
            }
        }
        auto* point = new QScatterSeries;
        point->setName(CacheCharts::tr("This traffic"));
        point->setMarkerSize(14);
        point->setColor(chartpalette::colorForModel(QStringLiteral("operating point")));
        point->append(currentRatePerMinute, current);
        series << point;
    }
    for (QAbstractSeries* s : series) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

} // namespace cachecharts
