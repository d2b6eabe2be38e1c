#pragma once

#include "traffic/traffic_dashboard.h"

#include <QString>

class QTableWidget;
class QWidget;

// The Traffic page's detail tables, filled from a dashboard: workloads (spend, cost per request,
// cache hit ratio achieved, premium share), models (tier, tokens, spend) and anomalies (when,
// what, how much). Sortable, numbers in the charts' formats.
namespace traffictables {

QTableWidget* makeWorkloadsTable(QWidget* parent);
QTableWidget* makeModelsTable(QWidget* parent);
QTableWidget* makeAnomaliesTable(QWidget* parent);

void fillWorkloads(QTableWidget* table, const switchyard::TrafficDashboard& board);
void fillModels(QTableWidget* table, const switchyard::TrafficDashboard& board);
void fillAnomalies(QTableWidget* table, const switchyard::TrafficDashboard& board);

// One sentence saying what an anomaly is, in the user's words.
QString describeAnomaly(const switchyard::TrafficAnomaly& anomaly);

} // namespace traffictables
