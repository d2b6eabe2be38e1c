#include "cache/detail/lint_prompt.h"

#include "cache/detail/hash.h"

namespace switchyard::cache_detail {

// The text with every volatile value replaced by a placeholder naming its kind.
std::string withoutVolatileValues(std::string_view text,
                                  const std::vector<VolatileMatch>& matches) {
    std::string out;
    out.reserve(text.size());
    size_t at = 0;
    for (const VolatileMatch& match : matches) {
        out.append(text.substr(at, match.begin - at));
        out += '\x01';
        out += static_cast<char>('0' + static_cast<int>(match.kind));
        at = match.end;
    }
    out.append(text.substr(at));
    return out;
}

// The key the near-identical rule compares system prompts by, also how applyFix recognises them.
uint64_t systemVariantKey(const Prompt& prompt, std::string* normalised) {
    std::string joined;
    for (size_t b = 0; b < prompt.system.size(); ++b) {
        if (b > 0)
            joined += '\n';
        joined += prompt.system[b].text;
    }
    std::string text =
        normaliseWhitespace(withoutVolatileValues(joined, findVolatileValues(joined)));
    const uint64_t key = hashBytes(text);
    if (normalised)
        *normalised = std::move(text);
    return key;
}

// Index of the final user message (the last with role "user"), or nullopt.
std::optional<size_t> finalUserMessage(const Prompt& prompt) {
    for (size_t m = prompt.messages.size(); m-- > 0;)
        if (prompt.messages[m].role == "user")
            return m;
    return std::nullopt;
}

ContentBlock* blockAt(Prompt& prompt, const LintLocation& where) {
    if (where.block < 0)
        return nullptr;
    const auto block = static_cast<size_t>(where.block);
    if (where.message < 0) {
        if (where.segment != SegmentKind::System || block >= prompt.system.size())
            return nullptr;
        return &prompt.system[block];
    }
    const auto message = static_cast<size_t>(where.message);
    if (message >= prompt.messages.size() || block >= prompt.messages[message].content.size())
        return nullptr;
    return &prompt.messages[message].content[block];
}

ContentBlock* blockOf(Prompt& prompt, const SegmentSource& source) {
    if (source.block < 0)
        return nullptr;
    if (source.message < 0)
        return &prompt.system[static_cast<size_t>(source.block)];
    return &prompt.messages[static_cast<size_t>(source.message)]
                .content[static_cast<size_t>(source.block)];
}

} // namespace switchyard::cache_detail
