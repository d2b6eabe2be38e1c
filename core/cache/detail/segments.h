#pragma once

#include "cache/cache_simulator.h"
#include "cache/request_trace.h"
#include "pricing/model_price.h"
#include "prompts/prompt.h"
#include "prompts/token_estimate.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace switchyard::cache_detail {

// Where a segment's text came from in its Prompt: tools (message -1, block -1), system block
// (message -1, block b), or block b of message m.
struct SegmentSource {
    int message = -1;
    int block = -1;
    std::string_view text;
};

// The segments of a prompt (see traceRequestFromPrompt), and optionally where each came from.
// The views in `sources` point into `prompt`.
void segmentPrompt(const Prompt& prompt, TokenizerFamily family, std::vector<TraceSegment>& out,
                   std::vector<SegmentSource>* sources);

// Index of the first segment of the final user turn (segments.size() when there is none).
size_t firstUserTurnSegment(std::span<const TraceSegment> segments);

struct PlacedCheckpoint {
    uint32_t segment = 0;
    bool oneHour = false;
    bool fromMark = false;
};

struct PlacementFlags {
    bool overLimit = false;
    bool ttlOrderFixed = false;
    bool oneHourDowngraded = false;
};

// Explicit caching: steps 1-4 of the SEMANTICS in cache_simulator.h (placement, limit, 1-hour
// availability, TTL order), ascending by segment; the minimum is left to the caller.
void placeCheckpoints(std::span<const TraceSegment> segments, const ModelPrice& model,
                      const CheckpointPlacement& placement, std::vector<PlacedCheckpoint>& out,
                      PlacementFlags& flags);

// Checkpoint statistics rows: one per SegmentKind (the kind of segment a checkpoint ends), then
// one for automatic caching. A checkpoint's info byte is its row, plus kOneHourBit.
constexpr uint8_t kAutomaticRow = kSegmentKinds;
constexpr int kRowCount = kSegmentKinds + 1;
constexpr uint8_t kOneHourBit = 0x80;
constexpr uint8_t kLookupOnlyBit = 0x40; // looked up, never written (explicit-caching lookback)
constexpr uint8_t kRowMask = 0x3f;
std::string_view rowLabel(int row); // "after system", ..., "automatic prefix"

} // namespace switchyard::cache_detail
