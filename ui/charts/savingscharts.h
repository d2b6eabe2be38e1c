#pragma once

#include "report/projection.h"
#include "report/waterfall.h"
#include "workbench/savings_ops.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QChart;

// The Savings page's charts (and the report's and present mode's), rebuilt from the savings
// operation's outcome: the waterfall of levers, the month's cost against volume with the
// provisioned-throughput break-even, and the month's spend per tier. Amounts are a month's.
namespace savingscharts {

void fillWaterfall(QChart* chart, const switchyard::report::Waterfall& waterfall,
                   double monthFactor);

void fillProjection(QChart* chart, const std::vector<switchyard::report::VolumePoint>& curve,
                    double assumedRequestsPerMonth,
                    const std::optional<switchyard::report::ProvisionedBreakEven>& breakEven);

// `labels[k]` and `spendUsd[k]` per tier; `models[k]` colours the bar (empty: canned answers).
void fillTierSpend(QChart* chart, const QStringList& labels, const QStringList& models,
                   const std::vector<double>& monthSpendUsd);

// An outcome's three charts at a month's amounts, as the page, present mode and the report
// show them.
void fillWaterfall(QChart* chart, const switchyard::workbench::SavingsOutcome& outcome);
void fillProjection(QChart* chart, const switchyard::workbench::SavingsOutcome& outcome);
void fillTierSpend(QChart* chart, const switchyard::workbench::SavingsOutcome& outcome);

// A lever's name as the charts and cards say it: "Routing", "Prompt caching", ...
QString leverTitle(switchyard::report::Lever lever);

} // namespace savingscharts
