#pragma once

#include "compare/compare_matrix.h"
#include "compare/matrix_filter.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>
#include <vector>

// The Compare page's matrix: one row per prompt, one column per (model, run) after the prompt
// column. A cell shows the start of the answer over its score, cost and latency, tinted by
// score. The rows shown are a filtered, sorted list of indexes into the core matrix, so a
// filter or a sort at 100,000 prompts costs milliseconds and scrolling reads only the visible
// cells.
class CompareMatrixModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // The raw value of a cell (score, or the ordinal for the prompt column), for tests.
    static constexpr int SortRole = Qt::UserRole;

    explicit CompareMatrixModel(QObject* parent = nullptr);

    void setMatrix(std::shared_ptr<const switchyard::compare::CompareMatrix> matrix);
    const switchyard::compare::CompareMatrix* matrix() const { return m_matrix.get(); }
    // Each column's summary under its name in the header ("mean 0.72 · $1.20 per 1k").
    void setColumnSummaries(QStringList summaries);
    void setFilter(const switchyard::compare::MatrixFilter& filter);
    const switchyard::compare::MatrixFilter& filter() const { return m_filter; }
    // What clicking a cell column's header sorts by.
    void setCellSortKey(switchyard::compare::SortKey key);
    const std::vector<uint32_t>& shownRows() const { return m_rows; }
    // The core matrix row behind a view row.
    size_t matrixRow(int row) const { return m_rows[static_cast<size_t>(row)]; }
    // The view row showing a core matrix row, or -1 when filtered out.
    int viewRow(size_t matrixRow) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void refilter();
    QString cellText(const switchyard::compare::MatrixCell& cell) const;
    QString cellTooltip(const switchyard::compare::MatrixCell& cell, int column) const;

    std::shared_ptr<const switchyard::compare::CompareMatrix> m_matrix;
    switchyard::compare::MatrixFilter m_filter;
    std::vector<uint32_t> m_rows;
    QStringList m_summaries;
    switchyard::compare::SortKey m_cellSortKey = switchyard::compare::SortKey::Score;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
