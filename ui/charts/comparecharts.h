#pragma once

#include "workbench/eval_ops.h"

class QChart;

// The Compare page's chart: every column's quality against its cost per 1,000 answers, with the
// quality's 95 % interval as an error bar, so "cheaper and as good" reads at a glance.
namespace comparecharts {

void fillQualityAgainstCost(QChart* chart, const switchyard::workbench::CompareOutcome& outcome);

} // namespace comparecharts
