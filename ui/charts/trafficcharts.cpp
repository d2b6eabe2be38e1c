#include "trafficcharts.h"

#include "barvaluelabels.h"
#include "chartpalette.h"
#include "chartsetup.h"
#include "uiformat.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace trafficcharts {

namespace {

// A translation context lupdate can see for the strings below.
struct TrafficCharts {
    Q_DECLARE_TR_FUNCTIONS(TrafficCharts)
};

// More series than this stack into an unreadable rainbow: the rest are summed as "Other".
constexpr size_t kMaxSeries = 6;
constexpr size_t kMaxModelBars = 8;

QString tierLabel(switchyard::ModelTier tier) {
    switch (tier) {
    case switchyard::ModelTier::Premium:
        return TrafficCharts::tr("Premium");
    case switchyard::ModelTier::Standard:
        return TrafficCharts::tr("Standard");
    case switchyard::ModelTier::Economy:
        return TrafficCharts::tr("Economy");
    case switchyard::ModelTier::Unpriced:
        break;
    }
    return TrafficCharts::tr("Unpriced");
}

} // namespace

void fillSpendTimeline(QChart* chart, const switchyard::TrafficDashboard& board,
                       const std::vector<switchyard::SpendSeries>& source, const QString& title,
                       SeriesColors colors) {
    chartsetup::clear(chart);
    chart->setTitle(title);
    if (source.empty() || board.bucketStartMs.empty())
        return;
    // The largest series as they are, the rest summed (the lists are sorted by spend).
    std::vector<switchyard::SpendSeries> series(
        source.begin(), source.begin() + std::min(source.size(), kMaxSeries));
    if (source.size() > kMaxSeries) {
        switchyard::SpendSeries other{TrafficCharts::tr("Other").toStdString(),
                                      std::vector<double>(board.bucketStartMs.size())};
        for (size_t s = kMaxSeries; s < source.size(); ++s)
            for (size_t b = 0; b < other.costUsd.size(); ++b)
                other.costUsd[b] += source[s].costUsd[b];
        series.push_back(std::move(other));
    }
    double peak = 0;
    std::vector<double> stacked(board.bucketStartMs.size(), 0.0);
    for (const auto& one : series)
        for (size_t b = 0; b < stacked.size(); ++b)
            peak = std::max(peak, stacked[b] += one.costUsd[b]);
    const chartsetup::MoneyScale scale = chartsetup::moneyScale(peak);

    // QDateTimeAxis labels in local time; the figures are UTC days and hours, so each point is
    // shifted by the local offset at its own time (not the first bucket's: a daylight-saving
    // change inside the range would move every later label by an hour) and the labels read UTC.
    auto onAxis = [](qint64 utcMs) {
        return utcMs - qint64(QDateTime::fromMSecsSinceEpoch(utcMs).offsetFromUtc()) * 1000;
    };
    auto* x = new QDateTimeAxis;
    const bool hourly = board.bucketMs < 86'400'000;
    x->setFormat(hourly ? QStringLiteral("MMM d HH:mm") : QStringLiteral("MMM d"));
    x->setTitleText(hourly ? TrafficCharts::tr("Time (UTC, hourly buckets)")
                           : TrafficCharts::tr("Date (UTC, daily buckets)"));
    const qint64 start = board.bucketStartMs.front();
    const qint64 end = board.bucketStartMs.back() + board.bucketMs;
    x->setRange(QDateTime::fromMSecsSinceEpoch(onAxis(start)),
                QDateTime::fromMSecsSinceEpoch(onAxis(end)));
    x->setTickCount(std::clamp(static_cast<int>(board.bucketStartMs.size()) + 1, 2, 8));
    auto* y = new QValueAxis;
    y->setTitleText(
        hourly ? TrafficCharts::tr("Spend per hour (%1)").arg(chartsetup::moneyUnit(scale))
               : TrafficCharts::tr("Spend per day (%1)").arg(chartsetup::moneyUnit(scale)));
    y->setRange(0, std::max(peak / scale.divisor * 1.1, 1e-6));
    y->setLabelFormat(chartsetup::moneyAxisFormat(peak / scale.divisor));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    std::vector<double> below(board.bucketStartMs.size(), 0.0);
    for (size_t s = 0; s < series.size(); ++s) {
        auto* lower = new QLineSeries;
        auto* upper = new QLineSeries;
        for (size_t b = 0; b < below.size(); ++b) {
            const double top = below[b] + series[s].costUsd[b];
            // Each bucket a step: flat from its start to its end.
            for (qint64 at : {board.bucketStartMs[b], board.bucketStartMs[b] + board.bucketMs}) {
                lower->append(double(onAxis(at)), below[b] / scale.divisor);
                upper->append(double(onAxis(at)), top / scale.divisor);
            }
            below[b] = top;
        }
        auto* area = new QAreaSeries(upper, lower);
        const QString name = QString::fromStdString(series[s].name);
        area->setName(name);
        const bool other = s == kMaxSeries;
        area->setColor(other                             ? chartpalette::baseline()
                       : colors == SeriesColors::OfModel ? chartpalette::colorForModel(name)
                                                         : chartpalette::seriesColor(int(s)));
        area->setPen(Qt::NoPen);
        chart->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
    }
}

