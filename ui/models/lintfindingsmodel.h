#pragma once

#include "cache/cache_linter.h"
#include "rowstablemodel.h"

// The cacheability linter's findings: what breaks the prefix, where, how many requests, what it
// costs a month, and the fix.
class LintFindingsModel : public RowsTableModel<switchyard::LintFinding> {
    Q_OBJECT

public:
    enum Column { Finding, Requests, MonthlyCost, Fix, ColumnCount };

    explicit LintFindingsModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};
