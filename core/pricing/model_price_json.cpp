#include "pricing/model_price_json.h"

#include "pricing/detail/model_price_json_value.h"

#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

namespace switchyard {

namespace {

using nlohmann::json;

// Reads the fields of one object, remembering the first error so each read stays one line.
class FieldReader {
public:
    FieldReader(const json& object, const std::string& path, const std::string& file)
        : m_object(object), m_path(path), m_file(file) {}

    const std::optional<Error>& error() const { return m_error; }

    void fail(std::string_view key, std::string message) {
        if (!m_error)
            m_error = Error{m_file, 0, fieldPath(key), std::move(message)};
    }

    const json* get(std::string_view key) const {
        auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null())
            return nullptr;
        return &*it;
    }

    std::string text(std::string_view key, bool required = false) {
        const json* value = get(key);
        if (!value) {
            if (required)
                fail(key, "required");
            return {};
        }
        if (!value->is_string()) {
            fail(key, "expected a string");
            return {};
        }
        std::string out = value->get<std::string>();
        if (required && out.empty())
            fail(key, "must not be empty");
        return out;
    }

    double nonNegative(std::string_view key, double fallback, bool required = false) {
        const json* value = get(key);
        if (!value) {
            if (required)
                fail(key, "required: expected a non-negative number");
            return fallback;
        }
        if (!value->is_number() || !std::isfinite(value->get<double>()) ||
            value->get<double>() < 0.0) {
            fail(key, "expected a non-negative number");
            return fallback;
        }
        return value->get<double>();
    }

    int64_t count(std::string_view key, int64_t fallback) {
        const json* value = get(key);
        if (!value)
            return fallback;
        if (value->is_number_unsigned() ||
            (value->is_number_integer() && value->get<int64_t>() >= 0))
            return value->get<int64_t>();
        // 2000000.0 is a count too: LiteLLM writes some that way.
        if (value->is_number_float()) {
            const double number = value->get<double>();
            if (number >= 0.0 && number < 9.0e18 && std::floor(number) == number)
                return static_cast<int64_t>(number);
        }
        fail(key, "expected a non-negative integer");
        return fallback;
    }

    bool flag(std::string_view key, bool fallback) {
        const json* value = get(key);
        if (!value)
            return fallback;
        if (!value->is_boolean()) {
            fail(key, "expected true or false");
            return fallback;
        }
        return value->get<bool>();
    }

    std::vector<std::string> texts(std::string_view key) {
        std::vector<std::string> out;
        const json* value = get(key);
        if (!value)
            return out;
        if (!value->is_array()) {
            fail(key, "expected an array of strings");
            return out;
        }
        for (size_t i = 0; i < value->size(); ++i) {
            if (!(*value)[i].is_string()) {
                fail(std::string(key) + "[" + std::to_string(i) + "]", "expected a string");
                return out;
            }
            out.push_back((*value)[i].get<std::string>());
        }
        return out;
    }

    std::string fieldPath(std::string_view key) const {
        return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
    }

private:
    const json& m_object;
    const std::string& m_path;
    const std::string& m_file;
    std::optional<Error> m_error;
};

int64_t lineOfOffset(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    int64_t line = 1;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n')
            ++line;
    }
    return line;
}

} // namespace

namespace detail {

bool isIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

Expected<nlohmann::json> parseJson(std::string_view text, const std::string& file) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        // error.byte is 1-based and points just past the offending character.
        const size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        std::string message = error.what();
        // Drop nlohmann's "[json.exception.parse_error.101] " prefix: it means nothing to a user.
        if (auto pos = message.find("] "); pos != std::string::npos)
            message = message.substr(pos + 2);
        return Error{file, lineOfOffset(text, offset), {}, "invalid JSON: " + message};
    }
}

nlohmann::ordered_json modelPriceToValue(const ModelPrice& price) {
    nlohmann::ordered_json out;
    out["id"] = price.id;
    out["provider"] = price.provider;
    out["family"] = price.family;
    out["display_name"] = price.displayName;
    out["aliases"] = price.aliases;
    out["input_usd_per_mtok"] = price.inputUsdPerMTok;
    out["output_usd_per_mtok"] = price.outputUsdPerMTok;
    out["semantics"] = semanticsName(price.semantics);
    out["supports_caching"] = price.supportsCaching;
    out["cache_read_multiplier"] = price.cacheReadMultiplier;
    out["cache_write_5m_multiplier"] = price.cacheWrite5mMultiplier;
    out["cache_write_1h_multiplier"] = price.cacheWrite1hMultiplier;
    out["min_cacheable_tokens"] = price.minCacheableTokens;
    out["max_cache_checkpoints"] = price.maxCacheCheckpoints;
    out["batch_multiplier"] = price.batchMultiplier;
    out["flex_multiplier"] = price.flexMultiplier;
    out["priority_multiplier"] = price.priorityMultiplier;
    if (price.longContext.present()) {
        out["long_context"] = {{"threshold_tokens", price.longContext.thresholdTokens},
                               {"input_usd_per_mtok", price.longContext.inputUsdPerMTok},
                               {"output_usd_per_mtok", price.longContext.outputUsdPerMTok}};
    }
    out["geo_profile_multiplier"] = price.geoProfileMultiplier;
    out["context_window"] = price.contextWindow;
    out["max_output_tokens"] = price.maxOutputTokens;
    if (price.freeOfCharge)
        out["free_of_charge"] = true;
    out["source"] = price.source;
    out["price_date"] = price.priceDate;
    out["notes"] = price.notes;
    return out;
}

