// The cacheability linter's detection, observing prompts: what in a prompt set keeps prefixes
// from being reused (the state it gathers: detail/cache_linter_state.h; turning that into
// findings: cache_linter_findings.cpp; fixes: cache_linter_fixes.cpp; what each finding costs:
// cache_linter_pricing.cpp).
#include "cache/cache_linter.h"

#include "cache/detail/cache_linter_state.h"
#include "cache/detail/hash.h"
#include "cache/detail/lint_prompt.h"
#include "cache/detail/segments.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace switchyard {

using namespace cache_detail;

namespace {

constexpr size_t kSampleIds = 5;
constexpr size_t kMaxStoredSystemVariants = 2000;

uint64_t locationKey(SegmentKind kind, int message, int block) {
    return hashCombine(
        hashCombine(static_cast<uint64_t>(kind) + 1, static_cast<uint64_t>(message + 1)),
        static_cast<uint64_t>(block + 1));
}

LintLocation locationOf(const Prompt& prompt, SegmentKind kind, const SegmentSource& source) {
    LintLocation where;
    where.segment = kind;
    where.message = source.message;
    where.block = source.block;
    if (kind == SegmentKind::Tools)
        where.label = "tools";
    else if (source.message < 0)
        where.label = "system block " + std::to_string(source.block + 1);
    else
        where.label = "message " + std::to_string(source.message + 1) + " (" +
                      prompt.messages[static_cast<size_t>(source.message)].role + ") block " +
                      std::to_string(source.block + 1);
    return where;
}

// The line of `text` holding byte `at`, at most 160 bytes of it.
std::string lineAround(std::string_view text, size_t at) {
    size_t start = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    size_t stop = text.find('\n', at);
    if (stop == std::string_view::npos)
        stop = text.size();
    return utf8Slice(text, start, std::min<size_t>(stop - start, 160));
}

} // namespace

namespace cache_detail {

std::string utf8Slice(std::string_view text, size_t begin, size_t maxBytes) {
    const auto continuation = [&text](size_t at) {
        return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
    };
    while (begin > 0 && continuation(begin))
        --begin;
    size_t end = std::min(text.size(), begin + maxBytes);
    while (end > begin && continuation(end))
        --end;
    return std::string(text.substr(begin, end - begin));
}

void addSample(std::vector<std::string>& ids, const std::string& id) {
    if (ids.size() < kSampleIds && std::find(ids.begin(), ids.end(), id) == ids.end())
        ids.push_back(id);
}

} // namespace cache_detail

std::string_view lintKindName(LintKind kind) {
    switch (kind) {
    case LintKind::VolatileContent:
        return "volatile_content";
    case LintKind::ToolSchemaVariants:
        return "tool_schema_variants";
    case LintKind::WhitespaceVariants:
        return "whitespace_variants";
    case LintKind::NearIdenticalSystemPrompts:
        return "near_identical_system_prompts";
    case LintKind::PrefixBelowMinimum:
        return "prefix_below_minimum";
    case LintKind::NoCheckpoint:
        return "no_checkpoint";
    case LintKind::TooManyCheckpoints:
        return "too_many_checkpoints";
    case LintKind::TtlOrder:
        return "ttl_order";
    }
    return "volatile_content";
}

std::string_view volatileKindName(VolatileKind kind) {
    switch (kind) {
    case VolatileKind::Timestamp:
        return "timestamp";
    case VolatileKind::Date:
        return "date";
    case VolatileKind::Uuid:
        return "uuid";
    case VolatileKind::RequestId:
        return "request id";
    case VolatileKind::Number:
        return "number";
    }
    return "number";
}

size_t CacheLinter::State::cacheablePrefixEnd(PlacementFlags& flags) {
    flags = {};
    placed.clear();
    if (mode == CacheMode::Explicit) {
        placeCheckpoints(segments, options.model, options.placement, placed, flags);
        return placed.empty() ? 0 : placed.back().segment + 1;
    }
    if (mode == CacheMode::Automatic)
        return firstUserTurnSegment(segments);
    return 0;
}

