#include "cache/cache_simulator.h"

#include "cache/detail/hash.h"
#include "cache/detail/segments.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace switchyard {

namespace {

using namespace cache_detail;

uint64_t groupKey(uint32_t modelSlot, uint32_t tagSet, bool longContext) {
    return (static_cast<uint64_t>(modelSlot) << 33) | (static_cast<uint64_t>(tagSet) << 1) |
           (longContext ? 1 : 0);
}

// The cache a request belongs to: its model slot and account. Prefix hashes are chained from it,
// so two models or two accounts never share an entry.
uint64_t scopeSeed(uint32_t modelSlot, uint32_t account) {
    return hashCombine(hashCombine(0x5ca1ab1e0ddba11ULL, modelSlot), account);
}

int64_t roundDownToStep(int64_t tokens) {
    return tokens / kAutomaticCacheStepTokens * kAutomaticCacheStepTokens;
}

} // namespace

namespace cache_detail {

std::string_view rowLabel(int row) {
    switch (row) {
    case 0:
        return "after tools";
    case 1:
        return "after system";
    case 2:
        return "after examples";
    case 3:
        return "after history";
    case 4:
        return "after user turn";
    default:
        return "automatic prefix";
    }
}

} // namespace cache_detail

CacheMode cacheModeFor(const ModelPrice& model) {
    if (!model.supportsCaching)
        return CacheMode::None;
    return model.maxCacheCheckpoints > 0 ? CacheMode::Explicit : CacheMode::Automatic;
}

Expected<CheckpointPlacement> parseCheckpointPlacement(std::string_view text) {
    CheckpointPlacement placement;
    placement.fromPrompts = false;
    size_t start = 0;
    bool any = false;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string_view::npos)
            comma = text.size();
        std::string_view word = text.substr(start, comma - start);
        while (!word.empty() && word.front() == ' ')
            word.remove_prefix(1);
        while (!word.empty() && word.back() == ' ')
            word.remove_suffix(1);
        if (word == "prompt")
            placement.fromPrompts = true;
        else if (word == "after_tools")
            placement.afterTools = true;
        else if (word == "after_system")
            placement.afterSystem = true;
        else if (word == "after_history")
            placement.afterHistory = true;
        else if (word != "none")
            return Error{{},
                         0,
                         "checkpoints",
                         "unknown checkpoint placement '" + std::string(word) +
                             "' (expected prompt, after_tools, after_system, after_history or "
                             "none)"};
        any = true;
        start = comma + 1;
    }
    if (!any)
        return Error{{}, 0, "checkpoints", "no checkpoint placement given"};
    return placement;
}

std::string checkpointPlacementName(const CheckpointPlacement& placement) {
    std::string name;
    auto add = [&name](bool on, const char* word) {
        if (!on)
            return;
        if (!name.empty())
            name += ',';
        name += word;
    };
    add(placement.fromPrompts, "prompt");
    add(placement.afterTools, "after_tools");
    add(placement.afterSystem, "after_system");
    add(placement.afterHistory, "after_history");
    return name.empty() ? "none" : name;
}

