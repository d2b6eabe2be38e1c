#include "distill/distill_dataset.h"

namespace switchyard {

namespace {

using nlohmann::json;

constexpr std::string_view kBedrockSchema = "bedrock-conversation-2024";

std::string joined(const std::vector<ContentBlock>& blocks) {
    std::string text;
    for (const ContentBlock& block : blocks)
        text += (text.empty() ? "" : "\n") + block.text;
    return text;
}

json bedrockTurn(const std::string& role, const std::string& text) {
    return {{"role", role}, {"content", json::array({{{"text", text}}})}};
}

// The text of one message in either format.
Expected<std::string> turnText(DistillTarget target, const json& message, const std::string& path) {
    if (target == DistillTarget::OpenAiFineTuning) {
        if (!message.contains("content") || !message["content"].is_string())
            return Error{"", 0, path + ".content", "must be a string"};
        return message["content"].get<std::string>();
    }
    if (!message.contains("content") || !message["content"].is_array() ||
        message["content"].empty())
        return Error{"", 0, path + ".content", "must be a non-empty list of text blocks"};
    std::string text;
    for (size_t i = 0; i < message["content"].size(); ++i) {
        const json& block = message["content"][i];
        if (!block.is_object() || !block.contains("text") || !block["text"].is_string())
            return Error{"", 0, path + ".content[" + std::to_string(i) + "].text",
                         "must be a string"};
        text += block["text"].get<std::string>();
    }
    return text;
}

} // namespace

std::optional<DistillTarget> distillTargetFromName(std::string_view name) {
    if (name == "bedrock")
        return DistillTarget::BedrockConversation;
    if (name == "openai")
        return DistillTarget::OpenAiFineTuning;
    return std::nullopt;
}

std::optional<StudentFamily> studentFamilyFromName(std::string_view name) {
    for (StudentFamily family :
         {StudentFamily::Claude, StudentFamily::Llama, StudentFamily::Nova, StudentFamily::OpenAi})
        if (studentFamilyName(family) == name)
            return family;
    return std::nullopt;
}

std::string_view studentFamilyName(StudentFamily family) {
    switch (family) {
    case StudentFamily::Claude:
        return "claude";
    case StudentFamily::Llama:
        return "llama";
    case StudentFamily::Nova:
        return "nova";
    case StudentFamily::OpenAi:
        return "openai";
    }
    return "";
}

bool takesConversations(StudentFamily family) {
    return family == StudentFamily::Nova || family == StudentFamily::OpenAi;
}

Expected<json> distillRecord(DistillTarget target, StudentFamily family, const Prompt& prompt,
                             const std::string& answer) {
    const bool bedrock = target == DistillTarget::BedrockConversation;
    json messages = json::array();
    const std::string system = joined(prompt.system);
    if (!bedrock && !system.empty())
        messages.push_back({{"role", "system"}, {"content", system}});
    for (const Message& message : prompt.messages) {
        const std::string text = joined(message.content);
        messages.push_back(bedrock ? bedrockTurn(message.role, text)
                                   : json{{"role", message.role}, {"content", text}});
    }
    messages.push_back(bedrock ? bedrockTurn("assistant", answer)
                               : json{{"role", "assistant"}, {"content", answer}});
    json record;
    if (bedrock) {
        record["schemaVersion"] = kBedrockSchema;
        if (!system.empty())
            record["system"] = json::array({{{"text", system}}});
    }
    record["messages"] = std::move(messages);
    if (auto valid = validateDistillRecord(target, family, record); !valid)
        return valid.error();
    return record;
}

Status validateDistillRecord(DistillTarget target, StudentFamily family, const json& record) {
    const bool bedrock = target == DistillTarget::BedrockConversation;
    if (!record.is_object())
        return Error{"", 0, "", "a record is a JSON object"};
    if (bedrock && record.value("schemaVersion", "") != kBedrockSchema)
        return Error{"", 0, "schemaVersion", "must be '" + std::string(kBedrockSchema) + "'"};
    if (bedrock && record.contains("system")) {
        if (!record["system"].is_array())
            return Error{"", 0, "system", "must be a list of text blocks"};
        for (size_t i = 0; i < record["system"].size(); ++i)
            if (!record["system"][i].is_object() || !record["system"][i].contains("text") ||
                !record["system"][i]["text"].is_string())
                return Error{"", 0, "system[" + std::to_string(i) + "].text", "must be a string"};
    }
    if (!record.contains("messages") || !record["messages"].is_array())
        return Error{"", 0, "messages", "must be a list"};
    const json& messages = record["messages"];
    size_t first = 0;
    if (!bedrock && !messages.empty() && messages[0].value("role", "") == "system")
        first = 1;
    int userTurns = 0;
    for (size_t i = first; i < messages.size(); ++i) {
        const std::string path = "messages[" + std::to_string(i) + "]";
        const std::string wanted = (i - first) % 2 == 0 ? "user" : "assistant";
        if (!messages[i].is_object() || messages[i].value("role", "") != wanted)
            return Error{"", 0, path + ".role",
                         "must be '" + wanted + "': turns alternate from user to assistant"};
        auto text = turnText(target, messages[i], path);
        if (!text)
            return text.error();
        if (text->find_first_not_of(" \t\r\n") == std::string::npos)
            return Error{"", 0, path + ".content", "is empty"};
        userTurns += wanted == "user";
    }
    if (messages.size() <= first || messages.back().value("role", "") != "assistant")
        return Error{"", 0, "messages", "must end with the assistant's answer"};
    if (!takesConversations(family) && userTurns > 1)
        return Error{"", 0, "messages",
                     std::string("a ") + std::string(studentFamilyName(family)) +
                         " student takes single-turn records, and this prompt is a "
                         "conversation"};
    return success();
}

} // namespace switchyard
