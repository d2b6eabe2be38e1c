#pragma once

#include <QObject>
#include <QPointF>
#include <QString>

#include <utility>
#include <vector>

class QAbstractSeries;
class QChart;
class QGraphicsSimpleTextItem;

// Values written on a bar chart's bars (UI.md), kept above their bars as the chart is resized.
// Owned by the chart; removeFrom() takes them off before the chart is filled again.
class BarValueLabels : public QObject {
    Q_OBJECT

public:
    // One label per (category index, value) point in `series`'s coordinates, centred above it.
    static void attach(QChart* chart, QAbstractSeries* series,
                       std::vector<std::pair<QPointF, QString>> labels);
    static void removeFrom(QChart* chart);

private:
    BarValueLabels(QChart* chart, QAbstractSeries* series);
    void place();

    QChart* m_chart;
    QAbstractSeries* m_series;
    std::vector<std::pair<QPointF, QGraphicsSimpleTextItem*>> m_labels;
};
