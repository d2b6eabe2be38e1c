#include "prompts/detail/flat_json_scanner.h"
#include "prompts/detail/records.h"

#include <charconv>
#include <map>

namespace switchyard::detail {

namespace {

enum Field : unsigned {
    kPrompt = 1u << 0,
    kId = 1u << 1,
    kPromptId = 1u << 2,
    kExpected = 1u << 3,
    kReference = 1u << 4,
    kSystem = 1u << 5,
    kTags = 1u << 6,
    kTimestamp = 1u << 7,
    kOther = 0,
};

Field classify(std::string_view key) {
    if (key == "prompt")
        return kPrompt;
    if (key == "id")
        return kId;
    if (key == "prompt_id")
        return kPromptId;
    if (key == "expected")
        return kExpected;
    if (key == "reference")
        return kReference;
    if (key == "system")
        return kSystem;
    if (key == "tags")
        return kTags;
    if (key == "timestamp")
        return kTimestamp;
    return kOther;
}

struct PlainFields {
    std::string prompt, id, promptId, expected, reference, system;
    std::vector<std::string> tags;
    int64_t timestampMs = 0;
    std::map<std::string, std::string> other;
};

bool readTags(FlatScanner& scanner, std::string& scratch, std::vector<std::string>& tags) {
    if (scanner.peek() == '"') {
        if (!scanner.string(scratch))
            return false;
        appendTagList(tags, scratch);
        return true;
    }
    if (!scanner.consume('['))
        return false;
    scanner.skipSpace();
    if (scanner.consume(']'))
        return true;
    for (;;) {
        scanner.skipSpace();
        if (scanner.peek() != '"' || !scanner.string(scratch))
            return false;
        appendTag(tags, scratch);
        scanner.skipSpace();
        if (scanner.consume(']'))
            return true;
        if (!scanner.consume(','))
            return false;
    }
}

bool readTimestamp(FlatScanner& scanner, std::string& scratch, int64_t& ms) {
    std::optional<int64_t> value;
    if (scanner.peek() == '"') {
        if (!scanner.string(scratch))
            return false;
        value = parseIsoTimestampMs(scratch);
    } else {
        int64_t number;
        if (!scanner.integer(number))
            return false;
        value = epochMsFromNumber(static_cast<double>(number));
    }
    if (!value)
        return false;
    ms = *value;
    return true;
}

// The value of a key the plain shape keeps as a prompt field, as text; `present` is false for
// null and arrays, which are skipped. What the full parser would store differently (an integer
// beyond 64 bits) is left to it.
bool readFieldValue(FlatScanner& scanner, std::string& out, bool& present) {
    present = true;
    switch (scanner.peek()) {
    case '"':
        return scanner.string(out);
    case 't':
        out = "true";
        return scanner.literal("true");
    case 'f':
        out = "false";
        return scanner.literal("false");
    case 'n':
    case '[':
        present = false;
        return scanner.skipScalarOrFlatArray();
    default:
        break;
    }
    std::string_view token;
    if (!scanner.numberToken(token))
        return false;
    const char* end = token.data() + token.size();
    if (token.find_first_of(".eE") == std::string_view::npos) {
        int64_t integer = 0;
        const auto [stop, error] = std::from_chars(token.data(), end, integer);
        if (error != std::errc() || stop != end)
            return false;
        out = std::to_string(integer);
        return true;
    }
    double value = 0;
    const auto [stop, error] = std::from_chars(token.data(), end, value);
    if (error != std::errc() || stop != end)
        return false;
    out = fieldNumberText(value);
    return true;
}

std::string* stringTarget(Field field, PlainFields& fields) {
    switch (field) {
    case kPrompt:
        return &fields.prompt;
    case kId:
        return &fields.id;
    case kPromptId:
        return &fields.promptId;
    case kExpected:
        return &fields.expected;
    case kReference:
        return &fields.reference;
    case kSystem:
        return &fields.system;
    default:
        return nullptr;
    }
}

} // namespace

bool parsePlainFast(std::string_view line, Prompt& out) {
    FlatScanner scanner(line);
    PlainFields fields;
    std::string key;
    unsigned seen = 0;
    scanner.skipSpace();
    if (!scanner.consume('{'))
        return false;
    for (;;) {
        scanner.skipSpace();
        if (!scanner.string(key))
            return false;
        scanner.skipSpace();
        if (!scanner.consume(':'))
            return false;
        scanner.skipSpace();
        const Field field = classify(key);
        if (field == kOther) {
            if (isShapeKey(key))
                return false;
            std::string value;
            bool present = false;
            if (!readFieldValue(scanner, value, present))
                return false;
            if (present)
                fields.other.insert_or_assign(std::move(key), std::move(value));
        } else {
            // A repeated key would make "which one wins" a question for the full parser.
            if (seen & field)
                return false;
            seen |= field;
            bool ok;
            if (field == kTags)
                ok = readTags(scanner, key, fields.tags);
            else if (field == kTimestamp)
                ok = readTimestamp(scanner, key, fields.timestampMs);
            else
                ok = scanner.peek() == '"' && scanner.string(*stringTarget(field, fields));
            if (!ok)
                return false;
        }
        scanner.skipSpace();
        if (scanner.consume('}'))
            break;
        if (!scanner.consume(','))
            return false;
    }
    scanner.skipSpace();
    if (!scanner.atEnd() || !(seen & kPrompt) || fields.prompt.empty())
        return false;

    out = Prompt{};
    out.shape = PromptShape::Plain;
    out.id = std::move((seen & kId) ? fields.id : fields.promptId);
    if (seen & (kExpected | kReference))
        out.expected = std::move((seen & kExpected) ? fields.expected : fields.reference);
    out.tags = std::move(fields.tags);
    out.fields = std::move(fields.other);
    if (seen & kTimestamp)
        out.timestampMs = fields.timestampMs;
    setPlainTurn(out, std::move(fields.prompt), std::move(fields.system));
    return true;
}

} // namespace switchyard::detail
