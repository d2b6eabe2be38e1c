#pragma once

#include "cli_args.h"

#include "workbench/savings_ops.h"

#include <string>

// switchyard-cli savings --workspace W --policy NAME|FILE [--run ID] [--requests-month N]
//   [--provisioned-model REF --provisioned-hourly USD [--provisioned-units N]
//    [--provisioned-source TEXT] [--provisioned-date YYYY-MM-DD]] [--providers FILE] [--json]
// The savings waterfall of a policy (routing, caching, batch, student), its quality against the
// baseline, the projection over volume and attribution by tier and tag. Returns the exit code.
int runSavingsCommand(const CliArgs& args);

// The savings request the savings and report commands read from their arguments; a bad
// assumption is bad arguments (exit 2). Returns the exit code of a failure, or 0.
int savingsRequestFromArgs(const CliArgs& args, const std::string& command,
                           switchyard::workbench::SavingsRequest& request);
