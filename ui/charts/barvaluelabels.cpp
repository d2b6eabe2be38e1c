#include "barvaluelabels.h"

#include <QAbstractSeries>
#include <QChart>
#include <QGraphicsSimpleTextItem>

BarValueLabels::BarValueLabels(QChart* chart, QAbstractSeries* series)
    : QObject(chart), m_chart(chart), m_series(series) {
    connect(chart, &QChart::plotAreaChanged, this, &BarValueLabels::place);
}

void BarValueLabels::attach(QChart* chart, QAbstractSeries* series,
                            std::vector<std::pair<QPointF, QString>> labels) {
    auto* owner = new BarValueLabels(chart, series);
    QFont font = chart->font();
    font.setBold(true);
    for (auto& [point, text] : labels) {
        auto* item = new QGraphicsSimpleTextItem(text, chart);
        item->setFont(font);
        item->setBrush(chart->palette().color(QPalette::WindowText));
        item->setZValue(10); // above the series
        owner->m_labels.emplace_back(point, item);
    }
    owner->place();
}

void BarValueLabels::removeFrom(QChart* chart) {
    const auto owners = chart->findChildren<BarValueLabels*>(Qt::FindDirectChildrenOnly);
    for (BarValueLabels* owner : owners) {
        for (auto& [point, item] : owner->m_labels)
            delete item;
        delete owner;
    }
}

void BarValueLabels::place() {
    for (auto& [point, item] : m_labels) {
        const QPointF anchor = m_chart->mapToPosition(point, m_series);
        const QRectF box = item->boundingRect();
        item->setPos(anchor.x() - box.width() / 2.0, anchor.y() - box.height() - 3.0);
    }
}
