#pragma once

#include "prompts/prompt.h"

#include <cstdint>
#include <optional>
#include <string>

namespace switchyard {

// The prompt field naming a request's conversation (a hash of its system text and first turn).
inline constexpr const char* kConversationField = "conversation";

// One production request as a log or usage export recorded it: what was asked (when the log kept
// the body), which model served it, what it used and when it arrived. Usage follows the project's
// one meaning: inputTokens counts every input token, cached ones included.
struct TrafficRecord {
    Prompt prompt; // id = the request id; timestampMs = arrival; tags from identity and metadata
    std::string model;         // the model that served it, as the catalogue names it
    std::string modelAsLogged; // the modelId field as written (an ARN, a profile id)
    std::string output;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    std::optional<double> latencyMs;
    std::optional<double> costUsd; // as the export recorded it; empty: priced by the catalogue
    std::string errorCode;         // empty when the call succeeded
    // Set when the log delivered the input body separately (large bodies go to S3 as their own
    // object) and it could not be read: the S3 location the log names.
    std::string missingBody;
    bool bodyFollowed = false; // the input body was read from a separately delivered object
    int64_t sourceLine = 0;
};

} // namespace switchyard
