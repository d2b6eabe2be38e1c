#include "providers/detail/wire.h"

#include "common/text_format.h"
#include "providers/secret.h"

#include <algorithm>
#include <cctype>

namespace switchyard::detail {

using nlohmann::json;

namespace {

const json* member(const json& object, const char* key) {
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

} // namespace

Expected<std::vector<ToolSpec>> readTools(const std::string& toolsJson) {
    std::vector<ToolSpec> tools;
    if (toolsJson.empty())
        return tools;
    json parsed = json::parse(toolsJson, nullptr, false);
    if (parsed.is_discarded())
        return Error{"", 0, "tools", "not valid JSON"};
    if (parsed.is_object() && parsed.contains("tools")) // a whole Bedrock toolConfig
        parsed = parsed["tools"];
    if (!parsed.is_array())
        return Error{"", 0, "tools", "expected a list of tool definitions"};
    for (size_t i = 0; i < parsed.size(); ++i) {
        const json& item = parsed[i];
        const std::string at = "tools[" + std::to_string(i) + "]";
        ToolSpec tool;
        const json* schema = nullptr;
        if (const json* spec = member(item, "toolSpec")) { // Bedrock
            tool.name = spec->value("name", "");
            tool.description = spec->value("description", "");
            if (const json* input = member(*spec, "inputSchema"))
                schema = member(*input, "json");
        } else if (const json* function = member(item, "function")) { // OpenAI
            tool.name = function->value("name", "");
            tool.description = function->value("description", "");
            schema = member(*function, "parameters");
        } else if (member(item, "name")) { // Anthropic
            tool.name = item.value("name", "");
            tool.description = item.value("description", "");
            schema = member(item, "input_schema");
        } else {
            return Error{"", 0, at, "not an Anthropic, OpenAI or Bedrock tool definition"};
        }
        if (tool.name.empty())
            return Error{"", 0, at + ".name", "missing"};
        if (schema) {
            if (!schema->is_object())
                return Error{"", 0, at, "the input schema must be a JSON object"};
            tool.schema = *schema;
        } else {
            tool.schema = json{{"type", "object"}, {"properties", json::object()}};
        }
        tools.push_back(std::move(tool));
    }
    return tools;
}

Expected<bool> checkCacheCheckpoints(const Prompt& prompt, const char* providerName,
                                     int maxCheckpoints) {
    int count = 0;
    bool anyOneHour = false;
    bool sawFiveMinute = false;
    auto check = [&](const ContentBlock& block, const std::string& where) -> Status {
        if (!block.cacheCheckpoint)
            return success();
        ++count;
        if (!block.cacheTtl.empty() && block.cacheTtl != "5m" && block.cacheTtl != "1h")
            return Error{"", 0, where,
                         "cache TTL '" + block.cacheTtl + "' is not one of 5m and 1h"};
        if (block.cacheTtl == "1h") {
            if (sawFiveMinute)
                return Error{"", 0, where,
                             std::string(providerName) +
                                 " requires 1-hour cache checkpoints before 5-minute ones"};
            anyOneHour = true;
        } else {
            sawFiveMinute = true;
        }
        return success();
    };
    for (size_t i = 0; i < prompt.system.size(); ++i)
        if (auto status = check(prompt.system[i], "system[" + std::to_string(i) + "]"); !status)
            return status.error();
    for (size_t m = 0; m < prompt.messages.size(); ++m)
        for (size_t b = 0; b < prompt.messages[m].content.size(); ++b)
            if (auto status =
                    check(prompt.messages[m].content[b],
                          "messages[" + std::to_string(m) + "].content[" + std::to_string(b) + "]");
                !status)
                return status.error();
    if (count > maxCheckpoints)
        return Error{"", 0, "cache checkpoints",
                     "the prompt has " + std::to_string(count) + " cache checkpoints; " +
                         providerName + " allows at most " + std::to_string(maxCheckpoints)};
    return anyOneHour;
}

FailureClass classForStatus(int status) {
    if (status == 401 || status == 403)
        return FailureClass::Auth;
    if (status == 408)
        return FailureClass::Timeout;
    if (status == 429)
        return FailureClass::RateLimit;
    if (status >= 500)
        return FailureClass::Server;
    if (status >= 400)
        return FailureClass::InvalidRequest;
    return FailureClass::BadResponse; // 1xx/3xx where a final answer was expected
}

bool retryableClass(FailureClass kind) {
    return kind == FailureClass::RateLimit || kind == FailureClass::Server ||
           kind == FailureClass::Timeout || kind == FailureClass::Network;
}

bool saysContextLength(std::string_view message) {
    static constexpr std::string_view kPhrases[] = {
        "prompt is too long",
        "context length",
        "context_length",
        "context window",
        "input is too long",
        "too many input tokens",
        "maximum context",
        "exceed context limit",
        "exceeds the context",
        "too many total text bytes",
        "input length and `max_tokens` exceed",
    };
    const std::string lower = lowerCase(message);
    return std::any_of(std::begin(kPhrases), std::end(kPhrases), [&lower](std::string_view phrase) {
        return lower.find(phrase) != std::string::npos;
    });
}

std::string truncateMessage(std::string message, size_t limit) {
    if (message.size() > limit) {
        message.resize(limit);
        // Do not leave half a UTF-8 sequence behind.
        while (!message.empty() && (static_cast<unsigned char>(message.back()) & 0xC0) == 0x80)
            message.pop_back();
        if (!message.empty() && (static_cast<unsigned char>(message.back()) & 0x80))
            message.pop_back();
        message += "...";
    }
    return message;
}

CallFailure httpFailure(FailureClass kind, int status, std::string code, std::string message,
                        const std::vector<std::string>& secrets) {
    CallFailure failure;
    failure.kind = kind;
    failure.httpStatus = status;
    failure.providerCode = redactSecrets(std::move(code), secrets);
    failure.message = truncateMessage(redactSecrets(std::move(message), secrets));
    failure.retryable = retryableClass(kind);
    return failure;
}

std::optional<CallFailure> parseJsonBody(const HttpResponse& response, json& out) {
    const std::string* contentType = response.header("content-type");
    const std::string type = contentType ? lowerCase(*contentType) : std::string();
    if (type.find("json") == std::string::npos) {
        CallFailure failure;
        failure.kind = FailureClass::BadResponse;
        failure.httpStatus = response.status;
        failure.message = "expected a JSON response, got content type '" +
                          (contentType ? truncateMessage(*contentType, 100) : std::string()) + "'";
        return failure;
    }
    out = json::parse(response.body, nullptr, false);
    if (out.is_discarded() || !out.is_object()) {
        CallFailure failure;
        failure.kind = FailureClass::BadResponse;
        failure.httpStatus = response.status;
        failure.message = out.is_discarded() ? "the response body is not valid JSON (" +
                                                   std::to_string(response.body.size()) + " bytes)"
                                             : "the response body is not a JSON object";
        return failure;
    }
    return std::nullopt;
}

TokenField tokenField(const json& object, const char* key) {
    TokenField field;
    const json* value = member(object, key);
    if (!value)
        return field;
    if (value->is_number_unsigned() || (value->is_number_integer() && value->get<int64_t>() >= 0))
        field.value = value->get<int64_t>();
    else
        field.problem = std::string("usage field '") + key + "' is not a token count";
    return field;
}

} // namespace switchyard::detail
