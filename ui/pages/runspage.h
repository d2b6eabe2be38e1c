#pragma once

#include "runscontroller.h"

#include <QElapsedTimer>
#include <QMessageBox>
#include <QPointer>
#include <QWidget>

#include <optional>

class ProvidersController;
class RunControls;
class RunErrorsModel;
class RunEstimateModel;
class RunProgressModel;
class RunsModel;
class StatCard;
class WorkspaceController;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

// Run: send a prompt set to several models and record every answer, its tokens, latency and
// cost. Estimate first (per model, on a worker), confirm the expected and the maximum cost, then
// watch it run: big numbers, a progress row per model, failures grouped by class. Cancel keeps
// what was recorded; Resume sends what is missing; past runs can be resumed or retried.
class RunsPage : public QWidget {
    Q_OBJECT

public:
    RunsPage(WorkspaceController* workspace, ProvidersController* providers,
             QWidget* parent = nullptr);

    // The actions behind the buttons (and the Run menu).
    void estimate();
    // Selects the set and only this model, then estimates: what "run the set against this
    // student" on the Student page leads to.
    void prepareRun(int64_t setId, const QString& modelRef);
    void startRun();
    void cancelRun();
    void resumeRun();
    void resumeSelected();
    void retryFailedOfSelected();
    // Closing the window: stop a run still going and wait for it (nothing recorded is lost).
    void shutdown();

    RunsController* runsController() const { return m_runs; }
    RunControls* controls() const { return m_controls; }
    RunProgressModel* progressModel() const { return m_progress; }
    RunEstimateModel* estimateModel() const { return m_estimate; }
    RunErrorsModel* errorsModel() const { return m_errors; }
    RunsModel* runsModel() const { return m_pastRuns; }
    QTableView* pastRunsView() const { return m_pastRunsView; }
    // The confirmation shown before anything is sent, while it is open.
    QMessageBox* confirmation() const { return m_confirmation; }
    QString message() const;

signals:
    void statusMessage(const QString& message);
    void openProvidersRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildResults();
    QWidget* buildStatusRow();
    void reloadSets();
    void reloadModels();
    void requestEstimate(const RunSettings& settings, bool thenStart);
    void onEstimated(int job, const switchyard::RunEstimate& estimate);
    void confirmAndStart(const RunSettings& settings, const switchyard::RunEstimate& estimate);
    void onProgress(const switchyard::RunProgress& progress);
    void onFinished(const switchyard::RunOutcome& outcome);
    void showRunning(bool running);
    void showEstimateCards(const switchyard::RunEstimate& estimate,
                           std::optional<double> budgetUsd);
    void showProgressCards(const switchyard::RunProgress& progress);
    void showErrors(qint64 runId, const std::vector<switchyard::RunErrorGroup>& groups);
    void onPastRunSelected();
    void showMessage(const QString& text);

    WorkspaceController* m_workspace;
    QPointer<ProvidersController> m_providers;
    RunsController* m_runs;
    RunControls* m_controls;
    RunProgressModel* m_progress;
    RunEstimateModel* m_estimate;
    RunErrorsModel* m_errors;
    RunsModel* m_pastRuns;
    StatCard* m_doneCard;
    StatCard* m_spentCard;
    StatCard* m_rateCard;
    StatCard* m_etaCard;
    QPushButton* m_start;
    QPushButton* m_estimateButton;
    QTabWidget* m_perModel;
    QLabel* m_estimateNote;
    QLabel* m_errorsNote;
    QTableView* m_errorsView;
    QTableView* m_pastRunsView;
    QPushButton* m_resumeSelected;
    QPushButton* m_retrySelected;
    QLabel* m_message;
    QProgressBar* m_bar;
    QPushButton* m_cancel;
    QPushButton* m_resume;
    QPointer<QMessageBox> m_confirmation;

    int m_estimateJob = 0;
    bool m_startAfterEstimate = false;
    RunSettings m_estimateSettings;
    int64_t m_runId = 0;         // the run the progress and errors panel show
    int64_t m_failuresShown = 0; // failures when the errors panel was last asked for
    QElapsedTimer m_errorsClock;
};
