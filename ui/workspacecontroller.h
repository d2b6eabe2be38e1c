#pragma once

#include "backgroundjob.h"
#include "pricing/litellm_import.h"
#include "store/price_overrides.h"
#include "store/workspace.h"
#include "workbench/import_ops.h"
#include "workbench/pricing_ops.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

// What one import job produced (workbench::importFiles), with the job's id.
struct ImportJobResult : switchyard::workbench::ImportFilesOutcome {
    int jobId = 0;
};
Q_DECLARE_METATYPE(ImportJobResult)

// What a price change did: the outcome, or the error that left prices and costs as they were.
struct PriceChangeResult {
    std::optional<switchyard::Error> error;
    switchyard::workbench::PriceChangeOutcome outcome;
    std::optional<switchyard::LiteLlmImport> liteLlm; // for a LiteLLM import
};
Q_DECLARE_METATYPE(PriceChangeResult)

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
    bool importRunning() const { return m_importJob.running(); }
    // Tells every page that prompt sets changed (a job other than an import wrote them).
    void notifyDataChanged();
    // Tells every page that recorded results changed (a job added a model's answers to a run).
    void notifyResultsChanged();

    // Prices: the bundled catalogue with this workspace's overrides laid over it.
    const switchyard::EffectiveCatalogue& catalogue() const { return m_catalogue; }
    const switchyard::Catalogue& bundledCatalogue() const { return m_bundled; }
    QString bundledCatalogueError() const { return m_bundledError; }
    // Price changes run on a worker (each re-prices the recorded results it touches:
    // workbench/pricing_ops.h) and end with priceChangeFinished. One at a time: false while one
    // is running or no workspace is open.
    bool savePrice(const switchyard::ModelPrice& price);
    bool revertPrice(const QString& modelId);
    // Reads a LiteLLM price file and stores every priced model as an override of this workspace.
    bool importLiteLlm(const QString& path);
    bool priceChangeRunning() const { return m_priceJob.running(); }

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
    void priceChangeFinished(const PriceChangeResult& result);

private:
    void reloadCatalogue();
    using PriceChange = std::function<PriceChangeResult(switchyard::Workspace&)>;
    bool startPriceChange(PriceChange change);
    // Polled: PRAGMA data_version moves when anyone else commits to the file.
    void checkForOtherWriters();
    void rememberState();

    std::unique_ptr<switchyard::Workspace> m_workspace;
    switchyard::Catalogue m_bundled;
    QString m_bundledError;
    switchyard::EffectiveCatalogue m_catalogue;
    bool m_isDemo = false;
    BackgroundJob m_importJob{this};
    BackgroundJob m_priceJob{this};
    QTimer* m_pollTimer = nullptr;
    int64_t m_dataVersion = 0;
    switchyard::ChangeStamp m_stamp;
};
