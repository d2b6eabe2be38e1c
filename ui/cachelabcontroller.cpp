#include "cachelabcontroller.h"

#include "store/workspace.h"
#include "workspacecontroller.h"

#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

using namespace switchyard;

namespace {

Expected<std::vector<Prompt>> loadPrompts(const std::string& path, int64_t setId) {
    auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return workspace.error();
    std::vector<Prompt> prompts;
    auto status = (*workspace)->forEachPrompt(setId, [&prompts](int64_t, Prompt&& prompt) {
        prompts.push_back(std::move(prompt));
        return true;
    });
    if (!status)
        return status.error();
    return prompts;
}

} // namespace

CacheLabController::CacheLabController(WorkspaceController* workspace, QObject* parent)
    : QObject(parent), m_workspace(workspace) {
    qRegisterMetaType<std::shared_ptr<const CacheLabReport>>();
    connect(workspace, &WorkspaceController::workspaceOpened, this, [this]() {
        m_loadedSet = 0;
        m_prompts.reset();
    });
}

CacheLabController::~CacheLabController() {
    if (m_cancel)
        m_cancel->cancel();
}

void CacheLabController::evaluate(int64_t setId, const CacheLabSettings& settings) {
    if (!m_workspace->workspace() || setId == 0)
        return;
    if (m_cancel)
        m_cancel->cancel(); // the previous evaluation is stale
    const int job = m_nextJob++;
    m_pendingJob = job;
    m_cancel = std::make_shared<CancelToken>();
    const QString path = m_workspace->path();
    PromptsPtr cached = (setId == m_loadedSet && path == m_loadedPath) ? m_prompts : nullptr;
    const Catalogue catalogue = m_workspace->catalogue().catalogue;
    auto cancel = m_cancel;
    QPointer<CacheLabController> self(this);

    QThreadPool::globalInstance()->start([=]() {
        PromptsPtr prompts = cached;
        std::optional<Error> error;
        if (!prompts) {
            auto loaded = loadPrompts(path.toStdString(), setId);
            if (loaded)
                prompts = std::make_shared<const std::vector<Prompt>>(std::move(loaded).value());
            else
                error = loaded.error();
        }
        std::shared_ptr<const CacheLabReport> report;
        CacheLabSettings withTruth = settings;
        if (prompts) {
            // The truth check: the newest real run of this set that recorded cache tokens.
            const ModelPrice* model = catalogue.find(settings.model);
            auto reader = Workspace::open(path.toStdString(), Workspace::OpenMode::ExistingOnly);
            if (model && reader)
                withTruth.recorded = recordedCacheUsage(**reader, setId, catalogue, model->id);
        }
        if (prompts) {
            auto progress = [self, job](int64_t done, int64_t total) {
                const int permille = total > 0 ? static_cast<int>(done * 1000 / total) : 0;
                QMetaObject::invokeMethod(
                    self,
                    [self, job, permille]() {
                        if (self && self->m_pendingJob == job)
                            emit self->progress(permille);
                    },
                    Qt::QueuedConnection);
            };
            auto evaluated = runCacheLab(*prompts, catalogue, withTruth, progress, cancel.get());
            if (evaluated)
                report = std::make_shared<const CacheLabReport>(std::move(evaluated).value());
            else
                error = evaluated.error();
        }
        QMetaObject::invokeMethod(
            self,
            [self, job, setId, path, prompts, report, error]() {
                if (!self || self->m_pendingJob != job)
                    return;
                self->m_pendingJob = 0;
                self->m_loadedSet = setId;
                self->m_loadedPath = path;
                self->m_prompts = prompts;
                if (report)
                    emit self->evaluated(report);
                else if (error)
                    emit self->failed(QString::fromStdString(error->toString()));
            },
            Qt::QueuedConnection);
    });
}

void CacheLabController::applyFixToCopy(int64_t setId, const QString& setName,
                                        const LintFinding& finding) {
    if (!m_workspace->workspace() || setId == 0)
        return;
    const QString path = m_workspace->path();
    QPointer<CacheLabController> self(this);
    QThreadPool::globalInstance()->start([=]() {
        auto workspace = Workspace::open(path.toStdString(), Workspace::OpenMode::ExistingOnly);
        Expected<int64_t> created = Error{};
        std::string name;
        if (!workspace) {
            created = workspace.error();
        } else if (auto prompts = loadPrompts(path.toStdString(), setId); !prompts) {
            created = prompts.error();
        } else {
            const std::vector<Prompt> fixed = applyFix(finding, *prompts);
            name = (*workspace)
                       ->uniqueSetName(setName.toStdString() +
                                       " (fixed: " + std::string(lintKindName(finding.kind)) + ")");
            created =
                (*workspace)
                    ->createPromptSet(name, "fix of " + setName.toStdString() + ": " + finding.fix);
            if (created) {
                auto appended = (*workspace)->appendPrompts(*created, fixed, "");
                if (!appended)
                    created = appended.error();
            }
        }
        QMetaObject::invokeMethod(
            self,
            [self, created, name]() {
                if (!self)
                    return;
                if (!created) {
                    emit self->failed(QString::fromStdString(created.error().toString()));
                    return;
                }
                self->m_workspace->notifyDataChanged();
                emit self->fixedSetCreated(*created, QString::fromStdString(name));
            },
            Qt::QueuedConnection);
    });
}
