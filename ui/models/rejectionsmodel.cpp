#include "rejectionsmodel.h"

#include <QFileInfo>

RejectionsModel::RejectionsModel(QObject* parent) : RowsTableModel(ColumnCount, parent) {}

QVariant RejectionsModel::data(const QModelIndex& index, int role) const {
    const auto* row = rowFor(index);
    if (!row)
        return {};
    const auto& error = *row;
    if (role == Qt::TextAlignmentRole && index.column() == Line)
        return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignRight);
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(error.toString());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case File:
        return QFileInfo(QString::fromStdString(error.file)).fileName();
    case Line:
        return error.line > 0 ? QVariant::fromValue<qlonglong>(error.line) : QVariant();
    case Field:
        return QString::fromStdString(error.field);
    case Reason:
        return QString::fromStdString(error.message);
    }
    return {};
}

QVariant RejectionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case File:
        return tr("File");
    case Line:
        return tr("Line");
    case Field:
        return tr("Field");
    case Reason:
        return tr("Reason");
    }
    return {};
}
