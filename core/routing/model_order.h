#pragma once

// Which model of a run is the cheap tier: the order a policy's tiers take, decided once for the
// Router Lab and the command line alike.

#include "routing/replay_data.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::routing {

// What a run holds for one model, for picking tiers.
struct RunModelFigures {
    std::string modelRef;
    double meanCostUsd = 0.0; // over its results with a recorded (or computed) cost
    int64_t unpriced = 0;     // results without a cost: replay refuses to total them
    int64_t scored = 0;       // results with a quality score
    bool hasLabels = false;   // answers parse as classifier labels
};

// Every model of the run, cheapest first by mean recorded cost; a model with results it cannot
// price goes last (an unknown cost is not a cheap one).
std::vector<RunModelFigures> modelsCheapestFirst(const ReplayData& data);

// `models` in that order; models the run does not hold keep their order after the rest.
std::vector<std::string> orderCheapestFirst(const ReplayData& data,
                                            const std::vector<std::string>& models);

} // namespace switchyard::routing
