#pragma once

#include "common/cancel.h"
#include "common/error.h"
#include "common/expected.h"
#include "pricing/usage.h"
#include "prompts/loader.h"
#include "results/recorded_results.h"
#include "store/workspace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace switchyard {

class Catalogue;

struct ResultsImportOptions {
    std::string setName; // required: the prompt set the results answer
    std::string runName; // empty: "import <file name>"
    LoadOptions load;
};

// A model whose results could not be priced: their cost stays empty (never $0) and replay
// refuses to total them until the catalogue has a price.
struct UnpricedModel {
    std::string model;
    int64_t results = 0;
    std::string reason; // the catalogue's answer: "unknown model 'x'", ...
};

// Prices a recorded result's usage by the catalogue. A model the catalogue cannot price gets no
// cost (never $0) and is counted in `unpriced`, with the catalogue's first reason.
std::optional<double> priceRecordedUsage(const Catalogue& catalogue, const std::string& model,
                                         const Usage& usage,
                                         std::map<std::string, UnpricedModel>& unpriced);

struct ResultsImportReport {
    std::string file;
    int64_t runId = 0; // 0 when nothing was imported
    std::string runName;
    int64_t setId = 0;
    std::string setName;
    bool createdSet = false;
    int64_t promptsCreated = 0;  // prompts added to a set this import created
    int64_t results = 0;         // results stored
    int64_t failedResults = 0;   // stored results that record a failed call
    int64_t scores = 0;          // stored as scorer "imported"
    int64_t costsComputed = 0;   // cost_usd absent from the file, computed from the catalogue
    int64_t tokensEstimated = 0; // results whose input or output tokens were estimated from text
    std::vector<std::string> models; // in the order the file first names them
    std::vector<UnpricedModel> unpriced;
    int64_t rejectedCount = 0;
    std::vector<Error> rejected; // the first ones, each with file, line and field
    bool cancelled = false;
};

// Imports a recorded-results file as a run of kind "import". When the set named does not exist
// it is created from the records' `prompt` texts (id = prompt_id); when it exists, every
// prompt_id must name one of its prompts. Results are stored in batches, scores under the scorer
// "imported". A missing cost_usd is computed from `catalogue` and the token counts; missing token
// counts are estimated from the prompt and output text (prompts/token_estimate.h), and the run's
// params say how many were. A model the catalogue cannot price keeps an empty cost and is
// reported in `unpriced`. Duplicate (prompt_id, model) records are rejected after the first. A
// file that cannot be read is an Error and changes nothing; a cancel keeps what was committed and
// marks the run "cancelled".
Expected<ResultsImportReport> importResultsFile(Workspace& workspace, const Catalogue& catalogue,
                                                const std::string& path,
                                                const ResultsImportOptions& options,
                                                const CancelToken* cancel = nullptr,
                                                const Progress& progress = {});

// The prompt set a results file goes into when the user named none (a file dropped on the
// window): the newest set that holds the first record's prompt_id, else a new set named after the
// file (made unique, so an unrelated set of that name is never appended to).
std::string defaultResultsSetName(const Workspace& workspace, const std::string& path,
                                  const ResultsFileSniff& sniff);

} // namespace switchyard
