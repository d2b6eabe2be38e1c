#include "report/waterfall.h"

namespace switchyard::report {

std::string_view leverName(Lever lever) {
    switch (lever) {
    case Lever::Routing:
        return "routing";
    case Lever::Caching:
        return "caching";
    case Lever::Batch:
        return "batch";
    case Lever::Student:
        return "student";
    }
    return "routing";
}

LeverCosts leverCosts(const RequestLedger& request) {
    LeverCosts costs;
    costs.afterUsd[0] = request.baselineUsd;
    costs.afterUsd[1] = request.routedUsd;
    costs.afterUsd[2] = request.routedUsd - request.cachingSavingUsd;
    costs.afterUsd[3] = costs.afterUsd[2] * request.batchMultiplier;
    costs.afterUsd[4] = request.servedByStudent ? request.studentUsd : costs.afterUsd[3];
    return costs;
}

double Waterfall::savingsPct() const {
    return baselineUsd > 0.0 ? savingsUsd() / baselineUsd * 100.0 : 0.0;
}

const WaterfallStep& Waterfall::step(Lever lever) const {
    return steps[static_cast<size_t>(lever)];
}

Waterfall buildWaterfall(std::span<const RequestLedger> requests) {
    Waterfall waterfall;
    waterfall.requests = static_cast<int64_t>(requests.size());
    double totals[5] = {};
    int64_t changed[4] = {};
    for (const RequestLedger& request : requests) {
        const LeverCosts costs = leverCosts(request);
        for (int i = 0; i < 5; ++i)
            totals[i] += costs.afterUsd[i];
        for (int i = 0; i < 4; ++i)
            if (costs.afterUsd[i + 1] != costs.afterUsd[i])
                ++changed[i];
    }
    waterfall.baselineUsd = totals[0];
    for (size_t i = 0; i < std::size(kLevers); ++i)
        waterfall.steps.push_back({kLevers[i], totals[i], totals[i + 1], changed[i], {}});
    waterfall.finalUsd = totals[4];
    return waterfall;
}

std::vector<Lever> leversThatSave(const Waterfall& waterfall, double minShare) {
    std::vector<Lever> levers;
    for (const WaterfallStep& step : waterfall.steps)
        if (waterfall.baselineUsd > 0.0 && step.savingUsd() >= minShare * waterfall.baselineUsd)
            levers.push_back(step.lever);
    return levers;
}

} // namespace switchyard::report
