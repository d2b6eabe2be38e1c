#pragma once

// Golden sets: a prompt set whose every prompt has an expected answer, marked as the benchmark
// every model change is measured against. Each distinct content it is marked with becomes a
// version (1, 2, ...) with the SHA-256 of the prompts and answers, so a figure can say which
// version of the benchmark it was measured on, and a set changed since says so.
// switchyard-cli golden and the Prompt Sets page call these.

#include "common/expected.h"
#include "store/workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct GoldenStatus {
    int64_t setId = 0;
    std::string setName;
    bool golden = false;
    std::vector<GoldenVersion> versions; // oldest first
    std::string currentSha256;           // of the set as it is now
    int64_t prompts = 0;
    // The version the set's content is now, when it is one of them; empty when the set changed
    // since it was last marked (or was never marked).
    std::optional<int> currentVersion;
};

// Marks the set golden. Refuses, naming the first such prompt, when a prompt has no expected
// answer. A content not seen before becomes a new version; the same content keeps its version.
Expected<GoldenStatus> markGolden(Workspace& workspace, int64_t setId);
// The set stops being golden; its versions are kept.
Expected<GoldenStatus> unmarkGolden(Workspace& workspace, int64_t setId);
Expected<GoldenStatus> goldenStatus(const Workspace& workspace, int64_t setId);

} // namespace switchyard::workbench
