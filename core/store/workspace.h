#pragma once

#include "common/error.h"
#include "common/expected.h"
#include "pricing/usage.h"
#include "prompts/prompt.h"
#include "store/records.h"
#include "store/sqlite.h"
#include "traffic/traffic_rows.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace switchyard {

// A score to store for a recorded result, found by (run, prompt row, model).
struct ScoreRecord {
    int64_t promptId = 0; // prompts.id
    std::string modelRef;
    std::string scorer; // "imported", "exact-match", "judge:<model>", ...
    double score = 0.0;
    std::string detail; // why, when the scorer says (a judge's reason); empty: none
};

// Where a prompt of a set is, by the id it has in its file.
struct PromptKeyMatch {
    int64_t rowId = 0;                // prompts.id
    std::optional<int64_t> estTokens; // the stored generic input-token estimate
};

// One recorded result as replay reads it (Workspace::forEachRunResult): numbers, no text unless
// asked for.
struct RunResultRow {
    int64_t promptOrdinal = 0;
    int64_t promptId = 0; // prompts.id
    int64_t modelId = 0;  // models.id; Workspace::runModels() names it
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    std::optional<double> latencyMs;
    std::optional<double> costUsd;
    std::string errorClass; // empty when the call succeeded
    std::optional<double> score;
    std::optional<double> confidence; // ResultRecord::confidence
    std::string output;               // only when asked for
};

// A successful answer kept for identical requests: the runner's response cache
// (workspace_runs.cpp), keyed by a hash of the request as it went on the wire.
struct CachedResponse {
    std::string requestHash;
    std::string modelRef;
    std::string output;
    Usage usage;
    std::string stopReason;
    std::string pricedModel; // CallResult::pricedModel of the original call
    std::optional<double> latencyMs;
};

// A run's results of one model with one error class (empty: the successful ones), summed.
// A result with attempts = 0 and no error was answered from the response cache.
struct RunResultTotals {
    std::string modelRef;
    std::string errorClass;
    int64_t results = 0;
    int64_t cached = 0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    double costUsd = 0.0;
    double cachedCostUsd = 0.0; // the part of costUsd that cache hits account for
};

// A run's failed results of one error class (Workspace::runErrorGroups).
struct RunErrorGroup {
    std::string errorClass;
    int64_t results = 0;
    std::vector<std::pair<std::string, int64_t>> models; // ref -> failed results, most first
    // Distinct provider messages -> results, most frequent first, at most maxExamples.
    std::vector<std::pair<std::string, int64_t>> examples;
};

// A model's successful answers over every run of the workspace (cache hits left out).
struct OutputHistory {
    int64_t answers = 0;
    double meanOutputTokens = 0.0;
};

// What a model's answers took, over every run: successful calls actually made (no cache hits,
// no imported answers without a latency).
struct ModelTiming {
    int64_t answers = 0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    double latencySeconds = 0.0;
};

// What Workspace::claimRun is asked: the run to execute (a given id, else the newest provider run
// of the set with these parameters, complete ones only when includeComplete), else a new run.
struct RunClaimRequest {
    int64_t setId = 0;
    std::string paramsJson;
    bool includeComplete = false;
    std::optional<int64_t> runId;  // claim exactly this run
    std::optional<RunInfo> create; // created when no run matches; none = nothing to claim
    RunLease lease;                // the claimant
};

// What a claim found: the run now leased to the claimant, or the live holder that refused it.
struct RunClaim {
    std::optional<RunInfo> run; // claimed (status "running", lease = the claimant's)
    bool created = false;
    std::optional<RunInfo> refused; // the run another live runner holds (its lease filled in)
};

// A cheap summary of what the pages list, to tell which part another process changed
// (Workspace::changeStamp). Each part is opaque: compare for equality only.
struct ChangeStamp {
    std::string sets;    // prompt sets and their prompts
    std::string runs;    // runs, their statuses and holders
    std::string results; // recorded results
    bool operator==(const ChangeStamp&) const = default;
};

// The cost of one result priced by the catalogue entry `pricedModel`; nullopt when the entry
// has no price for that usage.
using ResultCostFunction =
    std::function<std::optional<double>(const std::string& pricedModel, const Usage& usage)>;

// What a re-pricing did: results priced by the catalogue, those whose cost changed, and those
// left without a cost (their model has no price now).
struct RepriceCounts {
    int64_t priced = 0;
    int64_t changed = 0;
    int64_t unpriced = 0;
};

// One result in full, for a detail pane: the whole answer, why the call failed, and every
// score it has (each scorer's name with its version, and a judge's reason when it gave one).
struct ResultDetail {
    std::string output;
    std::string errorClass;
    std::string errorMessage;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    struct Score {
        std::string scorer;
        double score = 0.0;
        std::string detail;
    };
    std::vector<Score> scores; // by scorer name
};

