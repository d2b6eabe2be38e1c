// The Router Lab's runs: the workspace's runs with results, read off the GUI thread, and the
// shown run loaded again when another process or page adds a model to it (a student's answers).
#include "readjob.h"
#include "routerlabcontrols.h"
#include "routerlabpage.h"
#include "workspacecontroller.h"

#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>

using namespace switchyard;

void RouterLabPage::reloadRuns() {
    if (!m_controller->workspace()) {
        showRuns({});
        return;
    }
    // Off the GUI thread: a workspace can hold many runs of a million results each.
    const int job = ++m_runsJob;
    runReadJob<std::vector<RunInfo>>(
        m_controller->path().toStdString(), this,
        [](const Workspace& workspace) {
            std::vector<RunInfo> withResults;
            for (RunInfo& run : workspace.runs())
                if (workspace.hasResults(run.id))
                    withResults.push_back(std::move(run));
            return withResults;
        },
        [this, job](std::optional<std::vector<RunInfo>> runs) {
            if (job == m_runsJob)
                showRuns(runs ? *runs : std::vector<RunInfo>{});
        });
}

void RouterLabPage::showRuns(const std::vector<RunInfo>& found) {
    auto* workspace = m_controller->workspace();
    std::vector<std::pair<int64_t, QString>> runs;
    std::vector<int64_t> ids;
    for (const RunInfo& run : found) {
        QString label = QString::fromStdString(run.name);
        if (run.synthetic)
            label += QLatin1Char(' ') + tr("(synthetic)");
        runs.emplace_back(run.id, label);
        ids.push_back(run.id);
    }
    if (runs.empty()) {
        m_runIds.clear();
        m_stack->setCurrentIndex(0);
        m_empty->setText(
            workspace ? tr("No recorded results yet: import results (drag a results file here) "
                           "or start a run.")
                      : tr("No workspace open: File → Open Workspace, or Help → Open Demo "
                           "Workspace."));
        m_decisions->clear();
        m_figures->setVisible(false);
        m_message->clear();
        m_save->setEnabled(false);
        return;
    }
    m_stack->setCurrentIndex(1);
    const int64_t select = m_selectRun != 0 ? std::exchange(m_selectRun, 0) : m_controls->runId();
    if (ids == m_runIds && select == m_controls->runId())
        return; // nothing new: keep the configuration and the figures
    m_runIds = ids;
    m_controls->setRuns(runs, select);
    setBusy(true, tr("Loading the run…"));
    m_lab->loadRun(m_controls->runId(), {});
}

void RouterLabPage::reloadIfModelsChanged() {
    const int64_t runId = m_controls->runId();
    if (!m_controller->workspace() || runId == 0 || m_lab->busy())
        return;
    // Results arrive all through a provider run: only a model new to the run is worth a reload.
    runReadJob<std::vector<std::string>>(
        m_controller->path().toStdString(), this,
        [runId](const Workspace& workspace) {
            std::vector<std::string> refs;
            for (auto& [id, ref] : workspace.runModels(runId))
                refs.push_back(std::move(ref));
            return refs;
        },
        [this, runId](std::optional<std::vector<std::string>> refs) {
            if (!refs || runId != m_controls->runId() || m_lab->busy())
                return;
            std::vector<std::string> shown;
            for (const RouterLabModel& model : m_controls->models())
                shown.push_back(model.ref);
            std::sort(shown.begin(), shown.end());
            if (shown == *refs)
                return;
            setBusy(true, tr("Loading the run…"));
            m_lab->loadRun(runId, m_controls->scorer());
        });
}
