#include "runscontroller.h"

#include "workbench/run_ops.h"

#include "providerscontroller.h"
#include "readjob.h"
#include "workspacecontroller.h"

#include <QMetaObject>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <map>

using namespace switchyard;

namespace {

// Selecting a provider run restores the request it was made with (runner.h, Resume).
void readIdentity(PastRun& run) {
    const auto identity = parseRunIdentity(run.info.paramsJson);
    if (!identity)
        return;
    run.models = identity->models;
    run.maxTokens = identity->params.maxTokens;
    run.temperature = identity->params.temperature;
    run.variants = identity->variants;
}

std::vector<PastRun> readPastRuns(const Workspace& workspace) {
    std::map<int64_t, std::string> setNames;
    for (const PromptSetInfo& set : workspace.promptSets())
        setNames.emplace(set.id, set.name);
    std::vector<PastRun> out;
    const std::vector<RunInfo> runs = workspace.runs();
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) { // newest first
        PastRun run;
        run.info = *it;
        if (run.info.setId)
            if (auto name = setNames.find(*run.info.setId); name != setNames.end())
                run.setName = name->second;
        if (run.info.kind == "provider")
            readIdentity(run);
        const bool modelsKnown = !run.models.empty();
        for (const RunResultTotals& totals : workspace.runResultTotals(run.info.id)) {
            run.results += totals.results;
            if (!totals.errorClass.empty())
                run.failed += totals.results;
            run.costUsd += totals.costUsd;
            if (!modelsKnown && std::find(run.models.begin(), run.models.end(), totals.modelRef) ==
                                    run.models.end())
                run.models.push_back(totals.modelRef);
        }
        out.push_back(std::move(run));
    }
    return out;
}

} // namespace

RunsController::RunsController(WorkspaceController* workspace, ProvidersController* providers,
                               QObject* parent)
    : QObject(parent), m_workspace(workspace), m_providers(providers) {
    connect(workspace, &WorkspaceController::workspaceOpened, this, [this]() {
        // A run keeps writing to the file it started on; the page now shows another, so the
        // run is stopped rather than left running unseen. Its committed results stay there.
        m_estimate.drop();
        m_lastSettings.reset(); // its set id means another set in the new workspace
        if (!running())
            return;
        const int job = m_runJob;
        cancelAndWait();
        if (m_runJob == job) {
            m_runJob = 0; // its outcome belongs to the previous workspace: dropped
            emit interrupted(m_runPath);
        }
    });
}

RunsController::~RunsController() {
    cancelAndWait();
}

RunRequest RunsController::request(const RunSettings& settings) const {
    RunRequest request;
    request.workspacePath = m_workspace->path().toStdString();
    request.setId = settings.setId;
    request.modelRefs = settings.modelRefs;
    request.params = settings.params;
    request.variants = settings.variants;
    request.budgetUsd = settings.budgetUsd;
    request.concurrency = settings.concurrency;
    request.retryFailedOnly = settings.retryFailedOnly;
    request.freshSamples = settings.freshSamples;
    // Prices stay empty: the engine then uses the bundled catalogue with this workspace's
    // overrides, which is what the Pricing page shows and what switchyard-cli run uses.
    if (m_providers) {
        request.providers = m_providers->file();
        request.credentials = m_providers->credentialSources();
    } else {
        request.credentials = CredentialSources::fromProcess();
    }
    return request;
}

int RunsController::estimate(const RunSettings& settings) {
    return m_estimate.start(
        [request = request(settings)](const CancelToken&, const Progress&) {
            return estimateRun(request);
        },
        [this](int job, Expected<RunEstimate> estimate) {
            if (estimate)
                emit estimated(job, *estimate);
            else
                emit estimateFailed(job, QString::fromStdString(estimate.error().toString()));
        });
}

QString RunsController::scoringSummary(const workbench::RunAndScoreOutcome& outcome) {
    if (outcome.scoringError)
        return tr("Scoring the answers failed: %1. The results are recorded; Compare → Re-score "
                  "tries again.")
            .arg(QString::fromStdString(outcome.scoringError->toString()));
    QStringList parts;
    for (const workbench::ScoreRunOutcome& scoring : outcome.scoring)
        parts << tr("%1 answers scored with %2")
                     .arg(scoring.scored)
                     .arg(QString::fromStdString(scoring.scorer));
    return parts.isEmpty() ? QString()
                           : parts.join(QStringLiteral("; ")) + tr(": see them in Compare.");
}

bool RunsController::start(const RunSettings& settings, const RunEstimate& estimate) {
    if (running() || !m_workspace->workspace())
        return false;
    const int job = m_nextJob++;
    m_runJob = job;
    m_lastSettings = settings;
    m_runPath = m_workspace->path();
    m_cancel = std::make_shared<CancelToken>();
    QPointer<RunsController> self(this);
    // The worker runs the engine to its end; the engine calls `onProgress` on this worker, and
    // each snapshot is copied to the GUI thread with a queued call.
    auto onProgress = [self, job](const RunProgress& snapshot) {
        QMetaObject::invokeMethod(
            self,
            [self, job, snapshot]() {
                if (self && self->m_runJob == job)
                    emit self->progress(snapshot);
            },
            Qt::QueuedConnection);
    };
    m_thread = QThread::create([self, job, onProgress, cancel = m_cancel,
                                request = request(settings), known = estimate]() {
        auto outcome = workbench::runAndScore(request, *cancel, onProgress, &known);
        QMetaObject::invokeMethod(
            self,
            [self, job, outcome = std::move(outcome)]() {
                if (!self || self->m_runJob != job)
                    return;
                self->m_runJob = 0;
                self->m_thread = nullptr;
                // Other pages read the new results (Compare, Router Lab, Cache Lab's truth).
                self->m_workspace->notifyDataChanged();
                if (outcome) {
                    emit self->finished(outcome->run);
                    emit self->scored(scoringSummary(*outcome));
                } else
                    emit self->runFailed(QString::fromStdString(outcome.error().toString()));
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("switchyard-run"));
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
    emit started();
    return true;
}

void RunsController::cancel() {
    if (m_cancel)
        m_cancel->cancel();
}

void RunsController::cancelAndWait() {
    if (!m_thread)
        return;
    cancel();
    QThread* thread = m_thread;
    thread->wait();
    // Finished: its queued deleteLater is discarded with it.
    delete thread;
    m_thread = nullptr;
}

void RunsController::loadPastRuns() {
    if (!m_workspace->workspace())
        return;
    const int job = m_nextJob++;
    m_pastRunsJob = job;
    runReadJob<std::vector<PastRun>>(m_workspace->path().toStdString(), this, readPastRuns,
                                     [this, job](std::optional<std::vector<PastRun>> runs) {
                                         if (job != m_pastRunsJob)
                                             return;
                                         emit pastRunsLoaded(runs ? *runs : std::vector<PastRun>{});
                                     });
}

void RunsController::loadErrors(int64_t runId) {
    if (!m_workspace->workspace() || runId == 0)
        return;
    const int job = m_nextJob++;
    m_errorsJob = job;
    runReadJob<std::vector<RunErrorGroup>>(
        m_workspace->path().toStdString(), this,
        [runId](const Workspace& workspace) { return workspace.runErrorGroups(runId); },
        [this, job, runId](std::optional<std::vector<RunErrorGroup>> groups) {
            if (job != m_errorsJob)
                return;
            emit errorsLoaded(runId, groups ? *groups : std::vector<RunErrorGroup>{});
        });
}
