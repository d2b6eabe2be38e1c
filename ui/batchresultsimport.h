#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

// Reads batch jobs' result files into the runs their exports created
// (workbench::importBatchResults, as switchyard-cli import-batch-results does) on a worker,
// then says what came back: finished() with a one-line summary and, one per line, the records
// that matched nothing and the lines that were not batch results.
class BatchResultsImport : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    void start(const QString& workspacePath, const QStringList& files);

signals:
    void finished(bool ok, const QString& summary, const QStringList& problems);
};
