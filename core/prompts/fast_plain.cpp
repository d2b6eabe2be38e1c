#include "prompts/detail/flat_json_scanner.h"
#include "prompts/detail/records.h"

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
            if (isShapeKey(key) || !scanner.skipScalarOrFlatArray())
                return false;
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
    if (seen & kTimestamp)
        out.timestampMs = fields.timestampMs;
    setPlainTurn(out, std::move(fields.prompt), std::move(fields.system));
    return true;
}

} // namespace switchyard::detail
