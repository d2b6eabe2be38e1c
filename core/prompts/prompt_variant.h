#pragma once

// A prompt variant: the same prompt set sent to a model with a system prompt or a user-turn
// template of its own. A prompt tuned for one model often works worse on another, so a fair
// comparison pairs each model with the prompt it would get in production ("cheap model with its
// adapted prompt" against "premium model with today's prompt").
//
// Templates name variables as {{name}} (spaces inside the braces allowed):
//   {{prompt}}  the prompt's last user turn, as stored
//   {{system}}  the prompt's system text, as stored
//   {{id}}      the prompt's id
//   {{field}}   any other field of the prompt's record (Prompt::fields): a JSON line's key, a
//               CSV file's column
// A variable the prompt lacks is an error naming the prompt, never an empty string: a template
// that silently lost its customer tier would be measured as worse for the wrong reason.

#include "common/expected.h"
#include "prompts/prompt.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

struct PromptVariant {
    std::string name;                  // letters, digits, '-', '_' or '.'
    std::optional<std::string> system; // replaces the system prompt; empty text removes it
    std::optional<std::string> user;   // replaces the text of the last user turn

    bool operator==(const PromptVariant&) const = default;
};

// The variables a template names, in order of first use, each once; an error for a "{{" that
// does not close or a name with other characters than letters, digits, '_', '-' and '.'.
Expected<std::vector<std::string>> templateVariables(std::string_view text);

// What reports and Compare call a model sent with a variant: "model+variant".
std::string modelWithVariant(const std::string& modelRef, const PromptVariant& variant);

// A usable variant: a valid name, at least one template, templates that parse.
Status checkVariant(const PromptVariant& variant);

// The prompt as the variant sends it. Cache checkpoints stay where the replaced text had them, so
// a variant is cached as its original would be.
Expected<Prompt> applyVariant(const PromptVariant& variant, const Prompt& prompt);

} // namespace switchyard
