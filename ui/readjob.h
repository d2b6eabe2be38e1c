#pragma once

#include "store/workspace.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <optional>
#include <string>
#include <vector>

// Runs a read-only query on a worker thread with a connection of its own (SQLite in WAL mode
// lets it read while the GUI thread and imports use theirs), then hands the result to `deliver`
// on the GUI thread (`context` must live there). Nothing is delivered once `context` is destroyed;
// a result of nullopt means the workspace could not be opened. Callers drop stale results with
// their own job ids.
template <typename Result>
void runReadJob(const std::string& workspacePath, QObject* context,
                std::function<Result(const switchyard::Workspace&)> query,
                std::function<void(std::optional<Result>)> deliver) {
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([=]() {
        std::optional<Result> result;
        auto workspace = switchyard::Workspace::open(workspacePath,
                                                     switchyard::Workspace::OpenMode::ExistingOnly);
        if (workspace)
            result = query(**workspace);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, deliver, result = std::move(result)]() mutable {
                if (guard)
                    deliver(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

// The workspace's saved policies, read on a worker: pages reread them when shown, since the
// Router Lab and the command line save policies while a page is hidden. `job` is the page's
// counter (a member of `context`): a read overtaken by a newer one delivers nothing.
inline void readSavedPolicies(const std::string& workspacePath, QObject* context, int* job,
                              std::function<void(std::vector<switchyard::PolicyRecord>)> deliver) {
    const int mine = ++*job;
    runReadJob<std::vector<switchyard::PolicyRecord>>(
        workspacePath, context,
        [](const switchyard::Workspace& workspace) { return workspace.policies(); },
        [job, mine, deliver](std::optional<std::vector<switchyard::PolicyRecord>> policies) {
            if (mine == *job && policies)
                deliver(std::move(*policies));
        });
}
