#pragma once

// Pieces the three wire formats share: tool definitions, cache checkpoint rules, error
// classification and careful JSON reading.

#include "common/expected.h"
#include "prompts/prompt.h"
#include "providers/call.h"
#include "providers/http.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace switchyard::detail {

// A tool definition in no dialect: Anthropic {name, description, input_schema}, OpenAI
// {type: function, function: {...parameters}} and Bedrock {toolSpec: {inputSchema: {json}}}
// all read into this and write back out of it.
struct ToolSpec {
    std::string name;
    std::string description;
    nlohmann::json schema = nlohmann::json::object();
};

Expected<std::vector<ToolSpec>> readTools(const std::string& toolsJson);

// Checks the checkpoints of a prompt against the explicit-breakpoint rules Anthropic and
// Bedrock share: at most maxCheckpoints, TTL "5m", "1h" or empty (= 5m), and no 1-hour
// checkpoint after a 5-minute one (system first, then messages). Returns whether any is "1h".
Expected<bool> checkCacheCheckpoints(const Prompt& prompt, const char* providerName,
                                     int maxCheckpoints = 4);

// Why a status failed, before the provider's code refines it.
FailureClass classForStatus(int status);
bool retryableClass(FailureClass kind);
// Whether a provider message says the prompt did not fit the context window.
bool saysContextLength(std::string_view message);

// A failure of a response with a status, already redacted and truncated.
CallFailure httpFailure(FailureClass kind, int status, std::string code, std::string message,
                        const std::vector<std::string>& secrets);

// A 2xx body that must be a JSON object. On failure returns the BadResponse to report.
std::optional<CallFailure> parseJsonBody(const HttpResponse& response, nlohmann::json& out);

// A non-negative integer field; nullopt when absent or null, BadResponse text when malformed.
struct TokenField {
    std::optional<int64_t> value;
    std::string problem; // non-empty when the field is present but not a count
};
TokenField tokenField(const nlohmann::json& object, const char* key);

std::string truncateMessage(std::string message, size_t limit = 1000);

} // namespace switchyard::detail
