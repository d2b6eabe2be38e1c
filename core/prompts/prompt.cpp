#include "prompts/prompt.h"

namespace switchyard {

const char* shapeName(PromptShape shape) {
    switch (shape) {
    case PromptShape::Plain:
        return "plain";
    case PromptShape::OpenAiChat:
        return "openai-chat";
    case PromptShape::AnthropicMessages:
        return "anthropic-messages";
    case PromptShape::BedrockConverse:
        return "bedrock-converse";
    case PromptShape::BedrockBatch:
        return "bedrock-batch";
    case PromptShape::BedrockDistillation:
        return "bedrock-distillation";
    case PromptShape::OpenAiBatch:
        return "openai-batch";
    case PromptShape::Csv:
        return "csv";
    }
    return "unknown";
}

namespace {

std::string joinedText(const std::vector<ContentBlock>& blocks) {
    std::string text;
    for (const auto& block : blocks) {
        if (!text.empty())
            text += "\n";
        text += block.text;
    }
    return text;
}

} // namespace

std::string Prompt::lastUserText() const {
    for (auto it = messages.rbegin(); it != messages.rend(); ++it)
        if (it->role == "user")
            return joinedText(it->content);
    return {};
}

std::string Prompt::systemText() const {
    return joinedText(system);
}

std::string Prompt::allText() const {
    std::string text;
    auto append = [&text](const std::string& piece) {
        if (!text.empty())
            text += "\n";
        text += piece;
    };
    for (const auto& block : system)
        append(block.text);
    for (const auto& message : messages)
        for (const auto& block : message.content)
            append(block.text);
    return text;
}

} // namespace switchyard