void CacheLinter::State::add(const Prompt& prompt) {
    segmentPrompt(prompt, family, segments, &sources);
    PlacementFlags flags;
    const size_t prefixEnd = cacheablePrefixEnd(flags);

    // Request-level rules.
    if (mode == CacheMode::Explicit) {
        auto count = [&prompt](RequestRule& rule) {
            ++rule.requests;
            addSample(rule.ids, prompt.id);
        };
        if (flags.overLimit)
            count(overLimit);
        if (flags.ttlOrderFixed)
            count(ttlOrder);
        if (placed.empty()) {
            count(noCheckpoint);
        } else {
            int64_t prefix = 0;
            for (size_t k = 0; k <= placed.back().segment; ++k)
                prefix += segments[k].tokens;
            if (prefix < options.model.minCacheableTokens) {
                count(belowMinimum);
                belowMinimum.largestPrefixTokens =
                    std::max(belowMinimum.largestPrefixTokens, prefix);
            }
        }
    } else if (mode == CacheMode::Automatic) {
        int64_t total = 0;
        for (const TraceSegment& segment : segments)
            total += segment.tokens;
        if (total < options.model.minCacheableTokens) {
            ++belowMinimum.requests;
            addSample(belowMinimum.ids, prompt.id);
            belowMinimum.largestPrefixTokens = std::max(belowMinimum.largestPrefixTokens, total);
        }
    }

    // Location rules over the cacheable prefix.
    bool systemInPrefix = false;
    for (size_t k = 0; k < prefixEnd; ++k) {
        const SegmentKind kind = segments[k].kind;
        if (kind == SegmentKind::UserTurn)
            continue;
        systemInPrefix |= kind == SegmentKind::System;
        const SegmentSource& source = sources[k];
        const uint64_t where = locationKey(kind, source.message, source.block);
        auto [locationIt, newLocation] = locations.try_emplace(where);
        if (newLocation)
            locationIt->second.where = locationOf(prompt, kind, source);

        const std::vector<VolatileMatch> matches = findVolatileValues(source.text);
        const std::string stable = withoutVolatileValues(source.text, matches);
        const std::string normalised = normaliseWhitespace(stable);
        const uint64_t normalisedHash = hashBytes(normalised);
        if (!matches.empty()) {
            std::array<uint64_t, kVolatileKinds> values{};
            uint8_t present = 0;
            for (const VolatileMatch& match : matches) {
                const auto index = static_cast<size_t>(match.kind);
                values[index] = hashCombine(
                    values[index],
                    hashBytes(source.text.substr(match.begin, match.end - match.begin)));
                present |= static_cast<uint8_t>(1u << index);
                if (locationIt->second.example[index].empty())
                    locationIt->second.example[index] = lineAround(source.text, match.begin);
            }
            VolatileGroup& group = volatileGroups[hashCombine(where, normalisedHash)];
            if (group.requests == 0) {
                group.location = where;
                group.firstValue = values;
                group.present = present;
            } else {
                for (size_t index = 0; index < kVolatileKinds; ++index)
                    if ((present >> index) & 1u && values[index] != group.firstValue[index])
                        group.varies |= static_cast<uint8_t>(1u << index);
            }
            ++group.requests;
            addSample(group.ids, prompt.id);
        }
        if (kind == SegmentKind::Tools) {
            const uint64_t raw = hashBytes(source.text);
            auto [canonicalIt, newRaw] = canonicalTools.try_emplace(raw, 0);
            if (newRaw) {
                const auto parsed = nlohmann::json::parse(source.text, nullptr, false);
                if (!parsed.is_discarded())
                    canonicalIt->second = hashBytes(parsed.dump()) | 1;
            }
            if (canonicalIt->second != 0) {
                VariantGroup& group = toolGroups[canonicalIt->second];
                if (group.requests == 0)
                    group.firstVariant = raw;
                else if (raw != group.firstVariant)
                    group.varies = true;
                ++group.requests;
                addSample(group.ids, prompt.id);
            }
        } else {
            VariantGroup& group = whitespaceGroups[hashCombine(where, normalisedHash)];
            const uint64_t variant = hashBytes(stable);
            if (group.requests == 0) {
                group.location = where;
                group.firstVariant = variant;
            } else if (variant != group.firstVariant) {
                group.varies = true;
            }
            ++group.requests;
            addSample(group.ids, prompt.id);
        }
    }

    if (systemInPrefix) {
        std::string normalised;
        const uint64_t key = systemVariantKey(prompt, &normalised);
        SystemVariant& variant = systemVariants[key];
        if (variant.requests == 0 && storedSystemVariants < kMaxStoredSystemVariants) {
            variant.stored = true;
            variant.normalised = std::move(normalised);
            variant.blocks = prompt.system;
            ++storedSystemVariants;
        }
        ++variant.requests;
        addSample(variant.ids, prompt.id);
    }
}

CacheLinter::CacheLinter(LintOptions options) : m_state(std::make_unique<State>()) {
    m_state->family = tokenizerFamilyForModel(options.model.id);
    m_state->mode = cacheModeFor(options.model);
    m_state->options = std::move(options);
}

CacheLinter::~CacheLinter() = default;

void CacheLinter::add(const Prompt& prompt) {
    m_state->add(prompt);
}

std::vector<LintFinding> CacheLinter::finish() {
    return m_state->finish();
}

std::vector<LintFinding> lintPrompts(std::span<const Prompt> prompts, const LintOptions& options) {
    CacheLinter linter(options);
    for (const Prompt& prompt : prompts)
        linter.add(prompt);
    return linter.finish();
}

} // namespace switchyard
