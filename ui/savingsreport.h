#pragma once

#include "common/expected.h"
#include "workbench/savings_ops.h"

#include <QString>

// The stakeholder report of a savings outcome as a multi-page PDF (A4 landscape), written
// atomically: the headline and key figures with their uncertainty, the assumptions they rest on
// (prices and their dates, prompt set, sample size, volume), the policy, then one chart per page
// and spend by tag. Draws with Qt Widgets, so it runs on the GUI thread of a QApplication (the
// command line makes an offscreen one). Returns the number of pages.
switchyard::Expected<int> writeSavingsReport(const switchyard::workbench::SavingsOutcome& outcome,
                                             const QString& path);
