#pragma once

#include <QString>
#include <QTableWidgetItem>

// A table cell showing a formatted number ("$1,200") that sorts by the number, not the text,
// right-aligned as UI.md has numbers.
class NumberItem : public QTableWidgetItem {
public:
    NumberItem(const QString& text, double value);
    bool operator<(const QTableWidgetItem& other) const override;
};
