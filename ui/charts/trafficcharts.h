#pragma once

#include "traffic/traffic_dashboard.h"

class QChart;

// The Traffic page's charts, rebuilt from a dashboard: spend over time stacked by model or by
// workload, spend per price tier, and token volume in and out by model.
namespace trafficcharts {

enum class SpendBreakdown { ByModel, ByWorkload };

void fillSpendTimeline(QChart* chart, const switchyard::TrafficDashboard& board,
                       SpendBreakdown breakdown);
void fillTierSpend(QChart* chart, const switchyard::TrafficDashboard& board);
void fillTokenVolume(QChart* chart, const switchyard::TrafficDashboard& board);

} // namespace trafficcharts
