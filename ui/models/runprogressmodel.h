#pragma once

#include "run/runner.h"

#include <QAbstractTableModel>

#include <vector>

// A running run, one row per model: how far it is, what came back (ok, failed, from the
// response cache), what is in flight, the tokens and the money. Snapshots replace the rows in
// place, several times a second, so a selection or a scrolled view survives them.
class RunProgressModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Model, Progress, Done, Ok, Failed, Cached, InFlight, Tokens, Spent, ColumnCount };
    enum Role {
        FractionRole = Qt::UserRole, // done / planned, 0..1, for the progress bar
        ColorRole,                   // the model's colour (chartpalette)
    };

    explicit RunProgressModel(QObject* parent = nullptr);

    void setProgress(const std::vector<switchyard::ModelProgress>& models);
    void clear();
    const switchyard::ModelProgress* rowAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<switchyard::ModelProgress> m_rows;
};
