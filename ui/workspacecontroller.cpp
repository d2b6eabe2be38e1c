#include "workspacecontroller.h"

#include "pricing/bundled_catalogue.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

#include <span>

using namespace switchyard;

namespace {

constexpr int kOtherWritersPollMs = 1000;

} // namespace

WorkspaceController::WorkspaceController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ImportJobResult>();
    qRegisterMetaType<PriceChangeResult>();
    // The catalogue embedded in the binary: the one switchyard-cli prices with.
    auto bundled = switchyard::bundledCatalogue();
    if (bundled)
        m_bundled = std::move(bundled).value();
    else
        m_bundledError = QString::fromStdString(bundled.error().toString());
    m_catalogue.catalogue = m_bundled;
    // Frequent enough that a run started in a terminal shows up while the user looks; each poll
    // is one pragma unless something changed.
    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(kOtherWritersPollMs);
    connect(m_pollTimer, &QTimer::timeout, this, &WorkspaceController::checkForOtherWriters);
    m_pollTimer->start();
}

void WorkspaceController::notifyDataChanged() {
    rememberState();
    emit dataChanged();
}

void WorkspaceController::notifyResultsChanged() {
    rememberState();
    emit resultsChanged();
}

void WorkspaceController::rememberState() {
    if (!m_workspace)
        return;
    m_dataVersion = m_workspace->dataVersion();
    m_stamp = m_workspace->changeStamp();
}

void WorkspaceController::checkForOtherWriters() {
    if (!m_workspace || m_workspace->dataVersion() == m_dataVersion)
        return;
    const ChangeStamp before = m_stamp;
    rememberState();
    if (m_stamp.sets != before.sets && !importRunning())
        emit dataChanged();
    if (m_stamp.runs != before.runs)
        emit runsChanged();
    if (m_stamp.results != before.results)
        emit resultsChanged();
}

WorkspaceController::~WorkspaceController() {
    cancelImport();
    QThreadPool::globalInstance()->waitForDone();
}

bool WorkspaceController::open(const QString& path, QString* errorMessage) {
    auto opened = Workspace::open(path.toStdString());
    if (!opened) {
        if (errorMessage)
            *errorMessage = QString::fromStdString(opened.error().toString());
        return false;
    }
    // Their results belong to the previous workspace; a price change already committed stays.
    m_importJob.drop();
    m_priceJob.drop();
    m_workspace = std::move(opened).value();
    m_isDemo = false;
    rememberState();
    reloadCatalogue();
    emit workspaceOpened();
    return true;
}

void WorkspaceController::reloadCatalogue() {
    m_catalogue = m_workspace ? effectiveCatalogue(m_bundled, *m_workspace)
                              : EffectiveCatalogue{m_bundled, {}, {}};
    emit catalogueChanged();
}

bool WorkspaceController::startPriceChange(PriceChange change) {
    if (!m_workspace || m_priceJob.running())
        return false;
    const std::string path = m_workspace->path();
    m_priceJob.start(
        [path, change](const CancelToken&, const Progress&) {
            // A connection of its own: re-pricing a large workspace must not hold up the GUI.
            auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return PriceChangeResult{workspace.error(), {}, {}};
            return change(**workspace);
        },
        [this](PriceChangeResult result) {
            if (!result.error) {
                m_catalogue = result.outcome.prices;
                emit catalogueChanged();
                if (result.outcome.repriced.changed > 0) {
                    rememberState(); // this change is announced here, not by the poll
                    emit resultsChanged();
                }
            }
            emit priceChangeFinished(result);
        });
    return true;
}

namespace {

PriceChangeResult priceChangeResult(Expected<workbench::PriceChangeOutcome>&& outcome) {
    if (!outcome)
        return {outcome.error(), {}, {}};
    return {std::nullopt, std::move(outcome).value(), std::nullopt};
}

} // namespace

bool WorkspaceController::savePrice(const ModelPrice& price) {
    return startPriceChange([price](Workspace& workspace) {
        return priceChangeResult(workbench::savePrices(workspace, std::span(&price, 1)));
    });
}

bool WorkspaceController::revertPrice(const QString& modelId) {
    return startPriceChange([id = modelId.toStdString()](Workspace& workspace) {
        return priceChangeResult(workbench::revertPrices(workspace, std::span(&id, 1)));
    });
}

bool WorkspaceController::importLiteLlm(const QString& path) {
    return startPriceChange([file = path.toStdString()](Workspace& workspace) {
        auto imported = workbench::importLiteLlmPrices(workspace, file);
        if (!imported)
            return PriceChangeResult{imported.error(), {}, {}};
        return PriceChangeResult{std::nullopt, std::move(imported->change),
                                 std::move(imported->imported)};
    });
}

QString WorkspaceController::path() const {
    return m_workspace ? QString::fromStdString(m_workspace->path()) : QString();
}

int WorkspaceController::startImport(const QStringList& files, const QString& setName) {
    if (!m_workspace || m_importJob.running())
        return 0;
    const std::string workspacePath = m_workspace->path();
    std::vector<std::string> paths;
    for (const QString& file : files)
        paths.push_back(file.toStdString());
    const std::string set = setName.toStdString();
    // The job id is known once started; progress and the result carry it.
    auto jobId = std::make_shared<int>(0);
    const int job = m_importJob.start(
        [workspacePath, paths, set, jobId,
         self = QPointer<WorkspaceController>(this)](const CancelToken& cancel, const Progress&) {
            ImportJobResult result;
            // A connection of its own: SQLite in WAL mode lets the GUI read while this writes.
            auto workspace = Workspace::open(workspacePath, Workspace::OpenMode::ExistingOnly);
            if (!workspace) {
                result.fileErrors.push_back(workspace.error());
                return result;
            }
            auto outcome = workbench::importFiles(
                **workspace, paths, set, &cancel,
                [self, jobId](const std::string& file, int64_t done, int64_t total) {
                    // Posted like BackgroundJob's own calls (through the application object;
                    // self is tested on the GUI thread), with the file BackgroundJob's progress
                    // cannot carry. jobId is read on the GUI thread, where it was set before any
                    // of this queued call could run.
                    QMetaObject::invokeMethod(
                        QCoreApplication::instance(),
                        [self, jobId, file, done, total]() {
                            if (self && self->m_importJob.current() == *jobId)
                                emit self->importProgress(*jobId, done, total,
                                                          QString::fromStdString(file));
                        },
                        Qt::QueuedConnection);
                });
            if (outcome)
                static_cast<workbench::ImportFilesOutcome&>(result) = std::move(outcome).value();
            else
                result.fileErrors.push_back(outcome.error());
            return result;
        },
        [this](int job, ImportJobResult result) {
            result.jobId = job;
            emit importFinished(result);
            notifyDataChanged();
        });
    *jobId = job;
    return job;
}

void WorkspaceController::cancelImport() {
    // The job stops after its current batch and still reports what it committed.
    m_importJob.cancel();
}
