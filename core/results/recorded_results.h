#pragma once

#include "common/cancel.h"
#include "common/error.h"
#include "common/expected.h"
#include "prompts/loader.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace switchyard {

// One line of a recorded-results file (ARCHITECTURE.md, "Recorded-results file"): one model's
// answer to one prompt, produced elsewhere. Fields absent from the file stay empty, so the
// importer can tell "0 tokens" from "not recorded" and compute or estimate only what is missing.
struct RecordedResult {
    std::string promptId;              // "prompt_id" (a JSON integer is taken as its digits)
    std::string model;                 // "model": the model reference as the file names it
    std::optional<std::string> prompt; // "prompt": the prompt text
    std::optional<std::string> output; // "output"
    std::optional<double> score;       // "score", 0 to 1 (true/false read as 1/0)
    std::optional<int64_t> inputTokens;
    std::optional<int64_t> outputTokens;
    std::optional<int64_t> cacheReadTokens;
    std::optional<int64_t> cacheWriteTokens;
    std::optional<double> costUsd;
    std::optional<double> latencyMs;
    std::vector<std::string> tags;
    std::optional<std::string> expected;
    // "error" (an extension of the contract): the class of a failed call ("timeout", "http_500");
    // empty when the call succeeded. A failed record needs neither score nor output.
    std::string error;
    int64_t sourceLine = 0; // 1-based line (or CSV record start) in the file
};

using RecordedResultSink = std::function<void(std::vector<RecordedResult>&& batch)>;

struct ResultsLoadSummary {
    int64_t linesRead = 0; // data lines or CSV rows, blank lines excluded
    int64_t accepted = 0;
    int64_t rejectedCount = 0;
    std::vector<Error> rejected; // the first LoadOptions::maxRejectionsKept, with file and line
    bool cancelled = false;
};

// Reads a recorded-results file, JSONL or CSV (same column names; chosen by extension, else by
// the first non-blank byte), in batches. `prompt_id`, `model` and one of `score`/`output` are
// required on every record (a record with `error` needs neither). Bad records are rejected one by
// one with file, line and field; an Error is returned only when the file as a whole is unusable
// (missing, empty, binary, UTF-16, a CSV header without a required column).
Expected<ResultsLoadSummary> loadRecordedResults(const std::string& path,
                                                 const RecordedResultSink& sink,
                                                 const LoadOptions& options = {},
                                                 const CancelToken* cancel = nullptr,
                                                 const Progress& progress = {});

// What the first record of a file says, read without loading the rest: whether the file holds
// recorded results rather than prompts (so a dropped file goes to the right importer), and which
// prompt that record answers (so the results can find the set they belong to).
struct ResultsFileSniff {
    // The first record (JSONL) or the header (CSV) has `prompt_id`, `model` and one of
    // `score`/`output` (or `error`, a failed call): the fields a results file requires.
    bool recordedResults = false;
    std::string firstPromptId;   // of the first record, when it has one
    bool firstHasPrompt = false; // the first record carries the prompt's text
};
// Never an error: a file that cannot be read is "not recorded results", and the prompt importer
// then reports what is wrong with it.
ResultsFileSniff sniffResultsFile(const std::string& path);

} // namespace switchyard
