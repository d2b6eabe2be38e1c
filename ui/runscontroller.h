#pragma once

#include "backgroundjob.h"
#include "models/runsmodel.h"
#include "run/runner.h"
#include "store/workspace.h"
#include "workbench/run_ops.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class ProvidersController;
class WorkspaceController;
class QThread;

// What the Runs page's controls describe: a RunRequest without where it runs, whom it calls
// and with which keys (the controller adds those).
struct RunSettings {
    int64_t setId = 0;
    std::vector<std::string> modelRefs;
    switchyard::CallParams params;
    std::map<std::string, switchyard::PromptVariant> variants; // model reference -> its variant
    std::optional<double> budgetUsd;
    std::optional<int> concurrency;
    bool retryFailedOnly = false;
    bool freshSamples = false;
};

// The Runs page's link to core: estimates on a worker, one run at a time on its own thread
// with a CancelToken, progress snapshots marshalled to the GUI thread, and the workspace reads
// the page shows (past runs, a run's failures by class). Jobs carry ids, and a result for a job
// that is no longer current is dropped, so a late answer never overwrites a newer one.
class RunsController : public QObject {
    Q_OBJECT

public:
    RunsController(WorkspaceController* workspace, ProvidersController* providers,
                   QObject* parent = nullptr);
    // Cancels a run still going and waits for it: what it recorded stays in the workspace.
    ~RunsController() override;

    // The request the settings describe, against the open workspace, the providers file the
    // Providers page has open and the workspace's prices. Holds no secret: keys are resolved on
    // the worker from the environment and the keychain snapshot.
    switchyard::RunRequest request(const RunSettings& settings) const;

    // Estimates on a worker; estimated() or estimateFailed() follows with the returned job id.
    int estimate(const RunSettings& settings);
    // Starts the run the estimate was made for. False when a run is already going.
    bool start(const RunSettings& settings, const switchyard::RunEstimate& estimate);
    void cancel();
    // Cancels and blocks until the worker has returned (closing the window, switching
    // workspace). Results committed before stay; calls cut short are sent by a later resume.
    void cancelAndWait();
    bool running() const { return m_thread != nullptr; }
    // The settings of the run started last: Resume sends the same request again.
    const std::optional<RunSettings>& lastSettings() const { return m_lastSettings; }

    void loadPastRuns();
    void loadErrors(int64_t runId);

signals:
    void estimated(int job, const switchyard::RunEstimate& estimate);
    void estimateFailed(int job, const QString& message);
    void started();
    void progress(const switchyard::RunProgress& progress);
    void finished(const switchyard::RunOutcome& outcome);
    // What scoring the answers after the run did, in words (empty: nothing to score).
    void scored(const QString& summary);
    void runFailed(const QString& message);
    // A run still going was cancelled because the workspace changed under it.
    void interrupted(const QString& workspacePath);
    void pastRunsLoaded(const std::vector<PastRun>& runs);
    void errorsLoaded(qint64 runId, const std::vector<switchyard::RunErrorGroup>& groups);

private:
    static QString scoringSummary(const switchyard::workbench::RunAndScoreOutcome& outcome);
    WorkspaceController* m_workspace;
    QPointer<ProvidersController> m_providers;
    int m_nextJob = 1;
    BackgroundJob m_estimate{this};
    int m_runJob = 0;
    int m_pastRunsJob = 0;
    int m_errorsJob = 0;
    QThread* m_thread = nullptr;
    std::shared_ptr<switchyard::CancelToken> m_cancel;
    std::optional<RunSettings> m_lastSettings;
    QString m_runPath; // the workspace the running run writes to
};
