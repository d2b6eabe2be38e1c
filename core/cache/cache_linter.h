#pragma once

// The cacheability linter: what in a prompt set breaks shared prefixes, how many requests it
// touches, what it costs, and an automatic fix that rewrites a copy of the prompts so the Cache
// Lab can re-simulate.
//
//   CacheLinter linter({model, placement});
//   workspace.forEachPrompt(setId, [&](int64_t, Prompt&& p) { linter.add(p); return true; });
//   std::vector<LintFinding> findings = linter.finish();
//   priceFindings(findings, prompts, options, arrivals);        // monthlyCostUsd per finding
//   std::vector<Prompt> fixed = applyFix(findings[0], prompts); // then re-simulate `fixed`
//
// RULES
// The cacheable prefix of a request: explicit caching, its segments up to and including its last
// placed checkpoint (after the limit of four, before the minimum); automatic caching, everything
// before the final user turn. Only content there can break a cache.
//
// VolatileContent  A timestamp, date, UUID, request id or other number inside the cacheable
//   prefix whose value differs between requests that are otherwise identical at that location
//   (same text once every volatile value and whitespace run is normalised). A value that never
//   changes (a fixed date, a model version) is not reported. One finding per (location, kind).
//   Fix: the lines holding such a value move out of that block to a new block at the end of the
//   final user turn, after every checkpoint. Volatile content in tool definitions is reported
//   without an automatic fix.
// ToolSchemaVariants  Tool definitions that differ as text but are the same JSON (key order,
//   formatting). Fix: canonical JSON (keys sorted, no whitespace). Prompts read by Switchyard's
//   loaders are canonical already; traces built elsewhere may not be.
// WhitespaceVariants  Blocks at a location that differ only in whitespace (runs of spaces and
//   tabs, line endings, trailing spaces, leading or trailing blank space). Fix: normalise it
//   (a run without a newline becomes one space, one newline stays, two or more become a blank
//   line, the ends are trimmed).
// NearIdenticalSystemPrompts  Three or more system prompt variants (after normalising volatile
//   values and whitespace) of which at least two differ from the most common one in a span of at
//   most 10% of its length. Fix: pin every such variant to the most common one. This changes
//   the wording of the minority: review it before adopting. Up to 2,000 distinct variants are
//   compared.
// PrefixBelowMinimum  Requests whose checkpoints are all shorter than the model's minimum
//   cacheable prefix (automatic caching: whole prompts below it): caching does nothing for them.
//   No automatic fix.
// NoCheckpoint  Explicit-caching model, requests without any checkpoint. Fix: a checkpoint on
//   the last system block (or, without one, on the last block before the final user turn).
// TooManyCheckpoints  More than the model's limit (four); Anthropic and Bedrock reject such a
//   request. Fix: remove the earliest marks until four remain.
// TtlOrder  A 1-hour checkpoint after a 5-minute one (rejected by Anthropic). Fix: such marks
//   become 5-minute marks.

#include "cache/arrivals.h"
#include "cache/cache_simulator.h"
#include "cache/request_trace.h"
#include "common/cancel.h"
#include "common/expected.h"
#include "pricing/model_price.h"
#include "prompts/prompt.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

enum class LintKind {
    VolatileContent,
    ToolSchemaVariants,
    WhitespaceVariants,
    NearIdenticalSystemPrompts,
    PrefixBelowMinimum,
    NoCheckpoint,
    TooManyCheckpoints,
    TtlOrder,
};
std::string_view lintKindName(LintKind kind); // "volatile_content", "tool_schema_variants", ...

enum class VolatileKind { Timestamp, Date, Uuid, RequestId, Number };
std::string_view volatileKindName(VolatileKind kind); // "timestamp", "date", "uuid", ...

// Where in a prompt. message/block are 0-based indices into Prompt::messages and the content
// list (for System, block indexes Prompt::system); -1 when the finding is about the whole
// segment kind ("system prompt", "tools") or whole requests.
struct LintLocation {
    SegmentKind segment = SegmentKind::System;
    int message = -1;
    int block = -1;
    std::string label; // "system block 1", "message 3 (assistant) block 1", "tools", "requests"

    bool operator==(const LintLocation&) const = default;
};

struct LintFinding {
    LintKind kind = LintKind::VolatileContent;
    VolatileKind volatileKind = VolatileKind::Timestamp; // VolatileContent only
    LintLocation where;
    std::string title;                        // "timestamp in system block 1"
    std::string detail;                       // why it breaks the prefix
    std::string example;                      // a line or value from a prompt
    std::vector<std::string> samplePromptIds; // up to 5
    int64_t affectedRequests = 0;
    std::string fix; // what to change, in words
    bool autoFixable = false;
    std::optional<double> monthlyCostUsd; // set by priceFindings for auto-fixable findings

    // What applyFix needs for NearIdenticalSystemPrompts: the pinned system prompt and the
    // (sorted) keys of the variants that are replaced by it.
    std::vector<ContentBlock> pinnedSystem;
    std::vector<uint64_t> variantKeys;
    // The placement and model limits the finding was made under: the checkpoint fixes
    // (NoCheckpoint, TooManyCheckpoints, TtlOrder) place checkpoints again with them.
    CheckpointPlacement placement;
    int64_t maxCacheCheckpoints = 0;
    bool oneHourTtlAvailable = false;
};

struct LintOptions {
    ModelPrice model;
    CheckpointPlacement placement;
};

// Streams prompts; holds per-location summaries, not the prompts.
class CacheLinter {
public:
    explicit CacheLinter(LintOptions options);
    ~CacheLinter();
    CacheLinter(const CacheLinter&) = delete;
    CacheLinter& operator=(const CacheLinter&) = delete;

    void add(const Prompt& prompt);
    // Findings, most affected requests first (ties by kind, then location).
    std::vector<LintFinding> finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

std::vector<LintFinding> lintPrompts(std::span<const Prompt> prompts, const LintOptions& options);

// Rewrites one prompt as the finding's fix says; returns whether it changed anything. Findings
// without an automatic fix change nothing.
bool applyFix(const LintFinding& finding, Prompt& prompt);
// A copy of the prompts with the fix applied.
std::vector<Prompt> applyFix(const LintFinding& finding, std::span<const Prompt> prompts);

// For every auto-fixable finding, what it costs in a 30-day month at the arrivals' rate: the cost
// with caching of the prompts with every OTHER auto-fix applied, minus that with every auto-fix
// applied, per request, times rate x 43,200 minutes (both simulated with the same arrivals).
// Leaving one fix out rather than applying it alone matters when problems compound: with a
// timestamp and a request id in the same block, fixing either alone saves nothing, yet each is
// what stands between the other fixes and the savings. Fails like compileWorkload/simulateCache.
Status priceFindings(std::span<LintFinding> findings, std::span<const Prompt> prompts,
                     const LintOptions& options, const Arrivals& arrivals,
                     const Progress& progress = {}, const CancelToken* cancel = nullptr);

// The scanner the linter uses, exposed for the page's highlighting and for tests.
struct VolatileMatch {
    VolatileKind kind = VolatileKind::Number;
    size_t begin = 0;
    size_t end = 0; // one past the last byte
};
std::vector<VolatileMatch> findVolatileValues(std::string_view text);
std::string normaliseWhitespace(std::string_view text);

} // namespace switchyard
