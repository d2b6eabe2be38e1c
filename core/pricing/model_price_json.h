#pragma once

#include "common/expected.h"
#include "pricing/model_price.h"

#include <string>
#include <string_view>

namespace switchyard {

// One model's price as a JSON object: the schema of an entry of the catalogue's "models" array,
// also how the workspace stores a user's price override for one model.
//
//   {"id": "gpt-4o-mini", "provider": "openai", "family": "gpt-4o", "display_name": "...",
//    "aliases": ["gpt-4o-mini-2024-07-18"],
//    "input_usd_per_mtok": 0.15, "output_usd_per_mtok": 0.6,
//    "semantics": "cache_subset" | "cache_additive",   (required when supports_caching)
//    "supports_caching": true, "cache_read_multiplier": 0.5, "cache_write_5m_multiplier": 1,
//    "cache_write_1h_multiplier": 0, "min_cacheable_tokens": 1024, "max_cache_checkpoints": 0,
//    "batch_multiplier": 0.5, "flex_multiplier": 0, "priority_multiplier": 1.6667,
//    "long_context": {"threshold_tokens": 200000, "input_usd_per_mtok": 6,
//                     "output_usd_per_mtok": 22.5},
//    "geo_profile_multiplier": 1, "context_window": 128000, "max_output_tokens": 16384,
//    "free_of_charge": false, "source": "https://openai.com/api/pricing/",
//    "price_date": "2026-07-24", "notes": ["..."]}
//
// Only id, provider and the two prices are required; absent multipliers take the neutral
// defaults of ModelPrice. Errors name the field ("input_usd_per_mtok: expected a non-negative
// number").
std::string modelPriceToJson(const ModelPrice& price);
Expected<ModelPrice> modelPriceFromJson(std::string_view json, std::string sourceName = {});

std::string_view semanticsName(UsageSemantics semantics); // "cache_additive" / "cache_subset"

} // namespace switchyard
