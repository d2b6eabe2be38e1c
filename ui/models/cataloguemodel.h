#pragma once

#include "pricing/model_price.h"

#include "rowstablemodel.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

// The pricing catalogue as an editable table. Edits do not change the model's rows directly:
// they are handed to `onEdit`, which stores them as workspace overrides, and the table is
// refreshed from the resulting catalogue.
class CatalogueModel : public RowsTableModel<switchyard::ModelPrice> {
    Q_OBJECT

public:
    enum Column {
        Model,
        Provider,
        Input,
        Output,
        CacheRead,
        CacheWrite5m,
        CacheWrite1h,
        Batch,
        MinCacheable,
        Checkpoints,
        Context,
        PriceDate,
        Source,
        ColumnCount
    };
    // Returns false (and the table keeps the old value) when the edit could not be saved.
    using EditHandler = std::function<bool(const switchyard::ModelPrice&)>;

    explicit CatalogueModel(QObject* parent = nullptr);
    void setCatalogue(std::vector<switchyard::ModelPrice> models, std::set<std::string> overridden);
    void setEditHandler(EditHandler handler) { m_onEdit = std::move(handler); }
    bool isOverridden(int row) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const switchyard::ModelPrice& price, int column) const;
    QVariant sortValue(const switchyard::ModelPrice& price, int column) const;

    std::set<std::string> m_overridden;
    EditHandler m_onEdit;
};
