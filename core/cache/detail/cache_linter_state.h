#pragma once

// What the linter's detection gathers while observing prompts (cache_linter.cpp) and turns into
// findings at the end (cache_linter_findings.cpp).

#include "cache/cache_linter.h"
#include "cache/cache_simulator.h"
#include "cache/detail/segments.h"
#include "prompts/prompt.h"
#include "prompts/token_estimate.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace switchyard::cache_detail {

constexpr size_t kVolatileKinds = 5;

// At most `maxBytes` of `text` from `begin`, both ends moved back to UTF-8 character starts so
// an example never splits a character (JSON output would refuse it).
std::string utf8Slice(std::string_view text, size_t begin, size_t maxBytes);

// Keeps the first few distinct ids only: a finding shows samples, never every request.
void addSample(std::vector<std::string>& ids, const std::string& id);

} // namespace switchyard::cache_detail

namespace switchyard {

struct CacheLinter::State {
    LintOptions options;
    TokenizerFamily family = TokenizerFamily::Generic;
    CacheMode mode = CacheMode::None;

    std::vector<TraceSegment> segments;
    std::vector<cache_detail::SegmentSource> sources;
    std::vector<cache_detail::PlacedCheckpoint> placed;

    struct Location {
        LintLocation where;
        // The first line holding each kind.
        std::array<std::string, cache_detail::kVolatileKinds> example;
    };
    std::unordered_map<uint64_t, Location> locations;

    // Requests with the same text at a location once volatile values and whitespace are
    // normalised: does a kind's value differ between them?
    struct VolatileGroup {
        uint64_t location = 0;
        int64_t requests = 0;
        std::array<uint64_t, cache_detail::kVolatileKinds> firstValue{};
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
    size_t cacheablePrefixEnd(cache_detail::PlacementFlags& flags);
};

} // namespace switchyard
