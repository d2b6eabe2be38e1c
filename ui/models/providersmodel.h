#pragma once

#include "providerscontroller.h"
#include "rowstablemodel.h"

// The providers of providers.yaml: kind, where requests go, where the key comes from and
// whether it resolves (never the key), the models offered, the limits, and the last connection
// test. Read-only: edits go through the form dialog, which checks them like the file would be.
class ProvidersModel : public RowsTableModel<ProviderRow> {
    Q_OBJECT

public:
    enum Column { Name, Kind, Endpoint, Credential, Key, Models, Limits, Connection, ColumnCount };

    explicit ProvidersModel(QObject* parent = nullptr);

    // The row of a provider by name, -1 when absent.
    int rowOf(const QString& name) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shared with the page's detail pane, so the table and the pane say the same thing.
    static QString endpointText(const switchyard::ProviderConfig& config);
    static QString keyText(const ProviderRow& row);
    static QString limitsText(const switchyard::ProviderLimits& limits);
    static QString connectionText(const ProviderRow& row);
};