struct PolicyRecord {
    std::string name;
    std::string yaml;
    std::string createdAt;
};

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
    // Changes whenever another connection (another process, a worker thread) commits to the
    // file; one cheap pragma, for polling (workspace_changes.cpp).
    int64_t dataVersion() const;
    // A few index lookups; read it when dataVersion() moved.
    ChangeStamp changeStamp() const;

    // Prompt sets
    Expected<int64_t> createPromptSet(const std::string& name, const std::string& source,
                                      bool synthetic = false);
    std::optional<int64_t> findPromptSet(const std::string& name) const;
    // A name not yet used: `base`, else "base (2)", "base (3)", ...
    std::string uniqueSetName(const std::string& base) const;
    std::vector<PromptSetInfo> promptSets() const;
    std::optional<PromptSetInfo> promptSet(int64_t setId) const;
    Status deletePromptSet(int64_t setId);
    // Where the set came from, as the UI names it (a file path, "bundled demo").
    Status setPromptSetSource(int64_t setId, const std::string& source);
    // Golden sets (workbench/golden_ops.h decides the versions): the versions, oldest first,
    // and marking or unmarking, with a new version recorded in the same transaction.
    std::vector<GoldenVersion> goldenVersions(int64_t setId) const;
    Status setGolden(int64_t setId, bool golden, const std::optional<GoldenVersion>& added);

    // Local students (workspace_students.cpp). Saving replaces a student of the same name in one
    // statement, so a reader sees the old one or the new one. The list is newest first, without
    // the models' bytes.
    Status saveStudent(const StoredStudent& student);
    std::optional<StoredStudent> student(const std::string& name) const;
    std::vector<StoredStudent> students() const;

    // Appends prompts after the set's last ordinal, in one transaction. A prompt whose id is
    // already in the set is not inserted; it is returned as a rejection naming its line.
    Expected<AppendOutcome> appendPrompts(int64_t setId, std::span<const Prompt> prompts,
                                          const std::string& sourceFile);
    // Production traffic (workspace_traffic.cpp): each request's prompt appended to the set and
    // its recorded result (results[i] answers prompts[i]; promptId is filled in) stored in the
    // run, in one transaction, so a kill never leaves a request without its cost. A request whose
    // id is already in the set was imported before: neither is stored again, and it is returned
    // as a rejection naming its line.
    Expected<AppendOutcome> appendTraffic(int64_t setId, int64_t runId,
                                          std::span<const Prompt> prompts,
                                          std::span<ResultRecord> results,
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
    // A runner's group commit, one transaction: the results, their response-cache entries, and
    // what they cost added to the run's spend.
    Status recordRunResults(int64_t runId, std::span<const ResultRecord> results,
                            std::span<const CachedResponse> cached, double spentUsd);

    // Run leases (workspace_leases.cpp, store/run_lease.h). Atomic: two runners claiming at once
    // never both get the same run, nor both create one.
    Expected<RunClaim> claimRun(const RunClaimRequest& request);
    // Refreshes the holder's heartbeat. False when the lease is no longer the holder's (it went
    // silent for kLeaseExpiryMs and another runner took the run over).
    Expected<bool> heartbeatLease(int64_t runId, const std::string& token);
    // Writes the run's final status and gives its lease up, in one transaction.
    Status finishRun(int64_t runId, const std::string& token, const std::string& status,
                     const std::string& paramsJson);
    // Gives the lease up and leaves the status as it is ("running" reads back as "interrupted").
    Status releaseLease(int64_t runId, const std::string& token);
    int64_t resultCount(int64_t runId) const;
    bool hasResults(int64_t runId) const; // one index probe, where resultCount counts them all

    // Recorded results for importers and replay (workspace_results_query.cpp).
    std::optional<RunInfo> run(int64_t runId) const;
    Status setRunStatus(int64_t runId, const std::string& status, const std::string& paramsJson);
    Status renameRun(int64_t runId, const std::string& name);
    // The recorded requests of the set's traffic runs, in arrival order (workspace_traffic.cpp).
    Expected<TrafficRows> trafficRows(int64_t setId) const;
    // Removes a run that holds no results (an import that found nothing new); one with results
    // is left as it is.
    Status deleteEmptyRun(int64_t runId);
    // One entry per key: the prompt of the set with that id, or nullopt.
    std::vector<std::optional<PromptKeyMatch>>
    findPromptsByKey(int64_t setId, std::span<const std::string> keys) const;
    // Inserts (or replaces) scores of results already in the run, in one transaction; a score
    // whose result is not in the run is an error naming the prompt and model.
    Status insertScores(int64_t runId, std::span<const ScoreRecord> scores);
    // Every result of a run in one query. `scorer` empty: each result's most recent score,
    // whatever its scorer. `visit` returns false to stop early.
    Status forEachRunResult(int64_t runId, const std::string& scorer, bool withOutput,
                            const std::function<bool(const RunResultRow&)>& visit) const;
    // models.id -> ref, for the models a run has results of, ordered by ref.
    std::vector<std::pair<int64_t, std::string>> runModels(int64_t runId) const;
    // The scorers that scored results of a run, ordered by name.
    std::vector<std::string> runScorers(int64_t runId) const;
    std::optional<ResultDetail> resultDetail(int64_t runId, int64_t modelId,
                                             int64_t promptId) const;
    // Prompt rows (prompts.id) whose answer in the run contains `text` (case-insensitive for
    // ASCII, as LIKE is).
    std::vector<int64_t> searchRunOutputs(int64_t runId, const std::string& text) const;
    // Prompt rows of the set whose id, text or tags contain `text`.
    std::vector<int64_t> searchPromptIds(int64_t setId, const std::string& text) const;

    // Provider runs: resuming, the response cache, summaries (workspace_runs.cpp).
    // The newest run of kind "provider" over the set whose params_json is exactly paramsJson;
    // complete runs only when includeComplete.
    std::optional<RunInfo> findProviderRun(int64_t setId, const std::string& paramsJson,
                                           bool includeComplete) const;
    // Every result of a run as (model, prompt row, failed), ordered by model id, then prompt id.
    Status forEachRunPair(
        int64_t runId,
        const std::function<void(int64_t modelId, int64_t promptId, bool failed)>& visit) const;
    // (ordinal, prompts.id) of up to `limit` prompts after `afterOrdinal`, in ordinal order:
    // short reads, so a long run never holds a read snapshot that keeps the WAL growing.
    std::vector<std::pair<int64_t, int64_t>> promptIdPage(int64_t setId, int64_t afterOrdinal,
                                                          int limit) const;
    OutputHistory outputHistory(const std::string& modelRef) const;
    ModelTiming modelTiming(const std::string& modelRef) const;
    std::optional<CachedResponse> cachedResponse(const std::string& requestHash) const;
    // Inserts or replaces, in one transaction.
    Status putCachedResponses(std::span<const CachedResponse> responses);
    // Per model and error class, ordered by model ref.
    std::vector<RunResultTotals> runResultTotals(int64_t runId) const;
    // A run's failures per error class, most results first (workspace_errors.cpp).
    std::vector<RunErrorGroup> runErrorGroups(int64_t runId, int maxExamples = 3) const;

    // Routing policies (YAML), by unique name. Saving a name again replaces it.
    Status savePolicy(const std::string& name, const std::string& yaml);
    std::optional<PolicyRecord> policy(const std::string& name) const;
    std::vector<PolicyRecord> policies() const;

    // Price overrides: one JSON catalogue entry per model id (see pricing/), and the results
    // priced by them (workspace_prices.cpp). Saving or removing an override alone leaves the
    // recorded costs as they are; changePrices re-prices them in the same transaction.
    Status savePriceOverride(const std::string& modelId, const std::string& priceJson);
    // Many at once, in one transaction (a LiteLLM import brings thousands).
    Status savePriceOverrides(std::span<const PriceOverride> overrides);
    Status removePriceOverride(const std::string& modelId);
    std::vector<PriceOverride> priceOverrides() const;
    // Saves `save`, removes `remove`, then gives every result whose cost came from the catalogue
    // (ResultRecord::pricedModel) the cost `pricing` returns for it, all in one transaction, so
    // no reader sees new prices beside old costs. `pricing` is handed the overrides as they are
    // after the change and returns the function that prices one result.
    Expected<RepriceCounts>
    changePrices(std::span<const PriceOverride> save, std::span<const std::string> remove,
                 const std::function<ResultCostFunction(std::span<const PriceOverride>)>& pricing);
    // How many results keep the cost they were recorded with: given by their file, or from
    // before workspace version 6 and not exactly the catalogue's (no price change touches them).
    int64_t resultsWithRecordedCosts() const;

    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;
    ~Workspace();

private:
    explicit Workspace(sql::Database db);
    // Inside a transaction of the caller's.
    Status insertResultRows(int64_t runId, std::span<const ResultRecord> results);
    Status insertPromptRows(int64_t setId, std::span<const Prompt> prompts,
                            const std::string& sourceFile, AppendOutcome& outcome);
    Status insertCachedResponses(std::span<const CachedResponse> responses);

    sql::Database m_db;
};

} // namespace switchyard
