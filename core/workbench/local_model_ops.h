#pragma once

// Local models priced by what their hardware costs: the machine's hourly cost spread over the
// tokens it serves per second, measured from the model's own recorded answers (or given), as a
// workspace price every figure then uses. switchyard-cli local-servers and the Providers page
// call these.

#include "common/expected.h"
#include "pricing/model_price.h"
#include "providers/local_servers.h"
#include "store/workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace switchyard::workbench {

struct LocalPricingRequest {
    std::vector<std::string> modelRefs; // "ollama/llama3.2:latest"
    double hardwareUsdPerHour = 0.0;
    // Requests the server answers at once, each at the measured speed: they share the hour.
    int concurrentRequests = 1;
    // Tokens per second of one request, read and written; empty: measured from the recorded
    // answers of each model (a model with none is left unpriced, saying so).
    std::optional<double> tokensPerSecond;
};

struct LocalModelPrice {
    std::string modelRef;
    ModelTiming measured;            // what the workspace holds of it
    double tokensPerSecond = 0.0;    // used: given or measured
    std::optional<ModelPrice> price; // saved; empty when there was nothing to price it by
    std::string why;                 // why it was left unpriced
};

// The catalogue entry: one price per token, read or written, so a request costs the hardware's
// share of the time it takes.
ModelPrice hardwarePrice(const std::string& modelRef, double hardwareUsdPerHour,
                         double tokensPerSecond, int concurrentRequests);

// Prices every model and saves the prices as overrides of the workspace (re-pricing what it
// recorded of them). Fails on a negative cost or speed, or no model.
Expected<std::vector<LocalModelPrice>> priceLocalModels(Workspace& workspace,
                                                        const LocalPricingRequest& request);

} // namespace switchyard::workbench
