#include "cachelabcontroller.h"

#include "store/workspace.h"
#include "workbench/cache_ops.h"
#include "workspacecontroller.h"

#include <optional>
#include <utility>

using namespace switchyard;

CacheLabController::CacheLabController(WorkspaceController* workspace, QObject* parent)
    : QObject(parent), m_workspace(workspace) {
    qRegisterMetaType<std::shared_ptr<const CacheLabReport>>();
    connect(workspace, &WorkspaceController::workspaceOpened, this, [this]() {
        // What they would deliver is about the previous workspace.
        m_evaluation.drop();
        m_fix.drop();
        m_loadedSet = 0;
        m_prompts.reset();
    });
}

CacheLabController::~CacheLabController() = default;

void CacheLabController::evaluate(int64_t setId, const CacheLabSettings& settings) {
    if (!m_workspace->workspace() || setId == 0)
        return;
    const QString path = m_workspace->path();
    // Kept between evaluations of the same set: a slider move does not re-read the store.
    workbench::SetPrompts cached =
        (setId == m_loadedSet && path == m_loadedPath) ? m_prompts : nullptr;
    const Catalogue catalogue = m_workspace->catalogue().catalogue;
    using Outcome = Expected<workbench::CacheOutcome>;
    // A new evaluation supersedes the previous one: its result is stale.
    m_evaluation.start(
        [=](const CancelToken& cancel, const Progress& progress) -> Outcome {
            auto workspace = Workspace::open(path.toStdString(), Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return workspace.error();
            return workbench::evaluateCache(**workspace, catalogue, setId, settings, cached,
                                            &cancel, progress);
        },
        [this, setId, path](Outcome outcome) {
            if (!outcome) {
                emit failed(QString::fromStdString(outcome.error().toString()));
                return;
            }
            m_loadedSet = setId;
            m_loadedPath = path;
            m_prompts = outcome->prompts;
            emit evaluated(std::make_shared<const CacheLabReport>(std::move(outcome->report)));
        },
        [this](int64_t done, int64_t total) {
            emit progress(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
        });
}

void CacheLabController::applyFixToCopy(int64_t setId, const QString& setName,
                                        const LintFinding& finding) {
    if (!m_workspace->workspace() || setId == 0)
        return;
    const QString path = m_workspace->path();
    using Created = Expected<workbench::FixedSet>;
    m_fix.start(
        [path = path.toStdString(), setId, name = setName.toStdString(),
         finding](const CancelToken&, const Progress&) -> Created {
            auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return workspace.error();
            return workbench::copyWithFix(**workspace, setId, name, finding);
        },
        [this](Created created) {
            if (!created) {
                emit failed(QString::fromStdString(created.error().toString()));
                return;
            }
            m_workspace->notifyDataChanged();
            emit fixedSetCreated(created->setId, QString::fromStdString(created->name));
        });
}
