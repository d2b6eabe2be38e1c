#include "routerlabcontroller.h"

#include "policy/policy.h"
#include "pricing/catalogue.h"
#include "routing/model_order.h"
#include "routing/tier_spend.h"
#include "store/workspace.h"
#include "workbench/routing_ops.h"
#include "workspacecontroller.h"

#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>
#include <cmath>

using namespace switchyard;
using namespace switchyard::routing;

namespace {

QString labelFor(const Catalogue& catalogue, const std::string& ref) {
    const ModelPrice* price = catalogue.find(ref);
    if (price && !price->displayName.empty())
        return QString::fromStdString(price->displayName);
    return QString::fromStdString(ref.substr(ref.rfind('/') + 1));
}

// Charts and tables have room for "Claude Sonnet 4.5", not "Claude Sonnet 4.5 (Bedrock)": the
// qualifier in parentheses goes unless two models of the run would then read the same.
void shortenLabels(std::vector<RouterLabModel>& models) {
    std::vector<QString> shortened;
    for (const RouterLabModel& model : models) {
        QString label = model.label;
        if (label.endsWith(QLatin1Char(')')) && label.lastIndexOf(QStringLiteral(" (")) > 0)
            label.truncate(label.lastIndexOf(QStringLiteral(" (")));
        shortened.push_back(label);
    }
    for (size_t i = 0; i < models.size(); ++i)
        if (std::count(shortened.begin(), shortened.end(), shortened[i]) == 1)
            models[i].label = shortened[i];
}

// The tier picker lists models in the order core gives tiers (routing/model_order.h): cheapest
// first by mean recorded cost, as switchyard-cli orders --models.
std::vector<RouterLabModel> describeModels(const ReplayData& data, const Catalogue& catalogue) {
    std::vector<RouterLabModel> models;
    for (const RunModelFigures& figures : modelsCheapestFirst(data)) {
        RouterLabModel model;
        model.ref = figures.modelRef;
        model.label = labelFor(catalogue, figures.modelRef);
        model.meanCostUsd = figures.meanCostUsd;
        model.unpriced = figures.unpriced;
        model.scored = figures.scored;
        model.hasLabels = figures.hasLabels;
        models.push_back(std::move(model));
    }
    shortenLabels(models);
    return models;
}

std::shared_ptr<RouterLabReplay> replayAt(RouterLab& lab, const std::vector<double>& thresholds) {
    auto out = std::make_shared<RouterLabReplay>();
    out->thresholds = thresholds;
    out->figures = lab.replay(thresholds, &out->decisions);
    out->wrong = wrongDecisions(lab.table(), out->decisions);
    out->spendUsd = spendByTier(lab.table(), out->decisions);
    return out;
}

} // namespace

