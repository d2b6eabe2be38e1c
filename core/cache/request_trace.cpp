#include "cache/request_trace.h"

#include "cache/detail/hash.h"
#include "cache/detail/segments.h"
#include "store/workspace.h"

#include <algorithm>
#include <array>
#include <limits>

namespace switchyard {

namespace {

using namespace cache_detail;

constexpr int64_t kNoTimestamp = std::numeric_limits<int64_t>::min();

// The framing estimatePromptTokens adds (per request, per message, tool-use preamble), read back
// from it once per family so the two estimates cannot drift apart.
struct Framing {
    int64_t perRequest = 0;
    int64_t perMessage = 0;
    int64_t toolsOverhead = 0;
};

Framing probeFraming(TokenizerFamily family) {
    Framing framing;
    framing.perRequest = estimatePromptTokens(Prompt{}, family);
    Prompt oneMessage;
    oneMessage.messages.push_back(Message{"user", {}});
    framing.perMessage = estimatePromptTokens(oneMessage, family) - framing.perRequest;
    Prompt tools;
    tools.toolsJson = "[]";
    framing.toolsOverhead =
        estimatePromptTokens(tools, family) - framing.perRequest - estimateTokens("[]", family);
    return framing;
}

const Framing& framingFor(TokenizerFamily family) {
    static const std::array<Framing, 7> kFramings = [] {
        std::array<Framing, 7> framings;
        for (int i = 0; i < 7; ++i)
            framings[static_cast<size_t>(i)] = probeFraming(static_cast<TokenizerFamily>(i));
        return framings;
    }();
    return kFramings[static_cast<size_t>(family)];
}

CheckpointMark markOf(const ContentBlock& block) {
    if (!block.cacheCheckpoint)
        return CheckpointMark::None;
    if (block.cacheTtl == "1h")
        return CheckpointMark::OneHour;
    if (block.cacheTtl == "5m")
        return CheckpointMark::FiveMinutes;
    return CheckpointMark::DefaultTtl;
}

// What a segment's content hash covers besides the text: who said it and whether it opens a
// message, so "[user: A][user: B]" and "[user: A B]" are different prefixes.
enum RoleTag : uint64_t { kToolsTag = 1, kSystemTag = 2, kUserTag = 3, kAssistantTag = 4 };

uint64_t roleTag(const std::string& role) {
    if (role == "user")
        return kUserTag;
    if (role == "assistant")
        return kAssistantTag;
    return hashBytes(role) | 8;
}

std::string joinTags(const std::vector<std::string>& tags) {
    std::string key;
    for (const std::string& tag : tags) {
        key += tag;
        key += '\x1f';
    }
    return key;
}

} // namespace

std::string_view segmentKindName(SegmentKind kind) {
    switch (kind) {
    case SegmentKind::Tools:
        return "tools";
    case SegmentKind::System:
        return "system";
    case SegmentKind::Examples:
        return "examples";
    case SegmentKind::History:
        return "history";
    case SegmentKind::UserTurn:
        return "user_turn";
    }
    return "user_turn";
}

std::string_view cacheTtlName(CacheTtl ttl) {
    return ttl == CacheTtl::OneHour ? "1h" : "5m";
}

std::optional<CacheTtl> parseCacheTtl(std::string_view text) {
    if (text == "5m")
        return CacheTtl::FiveMinutes;
    if (text == "1h")
        return CacheTtl::OneHour;
    return std::nullopt;
}

uint64_t contentHash(std::string_view text) {
    return hashBytes(text);
}

void RequestTrace::reserve(size_t requests, size_t segments) {
    m_segmentBegin.reserve(requests + 1);
    m_segments.reserve(segments);
    m_ids.reserve(requests);
    m_timestampMs.reserve(requests);
    m_modelSlot.reserve(requests);
    m_tagSet.reserve(requests);
    m_account.reserve(requests);
}

void RequestTrace::add(const TraceRequest& request) {
    m_segments.insert(m_segments.end(), request.segments.begin(), request.segments.end());
    m_segmentBegin.push_back(static_cast<uint32_t>(m_segments.size()));
    m_ids.push_back(request.id);
    m_timestampMs.push_back(request.timestampMs.value_or(kNoTimestamp));
    m_modelSlot.push_back(request.modelSlot);

    auto [tagIt, newTags] =
        m_tagSetIds.try_emplace(joinTags(request.tags), static_cast<uint32_t>(m_tagSets.size()));
    if (newTags)
        m_tagSets.push_back(request.tags);
    m_tagSet.push_back(tagIt->second);

    auto [accountIt, newAccount] =
        m_accountIds.try_emplace(request.account, static_cast<uint32_t>(m_accounts.size()));
    if (newAccount)
        m_accounts.push_back(request.account);
    m_account.push_back(accountIt->second);
}

std::optional<int64_t> RequestTrace::timestampMs(size_t request) const {
    const int64_t value = m_timestampMs[request];
    if (value == kNoTimestamp)
        return std::nullopt;
    return value;
}

int64_t RequestTrace::promptTokens(size_t request) const {
    int64_t tokens = 0;
    for (const TraceSegment& segment : segments(request))
        tokens += segment.tokens;
    return tokens;
}

namespace cache_detail {

void segmentPrompt(const Prompt& prompt, TokenizerFamily family, std::vector<TraceSegment>& out,
                   std::vector<SegmentSource>* sources) {
    out.clear();
    if (sources)
        sources->clear();
    const Framing& framing = framingFor(family);
    int64_t pendingFraming = framing.perRequest;
    auto emit = [&](SegmentKind kind, std::string_view text, uint64_t tag, CheckpointMark mark,
                    int64_t extraTokens, int message, int block) {
        TraceSegment segment;
        segment.kind = kind;
        segment.checkpoint = mark;
        segment.tokens = estimateTokens(text, family) + extraTokens + pendingFraming;
        segment.contentHash = hashCombine(hashBytes(text), tag);
        pendingFraming = 0;
        out.push_back(segment);
        if (sources)
            sources->push_back(SegmentSource{message, block, text});
    };

    if (!prompt.toolsJson.empty())
        emit(SegmentKind::Tools, prompt.toolsJson, kToolsTag, CheckpointMark::None,
             framing.toolsOverhead, -1, -1);
    if (!prompt.system.empty())
        pendingFraming += framing.perMessage;
    for (size_t b = 0; b < prompt.system.size(); ++b) {
        const ContentBlock& block = prompt.system[b];
        emit(SegmentKind::System, block.text, (kSystemTag << 1) | (b == 0 ? 1 : 0), markOf(block),
             0, -1, static_cast<int>(b));
    }

    size_t finalUser = prompt.messages.size();
    for (size_t m = prompt.messages.size(); m-- > 0;)
        if (prompt.messages[m].role == "user") {
            finalUser = m;
            break;
        }
    for (size_t m = 0; m < prompt.messages.size(); ++m) {
        const Message& message = prompt.messages[m];
        const SegmentKind kind = m >= finalUser ? SegmentKind::UserTurn : SegmentKind::History;
        pendingFraming += framing.perMessage;
        const uint64_t tag = roleTag(message.role) << 1;
        for (size_t b = 0; b < message.content.size(); ++b) {
            const ContentBlock& block = message.content[b];
            emit(kind, block.text, tag | (b == 0 ? 1 : 0), markOf(block), 0, static_cast<int>(m),
                 static_cast<int>(b));
        }
    }
    // Framing of trailing empty messages (or of a prompt without content) is still input.
    if (pendingFraming > 0) {
        if (out.empty())
            emit(SegmentKind::UserTurn, {}, kUserTag << 1, CheckpointMark::None, 0, -1, -1);
        else
            out.back().tokens += pendingFraming;
    }
}

size_t firstUserTurnSegment(std::span<const TraceSegment> segments) {
    for (size_t k = 0; k < segments.size(); ++k)
        if (segments[k].kind == SegmentKind::UserTurn)
            return k;
    return segments.size();
}

void placeCheckpoints(std::span<const TraceSegment> segments, const ModelPrice& model,
                      const CheckpointPlacement& placement, std::vector<PlacedCheckpoint>& out,
                      PlacementFlags& flags) {
    out.clear();
    flags = {};
    const bool placementOneHour = placement.ttl == CacheTtl::OneHour;
    auto add = [&out](size_t segment, bool oneHour, bool fromMark) {
        for (PlacedCheckpoint& placed : out)
            if (placed.segment == segment) {
                if (fromMark) // a mark's own TTL wins over the placement TTL
                    placed = PlacedCheckpoint{placed.segment, oneHour, true};
                return;
            }
        out.push_back(PlacedCheckpoint{static_cast<uint32_t>(segment), oneHour, fromMark});
    };
    if (placement.fromPrompts)
        for (size_t k = 0; k < segments.size(); ++k) {
            const CheckpointMark mark = segments[k].checkpoint;
            if (mark == CheckpointMark::None)
                continue;
            const bool ownTtl = mark != CheckpointMark::DefaultTtl && !placement.ttlOverridesMarks;
            add(k, ownTtl ? mark == CheckpointMark::OneHour : placementOneHour, true);
        }
    auto lastOfKind = [&segments](SegmentKind kind) -> std::optional<size_t> {
        for (size_t k = segments.size(); k-- > 0;)
            if (segments[k].kind == kind)
                return k;
        return std::nullopt;
    };
    if (placement.afterTools)
        if (auto k = lastOfKind(SegmentKind::Tools))
            add(*k, placementOneHour, false);
    if (placement.afterSystem)
        if (auto k = lastOfKind(SegmentKind::System))
            add(*k, placementOneHour, false);
    if (placement.afterHistory)
        if (const size_t user = firstUserTurnSegment(segments); user > 0)
            add(user - 1, placementOneHour, false);
    std::sort(out.begin(), out.end(), [](const PlacedCheckpoint& a, const PlacedCheckpoint& b) {
        return a.segment < b.segment;
    });

    const auto limit = static_cast<size_t>(std::max<int64_t>(0, model.maxCacheCheckpoints));
    if (limit > 0 && out.size() > limit) {
        out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(out.size() - limit));
        flags.overLimit = true;
    }
    if (!(model.cacheWrite1hMultiplier > 0.0))
        for (PlacedCheckpoint& placed : out)
            if (placed.oneHour) {
                placed.oneHour = false;
                flags.oneHourDowngraded = true;
            }
    bool seenFiveMinutes = false;
    for (PlacedCheckpoint& placed : out) {
        if (!placed.oneHour)
            seenFiveMinutes = true;
        else if (seenFiveMinutes) {
            placed.oneHour = false;
            flags.ttlOrderFixed = true;
        }
    }
}

} // namespace cache_detail