Expected<CacheWorkload> compileWorkload(const RequestTrace& trace,
                                        std::span<const ModelPrice> models,
                                        const CheckpointPlacement& placement) {
    if (models.empty())
        return Error{{}, 0, "model", "no model to simulate"};
    CacheWorkload w;
    w.m_models.assign(models.begin(), models.end());
    w.m_placement = placement;
    std::vector<CacheMode> modes;
    for (const ModelPrice& model : models) {
        modes.push_back(cacheModeFor(model));
        if (modes.back() == CacheMode::Explicit && placement.ttl == CacheTtl::OneHour &&
            !(model.cacheWrite1hMultiplier > 0.0))
            return Error{{},
                         0,
                         "ttl",
                         "'" + model.id +
                             "' offers no 1-hour cache TTL (the catalogue has no 1-hour write "
                             "price); use 5m"};
        w.m_slotTtlMs.push_back(ttlSeconds(placement.ttl) * 1000);
    }
    for (size_t t = 0; t < trace.tagSetCount(); ++t)
        w.m_tagSets.push_back(trace.tagSet(static_cast<uint32_t>(t)));
    w.m_rowBelowMinimum.assign(kRowCount, 0);

    const size_t n = trace.size();
    w.m_promptTokens.reserve(n);
    w.m_group.reserve(n);
    w.m_automatic.reserve(n);
    w.m_cpBegin.reserve(n + 1);
    std::unordered_map<uint64_t, uint32_t> groupIds;
    std::vector<PlacedCheckpoint> placed;
    std::vector<int64_t> cumulative;
    std::vector<uint64_t> prefixHash;
    enum class Role : uint8_t { None, LookupOnly, Write };
    std::vector<Role> role;
    std::vector<bool> oneHour;

    for (size_t i = 0; i < n; ++i) {
        const uint32_t slot = trace.modelSlot(i);
        if (slot >= models.size())
            return Error{{},
                         0,
                         "model",
                         "request '" + trace.id(i) + "' names model slot " + std::to_string(slot) +
                             " but " + std::to_string(models.size()) + " model(s) were given"};
        const ModelPrice& model = models[slot];
        const CacheMode mode = modes[slot];
        const auto segments = trace.segments(i);

        cumulative.resize(segments.size());
        prefixHash.resize(segments.size());
        uint64_t hash = scopeSeed(slot, trace.accountId(i));
        int64_t tokens = 0;
        for (size_t k = 0; k < segments.size(); ++k) {
            tokens += segments[k].tokens;
            // Content only, not the kind: the final user turn of one request is a history turn of
            // the next, and the same bytes at the same place are the same prefix.
            hash = hashCombine(hash, segments[k].contentHash);
            cumulative[k] = tokens;
            prefixHash[k] = hash == 0 ? 1 : hash;
        }
        w.m_promptTokens.push_back(tokens);
        w.m_automatic.push_back(mode == CacheMode::Automatic ? 1 : 0);

        const bool longContext =
            model.longContext.present() && tokens > model.longContext.thresholdTokens;
        const auto [groupIt, newGroup] =
            groupIds.try_emplace(groupKey(slot, trace.tagSetId(i), longContext),
                                 static_cast<uint32_t>(w.m_groups.size()));
        if (newGroup)
            w.m_groups.push_back({slot, trace.tagSetId(i), longContext});
        w.m_group.push_back(groupIt->second);

        if (mode == CacheMode::Explicit) {
            PlacementFlags flags;
            placeCheckpoints(segments, model, placement, placed, flags);
            w.m_diagnostics.requestsOverCheckpointLimit += flags.overLimit ? 1 : 0;
            w.m_diagnostics.requestsWithTtlOrderFixed += flags.ttlOrderFixed ? 1 : 0;
            w.m_diagnostics.requestsWithOneHourDowngraded += flags.oneHourDowngraded ? 1 : 0;
            if (placed.empty())
                ++w.m_diagnostics.requestsWithoutCheckpoints;
            // Written at the placed checkpoints; looked up there and at the boundaries up to
            // kCheckpointLookbackSegments before each.
            role.assign(segments.size(), Role::None);
            oneHour.assign(segments.size(), false);
            bool anyCacheable = false;
            for (const PlacedCheckpoint& checkpoint : placed) {
                const size_t k = checkpoint.segment;
                if (cumulative[k] < model.minCacheableTokens || cumulative[k] <= 0) {
                    ++w.m_rowBelowMinimum[static_cast<size_t>(segments[k].kind)];
                    continue;
                }
                anyCacheable = true;
                role[k] = Role::Write;
                oneHour[k] = checkpoint.oneHour;
                const size_t first = k > kCheckpointLookbackSegments
                                         ? k - static_cast<size_t>(kCheckpointLookbackSegments)
                                         : 0;
                for (size_t j = first; j < k; ++j)
                    if (role[j] == Role::None && cumulative[j] >= model.minCacheableTokens &&
                        cumulative[j] > 0) {
                        role[j] = Role::LookupOnly;
                        oneHour[j] = checkpoint.oneHour; // a hit refreshes it by this TTL
                    }
            }
            for (size_t k = 0; k < segments.size(); ++k) {
                if (role[k] == Role::None)
                    continue;
                w.m_cpKey.push_back(prefixHash[k]);
                w.m_cpTokens.push_back(cumulative[k]);
                w.m_cpInfo.push_back(static_cast<uint8_t>(segments[k].kind) |
                                     (oneHour[k] ? kOneHourBit : 0) |
                                     (role[k] == Role::LookupOnly ? kLookupOnlyBit : 0));
            }
            if (!placed.empty() && !anyCacheable)
                ++w.m_diagnostics.requestsBelowMinimum;
        } else if (mode == CacheMode::Automatic) {
            bool anyCacheable = false;
            for (size_t k = 0; k < segments.size(); ++k) {
                const int64_t cached = roundDownToStep(cumulative[k]);
                if (cumulative[k] < model.minCacheableTokens || cached <= 0)
                    continue;
                anyCacheable = true;
                w.m_cpKey.push_back(prefixHash[k]);
                w.m_cpTokens.push_back(cached);
                w.m_cpInfo.push_back(kAutomaticRow);
            }
            if (!anyCacheable) {
                ++w.m_rowBelowMinimum[kAutomaticRow];
                ++w.m_diagnostics.requestsBelowMinimum;
            }
        }
        w.m_cpBegin.push_back(static_cast<uint32_t>(w.m_cpKey.size()));
    }

    std::vector<uint64_t> keys = w.m_cpKey;
    std::sort(keys.begin(), keys.end());
    w.m_distinctKeys = static_cast<size_t>(std::unique(keys.begin(), keys.end()) - keys.begin());
    return w;
}

} // namespace switchyard
