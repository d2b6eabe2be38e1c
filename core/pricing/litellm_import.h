#pragma once

#include "common/expected.h"
#include "pricing/model_price.h"

#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

class Catalogue;

// One entry of the LiteLLM file that did not become a price, and why.
struct ImportIssue {
    std::string model;  // the entry's key
    std::string field;  // the LiteLLM field at fault, or empty
    std::string reason; // "expected a number", "missing", "mode 'embedding' is not ..."

    // "\"gpt-x\".input_cost_per_token: expected a number"
    std::string toString() const;
};

struct MergeCounts {
    size_t added = 0;
    size_t updated = 0;
};

// The result of reading LiteLLM's model_prices_and_context_window.json. Every top-level entry
// ends up in exactly one list: models (priced), flagged (a chat model we cannot price: missing,
// zero or malformed prices) or skipped (not a chat model, or not a model at all), so
// models + flagged + skipped == totalEntries.
//
// Flagged models are NOT imported: a catalogue that does not know a model refuses to cost it,
// which is how "no price" must look. Nothing is ever priced at $0 by omission.
struct LiteLlmImport {
    std::vector<ModelPrice> models;
    std::vector<ImportIssue> flagged;
    std::vector<ImportIssue> skipped;
    size_t totalEntries = 0;
    std::string snapshotDate; // "YYYY-MM-DD" from the file's "last_updated", if present

    // Adds new ids and, for ids the catalogue already has, replaces what LiteLLM knows (prices,
    // cache multipliers, tiers, long-context tier, limits, source, date) while keeping what it
    // does not (family, display name, aliases, usage semantics, cache minimums and checkpoints,
    // geographic profile premium).
    MergeCounts mergeInto(Catalogue& catalogue) const;
};

// How entries are read:
//   * *_cost_per_token x 1e6 -> USD per MTok; cache, batch, flex and priority prices become
//     multipliers of the input price (a tier whose input and output ratios differ is dropped
//     with a note rather than approximated);
//   * input/output_cost_per_token_above_<N>k_tokens -> long-context tier at N*1000 tokens;
//   * litellm_provider "bedrock"/"bedrock_converse" -> "bedrock", "text-completion-openai" ->
//     "openai", "vertex_ai-*" -> "vertex_ai"; Anthropic and Bedrock (and Claude on Vertex) use
//     additive cache semantics, every other provider OpenAI-style subset semantics;
//   * modes chat, completion and responses (or no mode, LiteLLM's default chat) are imported;
//     other modes (embedding, image_generation, audio_*, rerank, ...) are skipped with the mode.
Expected<LiteLlmImport> importLiteLlm(const std::string& path);
Expected<LiteLlmImport> importLiteLlmText(std::string_view text, const std::string& sourceName);

} // namespace switchyard
