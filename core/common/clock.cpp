#include "common/clock.h"

#include <chrono>
#include <ctime>

namespace switchyard {

std::string isoFromEpochMs(int64_t epochMs) {
    const std::time_t seconds = static_cast<std::time_t>(epochMs / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string utcNowIso8601() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return isoFromEpochMs(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

} // namespace switchyard
