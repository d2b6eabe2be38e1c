#pragma once

#include "common/error.h"
#include "rowstablemodel.h"

// An import report: every rejected line with its file, line, field and reason.
class RejectionsModel : public RowsTableModel<switchyard::Error> {
    Q_OBJECT

public:
    enum Column { File, Line, Field, Reason, ColumnCount };

    explicit RejectionsModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};
