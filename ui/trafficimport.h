#pragma once

#include "common/cancel.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

// Imports production logs (workbench::importLogs, as switchyard-cli import-logs does) on a
// worker with progress and cancel, then says what came in: finished() with a summary, the set
// the requests went to, and, one per line, what was rejected, cut off or left without its body.
class TrafficImport : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    void start(const QString& workspacePath, const QStringList& paths, const QString& setName);
    void cancel();
    bool running() const { return m_token != nullptr; }

signals:
    void progress(qint64 doneBytes, qint64 totalBytes);
    void finished(bool ok, const QString& summary, const QString& setName,
                  const QStringList& problems);

private:
    std::shared_ptr<switchyard::CancelToken> m_token;
    int m_job = 0;
};
