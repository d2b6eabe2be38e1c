#pragma once

#include "common/error.h"

#include <QAbstractTableModel>

#include <vector>

// An import report: every rejected line with its file, line, field and reason.
class RejectionsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { File, Line, Field, Reason, ColumnCount };

    explicit RejectionsModel(QObject* parent = nullptr);
    void setRejections(std::vector<switchyard::Error> rejections);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<switchyard::Error> m_rejections;
};
