#pragma once

#include <QFont>
#include <QString>

class ExportableChartView;
class QChart;
class QWidget;

// What every page's charts start from: an empty chart in an exportable view, legend below, and
// a way to empty a chart before it is rebuilt for new data.
namespace chartsetup {

ExportableChartView* makeChartView(QWidget* parent);
// The same chart without a view, for drawing into a page (the PDF report).
QChart* makeChart();

// Text for a projector or a printed page: `factor` times larger. The chart's own font (which
// values written on bars use) before the chart is filled; title, legend and axes after.
QFont scaledFont(QFont font, qreal factor);
void scaleFonts(QChart* chart, qreal factor);
// Removes every series and axis (axes are owned by the chart, so they are deleted).
void clear(QChart* chart);
// A money axis's label format (printf): enough decimals that ticks of cheap models differ.
QString moneyAxisFormat(double maximum);

// Large sums on an axis: values divided into thousands or millions so ticks stay short.
struct MoneyScale {
    double divisor = 1.0;
    const char* format = "$%.2f";
    const char* unit = nullptr; // untranslated; moneyUnit() gives the user's words
};
MoneyScale moneyScale(double magnitude);
QString moneyUnit(const MoneyScale& scale); // "USD", "thousand USD", "million USD"

} // namespace chartsetup
