#pragma once

// JSON values the commands print the same way: a missing figure is null, never 0.

#include "common/error.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

template <typename Number> nlohmann::json optionalNumber(const std::optional<Number>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// A text that may be absent: null when empty.
inline nlohmann::json optionalText(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

// [low, high], or null when there is no interval.
inline nlohmann::json optionalInterval(const std::optional<std::pair<double, double>>& interval) {
    return interval ? nlohmann::json::array({interval->first, interval->second})
                    : nlohmann::json(nullptr);
}

// Errors a command reports by place: [{file, line, field, reason}].
inline nlohmann::json errorsJson(const std::vector<switchyard::Error>& errors) {
    nlohmann::json out = nlohmann::json::array();
    for (const switchyard::Error& error : errors)
        out.push_back({{"file", error.file},
                       {"line", error.line},
                       {"field", error.field},
                       {"reason", error.message}});
    return out;
}
