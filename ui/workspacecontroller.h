#pragma once

#include "pricing/litellm_import.h"
#include "results/results_import.h"
#include "store/price_overrides.h"
#include "store/prompt_import.h"
#include "store/workspace.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

// What one import job produced: a report per file that could be read, an error per file that
// could not. Delivered to the GUI thread with a queued signal.
struct ImportJobResult {
    int jobId = 0;
    std::vector<switchyard::ImportReport> reports;
    std::vector<switchyard::Error> fileErrors;
    // Files whose first record is a recorded result were imported as runs instead. Each also
    // has an entry in `reports` (the prompts it added, its rejected lines), so a page that only
    // knows prompt imports still reports them truthfully.
    std::vector<switchyard::ResultsImportReport> runs;
    bool cancelled = false;
};
Q_DECLARE_METATYPE(ImportJobResult)

// Owns the open workspace for the GUI thread and runs long work (imports) on worker threads,
// each with its own SQLite connection, so the GUI never waits on the disk.
class WorkspaceController : public QObject {
    Q_OBJECT

public:
    explicit WorkspaceController(QObject* parent = nullptr);
    ~WorkspaceController() override;

    // Opens or creates a workspace file. On failure the current workspace stays open.
    bool open(const QString& path, QString* errorMessage);
    switchyard::Workspace* workspace() const { return m_workspace.get(); }
    QString path() const;
    bool isDemo() const { return m_isDemo; }
    void setDemo(bool demo) { m_isDemo = demo; }

    // Starts importing files into the workspace; returns the job id. One import at a time:
    // returns 0 when one is already running. A recorded-results file (sniffResultsFile) becomes
    // a run over `setName`, or without one over the set holding its prompts
    // (defaultResultsSetName); any other file is a prompt set.
    int startImport(const QStringList& files, const QString& setName = {});
    void cancelImport();
    bool importRunning() const { return m_importJobId != 0; }
    // Tells every page that prompt sets changed (a job other than an import wrote them).
    void notifyDataChanged();

    // Prices: the bundled catalogue with this workspace's overrides laid over it.
    const switchyard::EffectiveCatalogue& catalogue() const { return m_catalogue; }
    const switchyard::Catalogue& bundledCatalogue() const { return m_bundled; }
    QString bundledCatalogueError() const { return m_bundledError; }
    bool savePrice(const switchyard::ModelPrice& price, QString* errorMessage);
    bool revertPrice(const QString& modelId, QString* errorMessage);
    // Reads a LiteLLM price file and stores every priced model as an override of this workspace.
    switchyard::Expected<switchyard::LiteLlmImport> importLiteLlm(const QString& path);

signals:
    void workspaceOpened();
    void importProgress(int jobId, qint64 done, qint64 total, const QString& file);
    void importFinished(const ImportJobResult& result);
    // Prompt sets or their contents changed (after an import, or in another process).
    void dataChanged();
    // Another process (a CLI run, CI) added, removed or finished a run.
    void runsChanged();
    // Another process recorded results (a run in progress elsewhere).
    void resultsChanged();
    void catalogueChanged();

private:
    void reloadCatalogue();
    // Polled: PRAGMA data_version moves when anyone else commits to the file.
    void checkForOtherWriters();
    void rememberState();

    std::unique_ptr<switchyard::Workspace> m_workspace;
    switchyard::Catalogue m_bundled;
    QString m_bundledError;
    switchyard::EffectiveCatalogue m_catalogue;
    bool m_isDemo = false;
    int m_nextJobId = 1;
    int m_importJobId = 0;
    std::shared_ptr<switchyard::CancelToken> m_importCancel;
    QTimer* m_pollTimer = nullptr;
    int64_t m_dataVersion = 0;
    switchyard::ChangeStamp m_stamp;
};
