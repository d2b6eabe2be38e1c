#pragma once

// What the commands that send calls through the runner share (run, score --judge): the
// providers file, the estimate and its confirmation, live progress, the outcome as JSON, and
// Ctrl+C.

#include "cli_args.h"
#include "common/cancel.h"
#include "run/runner.h"
#include "store/workspace.h"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>

// --providers, else $SWITCHYARD_PROVIDERS, else ~/.config/switchyard/providers.yaml: the file
// the GUI's Providers page edits.
std::string providersPath(const CliArgs& args);
void printEstimate(std::ostream& out, const switchyard::RunEstimate& estimate,
                   const std::string& setName, const std::optional<double>& budget);
// Without --yes: the estimate on stderr and a y/N question on a terminal. An error message when
// the calls may not be sent.
std::optional<std::string> confirmCalls(const CliArgs& args,
                                        const switchyard::RunEstimate& estimate,
                                        const std::string& setName,
                                        const std::optional<double>& budget);
// --budget and --concurrency into the request; an error message when either is bad.
std::optional<std::string> readRunnerLimits(const CliArgs& args, switchyard::RunRequest& request);
// The workspace's prices and the providers file into the request; an error message when either
// cannot be read.
std::optional<std::string> loadRunnerContext(const CliArgs& args,
                                             const switchyard::Workspace& workspace,
                                             switchyard::RunRequest& request);
// Progress on stderr while calls are sent, when stderr is a terminal and the output is not
// --json; the line is ended by endLiveProgress.
switchyard::RunProgressCallback liveProgress(const CliArgs& args);
void endLiveProgress(const CliArgs& args);
nlohmann::json outcomeJson(const switchyard::RunOutcome& outcome,
                           const std::optional<double>& budget);

// Ctrl+C stops dispatching and cuts the calls in flight short; what arrived is committed and a
// second run of the same command resumes. A second Ctrl+C ends the process at once.
const switchyard::CancelToken& installRunInterrupt();
void removeRunInterrupt();
