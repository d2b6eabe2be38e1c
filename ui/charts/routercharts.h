#pragma once

#include "routing/sweep.h"

#include <QString>

#include <vector>

class QChart;

// The Router Lab's charts. The frontier is built once per configuration (its sweep does not
// depend on the thresholds); the current point and the two bar charts follow every replay.
namespace routercharts {

struct Tier {
    QString label;    // what the user reads: the catalogue's display name
    QString modelRef; // what picks its colour (chartpalette), the same on every page
};

// "Every prompt to this tier": a reference point of the frontier.
struct ReferencePoint {
    QString label;
    double costPer1kUsd = 0.0;
    double quality = 0.0;
};

// The sweep's configurations (decimated), its Pareto frontier as a step line, the tiers'
// all-to-one points in grey with the random mix between the cheapest and the dearest as a grey
// dashed line. The current point is added by setCurrentPoint.
void fillFrontier(QChart* chart, const switchyard::routing::SweepResult& sweep,
                  const std::vector<ReferencePoint>& references);
void setCurrentPoint(QChart* chart, double costPer1kUsd, double quality);

// Share of requests per tier, one bar per tier in its model's colour.
void fillTierShare(QChart* chart, const std::vector<Tier>& tiers,
                   const std::vector<double>& shares);
// What each tier costs per 1k requests; the classifier's own calls as a grey bar when there are
// any.
void fillTierSpend(QChart* chart, const std::vector<Tier>& tiers,
                   const std::vector<double>& spendPer1kUsd, double preRouterPer1kUsd);

} // namespace routercharts
