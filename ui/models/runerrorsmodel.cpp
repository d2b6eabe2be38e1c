#include "runerrorsmodel.h"

#include "uiformat.h"

#include <QStringList>

using switchyard::RunErrorGroup;

namespace {

// Provider messages can run over several lines (a stack of causes); a table cell shows one.
QString oneLine(const std::string& text) {
    return QString::fromStdString(text).simplified();
}

} // namespace

RunErrorsModel::RunErrorsModel(QObject* parent) : RowsTableModel(ColumnCount, parent) {}

int64_t RunErrorsModel::resultsOf(const QString& errorClass) const {
    for (const RunErrorGroup& group : rows())
        if (QString::fromStdString(group.errorClass) == errorClass)
            return group.results;
    return 0;
}

QVariant RunErrorsModel::data(const QModelIndex& index, int role) const {
    const RunErrorGroup* row = rowFor(index);
    if (!row)
        return {};
    if (role == Qt::TextAlignmentRole && index.column() == Results)
        return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignRight);
    if (role == Qt::ToolTipRole) {
        QStringList lines;
        if (index.column() == Models) {
            for (const auto& [ref, count] : row->models)
                lines << QStringLiteral("%1: %2").arg(QString::fromStdString(ref),
                                                      uiformat::count(count));
        } else {
            for (const auto& [message, count] : row->examples)
                lines << tr("%1 × %2").arg(uiformat::count(count), oneLine(message));
        }
        return lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Class:
        return QString::fromStdString(row->errorClass);
    case Results:
        return uiformat::count(row->results);
    case Models: {
        QStringList models;
        for (const auto& entry : row->models)
            models << QString::fromStdString(entry.first);
        return models.join(QStringLiteral(", "));
    }
    case Example:
        return row->examples.empty() ? QString() : oneLine(row->examples.front().first);
    }
    return {};
}

QVariant RunErrorsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Class:
        return tr("Failure class");
    case Results:
        return tr("Results");
    case Models:
        return tr("Models");
    case Example:
        return tr("What the provider said");
    }
    return {};
}
