#include "chartsetup.h"

#include "exportablechartview.h"

#include <QChart>

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

} // namespace chartsetup
