#pragma once

#include "cache/cache_simulator.h"

class QChart;

// The Cache Lab's two charts, rebuilt from a simulation: what happened over time (stacked hits,
// writes and misses) and what caching saves at other request rates, with the break-even.
namespace cachecharts {

void fillTimeline(QChart* chart, const switchyard::CacheSimulation& simulation);
void fillSavingsCurve(QChart* chart, const switchyard::SavingsCurve& curve,
                      double currentRatePerMinute);

} // namespace cachecharts
