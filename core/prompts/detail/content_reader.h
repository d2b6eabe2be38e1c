#pragma once

#include "common/expected.h"
#include "prompts/prompt.h"

#include "prompts/detail/json_dom.h"

#include <string>
#include <vector>

namespace switchyard::detail {

// Reads the system text and the turns of the chat shapes (OpenAI, Anthropic, Bedrock Converse)
// into a Prompt. One reader per prompt, because a Bedrock cachePoint marks whatever block came
// before it, possibly in the system part or an earlier turn.
class ContentReader {
public:
    explicit ContentReader(Prompt& prompt) : m_prompt(prompt) {}

    // A string, or an array of text blocks. `path` names the field in error messages.
    Status readSystem(JsonValue value, const std::string& path);
    // An array of {"role", "content"}; system and developer turns go to Prompt::system.
    Status readMessages(JsonValue value, const std::string& path);

    // Evidence of the wire shape, for PromptShape: {"text"} / cachePoint blocks are Converse,
    // cache_control and tool_use/tool_result blocks are Anthropic.
    bool sawConverseBlocks() const { return m_sawConverse; }
    bool sawAnthropicBlocks() const { return m_sawAnthropic; }

private:
    enum class Target { System, LastMessage };
    Status readBlocks(JsonValue content, const std::string& path, Target target);
    Status readBlock(JsonValue block, const std::string& path, Target target);
    Status markPreviousBlock(JsonValue cachePoint, const std::string& path);
    void push(Target target, std::string text);
    std::vector<ContentBlock>& list(Target target);

    Prompt& m_prompt;
    bool m_hasLastBlock = false;
    Target m_lastTarget = Target::System;
    size_t m_lastMessage = 0;
    bool m_sawConverse = false;
    bool m_sawAnthropic = false;
};

// "field 'x' must be <what>", naming the field in both Error::field and the message.
Error mustBe(const std::string& path, const char* what);
Error missingField(const std::string& path);
std::string indexed(const std::string& path, size_t index);

} // namespace switchyard::detail
