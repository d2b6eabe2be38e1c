#include "checkpointstatsmodel.h"

#include "uiformat.h"

namespace {
QVariant alignment(int column, int firstNumeric) {
    return QVariant::fromValue(Qt::AlignVCenter |
                               (column >= firstNumeric ? Qt::AlignRight : Qt::AlignLeft));
}
} // namespace

CheckpointStatsModel::CheckpointStatsModel(QObject* parent) : RowsTableModel(ColumnCount, parent) {}

QVariant CheckpointStatsModel::data(const QModelIndex& index, int role) const {
    const auto* stats = rowFor(index);
    if (!stats)
        return {};
    if (role == Qt::TextAlignmentRole)
        return alignment(index.column(), Hits);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Checkpoint:
        return QString::fromStdString(stats->label);
    case Hits:
        return uiformat::count(stats->hits);
    case Writes:
        return uiformat::count(stats->writes);
    case Misses:
        return uiformat::count(stats->misses);
    case BelowMinimum:
        return uiformat::count(stats->belowMinimum);
    case ReadTokens:
        return uiformat::tokens(stats->readTokens);
    case WriteTokens:
        return uiformat::tokens(stats->writeTokens);
    }
    return {};
}

QVariant CheckpointStatsModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RowsTableModel::headerData(section, orientation, role);
    switch (section) {
    case Checkpoint:
        return tr("Checkpoint");
    case Hits:
        return tr("Hits");
    case Writes:
        return tr("Writes");
    case Misses:
        return tr("Misses");
    case BelowMinimum:
        return tr("Below minimum");
    case ReadTokens:
        return tr("Tokens read");
    case WriteTokens:
        return tr("Tokens written");
    }
    return {};
}

TagStatsModel::TagStatsModel(QObject* parent) : RowsTableModel(ColumnCount, parent) {}

QVariant TagStatsModel::data(const QModelIndex& index, int role) const {
    const auto* stats = rowFor(index);
    if (!stats)
        return {};
    if (role == Qt::TextAlignmentRole)
        return alignment(index.column(), Requests);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Tag:
        return stats->tag.empty() ? tr("(untagged)") : QString::fromStdString(stats->tag);
    case Requests:
        return uiformat::count(stats->requests);
    case InputTokens:
        return uiformat::tokens(stats->inputTokens);
    case CachedTokens:
        return uiformat::tokens(stats->cachedTokens);
    case Chr:
        return uiformat::percent(stats->chr);
    case CostWithCache:
        return uiformat::money(stats->costWithCacheUsd);
    case CostWithout:
        return uiformat::money(stats->costWithoutCacheUsd);
    }
    return {};
}

QVariant TagStatsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RowsTableModel::headerData(section, orientation, role);
    switch (section) {
    case Tag:
        return tr("Workload (tag)");
    case Requests:
        return tr("Requests");
    case InputTokens:
        return tr("Input tokens");
    case CachedTokens:
        return tr("Cached tokens");
    case Chr:
        return tr("Cache hit ratio");
    case CostWithCache:
        return tr("Input cost with cache");
    case CostWithout:
        return tr("Input cost without");
    }
    return {};
}
