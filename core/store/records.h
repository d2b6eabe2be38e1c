#pragma once

#include "common/error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchyard {

struct PromptSetInfo {
    int64_t id = 0;
    std::string name;
    std::string source;
    bool synthetic = false;
    std::string createdAt; // ISO-8601 UTC
    int64_t promptCount = 0;
    bool golden = false;
    int goldenVersion = 0; // the latest version it was marked golden with; 0: never
};

// One content of a golden set: what it held when it was marked.
// A local student as the workspace keeps it (student/ trains it, workbench/student_ops saves it):
// the model's bytes with their digest, and the cross-validated figures it was judged by.
struct StoredStudent {
    std::string name;
    std::string teacher; // the model whose answers it learned
    std::optional<int64_t> runId;
    int64_t examples = 0;
    std::string labelsJson;
    std::string evaluationJson;
    std::string model; // StudentModel::toBytes(); empty when listed without it
    std::string modelSha256;
    std::string createdAt;
};

struct GoldenVersion {
    int version = 0;
    int64_t prompts = 0;
    std::string contentSha256;
    std::string createdAt;
};

// What a prompts table shows per row; the full structure is loaded on demand.
struct PromptRow {
    int64_t ordinal = 0;
    std::string id;
    std::string preview; // the last user turn, truncated
    std::optional<std::string> expected;
    std::vector<std::string> tags;
    std::optional<int64_t> timestampMs;
    int turnCount = 0;                // messages, user and assistant
    std::optional<int64_t> estTokens; // input tokens, generic estimate (prompts/token_estimate.h)
};

// Aggregates a page shows as big numbers.
struct PromptSetStats {
    int64_t prompts = 0;
    int64_t withExpected = 0;
    int64_t multiTurn = 0; // more than one message
    int64_t withTimestamp = 0;
    int64_t estTokens = 0; // sum of the prompts' input-token estimates
    int64_t rejected = 0;  // lines reported by the imports into this set
};

struct AppendOutcome {
    int64_t inserted = 0;
    std::vector<Error> rejected; // duplicates, with file and line
    // Per prompt given, in order: its row id (prompts.id), or 0 when it was a duplicate.
    std::vector<int64_t> rowIds;
};

// A runner's claim on a run (store/run_lease.h): the process executing it, so that no second
// runner sends the same calls.
struct RunLease {
    std::string token; // unique per invocation of the runner
    int64_t pid = 0;
    std::string host;
    std::string startedAt;   // ISO-8601 UTC
    int64_t heartbeatMs = 0; // epoch milliseconds of the holder's last sign of life
};

struct RunInfo {
    int64_t id = 0;
    std::string name;
    std::optional<int64_t> setId;
    std::string kind; // "provider", "import", "demo"
    // "running", "complete", "cancelled", "budget"; a provider run reads back as "interrupted"
    // when the file says "running" but no live runner holds its lease (it died or was killed).
    std::string status;
    bool synthetic = false;
    std::string paramsJson = "{}";
    std::string createdAt;
    // Paid for the run's calls over every invocation (response-cache hits cost nothing).
    double spentUsd = 0.0;
    std::optional<RunLease> lease; // the runner holding it, live or not
};

// One answer of one model to one prompt, as recorded.
struct ResultRecord {
    int64_t promptId = 0; // prompts.id (the row id, not the file's id string)
    std::string modelRef;
    std::string output;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    std::optional<double> latencyMs;
    std::optional<double> costUsd;
    std::string errorClass; // empty when the call succeeded
    std::string errorMessage;
    int attempts = 1;
    int64_t cacheWrite1hTokens = 0; // the part of cacheWriteTokens written with the 1-hour TTL
    // The catalogue entry costUsd was computed from (even when it had no price, so adding one
    // prices the result): a price change re-prices the result. Empty: the cost is as recorded
    // (given by an imported file) and no price change touches it.
    std::string pricedModel;
    // The model's own probability for its answer (a local student's); empty for most models.
    std::optional<double> confidence;
};

struct PriceOverride {
    std::string modelId;
    std::string priceJson;
    std::string updatedAt;
};

} // namespace switchyard