void fillTierSpend(QChart* chart, const switchyard::TrafficDashboard& board) {
    chartsetup::clear(chart);
    BarValueLabels::removeFrom(chart);
    chart->setTitle(TrafficCharts::tr("Spend per price tier"));
    if (board.tiers.empty())
        return;
    double peak = 0;
    for (const auto& tier : board.tiers)
        peak = std::max(peak, tier.costUsd);
    const chartsetup::MoneyScale scale = chartsetup::moneyScale(peak);
    auto* set = new QBarSet(TrafficCharts::tr("Spend"));
    set->setColor(chartpalette::seriesColor(0));
    QStringList categories;
    std::vector<std::pair<QPointF, QString>> labels;
    for (const auto& tier : board.tiers) {
        const double value = tier.costUsd / scale.divisor;
        labels.emplace_back(
            QPointF(double(categories.size()), value),
            TrafficCharts::tr("%1 (%2 req.)")
                .arg(uiformat::money(tier.costUsd), uiformat::count(tier.requests)));
        categories << tierLabel(tier.tier);
        *set << value;
    }
    auto* bars = new QBarSeries;
    bars->append(set);
    chart->addSeries(bars);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(TrafficCharts::tr("Tier (output price per million tokens)"));
    auto* y = new QValueAxis;
    y->setTitleText(TrafficCharts::tr("Spend (%1)").arg(chartsetup::moneyUnit(scale)));
    y->setRange(0, std::max(peak / scale.divisor * 1.2, 1e-6)); // room for the values
    y->setLabelFormat(chartsetup::moneyAxisFormat(peak / scale.divisor));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    chart->legend()->hide();
    BarValueLabels::attach(chart, bars, std::move(labels));
}

void fillTokenVolume(QChart* chart, const switchyard::TrafficDashboard& board) {
    chartsetup::clear(chart);
    BarValueLabels::removeFrom(chart);
    chart->setTitle(TrafficCharts::tr("Tokens in and out by model"));
    if (board.models.empty())
        return;
    const size_t shown = std::min(board.models.size(), kMaxModelBars);
    int64_t peak = 0;
    for (size_t m = 0; m < shown; ++m)
        peak = std::max({peak, board.models[m].inputTokens, board.models[m].outputTokens});
    const bool millions = peak >= 1'000'000;
    const double divisor = millions ? 1e6 : 1e3;
    auto* input = new QBarSet(TrafficCharts::tr("Input (cached included)"));
    auto* cached = new QBarSet(TrafficCharts::tr("of which read from cache"));
    auto* output = new QBarSet(TrafficCharts::tr("Output"));
    input->setColor(chartpalette::seriesColor(0));
    cached->setColor(chartpalette::good());
    output->setColor(chartpalette::seriesColor(1));
    QStringList categories;
    for (size_t m = shown; m-- > 0;) {
        const auto& model = board.models[m];
        categories << QString::fromStdString(model.model);
        *input << double(model.inputTokens) / divisor;
        *cached << double(model.cacheReadTokens) / divisor;
        *output << double(model.outputTokens) / divisor;
    }
    auto* bars = new QHorizontalBarSeries;
    bars->append({input, cached, output});
    chart->addSeries(bars);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    auto* x = new QValueAxis;
    x->setTitleText(millions ? TrafficCharts::tr("Tokens (millions)")
                             : TrafficCharts::tr("Tokens (thousands)"));
    x->setRange(0, std::max(double(peak) / divisor * 1.05, 1e-6));
    x->setLabelFormat(QStringLiteral("%.1f"));
    x->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(y);
    bars->attachAxis(x);
}

} // namespace trafficcharts
