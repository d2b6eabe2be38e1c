#pragma once

#include <cstdint>
#include <string>

namespace switchyard {

// "2026-11-27T10:00:00Z"
std::string utcNowIso8601();
std::string isoFromEpochMs(int64_t epochMs);

} // namespace switchyard
