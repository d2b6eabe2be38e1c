#include "prompts/detail/content_reader.h"
#include "prompts/detail/records.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace switchyard::detail {

using nlohmann::json;

namespace {

constexpr const char* kDistillationSchema = "bedrock-conversation-2024";

const json* find(const json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

Status readTools(const json& body, const std::string& prefix, Prompt& prompt) {
    if (const json* tools = find(body, "tools")) {
        if (!tools->is_array())
            return mustBe(prefix + "tools", "an array");
        prompt.toolsJson = tools->dump(); // object keys come out sorted: canonical text
    } else if (const json* config = find(body, "toolConfig")) {
        if (!config->is_object())
            return mustBe(prefix + "toolConfig", "an object");
        const json* tools = find(*config, "tools");
        prompt.toolsJson = (tools ? *tools : *config).dump();
    }
    return success();
}

Status requireUserTurn(const Prompt& prompt, const std::string& path) {
    for (const auto& message : prompt.messages)
        if (message.role == "user")
            return success();
    return Error{"", 0, path, "no user message"};
}

// A chat body: {"system", "messages", "tools"} in any of the three wire dialects. The shape is
// the caller's when it knows it (batch wrappers), else read from the blocks.
Status readChatBody(const json& body, const std::string& prefix, Prompt& prompt, bool knownShape) {
    ContentReader reader(prompt);
    if (const json* system = find(body, "system"))
        if (auto status = reader.readSystem(*system, prefix + "system"); !status)
            return status;
    if (auto status = reader.readMessages(body.at("messages"), prefix + "messages"); !status)
        return status;
    if (auto status = readTools(body, prefix, prompt); !status)
        return status;
    if (!knownShape) {
        if (reader.sawConverseBlocks() || find(body, "toolConfig"))
            prompt.shape = PromptShape::BedrockConverse;
        else if (reader.sawAnthropicBlocks() || find(body, "system") ||
                 find(body, "anthropic_version"))
            prompt.shape = PromptShape::AnthropicMessages;
        else
            prompt.shape = PromptShape::OpenAiChat;
    }
    return requireUserTurn(prompt, prefix + "messages");
}

Status readPlainText(const json& value, const std::string& path, Prompt& prompt,
                     std::string system) {
    if (!value.is_string())
        return mustBe(path, "a string");
    if (value.get_ref<const std::string&>().empty())
        return Error{"", 0, path, "field '" + path + "' is empty"};
    setPlainTurn(prompt, value.get<std::string>(), std::move(system));
    return success();
}

// The request inside a batch wrapper: a chat body, a Responses API body ("input",
// "instructions"), or a completion-style body ("prompt" for Llama/Mistral, "inputText" for Titan).
Status readRequestBody(const json& body, const std::string& prefix, Prompt& prompt) {
    if (find(body, "messages"))
        return readChatBody(body, prefix, prompt, true);
    if (const json* input = find(body, "input")) {
        ContentReader reader(prompt);
        if (const json* instructions = find(body, "instructions"))
            if (auto status = reader.readSystem(*instructions, prefix + "instructions"); !status)
                return status;
        if (input->is_string())
            return readPlainText(*input, prefix + "input", prompt, {});
        if (auto status = reader.readMessages(*input, prefix + "input"); !status)
            return status;
        if (auto status = readTools(body, prefix, prompt); !status)
            return status;
        return requireUserTurn(prompt, prefix + "input");
    }
    for (const char* key : {"prompt", "inputText"})
        if (const json* text = find(body, key))
            return readPlainText(*text, prefix + key, prompt, {});
    return Error{"", 0, prefix + "messages",
                 "missing field 'messages' (or 'prompt', 'input') in '" +
                     prefix.substr(0, prefix.size() - 1) + "'"};
}

const json* requireObject(const json& record, const char* key, Status& status) {
    const json* value = find(record, key);
    if (!value)
        status = missingField(key);
    else if (!value->is_object())
        status = mustBe(key, "an object");
    return status ? value : nullptr;
}

// The distillation format ends with the assistant turn to learn from: the reference answer.
void moveTrailingAnswerToExpected(Prompt& prompt) {
    if (prompt.messages.empty() || prompt.messages.back().role != "assistant")
        return;
    std::string answer;
    for (const auto& block : prompt.messages.back().content) {
        if (!answer.empty())
            answer += "\n";
        answer += block.text;
    }
    prompt.expected = std::move(answer);
    prompt.messages.pop_back();
}

Status readStructure(const json& record, Prompt& prompt) {
    if (find(record, "modelInput") || find(record, "recordId")) {
        prompt.shape = PromptShape::BedrockBatch;
        Status status = success();
        const json* body = requireObject(record, "modelInput", status);
        return body ? readRequestBody(*body, "modelInput.", prompt) : status;
    }
    if (find(record, "custom_id") && find(record, "body")) {
        prompt.shape = PromptShape::OpenAiBatch;
        Status status = success();
        const json* body = requireObject(record, "body", status);
        return body ? readRequestBody(*body, "body.", prompt) : status;
    }
    if (const json* schema = find(record, "schemaVersion")) {
        if (*schema != kDistillationSchema)
            return Error{"", 0, "schemaVersion",
                         "unsupported schemaVersion " + schema->dump() + " (expected \"" +
                             kDistillationSchema + "\")"};
        if (!find(record, "messages"))
            return missingField("messages");
        prompt.shape = PromptShape::BedrockDistillation;
        if (auto status = readChatBody(record, "", prompt, true); !status)
            return status;
        moveTrailingAnswerToExpected(prompt);
        return requireUserTurn(prompt, "messages");
    }
    if (find(record, "messages"))
        return readChatBody(record, "", prompt, false);
    if (const json* text = find(record, "prompt")) {
        std::string system;
        if (const json* value = find(record, "system")) {
            if (!value->is_string())
                return mustBe("system", "a string");
            system = value->get<std::string>();
        }
        if (auto status = readPlainText(*text, "prompt", prompt, std::move(system)); !status)
            return status;
        return readTools(record, "", prompt);
    }
    return Error{"", 0, "prompt", "missing field 'prompt' (or 'messages')"};
}

// Fields any shape may carry at top level.
// Scalars under keys no shape reads, kept as text for prompt variants' {{variables}}; the fast
// path (fast_plain.cpp) writes the same text for the same line.
void readOtherFields(const json& record, Prompt& prompt) {
    static constexpr std::array<std::string_view, 10> kRead = {
        "prompt",   "id",        "prompt_id", "custom_id", "recordId",
        "expected", "reference", "system",    "tags",      "timestamp"};
    for (const auto& [key, value] : record.items()) {
        if (isShapeKey(key) || std::find(kRead.begin(), kRead.end(), key) != kRead.end())
            continue;
        if (value.is_string())
            prompt.fields.insert_or_assign(key, value.get<std::string>());
        else if (value.is_number_float())
            prompt.fields.insert_or_assign(key, fieldNumberText(value.get<double>()));
        else if (value.is_number() || value.is_boolean())
            prompt.fields.insert_or_assign(key, value.dump());
    }
}

Status readCommonFields(const json& record, Prompt& prompt) {
    for (const char* key : {"custom_id", "recordId", "id", "prompt_id"}) {
        const json* id = find(record, key);
        if (!id)
            continue;
        if (id->is_string())
            prompt.id = id->get<std::string>();
        else if (id->is_number_integer())
            prompt.id = id->dump();
        else
            return mustBe(key, "a string or an integer");
        break;
    }
    if (const json* tags = find(record, "tags")) {
        if (tags->is_string()) {
            appendTagList(prompt.tags, tags->get_ref<const std::string&>());
        } else if (tags->is_array()) {
            for (const auto& tag : *tags) {
                if (!tag.is_string())
                    return Error{"", 0, "tags",
                                 "field 'tags' must be an array of strings or a string"};
                appendTag(prompt.tags, tag.get_ref<const std::string&>());
            }
        } else {
            return Error{"", 0, "tags", "field 'tags' must be an array of strings or a string"};
        }
    }
    for (const char* key : {"expected", "reference"}) {
        const json* expected = find(record, key);
        if (!expected)
            continue;
        if (expected->is_string())
            prompt.expected = expected->get<std::string>();
        else if (expected->is_number())
            prompt.expected = expected->dump(); // a numeric answer, as a grader compares it
        else
            return mustBe(key, "a string or a number");
        break;
    }
    if (const json* timestamp = find(record, "timestamp")) {
        std::optional<int64_t> ms;
        if (timestamp->is_string())
            ms = parseIsoTimestampMs(timestamp->get_ref<const std::string&>());
        else if (timestamp->is_number())
            ms = epochMsFromNumber(timestamp->get<double>());
        else
            return Error{"", 0, "timestamp", kTimestampTypeMessage};
        if (!ms)
            return Error{"", 0, "timestamp", kTimestampValueMessage};
        prompt.timestampMs = ms;
    }
    readOtherFields(record, prompt);
    return success();
}

} // namespace

bool isShapeKey(std::string_view key) {
    static constexpr std::array<std::string_view, 9> kKeys = {
        "messages",      "modelInput", "recordId",   "custom_id",        "body",
        "schemaVersion", "tools",      "toolConfig", "anthropic_version"};
    for (auto candidate : kKeys)
        if (key == candidate)
            return true;
    return false;
}

Expected<Prompt> promptFromJson(const json& record) {
    if (!record.is_object())
        return Error{"", 0, "",
                     std::string("each line must be a JSON object, found ") + record.type_name()};
    Prompt prompt;
    if (auto status = readStructure(record, prompt); !status)
        return status.error();
    if (auto status = readCommonFields(record, prompt); !status)
        return status.error();
    return prompt;
}

Expected<Prompt> promptFromJsonLine(std::string_view line) {
    Prompt prompt;
    if (parsePlainFast(line, prompt))
        return prompt;
    return promptFromJsonText(line);
}

Status parseJsonText(std::string_view line, json& out) {
    // nlohmann reports errors and their position only through exceptions; they stay inside here.
    try {
        out = json::parse(line);
    } catch (const json::parse_error& error) {
        std::string reason = error.what();
        if (const auto column = reason.find(", column "); column != std::string::npos)
            if (const auto colon = reason.find(": ", column); colon != std::string::npos)
                reason = reason.substr(colon + 2);
        const size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        return Error{"", 0, "",
                     "invalid JSON at column " + std::to_string(columnOfByte(line, offset)) + ": " +
                         reason};
    } catch (const json::exception& error) {
        // Valid syntax nlohmann still refuses, e.g. a number too large for a double (406).
        std::string reason = error.what();
        if (const auto bracket = reason.find("] "); bracket != std::string::npos)
            reason = reason.substr(bracket + 2);
        return Error{"", 0, "", "invalid JSON: " + reason};
    }
    return success();
}

Expected<Prompt> promptFromJsonText(std::string_view line) {
    json record;
    if (auto status = parseJsonText(line, record); !status)
        return status.error();
    return promptFromJson(record);
}

} // namespace switchyard::detail
