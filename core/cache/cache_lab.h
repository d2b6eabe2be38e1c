#pragma once

// One Cache Lab evaluation: a prompt set under one model, TTL, checkpoint placement and arrival
// pattern, simulated, swept over request rates and linted. The page calls it on a worker thread
// whenever a control changes; the CLI prints the same figures.

#include "cache/arrivals.h"
#include "cache/cache_linter.h"
#include "cache/cache_simulator.h"
#include "cache/recorded_usage.h"
#include "common/cancel.h"
#include "common/expected.h"
#include "pricing/catalogue.h"
#include "prompts/prompt.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace switchyard {

// Requests per minute when nothing else says how fast they arrive: the Cache Lab's starting
// rate and switchyard-cli cache's without --rate.
inline constexpr double kDefaultCacheRequestsPerMinute = 10.0;

struct CacheLabSettings {
    std::string model; // a catalogue reference: "anthropic.claude-sonnet-4-5-...", "bedrock/..."
    CheckpointPlacement placement;
    // Arrival times from the prompts' timestamps when every prompt has one; otherwise (or when
    // false) the synthetic pattern below, and the report says why.
    bool recordedTimestamps = false;
    ArrivalSpec synthetic;
    int timelineBuckets = 120;
    // The savings-versus-rate curve: evenly spaced on a log scale. Zero: a hundredth to a
    // hundred times the simulated rate, the range a decision about this traffic is made in.
    double lowestRatePerMinute = 0.0;
    double highestRatePerMinute = 0.0;
    int ratePoints = 29;
    bool lint = true;
    // A real run's usage of the same prompts and model: when given, the report carries the
    // simulator's truth check against it.
    RecordedCacheRun recorded;
};

struct CacheLabReport {
    ModelPrice model;
    CacheMode mode = CacheMode::None;
    CacheSimulation simulation;
    SavingsCurve curve;
    std::vector<LintFinding> findings; // priced (monthlyCostUsd) at the simulated rate
    double requestsPerMinute = 0.0;    // of the arrivals simulated
    bool recordedTimestamps = false;   // the arrivals were the prompts' own timestamps
    std::string arrivalNote;           // why recorded timestamps were asked for but not used
    std::optional<TruthCheck> truth;   // against settings.recorded, when it had usage
    std::string truthRunName;
};

// Fails on an unknown model, or what compileWorkload and simulateCache refuse; "cancelled" when
// the token is set. The Cache Lab page and switchyard-cli cache both evaluate through this, so
// the arrival rule and the rate grid are the same for both.
Expected<CacheLabReport> runCacheLab(std::span<const Prompt> prompts, const Catalogue& catalogue,
                                     const CacheLabSettings& settings,
                                     const Progress& progress = {},
                                     const CancelToken* cancel = nullptr);
// The same over a trace already made (traceFromPromptSet streams a set without holding its
// prompts); `prompts` is needed only to lint (settings.lint), and must be the trace's.
Expected<CacheLabReport> runCacheLab(const RequestTrace& trace, std::span<const Prompt> prompts,
                                     const Catalogue& catalogue, const CacheLabSettings& settings,
                                     const Progress& progress = {},
                                     const CancelToken* cancel = nullptr);

} // namespace switchyard
