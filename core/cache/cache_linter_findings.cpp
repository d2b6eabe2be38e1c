// The cacheability linter's findings: what the detection observed over a prompt set, turned into
// LintFinding values (observing the prompts: cache_linter.cpp).
#include "cache/cache_linter.h"

#include "cache/detail/cache_linter_state.h"
#include "common/common_ends.h"
#include "common/text_format.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

namespace switchyard {

using namespace cache_detail;

namespace {

constexpr double kNearIdenticalSpan = 0.10; // differing span / longer text

void mergeSamples(std::vector<std::string>& into, const std::vector<std::string>& from) {
    for (const std::string& id : from)
        addSample(into, id);
}

} // namespace

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
                const auto [prefix, suffix] = commonEnds(a, b);
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

} // namespace switchyard
