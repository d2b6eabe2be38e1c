#include "comparematrixmodel.h"

#include "charts/chartpalette.h"
#include "comparetexts.h"
#include "uiformat.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>

using namespace switchyard::compare;

namespace {

// A light tint, so the answer stays readable: red at 0, amber in between, green at 1.
QColor scoreTint(double score) {
    const double clamped = std::clamp(score, 0.0, 1.0);
    const QColor bad = chartpalette::bad();
    const QColor good = chartpalette::good();
    const auto mix = [clamped](int from, int to) {
        return static_cast<int>(std::lround(from + (to - from) * clamped));
    };
    QColor color(mix(bad.red(), good.red()), mix(bad.green(), good.green()),
                 mix(bad.blue(), good.blue()));
    color.setAlpha(70);
    return color;
}

} // namespace

CompareMatrixModel::CompareMatrixModel(QObject* parent) : QAbstractTableModel(parent) {}

void CompareMatrixModel::setMatrix(std::shared_ptr<const CompareMatrix> matrix) {
    beginResetModel();
    m_matrix = std::move(matrix);
    m_summaries.clear();
    m_sortColumn = 0;
    m_sortOrder = Qt::AscendingOrder;
    m_filter.tag.reset();
    m_filter.promptIds = nullptr;
    m_rows = m_matrix ? filterRows(*m_matrix, m_filter) : std::vector<uint32_t>{};
    endResetModel();
}

void CompareMatrixModel::setColumnSummaries(QStringList summaries) {
    m_summaries = std::move(summaries);
    if (columnCount() > 1)
        emit headerDataChanged(Qt::Horizontal, 1, columnCount() - 1);
}

void CompareMatrixModel::setFilter(const MatrixFilter& filter) {
    m_filter = filter;
    refilter();
}

void CompareMatrixModel::setCellSortKey(SortKey key) {
    m_cellSortKey = key;
    if (m_sortColumn > 0)
        sort(m_sortColumn, m_sortOrder);
}

void CompareMatrixModel::refilter() {
    beginResetModel();
    m_rows = m_matrix ? filterRows(*m_matrix, m_filter) : std::vector<uint32_t>{};
    if (m_matrix && (m_sortColumn != 0 || m_sortOrder != Qt::AscendingOrder)) {
        MatrixSort order;
        order.key = m_sortColumn == 0 ? SortKey::Ordinal : m_cellSortKey;
        order.column = static_cast<size_t>(std::max(0, m_sortColumn - 1));
        order.descending = m_sortOrder == Qt::DescendingOrder;
        sortRows(*m_matrix, m_rows, order);
    }
    endResetModel();
}

void CompareMatrixModel::sort(int column, Qt::SortOrder order) {
    if (!m_matrix || column < 0 || column >= columnCount())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<uint32_t> matrixRows;
    for (const QModelIndex& index : before)
        matrixRows.push_back(m_rows[static_cast<size_t>(index.row())]);
    m_sortColumn = column;
    m_sortOrder = order;
    MatrixSort sortBy;
    sortBy.key = column == 0 ? SortKey::Ordinal : m_cellSortKey;
    sortBy.column = static_cast<size_t>(std::max(0, column - 1));
    sortBy.descending = order == Qt::DescendingOrder;
    sortRows(*m_matrix, m_rows, sortBy);
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after.push_back(index(viewRow(matrixRows[static_cast<size_t>(i)]), before[i].column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int CompareMatrixModel::viewRow(size_t matrixRow) const {
    const auto found = std::find(m_rows.begin(), m_rows.end(), static_cast<uint32_t>(matrixRow));
    return found == m_rows.end() ? -1 : static_cast<int>(found - m_rows.begin());
}

int CompareMatrixModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CompareMatrixModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_matrix ? 0 : static_cast<int>(m_matrix->columnCount()) + 1;
}

QString CompareMatrixModel::cellText(const MatrixCell& cell) const {
    if (cell.state == CellState::Missing)
        return tr("— no answer —");
    if (cell.state == CellState::Failed)
        return tr("✕ failed: %1")
            .arg(QString::fromStdString(m_matrix->errorClasses()[cell.errorIndex]));
    QStringList figures;
    figures << (cell.scored() ? QLocale().toString(cell.score, 'f', 2) : tr("unscored"));
    if (!std::isnan(cell.costUsd))
        figures << uiformat::money(cell.costUsd);
    if (!std::isnan(cell.latencyMs))
        figures << comparetexts::latency(cell.latencyMs);
    QString head = QString::fromUtf8(m_matrix->head(cell));
    if (m_matrix->headTruncated(cell))
        head += QStringLiteral("…");
    return head + QLatin1Char('\n') + figures.join(QStringLiteral(" · "));
}

QString CompareMatrixModel::cellTooltip(const MatrixCell& cell, int column) const {
    const QString model = QString::fromStdString(m_matrix->columns()[column].label);
    if (cell.state == CellState::Missing)
        return tr("%1 has no result for this prompt: it counts in no figure.").arg(model);
    if (cell.state == CellState::Failed)
        return tr("%1's call failed (%2): never scored as zero.")
            .arg(model, QString::fromStdString(m_matrix->errorClasses()[cell.errorIndex]));
    return tr("%1: %2. Select the row to read the whole answer.")
        .arg(model, cell.scored() ? tr("score %1").arg(QLocale().toString(cell.score, 'f', 3))
                                  : tr("no score from the chosen scorer"));
}

QVariant CompareMatrixModel::data(const QModelIndex& index, int role) const {
    if (!m_matrix || !index.isValid() || index.row() >= rowCount())
        return {};
    const size_t row = m_rows[static_cast<size_t>(index.row())];
    const MatrixRow& info = m_matrix->row(row);
    if (index.column() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            return QString::fromStdString(info.key) + QLatin1Char('\n') +
                   QString::fromStdString(info.preview);
        case Qt::ToolTipRole:
            return QString::fromStdString(info.preview);
        case SortRole:
            return QVariant::fromValue<qlonglong>(info.ordinal);
        default:
            return {};
        }
    }
    const int column = index.column() - 1;
    const MatrixCell& cell = m_matrix->cell(row, static_cast<size_t>(column));
    switch (role) {
    case Qt::DisplayRole:
        return cellText(cell);
    case Qt::ToolTipRole:
        return cellTooltip(cell, column);
    case Qt::BackgroundRole:
        if (cell.state == CellState::Failed)
            return QBrush(QColor(128, 128, 128, 60));
        return cell.state == CellState::Answered && cell.scored() ? QBrush(scoreTint(cell.score))
                                                                  : QVariant();
    case SortRole:
        return cell.scored() ? QVariant(cell.score) : QVariant();
    default:
        return {};
    }
}

QVariant CompareMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || !m_matrix)
        return {};
    if (role == Qt::DisplayRole) {
        if (section == 0)
            return tr("Prompt");
        const QString label = QString::fromStdString(m_matrix->columns()[section - 1].label);
        return section - 1 < m_summaries.size()
                   ? label + QLatin1Char('\n') + m_summaries[section - 1]
                   : label;
    }
    if (role == Qt::ToolTipRole && section > 0)
        return tr("Click to sort by this column's cells; the sort key (score, cost, latency) is "
                  "chosen above the matrix.");
    return {};
}
