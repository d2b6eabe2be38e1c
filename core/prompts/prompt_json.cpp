#include "prompts/prompt_json.h"

#include <nlohmann/json.hpp>

namespace switchyard {

namespace {

using nlohmann::json;

json blocksToJson(const std::vector<ContentBlock>& blocks) {
    json out = json::array();
    for (const auto& block : blocks) {
        json item = {{"text", block.text}};
        if (block.cacheCheckpoint) {
            item["cache"] = true;
            if (!block.cacheTtl.empty())
                item["ttl"] = block.cacheTtl;
        }
        out.push_back(std::move(item));
    }
    return out;
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
    json out;
    if (!prompt.system.empty())
        out["system"] = blocksToJson(prompt.system);
    json messages = json::array();
    for (const auto& message : prompt.messages)
        messages.push_back({{"role", message.role}, {"content", blocksToJson(message.content)}});
    out["messages"] = std::move(messages);
    if (!prompt.toolsJson.empty())
        out["tools"] = prompt.toolsJson;
    if (!prompt.fields.empty())
        out["fields"] = prompt.fields;
    out["shape"] = shapeName(prompt.shape);
    return out.dump();
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
    return json(tags).dump();
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
