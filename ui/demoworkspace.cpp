#include "demoworkspace.h"

#include "demo/demo_results.h"
#include "pricing/bundled_catalogue.h"
#include "pricing/catalogue.h"
#include "store/prompt_import.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace demoworkspace {

namespace {
const char* const kDemoSetName = "Demo: mixed workload";
constexpr uint64_t kDemoSeed = 20261127;
} // namespace

QString path() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("demo.sqlite"));
}

bool ensure(QString* errorMessage) {
    const QString target = path();
    if (QFile::exists(target))
        return true;
    QDir().mkpath(QFileInfo(target).absolutePath());
    // Built next to the target and renamed into place, so a failure never leaves half a demo.
    const QString building = target + QStringLiteral(".building");
    QFile::remove(building);
    QTemporaryDir scratch;
    const QString promptsFile = scratch.filePath(QStringLiteral("demo-prompts.jsonl"));
    if (!scratch.isValid() ||
        !QFile::copy(QStringLiteral(":/demo/demo-prompts.jsonl"), promptsFile)) {
        *errorMessage = QObject::tr("The bundled demo prompt set could not be unpacked.");
        return false;
    }
    {
        auto workspace = switchyard::Workspace::open(building.toStdString());
        if (!workspace) {
            *errorMessage = QString::fromStdString(workspace.error().toString());
            return false;
        }
        auto report =
            switchyard::importPromptFile(**workspace, promptsFile.toStdString(), kDemoSetName);
        if (!report || report->accepted == 0) {
            *errorMessage = report ? QObject::tr("The bundled demo prompt set is empty.")
                                   : QString::fromStdString(report.error().toString());
            return false;
        }
        (void)(*workspace)
            ->setPromptSetSource(report->setId, "resources/demo/demo-prompts.jsonl (bundled)");
        // Recorded results for routers to learn from, from the seeded generator: labelled
        // synthetic wherever they are shown, replaced by real runs and imports.
        auto catalogue = switchyard::bundledCatalogue();
        if (!catalogue) {
            *errorMessage = QString::fromStdString(catalogue.error().toString());
            return false;
        }
        auto run =
            switchyard::generateDemoResults(**workspace, report->setId, *catalogue, kDemoSeed);
        if (!run) {
            *errorMessage = QString::fromStdString(run.error().toString());
            return false;
        }
    }
    QFile::remove(building + QStringLiteral("-wal"));
    QFile::remove(building + QStringLiteral("-shm"));
    if (!QFile::rename(building, target)) {
        *errorMessage = QObject::tr("Could not create %1").arg(target);
        return false;
    }
    return true;
}

} // namespace demoworkspace
