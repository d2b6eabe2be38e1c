#pragma once

// The run engine: sends every (prompt, model) pair of a prompt set to the providers once, and
// records each answer in the workspace as it arrives, so the expensive step happens once and
// everything after it replays recorded numbers.
//
// Resume. A run is identified by its set, its models (order aside), their prompt variants and its
// CallParams. Running the same request again continues the newest such run that is not complete:
// pairs it already recorded are never sent again. With retryFailedOnly the newest such run,
// complete or not, re-sends exactly its failed pairs and nothing else. Otherwise a new run starts.
//
// Response cache. Every successful answer is kept under a hash of the request as it goes on the
// wire (provider kind, URL with base/endpoint and model, body with parameters, system, messages
// and tools; never a credential). An identical request later is answered from it without a
// call, unless freshSamples. Such a result is recorded like the original (text, usage, stop
// reason, latency, and cost_usd priced from that usage so replay sees what the answer costs in
// production) with attempts = 0, which marks it as a cache hit; it adds nothing to the money
// spent now (RunProgress::spentUsd), which is what the budget caps.
//
// One runner per run. Before it sends anything the runner claims the run in the workspace (a
// lease naming its process and host, with a heartbeat; store/run_lease.h), atomically with
// finding or creating it. A run another live runner holds is refused with a message naming that
// process, or waited for (waitForLease); a lease whose process is gone is taken over. Different
// runs execute in parallel on one workspace.
//
// Budget. The cap is the run's, over every invocation: what earlier invocations spent
// (RunInfo::spentUsd) counts against it. Before each call: spent + reserved (the maximum cost of
// every call in flight) + the maximum cost of this call must stay <= budgetUsd. When it would not,
// the runner waits for the calls in flight and tries again; when it still does not fit with nothing
// in flight, dispatch stops and the run ends with status "budget". A call's maximum cost prices its
// estimated input times kBudgetInputMargin (as cache writes when the prompt has cache checkpoints)
// and max_tokens of output: the cap holds as long as the token estimate is not off by more than
// that margin.
//
// Concurrency. Each provider's limits.concurrency bounds the calls in flight to that provider;
// each provider has a dispatcher of its own, so a slow provider never holds back a fast one.
//
// Cancel and crashes. A writer thread commits whatever has arrived as soon as it arrives (a group
// commit of everything queued, no timer), and a call counts as in flight until its result is
// committed: after a kill, only the calls in flight can be sent, and paid for, again. Calls cut
// short by a cancel are not recorded, and a later resume sends them.

#include "common/cancel.h"
#include "common/expected.h"
#include "pricing/catalogue.h"
#include "prompts/prompt_variant.h"
#include "providers/call.h"
#include "providers/credentials.h"
#include "providers/providers_file.h"
#include "providers/transport.h"
#include "store/records.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

// Expected output per call when the workspace holds fewer than kMinOutputHistory successful
// answers of the model: most answers end well before max_tokens, and a quarter of it is the
// planning figure until the model's own record says otherwise.
inline constexpr double kDefaultOutputFraction = 0.25;
inline constexpr int64_t kMinOutputHistory = 5;
// The token estimator is a heuristic that errs by a few tens of percent on unusual text; the
// maximum cost of a call (what the budget reserves) takes its input as this much larger.
inline constexpr double kBudgetInputMargin = 1.5;

struct RunRequest {
    std::string workspacePath;
    int64_t setId = 0;
    std::vector<std::string> modelRefs; // "provider/model" as named in the providers file
    CallParams params;
    // Model reference -> the prompt variant its prompts are sent with (prompt_variant.h); a model
    // without one gets the prompts as stored. Part of the run's identity.
    std::map<std::string, PromptVariant> variants;
    // The most the run may spend over all its invocations, in dollars; none = no cap.
    std::optional<double> budgetUsd;
    // Replaces limits.concurrency of every provider the models use: calls in flight at once.
    std::optional<int> concurrency;
    bool retryFailedOnly = false;
    bool freshSamples = false; // send every call even when the response cache has the answer
    ProvidersFile providers;
    CredentialSources credentials;
    TransportOptions transport;
    // Prices: empty = the bundled catalogue with the workspace's price overrides.
    std::optional<Catalogue> catalogue;
    std::string runName; // for a new run; empty = "<set>: <models>"
    int64_t progressIntervalMs = 200;
    // When another live runner holds the run: wait for it to stop (then continue the same run)
    // instead of failing.
    bool waitForLease = false;
};

struct ModelEstimate {
    std::string modelRef;
    int64_t calls = 0;                // pairs this invocation would send
    int64_t inputTokens = 0;          // estimated with the model family's tokenizer, summed
    int64_t expectedOutputTokens = 0; // summed
    int64_t maxOutputTokens = 0;      // calls x max_tokens
    // Expected output per call came from this model's recorded answers (mean of outputHistory
    // answers, capped at max_tokens), not from kDefaultOutputFraction.
    bool outputFromHistory = false;
    int64_t outputHistory = 0;
    double expectedCostUsd = 0.0;
    double maxCostUsd = 0.0; // what the budget guard reserves, summed
};