Expected<ModelPrice> modelPriceFromValue(const nlohmann::json& value, const std::string& path,
                                         const std::string& file) {
    if (!value.is_object())
        return Error{file, 0, path, "expected an object"};
    FieldReader read(value, path, file);
    ModelPrice price;
    price.id = read.text("id", true);
    price.provider = read.text("provider", true);
    price.family = read.text("family");
    price.displayName = read.text("display_name");
    price.aliases = read.texts("aliases");
    price.inputUsdPerMTok = read.nonNegative("input_usd_per_mtok", 0.0, true);
    price.outputUsdPerMTok = read.nonNegative("output_usd_per_mtok", 0.0, true);

    price.supportsCaching = read.flag("supports_caching", false);
    const std::string semantics = read.text("semantics");
    if (semantics == semanticsName(UsageSemantics::CacheAdditive))
        price.semantics = UsageSemantics::CacheAdditive;
    else if (semantics == semanticsName(UsageSemantics::CacheSubset))
        price.semantics = UsageSemantics::CacheSubset;
    else if (!semantics.empty())
        read.fail("semantics", "expected \"cache_additive\" or \"cache_subset\"");
    else if (price.supportsCaching)
        // Guessing would double-bill or under-bill every cached token.
        read.fail("semantics", "required when supports_caching is true: \"cache_additive\" "
                               "(Anthropic, Bedrock) or \"cache_subset\" (OpenAI)");

    price.cacheReadMultiplier = read.nonNegative("cache_read_multiplier", 1.0);
    price.cacheWrite5mMultiplier = read.nonNegative("cache_write_5m_multiplier", 1.0);
    price.cacheWrite1hMultiplier = read.nonNegative("cache_write_1h_multiplier", 0.0);
    price.minCacheableTokens = read.count("min_cacheable_tokens", 0);
    price.maxCacheCheckpoints = read.count("max_cache_checkpoints", 0);
    price.batchMultiplier = read.nonNegative("batch_multiplier", 0.0);
    price.flexMultiplier = read.nonNegative("flex_multiplier", 0.0);
    price.priorityMultiplier = read.nonNegative("priority_multiplier", 0.0);

    if (const json* tier = read.get("long_context")) {
        const std::string tierPath = read.fieldPath("long_context");
        if (!tier->is_object()) {
            read.fail("long_context", "expected an object");
        } else {
            FieldReader readTier(*tier, tierPath, file);
            price.longContext.thresholdTokens = readTier.count("threshold_tokens", 0);
            if (price.longContext.thresholdTokens <= 0)
                readTier.fail("threshold_tokens", "required: expected a positive integer");
            price.longContext.inputUsdPerMTok =
                readTier.nonNegative("input_usd_per_mtok", 0.0, true);
            price.longContext.outputUsdPerMTok =
                readTier.nonNegative("output_usd_per_mtok", 0.0, true);
            if (readTier.error())
                return *readTier.error();
        }
    }

    price.geoProfileMultiplier = read.nonNegative("geo_profile_multiplier", 1.0);
    if (price.geoProfileMultiplier == 0.0)
        read.fail("geo_profile_multiplier", "expected a positive number");
    price.contextWindow = read.count("context_window", 0);
    price.maxOutputTokens = read.count("max_output_tokens", 0);
    price.freeOfCharge = read.flag("free_of_charge", false);
    price.source = read.text("source");
    price.priceDate = read.text("price_date");
    if (!price.priceDate.empty() && !isIsoDate(price.priceDate))
        read.fail("price_date", "expected a date as YYYY-MM-DD");
    price.notes = read.texts("notes");

    if (read.error())
        return *read.error();
    return price;
}

} // namespace detail

std::string_view semanticsName(UsageSemantics semantics) {
    switch (semantics) {
    case UsageSemantics::CacheAdditive:
        return "cache_additive";
    case UsageSemantics::CacheSubset:
        return "cache_subset";
    }
    return "cache_additive";
}

std::string modelPriceToJson(const ModelPrice& price) {
    return detail::modelPriceToValue(price).dump(2);
}

Expected<ModelPrice> modelPriceFromJson(std::string_view text, std::string sourceName) {
    auto parsed = detail::parseJson(text, sourceName);
    if (!parsed)
        return parsed.error();
    return detail::modelPriceFromValue(*parsed, {}, sourceName);
}

} // namespace switchyard
