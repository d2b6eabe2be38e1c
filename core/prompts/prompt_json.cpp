#include "prompts/prompt_json.h"

#include "common/json_text.h"

#include <nlohmann/json.hpp>

namespace switchyard {

namespace {

using nlohmann::json;

void appendBlocks(std::string& out, const std::vector<ContentBlock>& blocks) {
    out += '[';
    for (size_t i = 0; i < blocks.size(); ++i) {
        const ContentBlock& block = blocks[i];
        out += i > 0 ? ",{" : "{";
        if (block.cacheCheckpoint)
            out += "\"cache\":true,";
        out += "\"text\":";
        appendJsonString(out, block.text);
        if (block.cacheCheckpoint && !block.cacheTtl.empty()) {
            out += ",\"ttl\":";
            appendJsonString(out, block.cacheTtl);
        }
        out += '}';
    }
    out += ']';
}

std::vector<ContentBlock> blocksFromJson(const json& array) {
    std::vector<ContentBlock> blocks;
    blocks.reserve(array.size());
    for (const auto& item : array) {
        ContentBlock block;
        block.text = item.value("text", std::string());
        block.cacheCheckpoint = item.value("cache", false);
        block.cacheTtl = item.value("ttl", std::string());
        blocks.push_back(std::move(block));
    }
    return blocks;
}

} // namespace

std::string messagesToJson(const Prompt& prompt) {
    // Written by hand rather than through nlohmann::json: this runs once per stored prompt, and
    // building a DOM per prompt was most of an import's time outside SQLite. Keys are in the order
    // nlohmann's sorted objects give, so the bytes (and content hashes) are the same as before.
    std::string out;
    size_t textBytes = prompt.toolsJson.size();
    for (const auto& block : prompt.system)
        textBytes += block.text.size();
    for (const auto& message : prompt.messages)
        for (const auto& block : message.content)
            textBytes += block.text.size() + 40;
    out.reserve(96 + textBytes + textBytes / 8);
    out += '{';
    if (!prompt.fields.empty()) {
        out += "\"fields\":{";
        bool first = true;
        for (const auto& [key, value] : prompt.fields) {
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, key);
            out += ':';
            appendJsonString(out, value);
        }
        out += "},";
    }
    out += "\"messages\":[";
    for (size_t i = 0; i < prompt.messages.size(); ++i) {
        if (i > 0)
            out += ',';
        out += "{\"content\":";
        appendBlocks(out, prompt.messages[i].content);
        out += ",\"role\":";
        appendJsonString(out, prompt.messages[i].role);
        out += '}';
    }
    out += "],\"shape\":";
    appendJsonString(out, shapeName(prompt.shape));
    if (!prompt.system.empty()) {
        out += ",\"system\":";
        appendBlocks(out, prompt.system);
    }
    if (!prompt.toolsJson.empty()) {
        out += ",\"tools\":";
        appendJsonString(out, prompt.toolsJson);
    }
    out += '}';
    return out;
}

Status messagesFromJson(std::string_view text, Prompt& prompt) {
    json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return Error{"", 0, "messages", "stored prompt structure is not a JSON object"};
    if (auto it = parsed.find("system"); it != parsed.end() && it->is_array())
        prompt.system = blocksFromJson(*it);
    prompt.messages.clear();
    if (auto it = parsed.find("messages"); it != parsed.end() && it->is_array()) {
        for (const auto& item : *it) {
            Message message;
            message.role = item.value("role", std::string("user"));
            if (auto content = item.find("content"); content != item.end() && content->is_array())
                message.content = blocksFromJson(*content);
            prompt.messages.push_back(std::move(message));
        }
    }
    prompt.toolsJson = parsed.value("tools", std::string());
    prompt.fields.clear();
    if (auto it = parsed.find("fields"); it != parsed.end() && it->is_object())
        for (const auto& [key, value] : it->items())
            if (value.is_string())
                prompt.fields.emplace(key, value.get<std::string>());
    const std::string shape = parsed.value("shape", std::string("plain"));
    for (auto candidate :
         {PromptShape::Plain, PromptShape::OpenAiChat, PromptShape::AnthropicMessages,
          PromptShape::BedrockConverse, PromptShape::BedrockBatch, PromptShape::BedrockDistillation,
          PromptShape::OpenAiBatch, PromptShape::Csv}) {
        if (shape == shapeName(candidate))
            prompt.shape = candidate;
    }
    return success();
}

std::string tagsToJson(const std::vector<std::string>& tags) {
    std::string out = "[";
    for (size_t i = 0; i < tags.size(); ++i) {
        if (i > 0)
            out += ',';
        appendJsonString(out, tags[i]);
    }
    out += ']';
    return out;
}

std::vector<std::string> tagsFromJson(std::string_view text) {
    json parsed = json::parse(text, nullptr, false);
    std::vector<std::string> tags;
    if (!parsed.is_array())
        return tags;
    for (const auto& item : parsed)
        if (item.is_string())
            tags.push_back(item.get<std::string>());
    return tags;
}

} // namespace switchyard
