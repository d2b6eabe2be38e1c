// The cacheability linter's detection: what in a prompt set keeps prefixes from being reused
// (fixes: cache_linter_fixes.cpp; what each finding costs: cache_linter_pricing.cpp).
#include "cache/cache_linter.h"

#include "cache/detail/hash.h"
#include "cache/detail/lint_prompt.h"
#include "cache/detail/segments.h"
#include "common/text_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

namespace switchyard {

namespace {

using namespace cache_detail;

constexpr size_t kSampleIds = 5;
constexpr size_t kMaxStoredSystemVariants = 2000;
constexpr double kNearIdenticalSpan = 0.10; // differing span / longer text
constexpr size_t kVolatileKinds = 5;

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

// At most `maxBytes` of `text` from `begin`, both ends moved back to UTF-8 character starts so
// an example never splits a character (JSON output would refuse it).
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

// The line of `text` holding byte `at`, at most 160 bytes of it.
std::string lineAround(std::string_view text, size_t at) {
    size_t start = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    size_t stop = text.find('\n', at);
    if (stop == std::string_view::npos)
        stop = text.size();
    return utf8Slice(text, start, std::min<size_t>(stop - start, 160));
}

void addSample(std::vector<std::string>& ids, const std::string& id) {
    if (ids.size() < kSampleIds && std::find(ids.begin(), ids.end(), id) == ids.end())
        ids.push_back(id);
}

void mergeSamples(std::vector<std::string>& into, const std::vector<std::string>& from) {
    for (const std::string& id : from)
        addSample(into, id);
}

} // namespace

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

struct CacheLinter::State {
    LintOptions options;
    TokenizerFamily family = TokenizerFamily::Generic;
    CacheMode mode = CacheMode::None;

    std::vector<TraceSegment> segments;
    std::vector<SegmentSource> sources;
    std::vector<PlacedCheckpoint> placed;

    struct Location {
        LintLocation where;
        std::array<std::string, kVolatileKinds> example; // first line holding each kind
    };
    std::unordered_map<uint64_t, Location> locations;

    // Requests with the same text at a location once volatile values and whitespace are
    // normalised: does a kind's value differ between them?
    struct VolatileGroup {
        uint64_t location = 0;
        int64_t requests = 0;
        std::array<uint64_t, kVolatileKinds> firstValue{};
        uint8_t present = 0;
        uint8_t varies = 0;
        std::vector<std::string> ids;
    };
    std::unordered_map<uint64_t, VolatileGroup> volatileGroups;

    // Requests whose text at a location (or tool definitions) is the same once normalised: do
    // they differ before normalising?
    struct VariantGroup {
        uint64_t location = 0;
        int64_t requests = 0;
        uint64_t firstVariant = 0;
        bool varies = false;
        std::vector<std::string> ids;
    };
    std::unordered_map<uint64_t, VariantGroup> whitespaceGroups;
    std::unordered_map<uint64_t, VariantGroup> toolGroups;
    std::unordered_map<uint64_t, uint64_t> canonicalTools; // raw hash -> canonical hash (0: bad)

    struct SystemVariant {
        int64_t requests = 0;
        bool stored = false;
        std::string normalised;
        std::vector<ContentBlock> blocks;
        std::vector<std::string> ids;
    };
    std::unordered_map<uint64_t, SystemVariant> systemVariants;
    size_t storedSystemVariants = 0;

    struct RequestRule {
        int64_t requests = 0;
        std::vector<std::string> ids;
        int64_t largestPrefixTokens = 0;
    };
    RequestRule belowMinimum, noCheckpoint, overLimit, ttlOrder;

