#pragma once

#include "common/cancel.h"
#include "common/expected.h"
#include "prompts/prompt.h"
#include "prompts/token_estimate.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace switchyard {

class Workspace;

// What a request is made of, for prompt caching: an ordered list of segments, each with a token
// count and a hash of its content. Two requests share a cached prefix up to a segment boundary
// exactly when every segment up to it has the same kind and content hash.
//
// The order is the order providers build the prompt in: tools, system, earlier turns, the final
// user turn. Within a segment nothing is compared: a segment that differs in one character
// differs as a whole (the simulator matches prefixes at segment boundaries).

enum class SegmentKind : uint8_t {
    Tools,    // tool definitions
    System,   // one system block
    Examples, // few-shot examples (callers that know them; prompts give History instead)
    History,  // one block of a turn before the final user turn
    UserTurn, // one block of the final user turn (and anything after it, e.g. a prefill)
};
constexpr int kSegmentKinds = 5;

// "tools", "system", "examples", "history", "user_turn"
std::string_view segmentKindName(SegmentKind kind);

enum class CacheTtl : uint8_t { FiveMinutes, OneHour };

constexpr int64_t ttlSeconds(CacheTtl ttl) {
    return ttl == CacheTtl::OneHour ? 3600 : 300;
}
std::string_view cacheTtlName(CacheTtl ttl); // "5m", "1h"
std::optional<CacheTtl> parseCacheTtl(std::string_view text);

// A cache checkpoint at the end of a segment, as the prompt marked it (Anthropic cache_control,
// Bedrock cachePoint). DefaultTtl: marked without a TTL, so the simulation's TTL applies.
enum class CheckpointMark : uint8_t { None, DefaultTtl, FiveMinutes, OneHour };

struct TraceSegment {
    SegmentKind kind = SegmentKind::UserTurn;
    CheckpointMark checkpoint = CheckpointMark::None;
    int64_t tokens = 0;
    // A 64-bit hash of what the provider sees: the text and whatever else changes the bytes of
    // the request there (traceRequestFromPrompt folds in the role and whether the block opens a
    // message). The kind is not part of the prefix: a final user turn is history next turn.
    uint64_t contentHash = 0;

    bool operator==(const TraceSegment&) const = default;
};

// One request as a caller describes it (imported traffic, hand-built traces in tests).
struct TraceRequest {
    std::string id;
    std::vector<TraceSegment> segments;
    std::optional<int64_t> timestampMs; // arrival, Unix epoch milliseconds
    std::vector<std::string> tags;      // workloads; a request counts toward each of its tags
    uint32_t modelSlot = 0;             // index into the models given to compileWorkload
    std::string account;                // caches are per (model, account); empty = one account
};

// A set of requests in compact form: what the simulator compiles from. Built once per prompt set
// and tokenizer family; cheap to keep while the user changes model, TTL, placement or rate.
class RequestTrace {
public:
    void add(const TraceRequest& request);
    void reserve(size_t requests, size_t segments);

    size_t size() const { return m_ids.size(); }
    bool empty() const { return m_ids.empty(); }
    size_t segmentCount() const { return m_segments.size(); }

    std::span<const TraceSegment> segments(size_t request) const {
        return {m_segments.data() + m_segmentBegin[request],
                m_segments.data() + m_segmentBegin[request + 1]};
    }
    const std::string& id(size_t request) const { return m_ids[request]; }
    std::optional<int64_t> timestampMs(size_t request) const;
    uint32_t modelSlot(size_t request) const { return m_modelSlot[request]; }
    // Interned: equal tag lists and accounts share one id.
    uint32_t tagSetId(size_t request) const { return m_tagSet[request]; }
    const std::vector<std::string>& tagSet(uint32_t tagSetId) const { return m_tagSets[tagSetId]; }
    size_t tagSetCount() const { return m_tagSets.size(); }
    uint32_t accountId(size_t request) const { return m_account[request]; }
    const std::string& accountName(uint32_t accountId) const { return m_accounts[accountId]; }
    size_t accountCount() const { return m_accounts.size(); }
    // Sum of the segments' tokens: the request's whole prompt.
    int64_t promptTokens(size_t request) const;

private:
    std::vector<uint32_t> m_segmentBegin{0};
    std::vector<TraceSegment> m_segments;
    std::vector<std::string> m_ids;
    std::vector<int64_t> m_timestampMs; // kNoTimestamp when absent
    std::vector<uint32_t> m_modelSlot;
    std::vector<uint32_t> m_tagSet;
    std::vector<uint32_t> m_account;
    std::vector<std::vector<std::string>> m_tagSets;
    std::unordered_map<std::string, uint32_t> m_tagSetIds;
    std::vector<std::string> m_accounts;
    std::unordered_map<std::string, uint32_t> m_accountIds;
};

// The 64-bit hash the trace builder gives segment content. Callers describing imported traffic
// should hash with it too. Fast, not cryptographic, and not stable across CPU byte orders: never
// store it.
uint64_t contentHash(std::string_view text);

// A prompt as segments: tools (toolsJson), each system block, each block of the earlier turns
// (History), each block of the final user turn and after (UserTurn). Tokens are estimateTokens()
// of each block's text, plus the framing estimatePromptTokens() counts (per request on the first
// segment, per message on the message's first block, the tool-use preamble on the tools
// segment); per-block rounding can make the sum differ from estimatePromptTokens by a token or
// two. Block checkpoints (cacheCheckpoint, cacheTtl "5m"/"1h"/other) become CheckpointMarks.
TraceRequest traceRequestFromPrompt(const Prompt& prompt, TokenizerFamily family);
RequestTrace traceFromPrompts(std::span<const Prompt> prompts, TokenizerFamily family);

// Streams a workspace prompt set (Workspace::forEachPrompt) into a trace.
Expected<RequestTrace> traceFromPromptSet(const Workspace& workspace, int64_t setId,
                                          TokenizerFamily family, const Progress& progress = {},
                                          const CancelToken* cancel = nullptr);

} // namespace switchyard
