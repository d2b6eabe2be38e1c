#pragma once

#include "cli_args.h"

// switchyard-cli report --workspace W --policy NAME|FILE --out FILE.pdf [savings' assumptions]
// [--json]: the Savings page's stakeholder report as a PDF, drawn with the GUI's own charts on an
// offscreen display. Returns the exit code.
int runReportCommand(const CliArgs& args);
