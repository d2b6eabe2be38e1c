#pragma once

// A teacher's recorded answers as a distillation or fine-tuning dataset: one record per prompt,
// the prompt's turns followed by the teacher's answer as the assistant turn, in the format a
// provider's customisation job reads, each record checked against that format's documented rules.

#include "common/expected.h"
#include "prompts/prompt.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace switchyard {

enum class DistillTarget {
    BedrockConversation, // Bedrock model distillation: schemaVersion "bedrock-conversation-2024"
    OpenAiFineTuning,    // OpenAI supervised fine-tuning: {"messages": [{role, content}]}
};

// The student family decides what a record may hold: Bedrock's Claude and Llama students take
// single-turn records only (one user turn, then the answer); Nova students and OpenAI models take
// conversations.
enum class StudentFamily { Claude, Llama, Nova, OpenAi };

std::optional<DistillTarget> distillTargetFromName(std::string_view name); // "bedrock", "openai"
std::optional<StudentFamily> studentFamilyFromName(std::string_view name); // "claude", ...
std::string_view studentFamilyName(StudentFamily family);
bool takesConversations(StudentFamily family);

// OpenAI's fine-tuning jobs need at least this many examples.
inline constexpr int64_t kOpenAiMinFineTuningExamples = 10;

// The record for one prompt and its teacher answer; an error says why the prompt cannot be one
// (a conversation for a single-turn student, turns out of order, empty text).
Expected<nlohmann::json> distillRecord(DistillTarget target, StudentFamily family,
                                       const Prompt& prompt, const std::string& answer);

// Checks a record as the provider's validator would: the schema version, roles that alternate
// from user to a final assistant turn, non-empty text, single-turn when the student needs it.
// Errors name the field ("messages[2].role").
Status validateDistillRecord(DistillTarget target, StudentFamily family,
                             const nlohmann::json& record);

} // namespace switchyard
