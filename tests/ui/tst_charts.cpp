// Chart infrastructure shared by every page: the model palette, chart export, and time axes that
// read UTC whatever the machine's time zone.
#include "charts/chartpalette.h"
#include "charts/exportablechartview.h"
#include "charts/trafficcharts.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QtTest>

#include <ctime>

class TestCharts : public QObject {
    Q_OBJECT

private slots:
    void modelsKeepTheirColour() {
        const QColor first = chartpalette::colorForModel(QStringLiteral("bedrock/nova-micro"));
        const QColor second = chartpalette::colorForModel(QStringLiteral("bedrock/claude-sonnet"));
        QVERIFY(first != second);
        QCOMPARE(chartpalette::colorForModel(QStringLiteral("bedrock/nova-micro")), first);
        QVERIFY(chartpalette::baseline() != first && chartpalette::baseline() != second);
    }

    void exportsPngAndSvg() {
        auto* chart = new QChart;
        auto* series = new QLineSeries;
        series->append(0, 1);
        series->append(1, 3);
        chart->addSeries(series);
        chart->createDefaultAxes();
        chart->setTitle(QStringLiteral("Cost per 1k requests"));
        ExportableChartView view(chart);
        view.resize(640, 400);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(view.savePng(png));
        QVERIFY(view.saveSvg(svg));
        QImage image(png);
        QCOMPARE(image.size(), QSize(640, 400));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("Cost per 1k requests"));
        QVERIFY(!view.savePng(dir.filePath(QStringLiteral("missing/dir/chart.png"))));
    }

    // Traffic is bucketed by UTC day; the axis labels local time, so points are placed where the
    // local label reads the UTC day, across a daylight-saving change too.
    void spendTimelineReadsUtcAcrossDaylightSaving() {
        const QByteArray savedTz = qgetenv("TZ");
        qputenv("TZ", "America/New_York");
        tzset();
        const qint64 oct30 = 1793318400000; // 2026-10-30T00:00:00Z; US clocks go back Nov 1
        const qint64 day = 86'400'000;
        const bool changes = QDateTime::fromMSecsSinceEpoch(oct30).offsetFromUtc() !=
                             QDateTime::fromMSecsSinceEpoch(oct30 + 4 * day).offsetFromUtc();
        switchyard::TrafficDashboard board;
        board.bucketMs = day;
        for (int d = 0; d < 5; ++d)
            board.bucketStartMs.push_back(oct30 + d * day);
        board.spendByModel.push_back({"m", {1.0, 2.0, 3.0, 2.0, 1.0}});
        QChart chart;
        trafficcharts::fillSpendTimeline(&chart, board, board.spendByModel, QStringLiteral("t"),
                                         trafficcharts::SeriesColors::OfModel);
        auto* area = qobject_cast<QAreaSeries*>(chart.series().value(0));
        QVERIFY(area);
        QStringList labels;
        for (const QPointF& point : area->upperSeries()->points())
            labels << QDateTime::fromMSecsSinceEpoch(qint64(point.x()))
                          .toString(QStringLiteral("MMM d HH:mm"));
        qputenv("TZ", savedTz);
        tzset();
        if (!changes)
            QSKIP("no time zone database here: America/New_York reads as UTC");
        QCOMPARE(labels.first(), QStringLiteral("Oct 30 00:00"));
        QCOMPARE(labels.last(), QStringLiteral("Nov 4 00:00"));
        QVERIFY2(labels.contains(QStringLiteral("Nov 2 00:00")), qPrintable(labels.join(", ")));
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
