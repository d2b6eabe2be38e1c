#pragma once

// A file of prompt variants (prompt_variant.h), YAML, shared by the CLI (run --variants FILE) and
// the Runs page:
//
//   variants:
//     - name: adapted
//       system: You are a support agent. Answer in one sentence.
//       user: |
//         Customer tier: {{tier}}
//         {{prompt}}

#include "common/expected.h"
#include "prompts/prompt_variant.h"

#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

// Errors name the file, the line and the field ("variants[1].user").
Expected<std::vector<PromptVariant>> parseVariantsYaml(std::string_view text,
                                                       const std::string& path);
Expected<std::vector<PromptVariant>> loadVariantsFile(const std::string& path);

std::string variantsToYaml(const std::vector<PromptVariant>& variants);
// Written atomically; refuses variants that would not read back.
Status saveVariantsFile(const std::vector<PromptVariant>& variants, const std::string& path);

} // namespace switchyard
