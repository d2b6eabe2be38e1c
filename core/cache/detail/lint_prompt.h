#pragma once

// What the linter's detection and its fixes both need to know about a prompt's blocks.

#include "cache/cache_linter.h"
#include "cache/detail/segments.h"
#include "prompts/prompt.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::cache_detail {

// The text with every volatile value replaced by a placeholder naming its kind.
std::string withoutVolatileValues(std::string_view text, const std::vector<VolatileMatch>& matches);
// The key the near-identical rule compares system prompts by, also how applyFix recognises
// them; `normalised` receives the text the key was made from.
uint64_t systemVariantKey(const Prompt& prompt, std::string* normalised = nullptr);
// Index of the final user message (the last with role "user"), or nullopt.
std::optional<size_t> finalUserMessage(const Prompt& prompt);
// The block a finding or a segment points at, or null when the prompt has no such block.
ContentBlock* blockAt(Prompt& prompt, const LintLocation& where);
ContentBlock* blockOf(Prompt& prompt, const SegmentSource& source);

} // namespace switchyard::cache_detail
