#pragma once

#include "rowstablemodel.h"
#include "run/runner.h"

// What a run would send and cost, one row per model: calls, input tokens, the expected and the
// maximum output, the expected and the maximum cost (what a budget cap reserves).
class RunEstimateModel : public RowsTableModel<switchyard::ModelEstimate> {
    Q_OBJECT

public:
    enum Column {
        Model,
        Calls,
        InputTokens,
        ExpectedOutput,
        MaxOutput,
        ExpectedCost,
        MaxCost,
        ColumnCount
    };

    explicit RunEstimateModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};