// What a request would send and cost. Assumes every call is sent: response-cache hits make the
// real figure lower.
struct RunEstimate {
    std::optional<int64_t> resumeRunId; // the run this continues; none = a new run
    int64_t prompts = 0;                // in the set
    int64_t alreadyRecorded = 0;        // results the resumed run keeps (not sent again)
    double alreadySpentUsd = 0.0;       // what the resumed run has paid so far: counts to a budget
    std::optional<RunLease> heldBy;     // a live runner executing the run right now
    int64_t calls = 0;
    std::vector<ModelEstimate> models; // in the order of RunRequest::modelRefs
    double expectedCostUsd = 0.0;
    double maxCostUsd = 0.0;
};

// Fails naming the problem: an unknown set, a model the providers file does not list, missing
// credentials, a model without a price (never priced at $0), nothing to retry.
Expected<RunEstimate> estimateRun(const RunRequest& request);

// What a provider run is resumed by, as the runner stores it in runs.params_json: its models
// (sorted) and call parameters. Lets a past run be sent again exactly as it was; nullopt for a
// run the runner did not write (imports, the demo).
struct RunIdentity {
    std::vector<std::string> models;
    CallParams params;
    std::map<std::string, PromptVariant> variants; // model reference -> its variant
};
std::optional<RunIdentity> parseRunIdentity(std::string_view paramsJson);

enum class RunStatus { Running, Complete, Cancelled, Budget };
// "running", "complete", "cancelled", "budget": the runs.status values the runner writes.
std::string_view runStatusName(RunStatus status);

struct ModelProgress {
    std::string modelRef;
    int64_t planned = 0; // pairs this invocation sends (or answers from the cache)
    int64_t done = 0;    // recorded: ok + every failure
    int64_t ok = 0;
    int64_t cached = 0;                    // of ok: answered from the response cache
    std::map<std::string, int64_t> failed; // failureClassName -> results
    int64_t inFlight = 0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    // Paid by this invocation: the recorded cost of its answers (cache hits add nothing), plus,
    // so the budget stays safe, the reservation of calls whose cost is unknown: unpriced
    // answers, and failures after which the provider may have billed an answer that never
    // arrived (timeouts, broken connections, unreadable responses).
    double spentUsd = 0.0;
    // Results whose usage could not be priced (a model the catalogue lacks, e.g. one a prompt
    // router invoked); their cost_usd is left empty.
    int64_t unpriced = 0;
};

// A snapshot of one invocation, delivered to the progress callback.
struct RunProgress {
    int64_t runId = 0;
    bool resumed = false;
    RunStatus status = RunStatus::Running; // final in the last snapshot
    bool dispatching = true; // false once no new call will start (done, cancelled, budget)
    std::vector<ModelProgress> models; // in the order of RunRequest::modelRefs
    int64_t planned = 0;
    int64_t done = 0;
    int64_t inFlight = 0;
    double spentUsd = 0.0;      // by this invocation
    double priorSpentUsd = 0.0; // by the run's earlier invocations; counts to the budget too
    double reservedUsd = 0.0;   // maximum cost of the calls in flight
    double estimateUsd = 0.0;
    double maxCostUsd = 0.0;
    std::optional<double> budgetUsd;
    double elapsedS = 0.0;
    double resultsPerSecond = 0.0; // over the last ten seconds or so
    std::optional<double> etaS;    // unknown until results arrive
};

// Called on the thread that called executeRun, at most every progressIntervalMs and once more
// at the end with the final status.
using RunProgressCallback = std::function<void(const RunProgress&)>;

// What the workspace holds for one model of a run after it, over every invocation of the run.
struct RunModelSummary {
    std::string modelRef;
    int64_t ok = 0;
    std::map<std::string, int64_t> failed; // error class -> results
    int64_t cached = 0;                    // of ok
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    double costUsd = 0.0;  // recorded cost of the answers, cache hits at their list price
    double spentUsd = 0.0; // the same without cache hits: what was paid
};

struct RunOutcome {
    int64_t runId = 0;
    bool resumed = false;
    RunStatus status = RunStatus::Complete;
    RunEstimate estimate;
    RunProgress progress;                  // this invocation, final
    std::vector<RunModelSummary> recorded; // the whole run, in the order of modelRefs
    double wallS = 0.0;
};

// Runs the request to the end, a cancel or the budget; blocks the calling thread. `known` is
// what estimateRun returned for this same request, to skip estimating twice. Errors: those of
// estimateRun before anything is sent, a run another live runner holds (naming its process;
// unless waitForLease), and a workspace that cannot be written (dispatch stops, calls in flight
// are cancelled, what was committed stays).
Expected<RunOutcome> executeRun(const RunRequest& request, const CancelToken& cancel,
                                const RunProgressCallback& progress = {},
                                const RunEstimate* known = nullptr);

} // namespace switchyard
