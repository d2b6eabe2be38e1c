#pragma once

// The record readers over simdjson's DOM (prompts/detail/json_dom.h), apart from records.h so
// that only the bulk readers compile simdjson's header.

#include "common/expected.h"
#include "prompts/detail/json_dom.h"
#include "prompts/prompt.h"

#include <string>

namespace switchyard::detail {

// Builds a prompt from one parsed JSONL record of any supported shape. The Error names the field
// and says what is wrong; the caller adds file and line.
Expected<Prompt> promptFromJson(JsonValue record);

// A provider request body: a chat body (OpenAI, Anthropic, Bedrock Converse), a Responses API
// body ("input", "instructions") or a completion-style body ("prompt", "inputText"). `prefix`
// ("modelInput.") goes before every field an error names.
Status readRequestBody(JsonValue body, const std::string& prefix, Prompt& prompt);

} // namespace switchyard::detail
