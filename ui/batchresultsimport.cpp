#include "batchresultsimport.h"

#include "uiformat.h"
#include "workbench/batch_ops.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

using namespace switchyard;

namespace {

QString summaryOf(const workbench::BatchImportOutcome& outcome) {
    QStringList runs;
    for (const workbench::BatchRunFilled& run : outcome.runs)
        runs << BatchResultsImport::tr("run '%1' %2 of %3 answered (%4)")
                    .arg(QString::fromStdString(run.runName))
                    .arg(run.results)
                    .arg(run.exported)
                    .arg(QString::fromStdString(run.status));
    return BatchResultsImport::tr("%n batch result(s) imported at batch rates, %1 failed, %2: %3",
                                  "", int(outcome.results))
        .arg(uiformat::count(outcome.failed))
        .arg(uiformat::money(outcome.costUsd), runs.join(QStringLiteral("; ")));
}

} // namespace

void BatchResultsImport::start(const QString& workspacePath, const QStringList& files) {
    workbench::BatchImportRequest request;
    request.workspacePath = workspacePath.toStdString();
    for (const QString& file : files)
        request.files.push_back(file.toStdString());
    QPointer<BatchResultsImport> guard(this);
    QThreadPool::globalInstance()->start([guard, request]() {
        auto outcome = workbench::importBatchResults(request);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, outcome = std::move(outcome)]() {
                if (!guard)
                    return;
                if (!outcome) {
                    emit guard->finished(false, QString::fromStdString(outcome.error().toString()),
                                         {});
                    return;
                }
                QStringList problems;
                for (const auto* list : {&outcome->unmatched, &outcome->rejected})
                    for (const Error& error : *list)
                        problems << QString::fromStdString(error.toString());
                for (const std::string& model : outcome->unpriced)
                    problems << tr("%1 has no batch price: its cost is left empty")
                                    .arg(QString::fromStdString(model));
                emit guard->finished(outcome->results > 0, summaryOf(*outcome), problems);
            },
            Qt::QueuedConnection);
    });
}
