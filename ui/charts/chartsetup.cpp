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

} // namespace chartsetup
