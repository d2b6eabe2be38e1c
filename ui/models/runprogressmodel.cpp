#include "runprogressmodel.h"

#include "charts/chartpalette.h"
#include "uiformat.h"

#include <QStringList>

#include <numeric>

using switchyard::ModelProgress;

namespace {

int64_t failedCount(const ModelProgress& model) {
    return std::accumulate(model.failed.begin(), model.failed.end(), int64_t{0},
                           [](int64_t sum, const auto& entry) { return sum + entry.second; });
}

double fraction(const ModelProgress& model) {
    return model.planned > 0 ? static_cast<double>(model.done) / static_cast<double>(model.planned)
                             : 0.0;
}

} // namespace

RunProgressModel::RunProgressModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunProgressModel::setProgress(const std::vector<ModelProgress>& models) {
    const bool sameRows =
        models.size() == m_rows.size() &&
        std::equal(models.begin(), models.end(), m_rows.begin(),
                   [](const auto& a, const auto& b) { return a.modelRef == b.modelRef; });
    if (!sameRows) {
        beginResetModel();
        m_rows = models;
        endResetModel();
        return;
    }
    m_rows = models;
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RunProgressModel::clear() {
    setProgress({});
}

const ModelProgress* RunProgressModel::rowAt(int row) const {
    return row >= 0 && row < rowCount() ? &m_rows[static_cast<size_t>(row)] : nullptr;
}

int RunProgressModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunProgressModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunProgressModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ModelProgress& row = m_rows[static_cast<size_t>(index.row())];
    const QString ref = QString::fromStdString(row.modelRef);
    switch (role) {
    case FractionRole:
        return fraction(row);
    case ColorRole:
        return chartpalette::colorForModel(ref);
    case Qt::DecorationRole:
        return index.column() == Model ? QVariant(chartpalette::colorForModel(ref)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Model ? QVariant()
                                       : QVariant::fromValue(Qt::AlignVCenter | Qt::AlignRight);
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Failed: {
            QStringList classes;
            for (const auto& [name, count] : row.failed)
                classes << QStringLiteral("%1: %2").arg(QString::fromStdString(name),
                                                        uiformat::count(count));
            return classes.isEmpty() ? tr("No failures") : classes.join(QLatin1Char('\n'));
        }
        case Tokens:
            return tr("Input %1, output %2, cache read %3, cache write %4")
                .arg(uiformat::tokens(row.inputTokens), uiformat::tokens(row.outputTokens),
                     uiformat::tokens(row.cacheReadTokens), uiformat::tokens(row.cacheWriteTokens));
        case Spent:
            return row.unpriced > 0
                       ? tr("Paid by this run; %n result(s) could not be priced and count at "
                            "their maximum cost.",
                            nullptr, static_cast<int>(row.unpriced))
                       : tr("Paid by this run; answers from the response cache cost nothing.");
        default:
            return ref;
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Model:
        return ref;
    case Progress:
        return uiformat::percent(fraction(row));
    case Done:
        return tr("%1 of %2").arg(uiformat::count(row.done), uiformat::count(row.planned));
    case Ok:
        return uiformat::count(row.ok);
    case Failed:
        return uiformat::count(failedCount(row));
    case Cached:
        return uiformat::count(row.cached);
    case InFlight:
        return uiformat::count(row.inFlight);
    case Tokens:
        return tr("%1 in / %2 out")
            .arg(uiformat::tokens(row.inputTokens), uiformat::tokens(row.outputTokens));
    case Spent:
        return uiformat::money(row.spentUsd);
    }
    return {};
}

QVariant RunProgressModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Model:
        return tr("Model");
    case Progress:
        return tr("Progress");
    case Done:
        return tr("Done");
    case Ok:
        return tr("OK");
    case Failed:
        return tr("Failed");
    case Cached:
        return tr("Cached");
    case InFlight:
        return tr("In flight");
    case Tokens:
        return tr("Tokens");
    case Spent:
        return tr("Spent");
    }
    return {};
}
