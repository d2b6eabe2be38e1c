#pragma once

#include "common/error.h"
#include "common/expected.h"
#include "prompts/prompt.h"
#include "store/records.h"
#include "store/sqlite.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace switchyard {

// One workspace file: prompt sets, runs and their results, scores, policies, price overrides.
// The store is the only code that touches SQLite. Not thread-safe: one Workspace per thread.
class Workspace {
public:
    enum class OpenMode { CreateIfMissing, ExistingOnly };

    // Fails, without modifying the file, when it is not a workspace, is corrupt, or was written
    // by a newer version of Switchyard.
    static Expected<std::unique_ptr<Workspace>> open(const std::string& path,
                                                     OpenMode mode = OpenMode::CreateIfMissing);

    const std::string& path() const { return m_db.path(); }
    int schemaVersion() const;

    // Prompt sets
    Expected<int64_t> createPromptSet(const std::string& name, const std::string& source,
                                      bool synthetic = false);
    std::optional<int64_t> findPromptSet(const std::string& name) const;
    // A name not yet used: `base`, else "base (2)", "base (3)", ...
    std::string uniqueSetName(const std::string& base) const;
    std::vector<PromptSetInfo> promptSets() const;
    Status deletePromptSet(int64_t setId);
    // Where the set came from, as the UI names it (a file path, "bundled demo").
    Status setPromptSetSource(int64_t setId, const std::string& source);

    // Appends prompts after the set's last ordinal, in one transaction. A prompt whose id is
    // already in the set is not inserted; it is returned as a rejection naming its line.
    Expected<AppendOutcome> appendPrompts(int64_t setId, std::span<const Prompt> prompts,
                                          const std::string& sourceFile);
    int64_t promptCount(int64_t setId) const;
    // Rows for a table, ordered by ordinal, starting after `afterOrdinal` (keyset paging keeps a
    // million-row set as fast at the end as at the start).
    std::vector<PromptRow> promptRows(int64_t setId, int64_t afterOrdinal, int limit) const;
    Expected<Prompt> prompt(int64_t setId, int64_t ordinal) const;
    // Streams every prompt of a set in ordinal order with one query (simulators and exporters);
    // `visit` returns false to stop early.
    Status forEachPrompt(int64_t setId,
                         const std::function<bool(int64_t ordinal, Prompt&& prompt)>& visit) const;
    PromptSetStats promptSetStats(int64_t setId) const;

    // Search over id, preview text and tags (case-insensitive substring): the ordinals of the
    // matching prompts, in order. Scans the set, so callers run it off the GUI thread.
    std::vector<int64_t> searchPromptOrdinals(int64_t setId, const std::string& text) const;
    // Rows with firstOrdinal <= ordinal <= lastOrdinal, restricted to a search when `text` is
    // not empty: with the matching ordinals known, a page of results is one short range scan.
    std::vector<PromptRow> promptRowsBetween(int64_t setId, int64_t firstOrdinal,
                                             int64_t lastOrdinal, const std::string& text) const;

    Status recordRejections(int64_t setId, std::span<const Error> rejections);
    std::vector<Error> rejections(int64_t setId) const;

    // Models, runs and results
    Expected<int64_t> modelIdForRef(const std::string& ref);
    Expected<int64_t> createRun(const RunInfo& run);
    std::vector<RunInfo> runs() const;
    // Inserts (or replaces, for the same run, prompt and model) a batch in one transaction.
    Status insertResults(int64_t runId, std::span<const ResultRecord> results);
    int64_t resultCount(int64_t runId) const;

    // Price overrides: one JSON catalogue entry per model id (see pricing/).
    Status savePriceOverride(const std::string& modelId, const std::string& priceJson);
    // Many at once, in one transaction (a LiteLLM import brings thousands).
    Status savePriceOverrides(std::span<const PriceOverride> overrides);
    Status removePriceOverride(const std::string& modelId);
    std::vector<PriceOverride> priceOverrides() const;

    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;
    ~Workspace();

private:
    explicit Workspace(sql::Database db);

    sql::Database m_db;
};

} // namespace switchyard
