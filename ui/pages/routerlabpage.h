#pragma once

#include "routerlabcontroller.h"
#include "store/records.h"

#include <QWidget>

#include <memory>
#include <vector>

class DecisionsModel;
class ExportableChartView;
class RejectionsModel;
class RouterLabControls;
class StatCard;
class WorkspaceController;
struct ImportJobResult;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;

// Route: which model should serve which request, and what that saves. A router configuration is
// replayed over recorded results on a worker; its figures, its place on the cost-quality
// frontier and every decision follow the sliders live. "Save as Policy" stores it with its
// evidence.
class RouterLabPage : public QWidget {
    Q_OBJECT

public:
    explicit RouterLabPage(WorkspaceController* controller, QWidget* parent = nullptr);

    // Imports recorded-results files as runs (dropped on the window, or chosen), with progress
    // and a report here.
    void importResults(const QStringList& files);
    void chooseAndImport();
    // Saves the configuration shown under `name` (no dialog); policySaved confirms.
    void savePolicyAs(const QString& name);

    RouterLabController* labController() const { return m_lab; }
    RouterLabControls* controls() const { return m_controls; }
    DecisionsModel* decisionsModel() const { return m_decisions; }
    QTableView* decisionsView() const { return m_decisionsView; }
    QCheckBox* wrongOnlyBox() const { return m_wrongOnly; }
    QList<StatCard*> cards() const;
    QList<ExportableChartView*> charts() const;
    QString emptyMessage() const;
    bool showsEmptyState() const;
    QString message() const;
    QString notes() const;
    QString importSummary() const;

signals:
    void statusMessage(const QString& message);

private:
    QWidget* buildContent();
    QWidget* buildDecisions();
    QWidget* buildEmptyState();
    void reloadRuns();
    void showRuns(const std::vector<switchyard::RunInfo>& runs);
    void reloadIfModelsChanged();
    void configure();
    void calibrate(bool quality, double target);
    void askAndSavePolicy();
    void showRun(const std::shared_ptr<const RouterLabRun>& run);
    void showConfiguration(const std::shared_ptr<const RouterLabSnapshot>& snapshot);
    void showReplay(const std::shared_ptr<const RouterLabReplay>& replay);
    void showCards(const RouterLabReplay& replay);
    void showDetail(int proxyRow);
    void setBusy(bool busy, const QString& text = {});
    void setMessage(const QString& text);
    void onImportProgress(int jobId, qint64 done, qint64 total, const QString& file);
    void onImportFinished(const ImportJobResult& result);

    WorkspaceController* m_controller;
    RouterLabController* m_lab;
    QString m_defaultedFor; // the run, kind and tiers the default operating point was applied to
    RouterLabControls* m_controls;
    DecisionsModel* m_decisions;
    RejectionsModel* m_rejections;
    StatCard* m_costCard;
    StatCard* m_savingsCard;
    StatCard* m_qualityCard;
    StatCard* m_shareCard;
    QWidget* m_figures;
    QLabel* m_notes;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    ExportableChartView* m_frontier;
    ExportableChartView* m_share;
    ExportableChartView* m_spend;
    QTableView* m_decisionsView;
    QLineEdit* m_search;
    QCheckBox* m_wrongOnly;
    QLabel* m_wrongCount;
    QTextBrowser* m_detail;
    QTabWidget* m_tabs;
    QLabel* m_importSummary;
    QPushButton* m_save;
    QLabel* m_message;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    std::vector<int64_t> m_runIds;
    int64_t m_selectRun = 0;
    int m_importJob = 0;
    int m_runsJob = 0;
};
