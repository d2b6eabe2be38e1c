#pragma once

#include "workbench/traffic_ops.h"

#include <QWidget>

#include <optional>

class ExportableChartView;
class StatCard;
class TrafficImport;
class TrafficWhatIfPanel;
class WorkspaceController;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

// The Traffic page: production logs imported, then what the traffic cost, where the money went
// (by model, workload and price tier, over time), the cache hit ratio it achieved, and the leaks
// (spend jumps, premium creep, runaway loops). The figures are workbench::trafficDashboard's,
// the same switchyard-cli traffic prints; the import is workbench::importLogs, as import-logs.
class TrafficPage : public QWidget {
    Q_OBJECT

public:
    explicit TrafficPage(WorkspaceController* workspace, QWidget* parent = nullptr);

    void reload(); // the workspace's traffic sets, then the selected set's figures
    // Imports logs (files or folders) into the set named in the page (default "traffic").
    void importLogs(const QStringList& paths);
    void chooseAndImport();
    void recompute();

    const std::optional<switchyard::workbench::TrafficDashboardOutcome>& outcome() const {
        return m_outcome;
    }
    QComboBox* setPicker() const { return m_set; }
    QComboBox* breakdownPicker() const { return m_breakdown; }
    ExportableChartView* timelineView() const { return m_timeline; }
    QTableWidget* workloadsTable() const { return m_workloads; }
    QTableWidget* anomaliesTable() const { return m_anomalies; }
    QLabel* importSummary() const { return m_importSummary; }
    TrafficWhatIfPanel* whatIf() const { return m_whatIf; }

signals:
    void statusMessage(const QString& message);
    void computed();
    void failed(const QString& message);
    void imported(bool ok);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* makeControls();
    void showSets(std::vector<std::string> sets);
    void show(const switchyard::workbench::TrafficDashboardOutcome& outcome);
    void showNothing(const QString& why);
    void redrawTimeline();
    void fillBreakdowns(const switchyard::TrafficDashboard& board);
    switchyard::TrafficAnomalyRules rules() const;

    WorkspaceController* m_workspace;
    TrafficImport* m_import;
    QComboBox* m_set;
    QComboBox* m_breakdown;
    QDoubleSpinBox* m_jumpFactor;
    QSpinBox* m_premiumPoints;
    QSpinBox* m_loopRequests;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_importButton;
    StatCard* m_spendCard;
    StatCard* m_perThousandCard;
    StatCard* m_chrCard;
    StatCard* m_anomalyCard;
    ExportableChartView* m_timeline;
    ExportableChartView* m_tiers;
    ExportableChartView* m_tokens;
    QTableWidget* m_workloads;
    QTableWidget* m_models;
    QTableWidget* m_anomalies;
    QLabel* m_summary;
    QLabel* m_importSummary;
    QPlainTextEdit* m_importProblems;
    TrafficWhatIfPanel* m_whatIf;
    std::optional<switchyard::workbench::TrafficDashboardOutcome> m_outcome;
    int m_job = 0;
    int m_setsJob = 0;
    int m_policiesJob = 0;
};
