#pragma once

// The pricing operations of the workbench: edit, revert and import prices. Every one re-prices
// the recorded results the change touches, in the same transaction, so the Runs, Router Lab
// and Cache Lab figures (and switchyard-cli's) move with the prices. A cost that an imported
// file gave stays as given: it is counted, never recomputed.

#include "common/expected.h"
#include "pricing/litellm_import.h"
#include "pricing/model_price.h"
#include "store/price_overrides.h"
#include "store/workspace.h"

#include <span>
#include <string>

namespace switchyard::workbench {

struct PriceChangeOutcome {
    EffectiveCatalogue prices; // the workspace's prices after the change
    RepriceCounts repriced;
    int64_t keptAsRecorded = 0; // Workspace::resultsWithRecordedCosts after the change
};

// Saves each price as an override of the workspace.
Expected<PriceChangeOutcome> savePrices(Workspace& workspace, std::span<const ModelPrice> prices);

// Drops the overrides of these model ids: the bundled prices apply again.
Expected<PriceChangeOutcome> revertPrices(Workspace& workspace,
                                          std::span<const std::string> modelIds);

struct LiteLlmPriceImport {
    LiteLlmImport imported;
    PriceChangeOutcome change;
};

// Reads LiteLLM's price file and lays it over the workspace's prices: LiteLLM fills in what it
// knows, the catalogue keeps what LiteLLM lacks (families, cache minimums), and each merged entry
// becomes an override.
Expected<LiteLlmPriceImport> importLiteLlmPrices(Workspace& workspace, const std::string& path);

} // namespace switchyard::workbench
