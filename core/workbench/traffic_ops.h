#pragma once

// The production-traffic import of the workbench: Bedrock model-invocation logs and usage
// exports into a workspace. switchyard-cli's import-logs and the GUI's import (File > Import
// Logs…, or logs dropped on the window) call it, so the same logs give the same run and costs.

#include "common/cancel.h"
#include "common/error.h"
#include "common/expected.h"
#include "results/results_import.h"
#include "store/workspace.h"
#include "traffic/traffic_dashboard.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace switchyard::workbench {

// One model's share of the requests imported.
struct TrafficModelTotals {
    int64_t requests = 0;
    int64_t failed = 0;      // requests the log records as errors
    int64_t inputTokens = 0; // every input token, cached ones included
    int64_t outputTokens = 0;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    double costUsd = 0.0; // of the priced requests
    int64_t unpriced = 0; // requests the catalogue cannot price: their cost stays empty
};

struct LogImportOutcome {
    std::string setName;
    int64_t setId = 0;
    int64_t runId = 0; // 0 when nothing new was imported
    std::string runName;
    int64_t files = 0;
    std::vector<std::string> skippedFiles; // in the folders, but neither logs nor usage exports
    int64_t records = 0;                   // requests stored by this import
    int64_t duplicates = 0; // requests already in the set (imported before): not stored again
    int64_t rejectedCount = 0;
    std::vector<Error> rejected; // the first ones, with file, line and field
    std::vector<Error> damaged;  // files cut off or corrupt: where, and what was kept
    int64_t bodiesFollowed = 0;
    int64_t bodiesMissingCount = 0;
    std::vector<Error> bodiesMissing;
    std::map<std::string, TrafficModelTotals> models; // by the model that served the requests
    std::vector<UnpricedModel> unpriced;
    std::optional<int64_t> firstMs; // arrival times spanned by the requests stored
    std::optional<int64_t> lastMs;
    std::vector<Error> priceProblems;
    std::string catalogueDate;
    bool cancelled = false;
};

// The set production traffic goes to when the user names none.
inline constexpr const char* kDefaultTrafficSet = "traffic";

// Imports the logs and usage exports the paths name (files, or folders walked) as one run of kind
// "traffic" over `setName` (created when missing; a set already holding some of the requests is
// appended to, and the requests it holds are skipped, so importing a folder again as it grows
// adds only what is new). Each request is stored with its prompt and its recorded result in one
// transaction; results are priced by the workspace's prices unless the export recorded a cost. A
// cancel keeps what was committed and marks the run "cancelled".
Expected<LogImportOutcome> importLogs(Workspace& workspace, const std::vector<std::string>& paths,
                                      const std::string& setName,
                                      const CancelToken* cancel = nullptr,
                                      const Progress& progress = {});

struct TrafficDashboardOutcome {
    std::string setName;
    TrafficDashboard dashboard;
    std::string catalogueDate; // the prices the tiers come from
};

// The prompt sets holding production traffic (a run of kind "traffic"), newest import first.
std::vector<std::string> trafficSetNames(const Workspace& workspace);

// The Traffic page's figures for a set: spend over time per model and workload, per-tier spend,
// the cache hit ratio achieved per workload, tokens by model, cost per request per workload, and
// the anomalies `rules` find. switchyard-cli traffic prints the same.
Expected<TrafficDashboardOutcome> trafficDashboard(const Workspace& workspace,
                                                   const std::string& setName,
                                                   const TrafficAnomalyRules& rules = {});

} // namespace switchyard::workbench
