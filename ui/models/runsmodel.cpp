#include "runsmodel.h"

#include "uiformat.h"

#include <QDateTime>
#include <QStringList>

namespace {

// The runs.status values the runner writes (runner.h), in words; others as stored. A run reads
// as "interrupted" when it says running but no live process holds its lease.
QString statusText(const std::string& status) {
    if (status == "running")
        return RunsModel::tr("running");
    if (status == "interrupted")
        return RunsModel::tr("interrupted");
    if (status == "complete")
        return RunsModel::tr("complete");
    if (status == "cancelled")
        return RunsModel::tr("cancelled");
    if (status == "budget")
        return RunsModel::tr("stopped at budget");
    return QString::fromStdString(status);
}

} // namespace

RunsModel::RunsModel(QObject* parent) : RowsTableModel(ColumnCount, parent) {}

int RunsModel::rowOfRun(int64_t runId) const {
    for (int row = 0; row < rowCount(); ++row)
        if (rowAt(row)->info.id == runId)
            return row;
    return -1;
}

QVariant RunsModel::data(const QModelIndex& index, int role) const {
    const PastRun* row = rowFor(index);
    if (!row)
        return {};
    QStringList models;
    for (const std::string& model : row->models) {
        // As Compare names the column: the model with the prompt variant the run sent it.
        const auto variant = row->variants.find(model);
        models << QString::fromStdString(
            variant == row->variants.end() ? model
                                           : switchyard::modelWithVariant(model, variant->second));
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Id || index.column() == Results || index.column() == Cost))
        return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignRight);
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Models:
            return models.join(QLatin1Char('\n'));
        case Results:
            return tr("%1 answered, %2 failed")
                .arg(uiformat::count(row->results - row->failed), uiformat::count(row->failed));
        case Cost:
            return tr("Recorded cost of the answers, those from the response cache at list price");
        case Status:
            if (row->info.status == "running" && row->info.lease)
                return tr("Being executed by process %1 on %2 since %3")
                    .arg(row->info.lease->pid)
                    .arg(QString::fromStdString(row->info.lease->host),
                         QString::fromStdString(row->info.lease->startedAt));
            if (row->info.status == "interrupted")
                return tr("Its runner stopped without finishing (the process was killed or "
                          "crashed); resuming the run sends only what is missing");
            return statusText(row->info.status);
        default:
            return QString::fromStdString(row->info.name);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id:
        return QVariant::fromValue<qlonglong>(row->info.id);
    case Name:
        return QString::fromStdString(row->info.name);
    case Set:
        return QString::fromStdString(row->setName);
    case Models:
        return models.join(QStringLiteral(", "));
    case Status:
        return statusText(row->info.status);
    case Results:
        return row->failed > 0
                   ? tr("%1 (%2 failed)")
                         .arg(uiformat::count(row->results), uiformat::count(row->failed))
                   : uiformat::count(row->results);
    case Cost:
        return uiformat::money(row->costUsd);
    case Created: {
        const QDateTime created =
            QDateTime::fromString(QString::fromStdString(row->info.createdAt), Qt::ISODateWithMs);
        return created.isValid() ? uiformat::timestamp(created.toMSecsSinceEpoch())
                                 : QString::fromStdString(row->info.createdAt);
    }
    }
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Run");
    case Name:
        return tr("Name");
    case Set:
        return tr("Prompt set");
    case Models:
        return tr("Models");
    case Status:
        return tr("Status");
    case Results:
        return tr("Results");
    case Cost:
        return tr("Cost");
    case Created:
        return tr("Created");
    }
    return {};
}
