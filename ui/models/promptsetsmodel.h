#pragma once

#include "store/records.h"

#include <QAbstractTableModel>

#include <vector>

// The workspace's prompt sets: name, size, source file.
class PromptSetsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Prompts, Source, ColumnCount };

    explicit PromptSetsModel(QObject* parent = nullptr);
    void setSets(std::vector<switchyard::PromptSetInfo> sets);
    const switchyard::PromptSetInfo* setAt(int row) const;
    int rowOfSet(int64_t setId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<switchyard::PromptSetInfo> m_sets;
};
