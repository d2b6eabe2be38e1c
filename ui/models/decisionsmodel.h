#pragma once

#include "routing/evaluation.h"

#include <QAbstractTableModel>

#include <memory>
#include <unordered_map>
#include <vector>

// The Router Lab's decisions table: one row per replayed prompt (or per wrong decision), lazy:
// a row is explained (RouterLab::explain) only when a view asks for it, and kept in a bounded
// cache until the thresholds move, so a million-prompt run costs what the visible rows cost.
class DecisionsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Prompt, Tier, Reason, Cost, Quality, Best, Verdict, ColumnCount };
    // The raw value of a cell (numbers as numbers), for sorting.
    static constexpr int SortRole = Qt::UserRole;

    explicit DecisionsModel(QObject* parent = nullptr);

    // A configuration and its tiers' display names. The lab must outlive nothing here: the
    // model keeps it (and its data) alive.
    void setLab(std::shared_ptr<const switchyard::routing::RouterLab> lab,
                std::shared_ptr<const switchyard::routing::ReplayData> data,
                std::vector<QString> tierLabels);
    // The thresholds replayed and the rows the router got wrong at them.
    void setThresholds(std::vector<double> thresholds, std::vector<size_t> wrongRows);
    void setWrongOnly(bool wrongOnly);
    bool wrongOnly() const { return m_wrongOnly; }
    void clear();

    // The explanation of a model row (nullptr when out of range).
    const switchyard::routing::DecisionDetail* detailAt(int row) const;
    // The table row (RouterLab::table()) behind a model row.
    size_t tableRow(int row) const;
    const switchyard::routing::RouterLab* lab() const { return m_lab.get(); }
    QString tierLabel(int tier) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString verdictText(switchyard::routing::Verdict verdict) const;
    QString tooltip(const switchyard::routing::DecisionDetail& detail) const;

    std::shared_ptr<const switchyard::routing::ReplayData> m_data;
    std::shared_ptr<const switchyard::routing::RouterLab> m_lab;
    std::vector<QString> m_tierLabels;
    std::vector<double> m_thresholds;
    std::vector<size_t> m_wrong;
    bool m_wrongOnly = false;
    mutable std::unordered_map<size_t, switchyard::routing::DecisionDetail> m_cache;
};
