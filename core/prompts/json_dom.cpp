#include "prompts/detail/json_dom.h"

#include "prompts/detail/records.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace switchyard::detail {

Status parseJsonText(std::string_view line, nlohmann::json& out) {
    // nlohmann reports errors and their position only through exceptions; they stay inside here.
    try {
        out = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& error) {
        std::string reason = error.what();
        if (const auto column = reason.find(", column "); column != std::string::npos)
            if (const auto colon = reason.find(": ", column); colon != std::string::npos)
                reason = reason.substr(colon + 2);
        const size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        return Error{"", 0, "",
                     "invalid JSON at column " + std::to_string(columnOfByte(line, offset)) + ": " +
                         reason};
    } catch (const nlohmann::json::exception& error) {
        // Valid syntax nlohmann still refuses, e.g. a number too large for a double (406).
        std::string reason = error.what();
        if (const auto bracket = reason.find("] "); bracket != std::string::npos)
            reason = reason.substr(bracket + 2);
        return Error{"", 0, "", "invalid JSON: " + reason};
    }
    return success();
}

std::optional<JsonValue> member(JsonValue object, std::string_view key) {
    if (!object.is_object())
        return std::nullopt;
    JsonValue value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null())
        return std::nullopt;
    return value;
}

std::optional<std::string_view> stringOf(JsonValue value) {
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS)
        return std::nullopt;
    return text;
}

std::optional<std::string_view> stringMember(JsonValue object, std::string_view key) {
    const auto value = member(object, key);
    return value ? stringOf(*value) : std::nullopt;
}

std::optional<double> numberOf(JsonValue value) {
    double number = 0;
    if (!value.is_number() || value.get(number) != simdjson::SUCCESS)
        return std::nullopt;
    return number;
}

simdjson::dom::array arrayOf(JsonValue value) {
    simdjson::dom::array array;
    if (value.get(array) != simdjson::SUCCESS)
        return {};
    return array;
}

simdjson::dom::object objectOf(JsonValue value) {
    simdjson::dom::object object;
    if (value.get(object) != simdjson::SUCCESS)
        return {};
    return object;
}

std::optional<int64_t> integerMember(JsonValue object, std::string_view key) {
    const auto value = member(object, key);
    if (!value)
        return std::nullopt;
    int64_t integer = 0;
    if (value->get(integer) == simdjson::SUCCESS)
        return integer;
    const auto number = numberOf(*value);
    if (!number || !std::isfinite(*number) || std::floor(*number) != *number ||
        std::fabs(*number) > 9e18)
        return std::nullopt;
    return static_cast<int64_t>(*number);
}

JsonObject::JsonObject(JsonValue value) : m_value(value), m_isObject(value.is_object()) {
    for (const auto field : objectOf(value)) {
        if (m_count == kInline) {
            m_overflow = true;
            break;
        }
        m_members[m_count++] = {field.key, field.value};
    }
}

std::optional<JsonValue> JsonObject::find(std::string_view key) const {
    if (m_overflow)
        return member(m_value, key);
    for (size_t i = 0; i < m_count; ++i)
        if (m_members[i].first == key)
            return m_members[i].second.is_null() ? std::nullopt
                                                 : std::optional<JsonValue>(m_members[i].second);
    return std::nullopt;
}

std::string canonicalJson(JsonValue value) {
    // nlohmann's objects are ordered maps: parsing the minified text back sorts the keys.
    return nlohmann::json::parse(simdjson::to_string(value)).dump();
}

std::optional<std::string> scalarText(JsonValue value) {
    switch (value.type()) {
    case simdjson::dom::element_type::STRING:
        return std::string(value.get_string().value_unsafe());
    case simdjson::dom::element_type::INT64:
        return std::to_string(value.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
        return std::to_string(value.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE:
        return fieldNumberText(value.get_double().value_unsafe());
    case simdjson::dom::element_type::BOOL:
        return value.get_bool().value_unsafe() ? "true" : "false";
    default:
        return std::nullopt;
    }
}

const char* jsonTypeName(JsonValue value) {
    switch (value.type()) {
    case simdjson::dom::element_type::OBJECT:
        return "object";
    case simdjson::dom::element_type::ARRAY:
        return "array";
    case simdjson::dom::element_type::STRING:
        return "string";
    case simdjson::dom::element_type::BOOL:
        return "boolean";
    case simdjson::dom::element_type::NULL_VALUE:
        return "null";
    default:
        return "number";
    }
}

Expected<JsonValue> JsonLineParser::parse(std::string_view text) {
    JsonValue value;
    if (m_parser.parse(text.data(), text.size()).get(value) == simdjson::SUCCESS)
        return value;
    // simdjson says what is wrong but not where; the error path is rare, so the full parser
    // reads the line again for a message that names the column.
    nlohmann::json parsed;
    if (auto status = parseJsonText(text, parsed); !status)
        return status.error();
    // Valid JSON simdjson refuses: an integer beyond 64 bits, which nlohmann reads as a double
    // and writes back as one.
    const std::string rewritten = parsed.dump();
    if (m_parser.parse(rewritten.data(), rewritten.size()).get(value) == simdjson::SUCCESS)
        return value;
    return Error{"", 0, "", "invalid JSON: a value the parser cannot hold"};
}

} // namespace switchyard::detail
