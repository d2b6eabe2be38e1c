#pragma once

#include "comparecontroller.h"
#include "store/records.h"

#include <QWidget>

#include <memory>
#include <unordered_set>
#include <vector>

class CompareMatrixModel;
class ComparisonSummaryModel;
class ProvidersController;
class ExportableChartView;
class StatCard;
class WorkspaceController;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTextBrowser;
class QTimer;

// Compare: which model answered what, how good it was, what it cost and how long it took, and
// a verdict a user can defend ("cheaper and worse by 2.1 points, 95 % CI ..."). Everything is
// read and computed on workers (CompareController); the page only shows it.
class ComparePage : public QWidget {
    Q_OBJECT

public:
    ComparePage(WorkspaceController* controller, ProvidersController* providers,
                QWidget* parent = nullptr);

    CompareController* compareController() const { return m_compare; }
    CompareMatrixModel* matrixModel() const { return m_matrix; }
    ComparisonSummaryModel* summaryModel() const { return m_summary; }
    const ComparisonView* view() const { return m_view.get(); }
    QComboBox* runPicker() const { return m_run; }
    QComboBox* baselineRunPicker() const { return m_baselineRun; }
    QCheckBox* disagreeFilter() const { return m_disagree; }
    QCheckBox* cheapestFailsFilter() const { return m_cheapestFails; }
    QCheckBox* errorsFilter() const { return m_errors; }
    QComboBox* tagFilter() const { return m_tag; }
    QLineEdit* searchBox() const { return m_search; }
    QTableView* matrixView() const { return m_matrixView; }
    QTextBrowser* detailView() const { return m_detail; }
    QString verdictText() const;
    void exportCsv(const QString& path);
    void chooseAndExportCsv();
    // Asks for a judge, estimates its calls, asks again with the cost, then judges.
    void chooseAndJudge();

signals:
    void statusMessage(const QString& message);

private:
    QWidget* buildContent();
    QWidget* buildControls();
    QWidget* buildFilters();
    void reloadRuns();
    void showRuns(const std::vector<switchyard::RunInfo>& runs);
    void fillBaselineRuns();
    CompareController::Choice choice() const;
    void load();
    void showView(const std::shared_ptr<const ComparisonView>& view);
    void showOutcome();
    void showCandidate();
    void applyFilters();
    void showRowDetail();
    void setBusy(bool busy, const QString& message = {});
    void connectJudging();
    void confirmJudging(const switchyard::workbench::JudgeRequest& request,
                        const switchyard::workbench::JudgePlan& plan);

    WorkspaceController* m_controller;
    ProvidersController* m_providers;
    CompareController* m_compare;
    CompareMatrixModel* m_matrix;
    ComparisonSummaryModel* m_summary;
    std::shared_ptr<const ComparisonView> m_view;
    std::shared_ptr<const std::unordered_set<int64_t>> m_hits; // the search's, while it filters
    std::vector<switchyard::RunInfo> m_runs;
    std::string m_candidate; // the column the cards judge against the baseline
    int m_runsJob = 0;
    size_t m_detailColumn = 0;

    QStackedWidget* m_stack;
    QLabel* m_empty;
    StatCard* m_qualityCard;
    StatCard* m_deltaCard;
    StatCard* m_costCard;
    StatCard* m_evidenceCard;
    QLabel* m_verdict;
    QComboBox* m_run;
    QComboBox* m_baselineRun;
    QComboBox* m_scorer;
    QComboBox* m_baseline;
    QDoubleSpinBox* m_bar;
    QPushButton* m_rescore;
    QPushButton* m_export;
    QPushButton* m_judge;
    QPushButton* m_cancel;
    QTableView* m_summaryView;
    ExportableChartView* m_chart;
    QLineEdit* m_search;
    QTimer* m_searchDelay;
    QCheckBox* m_disagree;
    QCheckBox* m_cheapestFails;
    QCheckBox* m_errors;
    QComboBox* m_tag;
    QComboBox* m_sortKey;
    QLabel* m_shown;
    QTableView* m_matrixView;
    QTextBrowser* m_detail;
    QLabel* m_message;
    QProgressBar* m_progress;
};
