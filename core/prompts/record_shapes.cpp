#include "prompts/detail/content_reader.h"
#include "prompts/detail/json_records.h"
#include "prompts/detail/records.h"

#include <algorithm>
#include <array>

namespace switchyard::detail {

namespace {

constexpr const char* kDistillationSchema = "bedrock-conversation-2024";

std::optional<JsonValue> find(const JsonObject& object, std::string_view key) {
    return object.find(key);
}

Status readTools(const JsonObject& body, const std::string& prefix, Prompt& prompt) {
    if (const auto tools = find(body, "tools")) {
        if (!tools->is_array())
            return mustBe(prefix + "tools", "an array");
        prompt.toolsJson = canonicalJson(*tools);
    } else if (const auto config = find(body, "toolConfig")) {
        if (!config->is_object())
            return mustBe(prefix + "toolConfig", "an object");
        const auto tools = member(*config, "tools");
        prompt.toolsJson = canonicalJson(tools ? *tools : *config);
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
Status readChatBody(const JsonObject& body, const std::string& prefix, Prompt& prompt,
                    bool knownShape) {
    ContentReader reader(prompt);
    if (const auto system = find(body, "system"))
        if (auto status = reader.readSystem(*system, prefix + "system"); !status)
            return status;
    if (auto status = reader.readMessages(*find(body, "messages"), prefix + "messages"); !status)
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

Status readPlainText(JsonValue value, const std::string& path, Prompt& prompt, std::string system) {
    const auto text = stringOf(value);
    if (!text)
        return mustBe(path, "a string");
    if (text->empty())
        return Error{"", 0, path, "field '" + path + "' is empty"};
    setPlainTurn(prompt, std::string(*text), std::move(system));
    return success();
}

// The request inside a batch wrapper: a chat body, a Responses API body ("input",
// "instructions"), or a completion-style body ("prompt" for Llama/Mistral, "inputText" for Titan).
} // namespace

Status readRequestBody(JsonValue value, const std::string& prefix, Prompt& prompt) {
    const JsonObject body(value);
    if (find(body, "messages"))
        return readChatBody(body, prefix, prompt, true);
    if (const auto input = find(body, "input")) {
        ContentReader reader(prompt);
        if (const auto instructions = find(body, "instructions"))
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
    for (std::string_view key : {"prompt", "inputText"})
        if (const auto text = find(body, key))
            return readPlainText(*text, prefix + std::string(key), prompt, {});
    return Error{"", 0, prefix + "messages",
                 "missing field 'messages' (or 'prompt', 'input') in '" +
                     prefix.substr(0, prefix.size() - 1) + "'"};
}

namespace {

std::optional<JsonValue> requireObject(const JsonObject& record, const char* key, Status& status) {
    const auto value = find(record, key);
    if (!value)
        status = missingField(key);
    else if (!value->is_object())
        status = mustBe(key, "an object");
    return status ? value : std::nullopt;
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

Status readStructure(const JsonObject& record, Prompt& prompt) {
    if (find(record, "modelInput") || find(record, "recordId")) {
        prompt.shape = PromptShape::BedrockBatch;
        Status status = success();
        const auto body = requireObject(record, "modelInput", status);
        return body ? readRequestBody(*body, "modelInput.", prompt) : status;
    }
    if (find(record, "custom_id") && find(record, "body")) {
        prompt.shape = PromptShape::OpenAiBatch;
        Status status = success();
        const auto body = requireObject(record, "body", status);
        return body ? readRequestBody(*body, "body.", prompt) : status;
    }
    if (const auto schema = find(record, "schemaVersion")) {
        if (stringOf(*schema) != std::string_view(kDistillationSchema))
            return Error{"", 0, "schemaVersion",
                         "unsupported schemaVersion " + simdjson::to_string(*schema) +
                             " (expected \"" + kDistillationSchema + "\")"};
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
    if (const auto text = find(record, "prompt")) {
        std::string system;
        if (const auto value = find(record, "system")) {
            const auto string = stringOf(*value);
            if (!string)
                return mustBe("system", "a string");
            system = std::string(*string);
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
void readOtherFields(const JsonObject& record, Prompt& prompt) {
    static constexpr std::array<std::string_view, 10> kRead = {
        "prompt",   "id",        "prompt_id", "custom_id", "recordId",
        "expected", "reference", "system",    "tags",      "timestamp"};
    record.forEach([&](std::string_view key, JsonValue value) {
        if (isShapeKey(key) || std::find(kRead.begin(), kRead.end(), key) != kRead.end())
            return;
        if (auto text = scalarText(value))
            prompt.fields.insert_or_assign(std::string(key), std::move(*text));
    });
}

Status readCommonFields(const JsonObject& record, Prompt& prompt) {
    for (std::string_view key : {"custom_id", "recordId", "id", "prompt_id"}) {
        const auto id = find(record, key);
        if (!id)
            continue;
        if (id->is_string() || id->is_int64() || id->is_uint64())
            prompt.id = *scalarText(*id);
        else
            return mustBe(std::string(key), "a string or an integer");
        break;
    }
    if (const auto tags = find(record, "tags")) {
        if (const auto list = stringOf(*tags)) {
            appendTagList(prompt.tags, *list);
        } else if (tags->is_array()) {
            for (JsonValue tag : arrayOf(*tags)) {
                const auto text = stringOf(tag);
                if (!text)
                    return Error{"", 0, "tags",
                                 "field 'tags' must be an array of strings or a string"};
                appendTag(prompt.tags, *text);
            }
        } else {
            return Error{"", 0, "tags", "field 'tags' must be an array of strings or a string"};
        }
    }
    for (std::string_view key : {"expected", "reference"}) {
        const auto expected = find(record, key);
        if (!expected)
            continue;
        if (expected->is_string() || expected->is_number())
            prompt.expected = *scalarText(*expected); // a number as a grader compares it
        else
            return mustBe(std::string(key), "a string or a number");
        break;
    }
    if (const auto timestamp = find(record, "timestamp")) {
        std::optional<int64_t> ms;
        if (const auto text = stringOf(*timestamp))
            ms = parseIsoTimestampMs(*text);
        else if (const auto number = numberOf(*timestamp))
            ms = epochMsFromNumber(*number);
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

Expected<Prompt> promptFromJson(JsonValue record) {
    if (!record.is_object())
        return Error{"", 0, "",
                     std::string("each line must be a JSON object, found ") + jsonTypeName(record)};
    const JsonObject object(record);
    Prompt prompt;
    if (auto status = readStructure(object, prompt); !status)
        return status.error();
    if (auto status = readCommonFields(object, prompt); !status)
        return status.error();
    return prompt;
}

Expected<Prompt> promptFromJsonLine(std::string_view line) {
    Prompt prompt;
    if (parsePlainFast(line, prompt))
        return prompt;
    return promptFromJsonText(line);
}

Expected<Prompt> promptFromJsonText(std::string_view line) {
    // One parser per thread: it keeps its buffers from line to line.
    thread_local JsonLineParser parser;
    auto record = parser.parse(line);
    if (!record)
        return record.error();
    return promptFromJson(*record);
}

} // namespace switchyard::detail
