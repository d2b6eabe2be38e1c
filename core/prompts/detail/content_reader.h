#pragma once

#include "common/expected.h"
#include "prompts/prompt.h"

#include "prompts/detail/json_dom.h"

#include <string>
#include <string_view>
#include <vector>

namespace switchyard::detail {

// Where a field sits in a record ("modelInput.messages[1].content[0]"), written out only when an
// error names it: reading a valid record builds no path strings. A path refers to its parent
// and its root, so it lives no longer than they do (a call's argument).
class FieldPath {
public:
    explicit FieldPath(const std::string& root) : m_root(&root) {}

    FieldPath child(std::string_view name) const { return FieldPath(this, name, kNoIndex); }
    FieldPath at(size_t index) const { return FieldPath(this, {}, index); }
    std::string str() const;
    // An error's field: this path and what follows it.
    std::string operator+(std::string_view suffix) const { return str() + std::string(suffix); }

private:
    static constexpr size_t kNoIndex = static_cast<size_t>(-1);
    FieldPath(const FieldPath* parent, std::string_view name, size_t index)
        : m_parent(parent), m_name(name), m_index(index) {}

    const std::string* m_root = nullptr;
    const FieldPath* m_parent = nullptr;
    std::string_view m_name; // ".content", with its dot
    size_t m_index = kNoIndex;
};

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
    Status readBlocks(JsonValue content, const FieldPath& path, Target target);
    Status readBlock(JsonValue block, const FieldPath& path, Target target);
    Status markPreviousBlock(JsonValue cachePoint, const FieldPath& path);
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
