#include "progressdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

#include <algorithm>
#include <cmath>

ProgressDelegate::ProgressDelegate(int fractionRole, int colorRole, QObject* parent)
    : QStyledItemDelegate(parent), m_fractionRole(fractionRole), m_colorRole(colorRole) {}

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    const QVariant fraction = index.data(m_fractionRole);
    if (!fraction.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = static_cast<int>(std::lround(std::clamp(fraction.toDouble(), 0.0, 1.0) * 1000));
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.palette = option.palette;
    const QColor color = index.data(m_colorRole).value<QColor>();
    if (color.isValid()) {
        bar.palette.setColor(QPalette::Highlight, color);
        // Text over the coloured part stays readable on light and dark palette colours.
        bar.palette.setColor(QPalette::HighlightedText,
                             color.lightnessF() > 0.6 ? Qt::black : Qt::white);
    }
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}
