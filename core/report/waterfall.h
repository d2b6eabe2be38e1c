#pragma once

// The savings waterfall: from a baseline (every request to one model, on demand, no caching),
// the levers in order (routing, prompt caching, batch or flex tier, the local student), each
// priced on what the one before it left. Per request, so the steps add up to the total exactly
// and any slice of the traffic (a tag, a tier) has its own waterfall from the same ledger.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::report {

enum class Lever { Routing, Caching, Batch, Student };
inline constexpr Lever kLevers[] = {Lever::Routing, Lever::Caching, Lever::Batch, Lever::Student};

std::string_view leverName(Lever lever); // "routing", "caching", "batch", "student"

// One request, lever by lever.
struct RequestLedger {
    double baselineUsd = 0.0; // the baseline model, on demand, no caching
    // What the policy served, on demand without caching: the served tier's call, and a cascade's
    // discarded calls and a classifier's call when the router makes them.
    double routedUsd = 0.0;
    // What caching takes off the served call (negative when cache writes cost more than the
    // reads save, as at low request rates).
    double cachingSavingUsd = 0.0;
    // The served model's batch or flex price as a share of on-demand; 1 when the request is not
    // sent as batch work (or its model has no such tier).
    double batchMultiplier = 1.0;
    // Served by a local-student tier. The levers before it price the call the student replaces
    // (the teacher's: the next tier up), so the student's own saving is a step of its own.
    bool servedByStudent = false;
    double studentUsd = 0.0; // the student's call (hardware cost per request)
    int tier = 0;            // -1: a canned answer, no model called
};

// A request's cost after each lever: [0] the baseline, [1] after routing, ... [4] after the
// student.
struct LeverCosts {
    double afterUsd[5] = {};
};
LeverCosts leverCosts(const RequestLedger& request);

struct WaterfallStep {
    Lever lever = Lever::Routing;
    double beforeUsd = 0.0;
    double afterUsd = 0.0;
    int64_t requestsChanged = 0; // requests whose cost this lever changed
    std::string note;            // why the lever did nothing, or what it assumed

    double savingUsd() const { return beforeUsd - afterUsd; }
};

struct Waterfall {
    int64_t requests = 0;
    double baselineUsd = 0.0;
    std::vector<WaterfallStep> steps; // one per lever, in kLevers order
    double finalUsd = 0.0;

    double savingsUsd() const { return baselineUsd - finalUsd; }
    double savingsPct() const; // of the baseline; 0 for a $0 baseline
    const WaterfallStep& step(Lever lever) const;
};

// The requests' waterfall; notes are left to the caller, who knows why a lever did nothing.
Waterfall buildWaterfall(std::span<const RequestLedger> requests);

// The levers that take at least `minShare` of the baseline off the bill, in order: what a
// headline names ("routing and caching cut the bill by 64 %").
std::vector<Lever> leversThatSave(const Waterfall& waterfall, double minShare = 0.005);

} // namespace switchyard::report
