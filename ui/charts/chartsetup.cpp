#include "chartsetup.h"

#include "exportablechartview.h"

#include <QChart>
#include <QCoreApplication>

namespace chartsetup {

ExportableChartView* makeChartView(QWidget* parent) {
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return new ExportableChartView(chart, parent);
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
