#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace switchyard {

// The recorded production requests of a prompt set as flat columns (struct of arrays), as the
// store hands them over in arrival order: what the Traffic page's figures are computed from.
// Strings that repeat (models, workloads, conversations) are indices into name tables.
struct TrafficRows {
    std::vector<std::string> models;    // names of model indices
    std::vector<std::string> workloads; // names of workload indices
    std::vector<int64_t> timestampMs;   // per request, ascending
    std::vector<int64_t> ordinal;       // per request: its prompt's ordinal in the set
    std::vector<int32_t> model;         // per request
    std::vector<int32_t> workload;      // per request
    std::vector<int64_t> conversation;  // per request: index of its conversation, -1 if none
    std::vector<int32_t> turns;         // per request: messages it sent
    std::vector<int64_t> inputTokens;   // every input token, cached ones included
    std::vector<int64_t> outputTokens;
    std::vector<int64_t> cacheReadTokens;
    std::vector<int64_t> cacheWriteTokens;
    std::vector<double> costUsd;                    // NaN when the request could not be priced
    std::vector<uint8_t> failed;                    // 1 when the log recorded an error
    std::vector<std::vector<std::string>> tagLists; // the distinct tag lists of the requests
    std::vector<int32_t> tagList;                   // per request: index of its tag list

    size_t size() const { return timestampMs.size(); }
};

// Which workload a request belongs to, from its tags: "workload:X" names it; else the caller's
// identity ("identity:X"); else the team ("team:X"); else it is untagged.
std::string workloadOfTags(const std::vector<std::string>& tags);
inline constexpr const char* kUntaggedWorkload = "(untagged)";

} // namespace switchyard
