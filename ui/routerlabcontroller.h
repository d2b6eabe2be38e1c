#pragma once

#include "backgroundjob.h"
#include "routing/evaluation.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class WorkspaceController;

// A model of the loaded run as the tier picker shows it.
struct RouterLabModel {
    std::string ref;
    QString label;            // the catalogue's display name, else the reference
    double meanCostUsd = 0.0; // over its results with a recorded (or computed) cost
    int64_t unpriced = 0;     // results without a cost: replay refuses to total them
    int64_t scored = 0;       // answers with a score: 0 means it cannot be a tier
    bool hasLabels = false;   // some answer names a label: it can drive a classifier
};

// What a run offers the controls, read on the worker when the run is chosen.
struct RouterLabRun {
    int64_t runId = 0;
    std::string runName;
    std::string setName;
    bool synthetic = false;
    size_t prompts = 0;
    std::string scorer;                 // the scorer whose scores are the quality
    std::vector<std::string> scorers;   // every scorer of the run
    std::vector<RouterLabModel> models; // cheapest first, by mean recorded cost; unpriced last
    bool hasConfidence = false;         // a second scorer is loaded: the judge signal works
    bool hasStatedConfidence = false;   // a model states its own probability (a local student)
};

// What RouterLab::create needs: the configuration the controls describe.
struct RouterLabSetup {
    std::vector<std::string> tiers; // cheapest first
    switchyard::routing::RouterConfig config;
    switchyard::routing::TableOptions options;
};

// One configuration, built: kept by the page for the frontier, calibration and the decisions
// table. explain() is const and reads only what create() built, so the GUI thread may call it
// while the worker replays on the same lab.
struct RouterLabSnapshot {
    std::shared_ptr<const switchyard::routing::ReplayData> data; // outlives the lab below
    std::shared_ptr<const switchyard::routing::RouterLab> lab;
    RouterLabSetup setup;
    switchyard::routing::SweepResult sweep;
    std::vector<std::string> notes;
    std::vector<QString> tierLabels;
};

// One replay at one set of thresholds, with what the page draws from it.
struct RouterLabReplay {
    std::vector<double> thresholds;
    switchyard::routing::ReplayFigures figures;
    std::vector<uint8_t> decisions; // per table row
    std::vector<size_t> wrong;      // rows where the router was wrong (wrongDecisions)
    std::vector<double> spendUsd;   // per tier (spendByTier)
};

// Runs the Router Lab off the GUI thread. Work runs on one worker thread of its
// own, in order, so the RouterLab built there is only ever used by one thread. Loading a run and
// building a configuration are long: each gets a job id and cancels the one before; only the
// newest result is delivered. Replays are fast and coalesced: one runs at a time, and slider
// moves that arrive meanwhile only leave their thresholds for the next one, so the worker never
// falls behind the slider.
class RouterLabController : public QObject {
    Q_OBJECT

public:
    explicit RouterLabController(WorkspaceController* workspace, QObject* parent = nullptr);
    ~RouterLabController() override;

    void loadRun(int64_t runId, const QString& scorer = {});
    void configure(const RouterLabSetup& setup, const std::vector<double>& thresholds);
    void replay(const std::vector<double>& thresholds);
    // The configuration at `thresholds`, evaluated and saved under `name` with its evidence
    // (workbench::savePolicy, as switchyard-cli policy does).
    void savePolicy(const QString& name, const std::vector<double>& thresholds);
    // Stops the load or build in progress (the figures shown stay those of the last one).
    void cancel();

    bool busy() const { return m_heavy.running() || m_replayRunning; }
    const std::shared_ptr<const RouterLabRun>& run() const { return m_run; }
    const std::shared_ptr<const RouterLabSnapshot>& snapshot() const { return m_snapshot; }
    const std::shared_ptr<const RouterLabReplay>& lastReplay() const { return m_replay; }

signals:
    void progress(int permille, const QString& step);
    void runLoaded(const std::shared_ptr<const RouterLabRun>& run);
    void configured(const std::shared_ptr<const RouterLabSnapshot>& snapshot);
    void replayed(const std::shared_ptr<const RouterLabReplay>& replay);
    void failed(const QString& message);
    void cancelled();
    void policySaved(const QString& name);

private:
    void startReplay();
    BackgroundJob::ProgressSink progressSink(const QString& step);

    WorkspaceController* m_workspace;
    // One thread: a RouterLab's replayer is not thread-safe, and jobs then run in the order
    // they were asked for.
    QThreadPool* m_pool;
    // Loading a run and building a configuration: each supersedes the one before.
    BackgroundJob m_heavy;
    BackgroundJob m_save; // "Save as Policy…"
    bool m_replayRunning = false;
    std::optional<std::vector<double>> m_pendingThresholds;
    std::shared_ptr<const switchyard::routing::ReplayData> m_data; // of m_run
    // The lab of m_snapshot, mutable for the worker's replays; never used on the GUI thread.
    std::shared_ptr<switchyard::routing::RouterLab> m_lab;
    std::shared_ptr<const RouterLabRun> m_run;
    std::shared_ptr<const RouterLabSnapshot> m_snapshot;
    std::shared_ptr<const RouterLabReplay> m_replay;
};
