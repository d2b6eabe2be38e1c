// Chart infrastructure shared by every page: the model palette and chart export.
#include "charts/chartpalette.h"
#include "charts/exportablechartview.h"

#include <QChart>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QtTest>

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
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
