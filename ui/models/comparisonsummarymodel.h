#pragma once

#include "workbench/eval_ops.h"

#include <QAbstractTableModel>

#include <string>
#include <vector>

// The Compare page's summary: one row per column of the comparison with its quality (mean,
// 95 % CI, pass rate on n prompts), cost per 1,000 answers and latency, and its paired verdict
// against the baseline.
class ComparisonSummaryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Model,
        Scored,
        Mean,
        PassRate,
        CostPer1k,
        LatencyP50,
        LatencyP95,
        Delta,
        PValue,
        Verdict,
        ColumnCount
    };

    explicit ComparisonSummaryModel(QObject* parent = nullptr);

    void setOutcome(switchyard::workbench::CompareOutcome outcome);
    const switchyard::workbench::CompareOutcome& outcome() const { return m_outcome; }
    // The comparison column of a row ("model" or "model@runN").
    std::string label(int row) const;
    int rowOf(const std::string& label) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const std::string& label, int column) const;

    switchyard::workbench::CompareOutcome m_outcome;
    std::vector<std::string> m_labels;
};