RouterLabController::RouterLabController(WorkspaceController* workspace, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_pool(new QThreadPool(this)) {
    m_pool->setMaxThreadCount(1);
    qRegisterMetaType<std::shared_ptr<const RouterLabRun>>();
    qRegisterMetaType<std::shared_ptr<const RouterLabSnapshot>>();
    qRegisterMetaType<std::shared_ptr<const RouterLabReplay>>();
    connect(workspace, &WorkspaceController::workspaceOpened, this, [this]() {
        cancel();
        m_run.reset();
        m_data.reset();
        m_lab.reset();
        m_snapshot.reset();
        m_replay.reset();
        m_pendingThresholds.reset();
    });
}

RouterLabController::~RouterLabController() {
    if (m_cancel)
        m_cancel->cancel();
    m_pool->waitForDone();
}

int RouterLabController::startHeavy() {
    if (m_cancel)
        m_cancel->cancel(); // its result is stale
    m_cancel = std::make_shared<CancelToken>();
    m_heavyJob = m_nextJob++;
    return m_heavyJob;
}

void RouterLabController::cancel() {
    if (m_heavyJob == 0)
        return;
    if (m_cancel)
        m_cancel->cancel();
    m_heavyJob = 0;
    emit cancelled();
    if (m_pendingThresholds)
        startReplay(); // the configuration shown stays live
}

Progress RouterLabController::progressFor(int job, const QString& step) {
    QPointer<RouterLabController> self(this);
    auto last = std::make_shared<int>(-1);
    return [self, job, step, last](int64_t done, int64_t total) {
        const int permille = total > 0 ? static_cast<int>(done * 1000 / total) : 0;
        if (permille == *last)
            return; // one queued call per visible step, not per row
        *last = permille;
        QMetaObject::invokeMethod(
            self,
            [self, job, step, permille]() {
                if (self && self->m_heavyJob == job)
                    emit self->progress(permille, step);
            },
            Qt::QueuedConnection);
    };
}

void RouterLabController::loadRun(int64_t runId, const QString& scorer) {
    if (!m_workspace->workspace() || runId == 0)
        return;
    const int job = startHeavy();
    const std::string path = m_workspace->path().toStdString();
    const Catalogue catalogue = m_workspace->catalogue().catalogue;
    auto cancel = m_cancel;
    const Progress progress = progressFor(job, tr("Loading recorded results"));
    QPointer<RouterLabController> self(this);
    m_pool->start([=]() {
        if (cancel->cancelled())
            return;
        std::shared_ptr<RouterLabRun> run;
        std::shared_ptr<const ReplayData> data;
        std::optional<Error> error;
        auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
        if (!workspace) {
            error = workspace.error();
        } else {
            // Which scorers, when none is picked, is core's choice (defaultScorers), as for
            // switchyard-cli.
            ReplayLoadOptions options;
            const std::vector<std::string> scorers = (*workspace)->runScorers(runId);
            options.scorer = scorer.toStdString();
            // Answers are read once per run: the kind picker needs the labels, and switching
            // to a classifier or a refusal cascade should not reload the run.
            options.readOutputs = true;
            auto loaded =
                loadReplayData(**workspace, runId, options, &catalogue, cancel.get(), progress);
            if (!loaded) {
                error = loaded.error();
            } else {
                data = std::make_shared<const ReplayData>(std::move(loaded).value());
                run = std::make_shared<RouterLabRun>();
                run->runId = runId;
                run->runName = data->runName;
                run->setName = data->setName;
                run->synthetic = data->synthetic;
                run->prompts = data->promptCount();
                run->scorer = data->scorer;
                run->scorers = scorers;
                run->hasConfidence = !data->confidenceScorer.empty();
                run->models = describeModels(*data, catalogue);
            }
        }
        QMetaObject::invokeMethod(
            self,
            [self, job, run, data, error]() {
                if (!self || self->m_heavyJob != job)
                    return;
                self->m_heavyJob = 0;
                if (!run) {
                    emit self->failed(QString::fromStdString(error ? error->toString() : ""));
                    return;
                }
                self->m_run = run;
                self->m_data = data;
                self->m_lab.reset();
                self->m_snapshot.reset();
                self->m_replay.reset();
                emit self->runLoaded(run);
            },
            Qt::QueuedConnection);
    });
}

void RouterLabController::configure(const RouterLabSetup& setup,
                                    const std::vector<double>& thresholds) {
    if (!m_data)
        return;
    const int job = startHeavy();
    auto data = m_data;
    auto cancel = m_cancel;
    const Progress progress = progressFor(job, tr("Preparing the router"));
    std::vector<QString> labels;
    for (const std::string& ref : setup.tiers) {
        const auto model = std::find_if(m_run->models.begin(), m_run->models.end(),
                                        [&ref](const RouterLabModel& m) { return m.ref == ref; });
        labels.push_back(model != m_run->models.end() ? model->label : QString::fromStdString(ref));
    }
    m_pendingThresholds = thresholds;
    QPointer<RouterLabController> self(this);
    m_pool->start([=]() {
        if (cancel->cancelled())
            return;
        auto created = RouterLab::create(*data, setup.tiers, setup.config, setup.options,
                                         cancel.get(), progress);
        std::shared_ptr<RouterLab> lab;
        std::shared_ptr<RouterLabSnapshot> snapshot;
        std::shared_ptr<RouterLabReplay> replay;
        std::optional<Error> error;
        if (!created) {
            error = created.error();
        } else {
            lab = std::move(created).value();
            snapshot = std::make_shared<RouterLabSnapshot>();
            snapshot->data = data;
            snapshot->lab = lab;
            snapshot->setup = setup;
            snapshot->sweep = lab->sweep();
            snapshot->notes = lab->notes();
            snapshot->tierLabels = labels;
            replay = replayAt(*lab, thresholds);
        }
        QMetaObject::invokeMethod(
            self,
            [self, job, lab, snapshot, replay, error, cancel]() {
                if (!self || self->m_heavyJob != job)
                    return;
                self->m_heavyJob = 0;
                if (!snapshot) {
                    if (cancel->cancelled())
                        emit self->cancelled();
                    else
                        emit self->failed(QString::fromStdString(error ? error->toString() : ""));
                    return;
                }
                self->m_lab = lab;
                self->m_snapshot = snapshot;
                self->m_replay = replay;
                emit self->configured(snapshot);
                emit self->replayed(replay);
                if (self->m_pendingThresholds == replay->thresholds)
                    self->m_pendingThresholds.reset();
                else
                    self->startReplay();
            },
            Qt::QueuedConnection);
    });
}

void RouterLabController::replay(const std::vector<double>& thresholds) {
    m_pendingThresholds = thresholds;
    if (!m_replayRunning && m_heavyJob == 0)
        startReplay();
}

void RouterLabController::startReplay() {
    if (!m_lab || !m_pendingThresholds)
        return;
    m_replayRunning = true;
    const std::vector<double> thresholds = *std::exchange(m_pendingThresholds, std::nullopt);
    auto lab = m_lab;
    QPointer<RouterLabController> self(this);
    m_pool->start([=]() {
        auto replay = replayAt(*lab, thresholds);
        QMetaObject::invokeMethod(
            self,
            [self, lab, replay]() {
                if (!self)
                    return;
                self->m_replayRunning = false;
                // A configuration built since makes this replay stale.
                if (self->m_lab != lab || self->m_heavyJob != 0)
                    return;
                self->m_replay = replay;
                emit self->replayed(replay);
                if (self->m_pendingThresholds)
                    self->startReplay();
            },
            Qt::QueuedConnection);
    });
}

void RouterLabController::savePolicy(const QString& name, const std::vector<double>& thresholds) {
    if (!m_lab || !m_run || !m_workspace->workspace())
        return;
    // The configuration on screen, evaluated and saved by the operation switchyard-cli policy
    // runs, so the evidence saved is the CLI's to the digit.
    const RoutingPolicy policy = m_lab->configuration(name.toStdString(), thresholds);
    const workbench::RunSource source{m_workspace->path().toStdString(), m_run->runId, {}};
    QPointer<RouterLabController> self(this);
    m_pool->start([=]() {
        auto saved = workbench::savePolicy(policy, source, std::nullopt, false, std::nullopt);
        QMetaObject::invokeMethod(
            self,
            [self, name, error = saved ? std::optional<Error>() : saved.error()]() {
                if (!self)
                    return;
                if (!error)
                    emit self->policySaved(name);
                else
                    emit self->failed(QString::fromStdString(error->toString()));
            },
            Qt::QueuedConnection);
    });
}
