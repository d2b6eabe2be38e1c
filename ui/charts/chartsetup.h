#pragma once

#include <QString>

class ExportableChartView;
class QChart;
class QWidget;

// What every page's charts start from: an empty chart in an exportable view, legend below, and
// a way to empty a chart before it is rebuilt for new data.
namespace chartsetup {

ExportableChartView* makeChartView(QWidget* parent);
// Removes every series and axis (axes are owned by the chart, so they are deleted).
void clear(QChart* chart);
// A money axis's label format (printf): enough decimals that ticks of cheap models differ.
QString moneyAxisFormat(double maximum);

} // namespace chartsetup
