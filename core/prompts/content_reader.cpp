#include "prompts/detail/content_reader.h"

#include <nlohmann/json.hpp>

namespace switchyard::detail {

using nlohmann::json;

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

namespace {

// Tool results carry their text as a string or as nested blocks; the text is what the model
// reads and pays for, so it is kept as the block's text.
Status flattenText(const json& content, const std::string& path, std::string& out) {
    if (content.is_string()) {
        out += content.get_ref<const std::string&>();
        return success();
    }
    if (!content.is_array())
        return mustBe(path, "a string or an array of content blocks");
    for (size_t i = 0; i < content.size(); ++i) {
        const json& item = content[i];
        if (!item.is_object())
            return mustBe(indexed(path, i), "an object");
        std::string piece;
        if (auto text = item.find("text"); text != item.end() && text->is_string())
            piece = text->get<std::string>();
        else if (auto data = item.find("json"); data != item.end())
            piece = data->dump();
        if (piece.empty())
            continue;
        if (!out.empty())
            out += "\n";
        out += piece;
    }
    return success();
}

// "5m" unless the marker asks for "1h"; both Anthropic and Bedrock name them so.
Status readTtl(const json& marker, const std::string& path, std::string& ttl) {
    ttl = "5m";
    const auto it = marker.find("ttl");
    if (it == marker.end() || it->is_null())
        return success();
    if (!it->is_string() || (*it != "5m" && *it != "1h"))
        return mustBe(path + ".ttl", "\"5m\" or \"1h\"");
    ttl = it->get<std::string>();
    return success();
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

Status ContentReader::markPreviousBlock(const json& cachePoint, const std::string& path) {
    if (!cachePoint.is_object())
        return mustBe(path, "an object");
    if (!m_hasLastBlock)
        return Error{"", 0, path, "cache checkpoint has no content before it to cache"};
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

Status ContentReader::readBlock(const json& block, const std::string& path, Target target) {
    if (!block.is_object())
        return mustBe(path, "an object");
    if (auto point = block.find("cachePoint"); point != block.end()) {
        m_sawConverse = true;
        return markPreviousBlock(*point, path + ".cachePoint");
    }
    std::string text;
    bool hasText = true;
    const auto type = block.find("type");
    if (type != block.end()) {
        if (!type->is_string())
            return mustBe(path + ".type", "a string");
        const std::string& kind = type->get_ref<const std::string&>();
        if (kind == "text" || kind == "input_text" || kind == "output_text") {
            const auto value = block.find("text");
            if (value == block.end())
                return missingField(path + ".text");
            if (!value->is_string())
                return mustBe(path + ".text", "a string");
            text = value->get<std::string>();
        } else if (kind == "tool_use") {
            m_sawAnthropic = true;
            text = block.value("input", json::object()).dump();
        } else if (kind == "tool_result") {
            m_sawAnthropic = true;
            if (auto content = block.find("content"); content != block.end())
                if (auto status = flattenText(*content, path + ".content", text); !status)
                    return status;
        } else {
            hasText = false; // images, documents, thinking: nothing to estimate as text
        }
    } else if (auto value = block.find("text"); value != block.end()) {
        m_sawConverse = true;
        if (!value->is_string())
            return mustBe(path + ".text", "a string");
        text = value->get<std::string>();
    } else if (auto use = block.find("toolUse"); use != block.end()) {
        m_sawConverse = true;
        text = use->is_object() ? use->value("input", json::object()).dump() : use->dump();
    } else if (auto result = block.find("toolResult"); result != block.end()) {
        m_sawConverse = true;
        if (result->is_object())
            if (auto content = result->find("content"); content != result->end())
                if (auto status = flattenText(*content, path + ".toolResult.content", text);
                    !status)
                    return status;
    } else {
        hasText = false;
    }
    if (hasText)
        push(target, std::move(text));

    if (auto control = block.find("cache_control"); control != block.end() && !control->is_null()) {
        m_sawAnthropic = true;
        if (!control->is_object())
            return mustBe(path + ".cache_control", "an object");
        // On a block without text (an image) the checkpoint still ends the cached prefix there;
        // the nearest text block before it stands in for it.
        return markPreviousBlock(*control, path + ".cache_control");
    }
    return success();
}

Status ContentReader::readBlocks(const json& content, const std::string& path, Target target) {
    if (content.is_string()) {
        push(target, content.get<std::string>());
        return success();
    }
    if (!content.is_array())
        return mustBe(path, "a string or an array of content blocks");
    for (size_t i = 0; i < content.size(); ++i)
        if (auto status = readBlock(content[i], indexed(path, i), target); !status)
            return status;
    return success();
}

Status ContentReader::readSystem(const json& value, const std::string& path) {
    if (value.is_null())
        return success();
    if (value.is_string() && value.get_ref<const std::string&>().empty())
        return success();
    return readBlocks(value, path, Target::System);
}

Status ContentReader::readMessages(const json& value, const std::string& path) {
    if (!value.is_array())
        return mustBe(path, "an array");
    for (size_t i = 0; i < value.size(); ++i) {
        const json& turn = value[i];
        const std::string turnPath = indexed(path, i);
        if (!turn.is_object())
            return mustBe(turnPath, "an object");
        const auto role = turn.find("role");
        if (role == turn.end())
            return missingField(turnPath + ".role");
        if (!role->is_string())
            return mustBe(turnPath + ".role", "a string");
        const std::string& name = role->get_ref<const std::string&>();
        const bool isSystem = name == "system" || name == "developer";
        if (!isSystem && name != "user" && name != "assistant" && name != "tool")
            return Error{"", 0, turnPath + ".role",
                         "unknown role '" + name + "' (expected system, user, assistant or tool)"};

        auto content = turn.find("content");
        const bool noContent = content == turn.end() || content->is_null();
        const auto toolCalls = turn.find("tool_calls");
        if (noContent && (toolCalls == turn.end() || name != "assistant"))
            return missingField(turnPath + ".content");
        if (isSystem) {
            if (auto status = readBlocks(*content, turnPath + ".content", Target::System); !status)
                return status;
            continue;
        }
        m_prompt.messages.push_back(Message{name, {}});
        // An OpenAI assistant turn that only calls tools still costs its calls as input.
        if (noContent)
            push(Target::LastMessage, toolCalls->dump());
        else if (auto status = readBlocks(*content, turnPath + ".content", Target::LastMessage);
                 !status)
            return status;
    }
    return success();
}

} // namespace switchyard::detail
