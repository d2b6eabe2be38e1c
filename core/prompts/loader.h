#pragma once

#include "common/cancel.h"
#include "common/error.h"
#include "common/expected.h"
#include "prompts/prompt.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace switchyard {

// Receives prompts in batches so a 200 MB file never sits in memory at once.
using PromptSink = std::function<void(std::vector<Prompt>&& batch)>;

struct LoadOptions {
    size_t batchSize = 10000;
    // Rejections beyond this many are counted but not kept, so a file of garbage stays bounded.
    size_t maxRejectionsKept = 1000;
    // A line (or CSV record) longer than this is rejected, not read, so one runaway line cannot
    // exhaust memory.
    size_t maxLineBytes = size_t{64} * 1024 * 1024;
};

struct LoadSummary {
    int64_t linesRead = 0; // data lines or CSV rows seen, blank lines excluded
    int64_t accepted = 0;
    int64_t rejectedCount = 0;
    // The first maxRejectionsKept, each with file, line, field, message.
    std::vector<Error> rejected;
    bool cancelled = false;
};

// Loads a JSONL or CSV prompt file, detecting the record shape per line. Bad lines are reported
// and skipped; an Error is returned only when the file as a whole cannot be read (missing, empty,
// binary, UTF-16, a JSON array instead of JSON Lines, a CSV without a 'prompt' column). Lines that
// are not valid UTF-8 are rejected one by one, so the good lines of a mostly-UTF-8 file still load.
// The format is chosen by extension (.jsonl/.json/.ndjson, .csv), else by the first non-blank
// byte ('{' or '[' means JSONL). Prompts without an id in the file keep an empty id: the importer
// names them. A cancel stops at the next batch; prompts not yet handed to the sink are dropped.
Expected<LoadSummary> loadPromptFile(const std::string& path, const PromptSink& sink,
                                     const LoadOptions& options = {},
                                     const CancelToken* cancel = nullptr,
                                     const Progress& progress = {});

} // namespace switchyard