    void add(const Prompt& prompt);
    std::vector<LintFinding> finish();
    size_t cacheablePrefixEnd(PlacementFlags& flags);
};

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

std::vector<LintFinding> CacheLinter::State::finish() {
    std::vector<LintFinding> findings;

    // Volatile values, per (location, kind).
    std::map<std::pair<uint64_t, size_t>, LintFinding> volatileFindings;
    for (const auto& [key, group] : volatileGroups) {
        for (size_t index = 0; index < kVolatileKinds; ++index) {
            if (!((group.varies >> index) & 1u))
                continue;
            LintFinding& finding = volatileFindings[{group.location, index}];
            finding.affectedRequests += group.requests;
            mergeSamples(finding.samplePromptIds, group.ids);
        }
    }
    for (auto& [key, finding] : volatileFindings) {
        const Location& location = locations.at(key.first);
        const auto kind = static_cast<VolatileKind>(key.second);
        finding.kind = LintKind::VolatileContent;
        finding.volatileKind = kind;
        finding.where = location.where;
        finding.example = location.example[key.second];
        finding.title = std::string(volatileKindName(kind)) + " in " + location.where.label;
        finding.detail = "The " + std::string(volatileKindName(kind)) +
                         " changes between requests that are otherwise identical here, so every "
                         "value starts a new cached prefix: what follows it is written to the "
                         "cache again instead of read.";
        finding.autoFixable = location.where.segment != SegmentKind::Tools;
        finding.fix = finding.autoFixable
                          ? "Move the line holding the " + std::string(volatileKindName(kind)) +
                                " after the last cache checkpoint (to the end of the user turn)."
                          : "Take the " + std::string(volatileKindName(kind)) +
                                " out of the tool definitions, or pin it to a fixed value.";
        findings.push_back(std::move(finding));
    }

    // Whitespace-only variants, per location.
    std::map<uint64_t, LintFinding> whitespaceFindings;
    for (const auto& [key, group] : whitespaceGroups) {
        if (!group.varies)
            continue;
        LintFinding& finding = whitespaceFindings[group.location];
        finding.affectedRequests += group.requests;
        mergeSamples(finding.samplePromptIds, group.ids);
    }
    for (auto& [location, finding] : whitespaceFindings) {
        finding.kind = LintKind::WhitespaceVariants;
        finding.where = locations.at(location).where;
        finding.title = "whitespace-only differences in " + finding.where.label;
        finding.detail = "Versions of this block differ only in spaces, tabs, line ends or blank "
                         "lines. The cache compares exact text, so each version is a different "
                         "prefix.";
        finding.fix = "Normalise the whitespace of this block (one space between words, no "
                      "trailing spaces, at most one blank line).";
        finding.autoFixable = true;
        findings.push_back(std::move(finding));
    }

    // Tool definitions that are the same JSON written differently.
    {
        LintFinding finding;
        for (const auto& [key, group] : toolGroups) {
            if (!group.varies)
                continue;
            finding.affectedRequests += group.requests;
            mergeSamples(finding.samplePromptIds, group.ids);
        }
        if (finding.affectedRequests > 0) {
            finding.kind = LintKind::ToolSchemaVariants;
            finding.where = LintLocation{SegmentKind::Tools, -1, -1, "tools"};
            finding.title = "tool definitions vary in key order or formatting";
            finding.detail = "The same tool schemas are serialised differently between requests "
                             "(key order, spacing). Tools come first in the prompt, so every "
                             "cached prefix after them breaks too.";
            finding.fix = "Serialise tool definitions canonically: sorted keys, no whitespace.";
            finding.autoFixable = true;
            findings.push_back(std::move(finding));
        }
    }

    // System prompts with many near-identical variants.
    {
        const SystemVariant* canonical = nullptr;
        for (const auto& [key, variant] : systemVariants)
            if (variant.stored && (!canonical || variant.requests > canonical->requests ||
                                   (variant.requests == canonical->requests &&
                                    variant.normalised < canonical->normalised)))
                canonical = &variant;
        LintFinding finding;
        std::string example;
        if (canonical) {
            const std::string& a = canonical->normalised;
            for (const auto& [key, variant] : systemVariants) {
                if (!variant.stored || &variant == canonical)
                    continue;
                const std::string& b = variant.normalised;
                size_t prefix = 0;
                while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
                    ++prefix;
                size_t suffix = 0;
                while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
                       a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
                    ++suffix;
                const size_t longer = std::max(a.size(), b.size());
                const size_t span = longer - prefix - suffix;
                if (static_cast<double>(span) > kNearIdenticalSpan * static_cast<double>(longer))
                    continue;
                finding.variantKeys.push_back(key);
                finding.affectedRequests += variant.requests;
                mergeSamples(finding.samplePromptIds, variant.ids);
                if (example.empty()) {
                    auto middle = [prefix, suffix](const std::string& text) {
                        return "\"" +
                               utf8Slice(text, prefix,
                                         std::min<size_t>(text.size() - prefix - suffix, 60)) +
                               "\"";
                    };
                    example = middle(a) + " vs " + middle(b);
                }
            }
        }
        if (finding.variantKeys.size() >= 2) {
            std::sort(finding.variantKeys.begin(), finding.variantKeys.end());
            finding.kind = LintKind::NearIdenticalSystemPrompts;
            finding.where = LintLocation{SegmentKind::System, -1, -1, "system prompt"};
            finding.title = std::to_string(finding.variantKeys.size() + 1) +
                            " near-identical system prompt variants";
            finding.detail = "These system prompts differ from the most common one in a short "
                             "span only, yet each is cached separately and pays its own writes.";
            finding.example = example;
            finding.fix = "Pin one version of the system prompt (the most common, used by " +
                          withThousands(canonical->requests) +
                          " requests); move what must differ after the checkpoint.";
            finding.autoFixable = true;
            finding.pinnedSystem = canonical->blocks;
            findings.push_back(std::move(finding));
        }
    }

    const std::string checkpointLimit = std::to_string(options.model.maxCacheCheckpoints);
    auto requestFinding = [&findings](LintKind kind, const RequestRule& rule, std::string title,
                                      std::string detail, std::string fix, bool autoFixable,
                                      std::string example = {}) {
        if (rule.requests == 0)
            return;
        LintFinding finding;
        finding.kind = kind;
        finding.where = LintLocation{SegmentKind::UserTurn, -1, -1, "requests"};
        finding.title = std::move(title);
        finding.detail = std::move(detail);
        finding.fix = std::move(fix);
        finding.example = std::move(example);
        finding.autoFixable = autoFixable;
        finding.affectedRequests = rule.requests;
        finding.samplePromptIds = rule.ids;
        findings.push_back(std::move(finding));
    };
    const std::string minimum = withThousands(options.model.minCacheableTokens);
    requestFinding(
        LintKind::PrefixBelowMinimum, belowMinimum,
        "cacheable prefix below the model's minimum of " + minimum + " tokens",
        mode == CacheMode::Automatic
            ? "These prompts are shorter than the " + minimum +
                  " tokens from which the provider caches, so nothing of them is ever cached."
            : "Every checkpoint of these requests ends a prefix shorter than " + minimum +
                  " tokens: the provider caches none of it (and charges nothing extra).",
        "Place the checkpoint later (after the conversation history) so the prefix reaches " +
            minimum + " tokens, or use a model with a lower minimum.",
        false, "largest prefix: " + withThousands(belowMinimum.largestPrefixTokens) + " tokens");
    requestFinding(LintKind::NoCheckpoint, noCheckpoint, "no cache checkpoint",
                   "This model caches only at explicit checkpoints (cache_control, cachePoint) "
                   "and these requests have none.",
                   "Add a checkpoint after the system prompt.", true);
    requestFinding(LintKind::TooManyCheckpoints, overLimit,
                   "more than " + checkpointLimit + " cache checkpoints",
                   "The provider rejects a request with more than " + checkpointLimit +
                       " checkpoints. The simulation kept the last " + checkpointLimit + ".",
                   "Keep the last " + checkpointLimit + " checkpoints.", true);
    requestFinding(LintKind::TtlOrder, ttlOrder, "1-hour checkpoint after a 5-minute one",
                   "1-hour checkpoints must come before 5-minute ones; the provider rejects the "
                   "request otherwise. The simulation treated the later ones as 5-minute.",
                   "Make 1-hour checkpoints that follow a 5-minute one 5-minute checkpoints.",
                   true);

    for (LintFinding& finding : findings) {
        finding.placement = options.placement;
        finding.maxCacheCheckpoints = options.model.maxCacheCheckpoints;
        finding.oneHourTtlAvailable = options.model.cacheWrite1hMultiplier > 0.0;
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const LintFinding& a, const LintFinding& b) {
                         if (a.affectedRequests != b.affectedRequests)
                             return a.affectedRequests > b.affectedRequests;
                         if (a.kind != b.kind)
                             return a.kind < b.kind;
                         return a.where.label < b.where.label;
                     });
    return findings;
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
