#include "workspacecontroller.h"

#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

using namespace switchyard;

namespace {

constexpr int kOtherWritersPollMs = 1000;

} // namespace

WorkspaceController::WorkspaceController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ImportJobResult>();
    QFile file(QStringLiteral(":/pricing/catalogue.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        m_bundledError = tr("The bundled pricing catalogue is missing from this build.");
    } else {
        auto bundled = Catalogue::fromJson(file.readAll().toStdString(), "bundled catalogue.json");
        if (bundled)
            m_bundled = std::move(bundled).value();
        else
            m_bundledError = QString::fromStdString(bundled.error().toString());
    }
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
    cancelImport();
    m_importJobId = 0; // its result belongs to the previous workspace: drop it
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

bool WorkspaceController::savePrice(const ModelPrice& price, QString* errorMessage) {
    if (!m_workspace)
        return false;
    auto status = savePriceOverrides(*m_workspace, std::span(&price, 1));
    if (!status) {
        *errorMessage = QString::fromStdString(status.error().toString());
        return false;
    }
    reloadCatalogue();
    return true;
}

bool WorkspaceController::revertPrice(const QString& modelId, QString* errorMessage) {
    if (!m_workspace)
        return false;
    auto status = m_workspace->removePriceOverride(modelId.toStdString());
    if (!status) {
        *errorMessage = QString::fromStdString(status.error().toString());
        return false;
    }
    reloadCatalogue();
    return true;
}

Expected<LiteLlmImport> WorkspaceController::importLiteLlm(const QString& path) {
    if (!m_workspace)
        return Error{path.toStdString(), 0, "", "no workspace is open"};
    auto imported = switchyard::importLiteLlm(path.toStdString());
    if (!imported)
        return imported;
    // Merged into a copy first so LiteLLM fills in what it knows while our catalogue keeps
    // what LiteLLM lacks (families, cache minimums); the merged entries become overrides.
    Catalogue merged = m_catalogue.catalogue;
    imported->mergeInto(merged);
    std::vector<ModelPrice> changed;
    for (const ModelPrice& price : imported->models)
        if (const ModelPrice* result = merged.findId(price.id))
            changed.push_back(*result);
    if (auto status = savePriceOverrides(*m_workspace, changed); !status)
        return status.error();
    reloadCatalogue();
    return imported;
}

QString WorkspaceController::path() const {
    return m_workspace ? QString::fromStdString(m_workspace->path()) : QString();
}

int WorkspaceController::startImport(const QStringList& files, const QString& setName) {
    if (!m_workspace || m_importJobId != 0)
        return 0;
    const int jobId = m_nextJobId++;
    m_importJobId = jobId;
    m_importCancel = std::make_shared<CancelToken>();
    const std::string workspacePath = m_workspace->path();
    const Catalogue catalogue = m_catalogue.catalogue; // results without a cost are priced by it
    QPointer<WorkspaceController> self(this);
    auto cancel = m_importCancel;

    QThreadPool::globalInstance()->start([=]() {
        ImportJobResult result;
        result.jobId = jobId;
        // A connection of its own: SQLite in WAL mode lets the GUI read while this writes.
        auto workspace = Workspace::open(workspacePath, Workspace::OpenMode::ExistingOnly);
        if (!workspace) {
            result.fileErrors.push_back(workspace.error());
        } else {
            for (const QString& file : files) {
                if (cancel->cancelled())
                    break;
                auto progress = [&](int64_t done, int64_t total) {
                    QMetaObject::invokeMethod(
                        self,
                        [=]() {
                            if (self)
                                emit self->importProgress(jobId, done, total, file);
                        },
                        Qt::QueuedConnection);
                };
                const std::string path = file.toStdString();
                if (const ResultsFileSniff sniff = sniffResultsFile(path); sniff.recordedResults) {
                    ResultsImportOptions options;
                    options.setName = setName.isEmpty()
                                          ? defaultResultsSetName(**workspace, path, sniff)
                                          : setName.toStdString();
                    auto run = importResultsFile(**workspace, catalogue, path, options,
                                                 cancel.get(), progress);
                    if (!run) {
                        result.fileErrors.push_back(run.error());
                        continue;
                    }
                    result.reports.push_back(ImportReport{path, run->setName, run->setId,
                                                          run->promptsCreated, run->rejectedCount,
                                                          run->rejected, run->cancelled});
                    result.runs.push_back(std::move(run).value());
                    continue;
                }
                auto report = importPromptFile(**workspace, path, setName.toStdString(),
                                               cancel.get(), progress);
                if (report)
                    result.reports.push_back(std::move(report).value());
                else
                    result.fileErrors.push_back(report.error());
            }
        }
        result.cancelled = cancel->cancelled();
        QMetaObject::invokeMethod(
            self,
            [self, result]() {
                if (!self || self->m_importJobId != result.jobId)
                    return; // a newer workspace or job replaced this one
                self->m_importJobId = 0;
                emit self->importFinished(result);
                self->notifyDataChanged();
            },
            Qt::QueuedConnection);
    });
    return jobId;
}

void WorkspaceController::cancelImport() {
    // The job stops after its current batch and still reports what it committed.
    if (m_importCancel)
        m_importCancel->cancel();
}
