#pragma once

// JSON <-> ModelPrice on parsed values, shared by the one-model API (overrides), the catalogue
// loader (which prefixes paths with "models[i]") and the LiteLLM import.

#include "common/expected.h"
#include "pricing/model_price.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace switchyard::detail {

nlohmann::ordered_json modelPriceToValue(const ModelPrice& price);

// `path` prefixes field names in errors ("models[3]" gives "models[3].input_usd_per_mtok").
Expected<ModelPrice> modelPriceFromValue(const nlohmann::json& value, const std::string& path,
                                         const std::string& file);

// The whole file as text; `what` names it in the error ("the pricing catalogue").

// Parses text as JSON; a syntax error becomes an Error with the line it happened on.
Expected<nlohmann::json> parseJson(std::string_view text, const std::string& file);

bool isIsoDate(std::string_view text); // "YYYY-MM-DD"

} // namespace switchyard::detail
