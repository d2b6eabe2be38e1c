#pragma once

class QAbstractItemModel;
class QTableView;
class QWidget;

// The table every page shows (UI.md): whole-row single selection, alternating rows, no row
// numbers, long text elided, rows as tall as the font needs, last column stretched.
QTableView* makeTableView(QAbstractItemModel* model, QWidget* parent);
