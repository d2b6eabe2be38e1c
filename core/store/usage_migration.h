#pragma once

#include "common/expected.h"
#include "store/sqlite.h"

namespace switchyard {

// Workspace version 5: `input_tokens` counts every input token, cached ones included, for every
// provider (pricing/usage.h). Before, results and response-cache entries of models whose
// provider reports cache tokens beside the input (UsageSemantics::CacheAdditive in the
// catalogue: Anthropic, Bedrock) held the uncached part only. Adds the cache counts to those
// rows, inside the caller's transaction. Recorded costs stay as they were: the new counts price
// to the same dollars. Rows without cache tokens mean the same either way and are not touched;
// models the catalogue does not know keep their counts (they were never priced).
Status migrateCachedInputTokens(const sql::Database& db);

} // namespace switchyard