TraceRequest traceRequestFromPrompt(const Prompt& prompt, TokenizerFamily family) {
    TraceRequest request;
    request.id = prompt.id;
    segmentPrompt(prompt, family, request.segments, nullptr);
    request.timestampMs = prompt.timestampMs;
    request.tags = prompt.tags;
    return request;
}

RequestTrace traceFromPrompts(std::span<const Prompt> prompts, TokenizerFamily family) {
    RequestTrace trace;
    trace.reserve(prompts.size(), prompts.size() * 4);
    for (const Prompt& prompt : prompts)
        trace.add(traceRequestFromPrompt(prompt, family));
    return trace;
}

Expected<RequestTrace> traceFromPromptSet(const Workspace& workspace, int64_t setId,
                                          TokenizerFamily family, const Progress& progress,
                                          const CancelToken* cancel) {
    RequestTrace trace;
    const int64_t total = workspace.promptCount(setId);
    trace.reserve(static_cast<size_t>(std::max<int64_t>(0, total)),
                  static_cast<size_t>(std::max<int64_t>(0, total)) * 4);
    int64_t done = 0;
    bool cancelled = false;
    auto status = workspace.forEachPrompt(setId, [&](int64_t, Prompt&& prompt) {
        trace.add(traceRequestFromPrompt(prompt, family));
        if (++done % 4096 == 0) {
            if (cancel && cancel->cancelled()) {
                cancelled = true;
                return false;
            }
            if (progress)
                progress(done, total);
        }
        return true;
    });
    if (!status)
        return status.error();
    if (cancelled)
        return Error{{}, 0, {}, "cancelled"};
    if (progress)
        progress(done, total);
    return trace;
}

} // namespace switchyard
