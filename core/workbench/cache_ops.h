#pragma once

// The Cache Lab operation of the workbench: a prompt set of a workspace through runCacheLab,
// with the truth check against the newest real run that recorded cache tokens. switchyard-cli
// cache and the Cache Lab page call it, so a set gives the same figures in both.

#include "cache/cache_lab.h"
#include "common/cancel.h"
#include "common/expected.h"
#include "pricing/catalogue.h"
#include "prompts/prompt.h"
#include "store/workspace.h"

#include <memory>
#include <string>
#include <vector>

namespace switchyard::workbench {

using SetPrompts = std::shared_ptr<const std::vector<Prompt>>;

struct CacheOutcome {
    CacheLabReport report;
    // The set's prompts when they were read to lint (or given): the page keeps them, so the
    // next evaluation of the same set does not read the workspace again.
    SetPrompts prompts;
};

// `settings.model` is a catalogue reference; `settings.recorded` is filled here. `prompts`:
// the set's prompts already in memory, or null to read them (streamed into a trace unless
// settings.lint needs the prompts themselves). "the prompt set is empty" for an empty set.
Expected<CacheOutcome> evaluateCache(const Workspace& workspace, const Catalogue& catalogue,
                                     int64_t setId, CacheLabSettings settings,
                                     SetPrompts prompts = nullptr,
                                     const CancelToken* cancel = nullptr,
                                     const Progress& progress = {});

struct FixedSet {
    int64_t setId = 0;
    std::string name; // "<set> (fixed: <kind>)", made unique
};

// A copy of the set with the finding's fix applied, stored as a new prompt set named after the
// original and the fix; the original is left as it was. The Cache Lab's "Apply fix to a copy".
Expected<FixedSet> copyWithFix(Workspace& workspace, int64_t setId, const std::string& setName,
                               const LintFinding& finding);

} // namespace switchyard::workbench
