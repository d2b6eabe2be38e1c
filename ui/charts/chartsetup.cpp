#include "chartsetup.h"

#include "exportablechartview.h"

#include <QAbstractAxis>
#include <QChart>
#include <QCoreApplication>
#include <QLegend>

namespace chartsetup {

QChart* makeChart() {
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

ExportableChartView* makeChartView(QWidget* parent) {
    return new ExportableChartView(makeChart(), parent);
}

QFont scaledFont(QFont font, qreal factor) {
    font.setPointSizeF(font.pointSizeF() * factor);
    return font;
}

void scaleFonts(QChart* chart, qreal factor) {
    chart->setTitleFont(scaledFont(chart->titleFont(), factor));
    chart->legend()->setFont(scaledFont(chart->legend()->font(), factor));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(scaledFont(axis->labelsFont(), factor));
        axis->setTitleFont(scaledFont(axis->titleFont(), factor));
    }
}

void clear(QChart* chart) {
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QString moneyAxisFormat(double maximum) {
    if (maximum < 0.1)
        return QStringLiteral("$%.4f");
    if (maximum < 1.0)
        return QStringLiteral("$%.3f");
    if (maximum < 100.0)
        return QStringLiteral("$%.2f");
    return QStringLiteral("$%.0f");
}

MoneyScale moneyScale(double magnitude) {
    if (magnitude >= 1e7)
        return {1e6, "$%.1fM", QT_TRANSLATE_NOOP("ChartSetup", "million USD")};
    if (magnitude >= 10000)
        return {1000.0, "$%.0fk", QT_TRANSLATE_NOOP("ChartSetup", "thousand USD")};
    if (magnitude >= 100)
        return {1.0, "$%.0f", QT_TRANSLATE_NOOP("ChartSetup", "USD")};
    return {1.0, "$%.2f", QT_TRANSLATE_NOOP("ChartSetup", "USD")};
}

QString moneyUnit(const MoneyScale& scale) {
    return QCoreApplication::translate("ChartSetup", scale.unit);
}

} // namespace chartsetup
