#pragma once

#include "workbench/savings_ops.h"

#include <QString>

// The one-sentence headlines of a savings outcome, for present mode and the PDF report: the
// figures and which levers count are core's (report::leversThatSave, the paired verdict), the
// words the user's language ("Routing and Caching cut the bill by 64.6 %, quality within 0.8
// points").
namespace savingsheadlines {

QString waterfall(const switchyard::workbench::SavingsOutcome& outcome);
QString projection(const switchyard::workbench::SavingsOutcome& outcome);
QString tiers(const switchyard::workbench::SavingsOutcome& outcome);

} // namespace savingsheadlines
