#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchyard {

// A piece of text in a system prompt or a message. A cache checkpoint after a block means the
// prefix up to and including this block may be cached (Anthropic cache_control, Bedrock
// cachePoint).
struct ContentBlock {
    std::string text;
    bool cacheCheckpoint = false;
    std::string cacheTtl; // "5m", "1h" or empty (provider default) when cacheCheckpoint is set
};

struct Message {
    std::string role; // "user", "assistant" (system text lives in Prompt::system)
    std::vector<ContentBlock> content;
};

// Which wire shape a prompt was read from; kept so exports can round-trip and the UI can say so.
enum class PromptShape {
    Plain,               // {"prompt": ...}
    OpenAiChat,          // {"messages": [...]}
    AnthropicMessages,   // {"system": ..., "messages": [...]} with cache_control
    BedrockConverse,     // content blocks with cachePoint
    BedrockBatch,        // {"recordId", "modelInput"}
    BedrockDistillation, // {"schemaVersion": "bedrock-conversation-2024", ...}
    OpenAiBatch,         // {"custom_id", "method", "url", "body"}
    Csv,
};

const char* shapeName(PromptShape shape);

// One prompt of a set, with its structure kept: system blocks, turns, checkpoints.
struct Prompt {
    std::string id; // from the file, or generated as "<set>-<ordinal>" when absent
    std::vector<ContentBlock> system;
    std::vector<Message> messages;
    std::string toolsJson; // tool definitions as canonical JSON text, empty when none
    std::optional<std::string> expected;
    std::vector<std::string> tags;
    std::optional<int64_t> timestampMs; // arrival time, Unix epoch milliseconds
    // The record's other scalar fields (a JSON line's keys, a CSV file's columns) as text, for
    // prompt variants' {{variables}} (prompt_variant.h).
    std::map<std::string, std::string> fields;
    PromptShape shape = PromptShape::Plain;
    int64_t sourceLine = 0; // 1-based line (or CSV record start) in the file it was loaded from

    // The last user turn's text, which is what a table shows as "the prompt".
    std::string lastUserText() const;
    std::string systemText() const;
    // All system and message text, for estimates and search.
    std::string allText() const;
};

} // namespace switchyard
