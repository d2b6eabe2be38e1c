#pragma once

#include <QAbstractTableModel>

#include <vector>

// A table over a vector of plain rows that is replaced as a whole (the models of small, fully
// loaded data: prompt sets, import reports, the pricing catalogue). Subclasses say how a row
// looks in each column; lazy tables over large data derive from QAbstractTableModel instead.
template <typename Row> class RowsTableModel : public QAbstractTableModel {
public:
    RowsTableModel(int columns, QObject* parent)
        : QAbstractTableModel(parent), m_columns(columns) {}

    void setRows(std::vector<Row> rows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    const Row* rowAt(int row) const {
        return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<size_t>(row)]
                                                                 : nullptr;
    }
    const std::vector<Row>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : m_columns;
    }

protected:
    // The row behind a valid index, or nullptr: data() implementations start with this.
    const Row* rowFor(const QModelIndex& index) const {
        return checkIndex(index, CheckIndexOption::IndexIsValid) ? rowAt(index.row()) : nullptr;
    }

private:
    int m_columns;
    std::vector<Row> m_rows;
};
