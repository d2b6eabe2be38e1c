#include "traffictables.h"

#include "uiformat.h"
#include "widgets/numberitem.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QTableWidget>

using namespace switchyard;

namespace traffictables {

namespace {

// A translation context lupdate can see for the strings below.
struct TrafficTables {
    Q_DECLARE_TR_FUNCTIONS(TrafficTables)
};

QTableWidget* makeTable(const QStringList& headers, const char* name, QWidget* parent) {
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(QString::fromLatin1(name));
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    return table;
}

QString dayText(int64_t ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

QString kindText(AnomalyKind kind) {
    switch (kind) {
    case AnomalyKind::SpendJump:
        return TrafficTables::tr("Spend jump");
    case AnomalyKind::RunawayLoop:
        return TrafficTables::tr("Runaway loop");
    case AnomalyKind::PremiumShift:
        break;
    }
    return TrafficTables::tr("Premium shift");
}

} // namespace

QTableWidget* makeWorkloadsTable(QWidget* parent) {
    auto* table =
        makeTable({TrafficTables::tr("Workload"), TrafficTables::tr("Requests"),
                   TrafficTables::tr("Spend"), TrafficTables::tr("Per request"),
                   TrafficTables::tr("Cache hit ratio"), TrafficTables::tr("Premium share")},
                  "trafficWorkloads", parent);
    table->setToolTip(TrafficTables::tr(
        "A request's workload is its workload:X tag (request metadata), else the identity that "
        "called, else its team. Cache hit ratio: input tokens read from the cache over all input "
        "tokens, as the logs recorded them."));
    return table;
}

QTableWidget* makeModelsTable(QWidget* parent) {
    return makeTable({TrafficTables::tr("Model"), TrafficTables::tr("Tier"),
                      TrafficTables::tr("Requests"), TrafficTables::tr("Input tokens"),
                      TrafficTables::tr("Cache reads"), TrafficTables::tr("Output tokens"),
                      TrafficTables::tr("Spend")},
                     "trafficModels", parent);
}

QTableWidget* makeAnomaliesTable(QWidget* parent) {
    return makeTable({TrafficTables::tr("When (UTC)"), TrafficTables::tr("Kind"),
                      TrafficTables::tr("Workload"), TrafficTables::tr("Requests"),
                      TrafficTables::tr("Spend"), TrafficTables::tr("What happened")},
                     "trafficAnomalies", parent);
}

void fillWorkloads(QTableWidget* table, const TrafficDashboard& board) {
    table->setSortingEnabled(false);
    table->setRowCount(int(board.workloads.size()));
    for (int row = 0; row < int(board.workloads.size()); ++row) {
        const WorkloadTraffic& workload = board.workloads[size_t(row)];
        const double premium = double(workload.premiumRequests) / double(workload.requests);
        const auto perRequest = workload.costPerRequest();
        table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(workload.workload)));
        table->setItem(
            row, 1, new NumberItem(uiformat::count(workload.requests), double(workload.requests)));
        table->setItem(row, 2, new NumberItem(uiformat::money(workload.costUsd), workload.costUsd));
        table->setItem(
            row, 3,
            new NumberItem(perRequest ? uiformat::money(*perRequest) : QStringLiteral("—"),
                           perRequest.value_or(-1.0)));
        table->setItem(row, 4, new NumberItem(uiformat::percent(workload.chr()), workload.chr()));
        table->setItem(row, 5, new NumberItem(uiformat::percent(premium), premium));
    }
    table->setSortingEnabled(true);
    table->sortItems(2, Qt::DescendingOrder);
}

void fillModels(QTableWidget* table, const TrafficDashboard& board) {
    table->setSortingEnabled(false);
    table->setRowCount(int(board.models.size()));
    for (int row = 0; row < int(board.models.size()); ++row) {
        const ModelTraffic& model = board.models[size_t(row)];
        table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(model.model)));
        table->setItem(row, 1, new QTableWidgetItem(QString::fromLatin1(tierName(model.tier))));
        table->setItem(row, 2,
                       new NumberItem(uiformat::count(model.requests), double(model.requests)));
        table->setItem(
            row, 3, new NumberItem(uiformat::tokens(model.inputTokens), double(model.inputTokens)));
        table->setItem(
            row, 4,
            new NumberItem(uiformat::tokens(model.cacheReadTokens), double(model.cacheReadTokens)));
        table->setItem(
            row, 5,
            new NumberItem(uiformat::tokens(model.outputTokens), double(model.outputTokens)));
        auto* spend = new NumberItem(uiformat::money(model.costUsd), model.costUsd);
        if (model.unpriced > 0)
            spend->setToolTip(TrafficTables::tr("%1 request(s) the catalogue cannot price are "
                                                "not in this figure")
                                  .arg(uiformat::count(model.unpriced)));
        table->setItem(row, 6, spend);
    }
    table->setSortingEnabled(true);
    table->sortItems(6, Qt::DescendingOrder);
}

void fillAnomalies(QTableWidget* table, const TrafficDashboard& board) {
    table->setSortingEnabled(false);
    table->setRowCount(int(board.anomalies.size()));
    for (int row = 0; row < int(board.anomalies.size()); ++row) {
        const TrafficAnomaly& anomaly = board.anomalies[size_t(row)];
        const QString when = anomaly.kind == AnomalyKind::RunawayLoop
                                 ? uiformat::timestamp(anomaly.atMs)
                                 : dayText(anomaly.atMs);
        auto* at = new NumberItem(when, double(anomaly.atMs));
        at->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        table->setItem(row, 0, at);
        table->setItem(row, 1, new QTableWidgetItem(kindText(anomaly.kind)));
        table->setItem(row, 2, new QTableWidgetItem(QString::fromStdString(anomaly.workload)));
        table->setItem(row, 3,
                       new NumberItem(uiformat::count(anomaly.requests), double(anomaly.requests)));
        table->setItem(row, 4, new NumberItem(uiformat::money(anomaly.costUsd), anomaly.costUsd));
        auto* what = new QTableWidgetItem(describeAnomaly(anomaly));
        what->setToolTip(what->text());
        table->setItem(row, 5, what);
    }
    table->setSortingEnabled(true);
    table->sortItems(0, Qt::AscendingOrder);
}

QString describeAnomaly(const TrafficAnomaly& anomaly) {
    switch (anomaly.kind) {
    case AnomalyKind::SpendJump:
        return TrafficTables::tr("Spend rose %1× day over day, from %2 to %3")
            .arg(QString::number(anomaly.after / anomaly.before, 'f', 1),
                 uiformat::money(anomaly.before), uiformat::money(anomaly.after));
    case AnomalyKind::PremiumShift:
        return TrafficTables::tr("Premium models served %1 of requests, up from %2 the day "
                                 "before: is a cheaper tier good enough?")
            .arg(uiformat::percent(anomaly.after), uiformat::percent(anomaly.before));
    case AnomalyKind::RunawayLoop:
        break;
    }
    return TrafficTables::tr("One conversation re-sent %1 times in quick succession, growing "
                             "from %2 to %3 messages: an agent stuck in a loop?")
        .arg(uiformat::count(anomaly.requests), QString::number(anomaly.before, 'f', 0),
             QString::number(anomaly.after, 'f', 0));
}

} // namespace traffictables
