#pragma once

#include "common/cancel.h"
#include "common/error.h"
#include "common/expected.h"
#include "traffic/traffic_record.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace switchyard {

struct TrafficLoadOptions {
    size_t batchSize = 5000;
    size_t maxRejectionsKept = 1000; // beyond this, rejections are counted, not kept
    size_t maxLineBytes = size_t{64} * 1024 * 1024;
};

struct TrafficLoadSummary {
    int64_t files = 0;                     // files read as logs or usage exports
    std::vector<std::string> skippedFiles; // files in the folders that are neither
    int64_t linesRead = 0;                 // data lines or CSV rows, blank lines excluded
    int64_t accepted = 0;
    int64_t rejectedCount = 0;
    std::vector<Error> rejected; // the first ones, with file, line and field
    // Files that ended early (a gzip stream cut off or corrupt): the line where the damage starts
    // and, in the message, how many records before it were kept. Files that could not be read at
    // all (unreadable, a usage CSV without a required column) are listed too, and skipped: one
    // bad file in a folder of logs never stops the rest.
    std::vector<Error> damaged;
    int64_t bodiesFollowed = 0; // input bodies read from a separately delivered object
    int64_t bodiesMissingCount = 0;
    std::vector<Error> bodiesMissing; // records kept without their body: where it should have been
    bool cancelled = false;
};

using TrafficSink = std::function<void(std::vector<TrafficRecord>&& batch)>;

// The files a list of paths names: files as given, folders walked (in path order, which is time
// order in S3's dated folders) for .json, .jsonl, .ndjson, .gz and .csv files.
Expected<std::vector<std::string>> trafficFiles(const std::vector<std::string>& paths);

// Whether a path (dropped on the window, say) is production traffic rather than prompts or
// results: a JSON file, plain or gzip, whose first record is an invocation log; a CSV file with a
// usage export's header; or a folder whose first log file is one of those. Reads one line.
bool looksLikeTraffic(const std::string& path);

// Streams every record of the paths (Bedrock invocation logs, plain or gzip; usage CSV exports)
// to `sink` in batches, holding one batch and one read buffer in memory whatever the size of the
// folder. Bad lines are rejected one by one; a file cut off mid-stream keeps its records up to
// the cut and is listed in `damaged`, as is a file that cannot be read at all. A record without a
// request id is named after its file and line. Progress is in bytes of the files as stored. An
// Error: a path that does not exist, or no file to read.
Expected<TrafficLoadSummary> loadTraffic(const std::vector<std::string>& paths,
                                         const TrafficSink& sink,
                                         const TrafficLoadOptions& options = {},
                                         const CancelToken* cancel = nullptr,
                                         const Progress& progress = {});

} // namespace switchyard
