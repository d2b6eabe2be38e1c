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
    : QObject(parent), m_workspace(workspace), m_pool(new QThreadPool(this)), m_heavy(this, m_pool),
      m_save(this, m_pool) {
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
    m_heavy.drop();
    m_save.drop();
    m_pool->waitForDone();
}

void RouterLabController::cancel() {
    if (!m_heavy.running())
        return;
    m_heavy.drop();
    emit cancelled();
    if (m_pendingThresholds)
        startReplay(); // the configuration shown stays live
}

BackgroundJob::ProgressSink RouterLabController::progressSink(const QString& step) {
    return [this, step](int64_t done, int64_t total) {
        emit progress(total > 0 ? static_cast<int>(done * 1000 / total) : 0, step);
    };
}

namespace {

struct LoadedRun {
    std::shared_ptr<RouterLabRun> run;
    std::shared_ptr<const ReplayData> data;
    std::optional<Error> error;
};

struct BuiltLab {
    std::shared_ptr<RouterLab> lab;
    std::shared_ptr<RouterLabSnapshot> snapshot;
    std::shared_ptr<RouterLabReplay> replay;
    std::optional<Error> error;
};

} // namespace

void RouterLabController::loadRun(int64_t runId, const QString& scorer) {
    if (!m_workspace->workspace() || runId == 0)
        return;
    const std::string path = m_workspace->path().toStdString();
    const Catalogue catalogue = m_workspace->catalogue().catalogue;
    m_heavy.start(
        [=](const CancelToken& cancel, const Progress& progress) {
            LoadedRun out;
            auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
            if (!workspace) {
                out.error = workspace.error();
                return out;
            }
            // Which scorers, when none is picked, is core's choice (defaultScorers), as for
            // switchyard-cli.
            ReplayLoadOptions options;
            const std::vector<std::string> scorers = (*workspace)->runScorers(runId);
            options.scorer = scorer.toStdString();
            // Answers are read once per run: the kind picker needs the labels, and switching
            // to a classifier or a refusal cascade should not reload the run.
            options.readOutputs = true;
            auto loaded =
                loadReplayData(**workspace, runId, options, &catalogue, &cancel, progress);
            if (!loaded) {
                out.error = loaded.error();
                return out;
            }
            out.data = std::make_shared<const ReplayData>(std::move(loaded).value());
            const ReplayData& data = *out.data;
            out.run = std::make_shared<RouterLabRun>();
            out.run->runId = runId;
            out.run->runName = data.runName;
            out.run->setName = data.setName;
            out.run->synthetic = data.synthetic;
            out.run->prompts = data.promptCount();
            out.run->scorer = data.scorer;
            out.run->scorers = scorers;
            out.run->hasConfidence = !data.confidenceScorer.empty();
            for (const routing::ModelColumn& column : data.models)
                out.run->hasStatedConfidence |= !column.statedConfidence.empty();
            out.run->models = describeModels(data, catalogue);
            return out;
        },
        [this](LoadedRun loaded) {
            if (!loaded.run) {
                emit failed(QString::fromStdString(loaded.error ? loaded.error->toString() : ""));
                return;
            }
            m_run = loaded.run;
            m_data = loaded.data;
            m_lab.reset();
            m_snapshot.reset();
            m_replay.reset();
            emit runLoaded(m_run);
        },
        progressSink(tr("Loading recorded results")));
}

void RouterLabController::configure(const RouterLabSetup& setup,
                                    const std::vector<double>& thresholds) {
    if (!m_data)
        return;
    auto data = m_data;
    std::vector<QString> labels;
    for (const std::string& ref : setup.tiers) {
        const auto model = std::find_if(m_run->models.begin(), m_run->models.end(),
                                        [&ref](const RouterLabModel& m) { return m.ref == ref; });
        labels.push_back(model != m_run->models.end() ? model->label : QString::fromStdString(ref));
    }
    m_pendingThresholds = thresholds;
    m_heavy.start(
        [=](const CancelToken& cancel, const Progress& progress) {
            BuiltLab out;
            auto created = RouterLab::create(*data, setup.tiers, setup.config, setup.options,
                                             &cancel, progress);
            if (!created) {
                out.error = created.error();
                return out;
            }
            out.lab = std::move(created).value();
            out.snapshot = std::make_shared<RouterLabSnapshot>();
            out.snapshot->data = data;
            out.snapshot->lab = out.lab;
            out.snapshot->setup = setup;
            out.snapshot->sweep = out.lab->sweep();
            out.snapshot->notes = out.lab->notes();
            out.snapshot->tierLabels = labels;
            out.replay = replayAt(*out.lab, thresholds);
            return out;
        },
        [this](BuiltLab built) {
            if (!built.snapshot) {
                emit failed(QString::fromStdString(built.error ? built.error->toString() : ""));
                return;
            }
            m_lab = built.lab;
            m_snapshot = built.snapshot;
            m_replay = built.replay;
            emit configured(m_snapshot);
            emit replayed(m_replay);
            if (m_pendingThresholds == m_replay->thresholds)
                m_pendingThresholds.reset();
            else
                startReplay();
        },
        progressSink(tr("Preparing the router")));
}

void RouterLabController::replay(const std::vector<double>& thresholds) {
    m_pendingThresholds = thresholds;
    if (!m_replayRunning && !m_heavy.running())
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
                if (self->m_lab != lab || self->m_heavy.running())
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
    // runs, so the evidence saved is the CLI's to the digit. Read on the lab's worker, after the
    // replays before it, like everything else of the lab.
    auto lab = m_lab;
    const workbench::RunSource source{m_workspace->path().toStdString(), m_run->runId, {}};
    m_save.start(
        [=](const CancelToken& cancel, const Progress&) -> Status {
            const RoutingPolicy policy = lab->configuration(name.toStdString(), thresholds);
            auto saved =
                workbench::savePolicy(policy, source, std::nullopt, false, std::nullopt, &cancel);
            return saved ? success() : Status(saved.error());
        },
        [this, name](Status saved) {
            if (saved)
                emit policySaved(name);
            else
                emit failed(QString::fromStdString(saved.error().toString()));
        });
}
