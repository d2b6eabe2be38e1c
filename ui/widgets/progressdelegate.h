#pragma once

#include <QStyledItemDelegate>

// Draws a cell as a progress bar: the fraction (0..1) from `fractionRole`, the bar in the colour
// from `colorRole` (a model's palette colour), the cell's display text on it.
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    ProgressDelegate(int fractionRole, int colorRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    int m_fractionRole;
    int m_colorRole;
};
