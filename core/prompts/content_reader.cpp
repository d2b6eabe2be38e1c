#include "prompts/detail/content_reader.h"

namespace switchyard::detail {

Error mustBe(const std::string& path, const char* what) {
    return Error{"", 0, path, "field '" + path + "' must be " + what};
}

Error missingField(const std::string& path) {
    const auto dot = path.find_last_of('.');
    const std::string name = dot == std::string::npos ? path : path.substr(dot + 1);
    return Error{"", 0, path, "missing field '" + name + "'"};
}

std::string indexed(const std::string& path, size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

std::string FieldPath::str() const {
    std::string text = m_parent ? m_parent->str() : *m_root;
    text += m_name;
    return m_index == kNoIndex ? text : indexed(text, m_index);
}

namespace {

// A present key, null included: where the reader must tell "absent" from "null".
std::optional<JsonValue> presentMember(JsonValue object, std::string_view key) {
    JsonValue value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS)
        return std::nullopt;
    return value;
}

// Tool results carry their text as a string or as nested blocks; the text is what the model
// reads and pays for, so it is kept as the block's text.
Status flattenText(JsonValue content, const FieldPath& path, std::string& out) {
    if (const auto text = stringOf(content)) {
        out += *text;
        return success();
    }
    if (!content.is_array())
        return mustBe(path.str(), "a string or an array of content blocks");
    size_t i = 0;
    for (JsonValue item : arrayOf(content)) {
        if (!item.is_object())
            return mustBe(path.at(i).str(), "an object");
        ++i;
        std::string piece;
        if (const auto text = stringMember(item, "text"))
            piece = std::string(*text);
        else if (const auto data = presentMember(item, "json"))
            piece = canonicalJson(*data);
        if (piece.empty())
            continue;
        if (!out.empty())
            out += "\n";
        out += piece;
    }
    return success();
}

// "5m" unless the marker asks for "1h"; both Anthropic and Bedrock name them so.
Status readTtl(JsonValue marker, const FieldPath& path, std::string& ttl) {
    ttl = "5m";
    const auto value = member(marker, "ttl");
    if (!value)
        return success();
    const auto text = stringOf(*value);
    if (!text || (*text != "5m" && *text != "1h"))
        return mustBe(path + ".ttl", "\"5m\" or \"1h\"");
    ttl = std::string(*text);
    return success();
}

// The JSON a tool call carries as its input, in canonical text ("{}" when it has none).
std::string toolInputText(JsonValue use) {
    const auto input = member(use, "input");
    return input ? canonicalJson(*input) : "{}";
}

} // namespace

std::vector<ContentBlock>& ContentReader::list(Target target) {
    return target == Target::System ? m_prompt.system : m_prompt.messages.back().content;
}

void ContentReader::push(Target target, std::string text) {
    list(target).push_back(ContentBlock{std::move(text), false, {}});
    m_hasLastBlock = true;
    m_lastTarget = target;
    m_lastMessage = m_prompt.messages.empty() ? 0 : m_prompt.messages.size() - 1;
}

Status ContentReader::markPreviousBlock(JsonValue cachePoint, const FieldPath& path) {
    if (!cachePoint.is_object())
        return mustBe(path.str(), "an object");
    if (!m_hasLastBlock)
        return Error{"", 0, path.str(), "cache checkpoint has no content before it to cache"};
    std::string ttl;
    if (auto status = readTtl(cachePoint, path, ttl); !status)
        return status;
    ContentBlock& block = m_lastTarget == Target::System
                              ? m_prompt.system.back()
                              : m_prompt.messages[m_lastMessage].content.back();
    block.cacheCheckpoint = true;
    block.cacheTtl = ttl;
    return success();
}

Status ContentReader::readBlock(JsonValue block, const FieldPath& path, Target target) {
    if (!block.is_object())
        return mustBe(path.str(), "an object");
    if (const auto point = presentMember(block, "cachePoint")) {
        m_sawConverse = true;
        return markPreviousBlock(*point, path.child(".cachePoint"));
    }
    std::string text;
    bool hasText = true;
    if (const auto type = presentMember(block, "type")) {
        const auto kind = stringOf(*type);
        if (!kind)
            return mustBe(path + ".type", "a string");
        if (*kind == "text" || *kind == "input_text" || *kind == "output_text") {
            const auto value = presentMember(block, "text");
            if (!value)
                return missingField(path + ".text");
            const auto string = stringOf(*value);
            if (!string)
                return mustBe(path + ".text", "a string");
            text = std::string(*string);
        } else if (*kind == "tool_use") {
            m_sawAnthropic = true;
            text = toolInputText(block);
        } else if (*kind == "tool_result") {
            m_sawAnthropic = true;
            if (const auto content = presentMember(block, "content"))
                if (auto status = flattenText(*content, path.child(".content"), text); !status)
                    return status;
        } else {
            hasText = false; // images, documents, thinking: nothing to estimate as text
        }
    } else if (const auto value = presentMember(block, "text")) {
        m_sawConverse = true;
        const auto string = stringOf(*value);
        if (!string)
            return mustBe(path + ".text", "a string");
        text = std::string(*string);
    } else if (const auto use = presentMember(block, "toolUse")) {
        m_sawConverse = true;
        text = use->is_object() ? toolInputText(*use) : canonicalJson(*use);
    } else if (const auto result = presentMember(block, "toolResult")) {
        m_sawConverse = true;
        if (result->is_object())
            if (const auto content = presentMember(*result, "content"))
                if (auto status = flattenText(*content, path.child(".toolResult.content"), text);
                    !status)
                    return status;
    } else {
        hasText = false;
    }
    if (hasText)
        push(target, std::move(text));

    if (const auto control = member(block, "cache_control")) {
        m_sawAnthropic = true;
        if (!control->is_object())
            return mustBe(path + ".cache_control", "an object");
        // On a block without text (an image) the checkpoint still ends the cached prefix there;
        // the nearest text block before it stands in for it.
        return markPreviousBlock(*control, path.child(".cache_control"));
    }
    return success();
}

Status ContentReader::readBlocks(JsonValue content, const FieldPath& path, Target target) {
    if (const auto text = stringOf(content)) {
        push(target, std::string(*text));
        return success();
    }
    if (!content.is_array())
        return mustBe(path.str(), "a string or an array of content blocks");
    size_t i = 0;
    for (JsonValue block : arrayOf(content))
        if (auto status = readBlock(block, path.at(i++), target); !status)
            return status;
    return success();
}

Status ContentReader::readSystem(JsonValue value, const std::string& path) {
    if (value.is_null())
        return success();
    if (const auto text = stringOf(value); text && text->empty())
        return success();
    return readBlocks(value, FieldPath(path), Target::System);
}

Status ContentReader::readMessages(JsonValue value, const std::string& path) {
    if (!value.is_array())
        return mustBe(path, "an array");
    const FieldPath root(path);
    size_t i = 0;
    for (JsonValue turn : arrayOf(value)) {
        const FieldPath turnPath = root.at(i++);
        if (!turn.is_object())
            return mustBe(turnPath.str(), "an object");
        const auto role = presentMember(turn, "role");
        if (!role)
            return missingField(turnPath + ".role");
        const auto roleName = stringOf(*role);
        if (!roleName)
            return mustBe(turnPath + ".role", "a string");
        const std::string name(*roleName);
        const bool isSystem = name == "system" || name == "developer";
        if (!isSystem && name != "user" && name != "assistant" && name != "tool")
            return Error{"", 0, turnPath + ".role",
                         "unknown role '" + name + "' (expected system, user, assistant or tool)"};

        const auto content = member(turn, "content");
        const auto toolCalls = presentMember(turn, "tool_calls");
        if (!content && (!toolCalls || name != "assistant"))
            return missingField(turnPath + ".content");
        if (isSystem) {
            if (auto status = readBlocks(*content, turnPath.child(".content"), Target::System);
                !status)
                return status;
            continue;
        }
        m_prompt.messages.push_back(Message{name, {}});
        // An OpenAI assistant turn that only calls tools still costs its calls as input.
        if (!content)
            push(Target::LastMessage, canonicalJson(*toolCalls));
        else if (auto status =
                     readBlocks(*content, turnPath.child(".content"), Target::LastMessage);
                 !status)
            return status;
    }
    return success();
}

} // namespace switchyard::detail
