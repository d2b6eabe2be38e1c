#pragma once

#include "traffic/traffic_dashboard.h"

class QChart;

#include <QString>

#include <vector>

// The Traffic page's charts, rebuilt from a dashboard: spend over time stacked by model, workload
// or tag, spend per price tier, and token volume in and out by model.
namespace trafficcharts {

// Models keep the colour they have on every page; other breakdowns take the palette in order.
enum class SeriesColors { OfModel, InOrder };

// `source` is one of the dashboard's spend breakdowns (by model, by workload, or one tag key's),
// sorted by spend; `title` names it.
void fillSpendTimeline(QChart* chart, const switchyard::TrafficDashboard& board,
                       const std::vector<switchyard::SpendSeries>& source, const QString& title,
                       SeriesColors colors);
void fillTierSpend(QChart* chart, const switchyard::TrafficDashboard& board);
void fillTokenVolume(QChart* chart, const switchyard::TrafficDashboard& board);

} // namespace trafficcharts
