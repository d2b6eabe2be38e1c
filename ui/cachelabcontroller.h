#pragma once

#include "backgroundjob.h"
#include "cache/cache_lab.h"
#include "prompts/prompt.h"
#include "workbench/cache_ops.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class WorkspaceController;

// Runs Cache Lab evaluations off the GUI thread (BackgroundJob): a newer request cancels the
// older one, and only the newest result is delivered. Keeps the
// prompts of the set being simulated in memory so a slider move does not re-read the store.
class CacheLabController : public QObject {
    Q_OBJECT

public:
    explicit CacheLabController(WorkspaceController* workspace, QObject* parent = nullptr);
    ~CacheLabController() override;

    void evaluate(int64_t setId, const switchyard::CacheLabSettings& settings);
    // Writes a copy of the set with the finding's fix applied as a new prompt set, then
    // announces it (fixedSetCreated) so the page can select and simulate it.
    void applyFixToCopy(int64_t setId, const QString& setName,
                        const switchyard::LintFinding& finding);
    bool busy() const { return m_evaluation.running(); }

signals:
    void progress(int permille);
    void evaluated(const std::shared_ptr<const switchyard::CacheLabReport>& report);
    void failed(const QString& message);
    void fixedSetCreated(qint64 setId, const QString& name);

private:
    WorkspaceController* m_workspace;
    BackgroundJob m_evaluation{this};
    BackgroundJob m_fix{this};
    int64_t m_loadedSet = 0;
    QString m_loadedPath;
    switchyard::workbench::SetPrompts m_prompts; // of m_loadedSet
};
