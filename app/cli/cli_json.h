#pragma once

// JSON values the commands print the same way: a missing figure is null, never 0.

#include <nlohmann/json.hpp>

#include <optional>
#include <utility>

inline nlohmann::json optionalNumber(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// [low, high], or null when there is no interval.
inline nlohmann::json optionalInterval(const std::optional<std::pair<double, double>>& interval) {
    return interval ? nlohmann::json::array({interval->first, interval->second})
                    : nlohmann::json(nullptr);
}
