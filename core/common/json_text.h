#pragma once

#include <string>
#include <string_view>

namespace switchyard {

// Appends `text` as a JSON string literal, quotes included, escaped exactly as nlohmann::json's
// dump() escapes it (short escapes for \b \f \n \r \t, \u00xx for other control characters,
// everything else byte for byte). Stored JSON written by hand stays byte-identical to what the
// workspace wrote before, so content hashes of stored prompts do not change.
void appendJsonString(std::string& out, std::string_view text);

} // namespace switchyard
