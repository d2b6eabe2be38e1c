#pragma once

#include "rowstablemodel.h"
#include "store/workspace.h"

// A run's failures grouped by class (auth, rate_limit, server, ...): how many, which models,
// and what the providers said, so a failure is explained where it happened.
class RunErrorsModel : public RowsTableModel<switchyard::RunErrorGroup> {
    Q_OBJECT

public:
    enum Column { Class, Results, Models, Example, ColumnCount };

    explicit RunErrorsModel(QObject* parent = nullptr);

    // The number of failed results of a class, 0 when it has none.
    int64_t resultsOf(const QString& errorClass) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};
