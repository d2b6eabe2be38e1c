#include "trafficimport.h"

#include "uiformat.h"
#include "workbench/traffic_ops.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

using namespace switchyard;

namespace {

QString importSummary(const workbench::LogImportOutcome& outcome) {
    double cost = 0;
    for (const auto& [model, totals] : outcome.models)
        cost += totals.costUsd;
    QString summary = TrafficImport::tr("%Ln request(s) from %1 file(s) into set '%2', %3", "",
                                        int(outcome.records))
                          .arg(uiformat::count(outcome.files),
                               QString::fromStdString(outcome.setName), uiformat::money(cost));
    if (outcome.duplicates > 0)
        summary += TrafficImport::tr("; %1 already imported, skipped")
                       .arg(uiformat::count(outcome.duplicates));
    if (outcome.rejectedCount > 0)
        summary += TrafficImport::tr("; %1 rejected").arg(uiformat::count(outcome.rejectedCount));
    if (outcome.cancelled)
        summary += TrafficImport::tr(" (cancelled: what was read is kept)");
    return summary;
}

QStringList importProblems(const workbench::LogImportOutcome& outcome) {
    QStringList problems;
    for (const Error& error : outcome.damaged)
        problems << QString::fromStdString(error.toString());
    for (const Error& error : outcome.rejected)
        problems << QString::fromStdString(error.toString());
    if (outcome.rejectedCount > int64_t(outcome.rejected.size()))
        problems << TrafficImport::tr("… and %1 more rejected records")
                        .arg(uiformat::count(outcome.rejectedCount -
                                             int64_t(outcome.rejected.size())));
    for (const Error& error : outcome.bodiesMissing)
        problems << TrafficImport::tr("%1 (kept without its text)")
                        .arg(QString::fromStdString(error.toString()));
    for (const UnpricedModel& model : outcome.unpriced)
        problems << TrafficImport::tr("%1: %2; its cost is left empty")
                        .arg(QString::fromStdString(model.model),
                             QString::fromStdString(model.reason));
    for (const std::string& file : outcome.skippedFiles)
        problems << TrafficImport::tr("%1: skipped, neither a log nor a usage export")
                        .arg(QString::fromStdString(file));
    return problems;
}

} // namespace

void TrafficImport::start(const QString& workspacePath, const QStringList& paths,
                          const QString& setName) {
    if (m_token)
        m_token->cancel();
    auto token = std::make_shared<CancelToken>();
    m_token = token;
    const int job = ++m_job;
    std::vector<std::string> files;
    for (const QString& path : paths)
        files.push_back(path.toStdString());
    const std::string workspace = workspacePath.toStdString();
    const std::string set = setName.toStdString();
    QPointer<TrafficImport> guard(this);
    QThreadPool::globalInstance()->start([guard, job, token, files, workspace, set]() {
        const Progress progress = [guard, job](int64_t done, int64_t total) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, job, done, total]() {
                    if (guard && job == guard->m_job)
                        emit guard->progress(done, total);
                },
                Qt::QueuedConnection);
        };
        auto opened = Workspace::open(workspace, Workspace::OpenMode::ExistingOnly);
        auto outcome = opened ? workbench::importLogs(**opened, files, set, token.get(), progress)
                              : Expected<workbench::LogImportOutcome>(opened.error());
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, job, outcome = std::move(outcome)]() {
                if (!guard || job != guard->m_job)
                    return;
                guard->m_token.reset();
                if (!outcome) {
                    emit guard->finished(false, QString::fromStdString(outcome.error().toString()),
                                         {}, {});
                    return;
                }
                emit guard->finished(
                    outcome->records > 0 || outcome->duplicates > 0, importSummary(*outcome),
                    QString::fromStdString(outcome->setName), importProblems(*outcome));
            },
            Qt::QueuedConnection);
    });
}

void TrafficImport::cancel() {
    if (m_token)
        m_token->cancel();
}
