#pragma once

#include "cache/cache_simulator.h"
#include "rowstablemodel.h"

// Hits, writes and misses per checkpoint position of a cache simulation.
class CheckpointStatsModel : public RowsTableModel<switchyard::CheckpointStats> {
    Q_OBJECT

public:
    enum Column {
        Checkpoint,
        Hits,
        Writes,
        Misses,
        BelowMinimum,
        ReadTokens,
        WriteTokens,
        ColumnCount
    };

    explicit CheckpointStatsModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

// Cache hit ratio and cost per workload (tag).
class TagStatsModel : public RowsTableModel<switchyard::TagStats> {
    Q_OBJECT

public:
    enum Column {
        Tag,
        Requests,
        InputTokens,
        CachedTokens,
        Chr,
        CostWithCache,
        CostWithout,
        ColumnCount
    };

    explicit TagStatsModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};
