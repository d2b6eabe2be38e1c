// The linter's one-click fixes, applied to a copy of the prompts (never to the set itself).
#include "cache/cache_linter.h"

#include "cache/detail/lint_prompt.h"
#include "cache/detail/segments.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace switchyard {

using namespace cache_detail;

namespace {

bool moveVolatileLines(const LintFinding& finding, Prompt& prompt) {
    ContentBlock* block = blockAt(prompt, finding.where);
    const auto finalUser = finalUserMessage(prompt);
    if (!block || !finalUser || static_cast<int>(*finalUser) <= finding.where.message)
        return false;
    std::vector<std::string_view> kept;
    std::vector<std::string_view> moved;
    const std::string_view text = block->text;
    size_t start = 0;
    while (start <= text.size()) {
        size_t stop = text.find('\n', start);
        if (stop == std::string_view::npos)
            stop = text.size();
        const std::string_view line = text.substr(start, stop - start);
        const auto matches = findVolatileValues(line);
        const bool volatileLine =
            std::any_of(matches.begin(), matches.end(), [&finding](const VolatileMatch& match) {
                return match.kind == finding.volatileKind;
            });
        (volatileLine ? moved : kept).push_back(line);
        start = stop + 1;
    }
    if (moved.empty())
        return false;
    auto join = [](const std::vector<std::string_view>& lines) {
        std::string joined;
        for (size_t k = 0; k < lines.size(); ++k) {
            if (k > 0)
                joined += '\n';
            joined.append(lines[k]);
        }
        return joined;
    };
    std::string movedText = join(moved);
    block->text = join(kept);
    prompt.messages[*finalUser].content.push_back(ContentBlock{std::move(movedText), false, {}});
    return true;
}

bool canonicaliseTools(Prompt& prompt) {
    if (prompt.toolsJson.empty())
        return false;
    const auto parsed = nlohmann::json::parse(prompt.toolsJson, nullptr, false);
    if (parsed.is_discarded())
        return false;
    std::string canonical = parsed.dump();
    if (canonical == prompt.toolsJson)
        return false;
    prompt.toolsJson = std::move(canonical);
    return true;
}

struct PlacementView {
    std::vector<TraceSegment> segments;
    std::vector<SegmentSource> sources;
    std::vector<PlacedCheckpoint> placed;
    PlacementFlags flags;
};

// Where the finding's model limits and placement put this prompt's checkpoints.
PlacementView placementOf(const Prompt& prompt, const LintFinding& finding) {
    ModelPrice limits;
    limits.maxCacheCheckpoints = finding.maxCacheCheckpoints;
    limits.cacheWrite1hMultiplier = finding.oneHourTtlAvailable ? 1.0 : 0.0;
    PlacementView view;
    segmentPrompt(prompt, TokenizerFamily::Generic, view.segments, &view.sources);
    placeCheckpoints(view.segments, limits, finding.placement, view.placed, view.flags);
    return view;
}

bool addCheckpoint(const LintFinding& finding, Prompt& prompt) {
    PlacementView view = placementOf(prompt, finding);
    if (!view.placed.empty())
        return false;
    const size_t user = firstUserTurnSegment(view.segments);
    std::optional<size_t> target;
    for (size_t k = 0; k < user; ++k)
        if (view.segments[k].kind == SegmentKind::System)
            target = k;
    if (!target && user > 0 && view.segments[user - 1].kind != SegmentKind::Tools)
        target = user - 1;
    ContentBlock* block = target ? blockOf(prompt, view.sources[*target]) : nullptr;
    if (!block)
        return false;
    block->cacheCheckpoint = true;
    return true;
}

bool dropEarliestCheckpoints(const LintFinding& finding, Prompt& prompt) {
    bool changed = false;
    while (true) {
        PlacementView view = placementOf(prompt, finding);
        if (!view.flags.overLimit)
            return changed;
        ContentBlock* earliest = nullptr;
        for (size_t k = 0; k < view.segments.size() && !earliest; ++k)
            if (view.segments[k].checkpoint != CheckpointMark::None)
                earliest = blockOf(prompt, view.sources[k]);
        if (!earliest)
            return changed;
        earliest->cacheCheckpoint = false;
        earliest->cacheTtl.clear();
        changed = true;
    }
}

bool fixTtlOrder(const LintFinding& finding, Prompt& prompt) {
    PlacementView view = placementOf(prompt, finding);
    if (!view.flags.ttlOrderFixed)
        return false;
    bool changed = false;
    bool seenFiveMinutes = false;
    const bool placementOneHour = finding.placement.ttl == CacheTtl::OneHour;
    for (const PlacedCheckpoint& checkpoint : view.placed) {
        const CheckpointMark mark = view.segments[checkpoint.segment].checkpoint;
        const bool ownTtl = checkpoint.fromMark && mark != CheckpointMark::DefaultTtl &&
                            !finding.placement.ttlOverridesMarks;
        const bool askedOneHour = ownTtl ? mark == CheckpointMark::OneHour : placementOneHour;
        if (!askedOneHour) {
            seenFiveMinutes = true;
        } else if (seenFiveMinutes && checkpoint.fromMark) {
            if (ContentBlock* block = blockOf(prompt, view.sources[checkpoint.segment])) {
                block->cacheTtl = "5m";
                changed = true;
            }
        }
    }
    return changed;
}

} // namespace

bool applyFix(const LintFinding& finding, Prompt& prompt) {
    switch (finding.kind) {
    case LintKind::VolatileContent:
        return finding.where.segment != SegmentKind::Tools && moveVolatileLines(finding, prompt);
    case LintKind::ToolSchemaVariants:
        return canonicaliseTools(prompt);
    case LintKind::WhitespaceVariants: {
        ContentBlock* block = blockAt(prompt, finding.where);
        if (!block)
            return false;
        std::string normalised = normaliseWhitespace(block->text);
        if (normalised == block->text)
            return false;
        block->text = std::move(normalised);
        return true;
    }
    case LintKind::NearIdenticalSystemPrompts: {
        if (prompt.system.empty())
            return false;
        const uint64_t key = systemVariantKey(prompt);
        if (!std::binary_search(finding.variantKeys.begin(), finding.variantKeys.end(), key))
            return false;
        prompt.system = finding.pinnedSystem;
        return true;
    }
    case LintKind::PrefixBelowMinimum:
        return false;
    case LintKind::NoCheckpoint:
        return addCheckpoint(finding, prompt);
    case LintKind::TooManyCheckpoints:
        return dropEarliestCheckpoints(finding, prompt);
    case LintKind::TtlOrder:
        return fixTtlOrder(finding, prompt);
    }
    return false;
}

std::vector<Prompt> applyFix(const LintFinding& finding, std::span<const Prompt> prompts) {
    std::vector<Prompt> fixed(prompts.begin(), prompts.end());
    for (Prompt& prompt : fixed)
        applyFix(finding, prompt);
    return fixed;
}

} // namespace switchyard
