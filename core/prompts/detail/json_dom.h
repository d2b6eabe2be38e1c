#pragma once

// The JSON reading of the bulk paths (prompt lines, invocation logs): simdjson's DOM, several
// times quicker than nlohmann's, which stays for small documents and for writing.

#include "common/expected.h"

#include <simdjson.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace switchyard::detail {

using JsonValue = simdjson::dom::element;

// The value under `key`; empty when `object` is not an object, or the key is absent or null.
std::optional<JsonValue> member(JsonValue object, std::string_view key);

// The string a value holds; empty when it holds something else.
std::optional<std::string_view> stringOf(JsonValue value);
std::optional<std::string_view> stringMember(JsonValue object, std::string_view key);
// An integer (or a double holding a whole number), as token counts are written.
std::optional<int64_t> integerMember(JsonValue object, std::string_view key);
std::optional<double> numberOf(JsonValue value);
// The array or object a value holds, by value (a range-for over a temporary result would dangle);
// empty when it holds something else.
simdjson::dom::array arrayOf(JsonValue value);
simdjson::dom::object objectOf(JsonValue value);

// JSON text with object keys sorted: the canonical form tool definitions and tool calls are
// kept in, whatever order the file wrote them in.
std::string canonicalJson(JsonValue value);
// A scalar as prompt-field text: strings as they are, integers as written, other numbers as
// fieldNumberText writes them, booleans as true/false. Empty for arrays, objects and null.
std::optional<std::string> scalarText(JsonValue value);
// "object", "array", "string", "number", "boolean" or "null", as messages name them.
const char* jsonTypeName(JsonValue value);

// An object's members read once, for records whose keys are looked up many times: one pass over
// the object instead of one scan per lookup. Holds up to kInline members without allocating;
// lookups past them fall back to scanning the object.
class JsonObject {
public:
    explicit JsonObject(JsonValue value);

    bool isObject() const { return m_isObject; }
    // Absent and null are both empty, as member() has them.
    std::optional<JsonValue> find(std::string_view key) const;
    template <typename Visit> void forEach(Visit&& visit) const {
        for (const auto field : objectOf(m_value))
            visit(field.key, field.value);
    }

private:
    static constexpr size_t kInline = 24;
    JsonValue m_value;
    bool m_isObject = false;
    bool m_overflow = false;
    size_t m_count = 0;
    std::array<std::pair<std::string_view, JsonValue>, kInline> m_members;
};

// Parses one line (or document) at a time; the value returned is valid until the next parse
// with the same parser. A syntax error names its column, counted in characters.
class JsonLineParser {
public:
    Expected<JsonValue> parse(std::string_view text);

private:
    simdjson::dom::parser m_parser;
};

} // namespace switchyard::detail
