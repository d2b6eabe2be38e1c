#pragma once

#include "rowstablemodel.h"
#include "store/records.h"

// The workspace's prompt sets: name, size, source file.
class PromptSetsModel : public RowsTableModel<switchyard::PromptSetInfo> {
    Q_OBJECT

public:
    enum Column { Name, Prompts, Benchmark, Source, ColumnCount };

    explicit PromptSetsModel(QObject* parent = nullptr);
    int rowOfSet(int64_t setId) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};
