#pragma once

#include "workbench/gate_ops.h"

#include <QGroupBox>

#include <string>

class QLabel;
class QPushButton;
class QTableWidget;

// The Policies page's governance gate: the selected policy replayed on its run and each workload
// held to its quality floor and budgets, by the operation switchyard-cli gate runs. On demand:
// a learned router trains when it is replayed.
class GovernanceGateView : public QGroupBox {
    Q_OBJECT

public:
    explicit GovernanceGateView(QWidget* parent = nullptr);

    // The policy to gate; workloads = its governance's workload count (0: nothing to gate).
    void setPolicy(const std::string& workspacePath, const std::string& policyName,
                   size_t workloads);
    void runGate();

    QTableWidget* table() const { return m_table; }
    QLabel* verdict() const { return m_verdict; }

signals:
    void gated(bool passed);

private:
    void show(const switchyard::workbench::GateOutcome& outcome);

    QLabel* m_verdict;
    QPushButton* m_run;
    QTableWidget* m_table;
    std::string m_workspacePath;
    std::string m_policy;
    size_t m_workloads = 0;
    int m_job = 0;
};
