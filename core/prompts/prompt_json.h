#pragma once

#include "common/expected.h"
#include "prompts/prompt.h"

#include <string>
#include <string_view>

namespace switchyard {

// The workspace's own representation of a prompt's structure (system blocks, messages, tools),
// stored in the prompts table. Id, expected answer, tags and timestamp live in their own columns.
std::string messagesToJson(const Prompt& prompt);
Status messagesFromJson(std::string_view json, Prompt& prompt);

std::string tagsToJson(const std::vector<std::string>& tags);
std::vector<std::string> tagsFromJson(std::string_view json);

} // namespace switchyard
