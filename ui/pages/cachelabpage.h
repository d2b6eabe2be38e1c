#pragma once

#include "cache/cache_lab.h"

#include <QWidget>

#include <memory>

class CacheLabController;
class CheckpointStatsModel;
class ExportableChartView;
class LintFindingsModel;
class StatCard;
class TagStatsModel;
class WorkspaceController;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QSplitter;
class QTableView;

// Cache: what prompt caching would save on a prompt set's traffic before paying for anything,
// why requests miss, and what to change in the prompts. Every control re-simulates on a worker.
class CacheLabPage : public QWidget {
    Q_OBJECT

public:
    explicit CacheLabPage(WorkspaceController* controller, QWidget* parent = nullptr);

    // The settings the controls describe, for the current model and set.
    switchyard::CacheLabSettings settings() const;
    const switchyard::CacheLabReport* report() const { return m_report.get(); }
    CacheLabController* labController() const { return m_lab; }
    QComboBox* setPicker() const { return m_set; }
    QComboBox* modelPicker() const { return m_model; }
    QDoubleSpinBox* rateBox() const { return m_rate; }
    QTableView* findingsView() const { return m_findingsView; }
    void applySelectedFix();

signals:
    void statusMessage(const QString& message);

private:
    QWidget* buildControls();
    void reloadChoices();
    void resetControls();
    void simulate();
    void showReport(const std::shared_ptr<const switchyard::CacheLabReport>& report);
    void showFailure(const QString& message);

    WorkspaceController* m_controller;
    CacheLabController* m_lab;
    std::shared_ptr<const switchyard::CacheLabReport> m_report;
    LintFindingsModel* m_findings;
    CheckpointStatsModel* m_checkpoints;
    TagStatsModel* m_tags;
    StatCard* m_chrCard;
    StatCard* m_savingsCard;
    StatCard* m_costCard;
    StatCard* m_breakEvenCard;
    ExportableChartView* m_timeline;
    ExportableChartView* m_curve;
    QComboBox* m_set;
    QComboBox* m_model;
    QComboBox* m_ttl;
    QCheckBox* m_fromPrompts;
    QCheckBox* m_afterTools;
    QCheckBox* m_afterSystem;
    QCheckBox* m_afterHistory;
    QRadioButton* m_recorded;
    QRadioButton* m_synthetic;
    QDoubleSpinBox* m_rate;
    QSpinBox* m_turns;
    QDoubleSpinBox* m_thinkSeconds;
    QDoubleSpinBox* m_peakToTrough;
    QLabel* m_message;
    QLabel* m_truth;
    QProgressBar* m_progress;
    QPushButton* m_applyFix;
    QTableView* m_findingsView;
    QSplitter* m_splitter;
    bool m_loadingChoices = false;
};
