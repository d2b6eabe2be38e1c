#include "traffic/invocation_log.h"

#include "prompts/detail/content_reader.h"
#include "prompts/detail/json_records.h"
#include "prompts/detail/records.h"
#include "traffic/log_stream.h"

#include "cache/detail/hash.h"

#include <cstdio>

#include <filesystem>

namespace switchyard {

using detail::JsonValue;
using detail::member;
using detail::stringMember;

struct InvocationLogReader::Parsers {
    detail::JsonLineParser line;
    detail::JsonLineParser message; // the record inside a CloudWatch event's "message"
    detail::JsonLineParser body;    // a body delivered as its own object
};

namespace {

namespace fs = std::filesystem;

constexpr int64_t kMaxBodyBytes = int64_t{64} * 1024 * 1024;

// "2024-05-01T10:00:00.000Z {...}": CloudWatch Logs' export writes each event after its time.
std::string_view withoutEventTime(std::string_view line) {
    if (line.empty() || line.front() == '{')
        return line;
    const auto space = line.find(' ');
    if (space == std::string_view::npos || space + 1 >= line.size() || line[space + 1] != '{')
        return line;
    return detail::parseIsoTimestampMs(line.substr(0, space)) ? line.substr(space + 1) : line;
}

// arn:partition:service:region:account:resource; model ids hold ':' too, so only the first five
// separate fields.
std::string_view arnResource(std::string_view arn) {
    size_t pos = 0;
    for (int i = 0; i < 5; ++i) {
        pos = arn.find(':', pos);
        if (pos == std::string_view::npos)
            return {};
        ++pos;
    }
    return arn.substr(pos);
}

std::optional<std::string_view> promptRouterChoice(JsonValue body) {
    if (body.is_array()) {
        // A streamed answer names the routed model in its metadata event.
        for (JsonValue chunk : detail::arrayOf(body))
            if (const auto metadata = member(chunk, "metadata"))
                if (auto choice = promptRouterChoice(*metadata))
                    return choice;
        return std::nullopt;
    }
    const auto trace = member(body, "trace");
    const auto router = trace ? member(*trace, "promptRouter") : std::nullopt;
    return router ? stringMember(*router, "invokedModelId") : std::nullopt;
}

// The model that served a call, named as the catalogue prices it.
std::string servedModel(std::string_view modelId, std::optional<JsonValue> outputBody) {
    if (!modelId.starts_with("arn:"))
        return std::string(modelId);
    const std::string_view resource = arnResource(modelId);
    if (resource.find("prompt-router/") != std::string_view::npos) {
        if (outputBody)
            if (const auto invoked = promptRouterChoice(*outputBody))
                return servedModel(*invoked, std::nullopt);
        return std::string(modelId);
    }
    for (std::string_view kind : {"foundation-model/", "inference-profile/"})
        if (resource.starts_with(kind))
            return std::string(resource.substr(kind.size()));
    // Application inference profiles, provisioned and custom models name no priced model.
    return std::string(modelId);
}

// The answer's text from any response body the log may hold: Converse, Anthropic Messages,
// OpenAI chat, Titan, Llama, Mistral, or the list of events of a streamed answer.
void appendOutputText(JsonValue body, std::string& out) {
    if (body.is_array()) {
        for (JsonValue chunk : detail::arrayOf(body)) {
            if (const auto delta = member(chunk, "contentBlockDelta"))
                if (const auto inner = member(*delta, "delta"))
                    if (const auto text = stringMember(*inner, "text"))
                        out += *text;
            if (const auto delta = member(chunk, "delta"))
                if (const auto text = stringMember(*delta, "text"))
                    out += *text;
            for (const char* key : {"generation", "outputText", "completion"})
                if (const auto text = stringMember(chunk, key))
                    out += *text;
        }
        return;
    }
    if (const auto output = member(body, "output"))
        if (const auto message = member(*output, "message"))
            if (const auto content = member(*message, "content"))
                for (JsonValue block : detail::arrayOf(*content))
                    if (const auto text = stringMember(block, "text"))
                        out += *text;
    if (const auto content = member(body, "content"))
        for (JsonValue block : detail::arrayOf(*content))
            if (const auto text = stringMember(block, "text"))
                out += *text;
    if (const auto choices = member(body, "choices"))
        for (JsonValue choice : detail::arrayOf(*choices)) {
            if (const auto message = member(choice, "message"))
                if (const auto text = stringMember(*message, "content"))
                    out += *text;
            if (const auto text = stringMember(choice, "text"))
                out += *text;
        }
    if (const auto results = member(body, "results"))
        for (JsonValue result : detail::arrayOf(*results))
            if (const auto text = stringMember(result, "outputText"))
                out += *text;
    if (const auto outputs = member(body, "outputs"))
        for (JsonValue item : detail::arrayOf(*outputs))
            if (const auto text = stringMember(item, "text"))
                out += *text;
    for (const char* key : {"generation", "completion"})
        if (const auto text = stringMember(body, key))
            out += *text;
}

std::optional<double> latencyOf(JsonValue body) {
    if (body.is_array()) {
        for (JsonValue chunk : detail::arrayOf(body))
            if (const auto metadata = member(chunk, "metadata"))
                if (auto latency = latencyOf(*metadata))
                    return latency;
        return std::nullopt;
    }
    const auto metrics = member(body, "metrics");
    const auto latency = metrics ? member(*metrics, "latencyMs") : std::nullopt;
    return latency ? detail::numberOf(*latency) : std::nullopt;
}

// "arn:aws:sts::1:assumed-role/Role/session" is the role "Role"; "arn:aws:iam::1:user/alice" is
// "alice": the name a FinOps report groups callers by.
std::string identityName(std::string_view arn) {
    const std::string_view resource = arnResource(arn);
    if (resource.empty())
        return std::string(arn);
    const auto slash = resource.find('/');
    if (slash == std::string_view::npos)
        return std::string(resource);
    const std::string_view rest = resource.substr(slash + 1);
    return std::string(rest.substr(
        0, resource.starts_with("assumed-role/") ? rest.find('/') : std::string_view::npos));
}

// Where a separately delivered body sits in a local copy of the bucket: the bucket's folder, or
// any folder the copy started at (a sync of one prefix drops the key's leading parts).
std::optional<std::string> localCopy(std::string_view s3Path,
                                     const std::vector<std::string>& roots) {
    if (!s3Path.starts_with("s3://"))
        return std::nullopt;
    const std::string_view rest = s3Path.substr(5);
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    const std::string bucket(rest.substr(0, slash));
    std::string_view key = rest.substr(slash + 1);
    std::error_code error;
    for (const std::string& root : roots) {
        const fs::path base =
            fs::is_directory(root, error) ? fs::path(root) : fs::path(root).parent_path();
        if (fs::is_regular_file(base / bucket / key, error))
            return (base / bucket / key).string();
        for (std::string_view suffix = key; !suffix.empty();) {
            if (fs::is_regular_file(base / suffix, error))
                return (base / suffix).string();
            const auto next = suffix.find('/');
            suffix = next == std::string_view::npos ? std::string_view() : suffix.substr(next + 1);
        }
    }
    return std::nullopt;
}

Expected<std::string> readWholeStream(const std::string& path) {
    auto stream = LogStream::open(path);
    if (!stream)
        return stream.error();
    std::string text;
    char buffer[64 * 1024];
    for (;;) {
        const auto got = stream->read(buffer, sizeof buffer);
        if (got == 0)
            return text;
        if (got < 0)
            return Error{path, 0, "", stream->damage()};
        text.append(buffer, static_cast<size_t>(got));
        if (static_cast<int64_t>(text.size()) > kMaxBodyBytes)
            return Error{path, 0, "", "the body is larger than 64 MiB"};
    }
}

// An agent stuck in a loop sends the same conversation again with one more turn each time: the
// system text and first turn name the conversation, so the Traffic page can follow it.
void markConversation(Prompt& prompt) {
    if (prompt.messages.empty())
        return;
    std::string opening = prompt.systemText();
    opening += '\x1f';
    for (const ContentBlock& block : prompt.messages.front().content)
        opening += block.text;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(cache_detail::hashBytes(opening)));
    prompt.fields.emplace(kConversationField, hex);
}

} // namespace

InvocationLogReader::InvocationLogReader(std::vector<std::string> searchRoots)
    : m_roots(std::move(searchRoots)), m_parsers(std::make_unique<Parsers>()) {}

InvocationLogReader::~InvocationLogReader() = default;

bool InvocationLogReader::looksLikeLogRecord(std::string_view line) {
    auto record = m_parsers->line.parse(withoutEventTime(line));
    if (!record || !record->is_object())
        return false;
    if (member(*record, "modelId") || member(*record, "schemaType"))
        return true;
    const auto message = stringMember(*record, "message");
    if (!message)
        return false;
    auto inner = m_parsers->message.parse(*message);
    return inner && (member(*inner, "modelId") || member(*inner, "schemaType"));
}

Expected<TrafficRecord> InvocationLogReader::read(std::string_view line) {
    auto parsed = m_parsers->line.parse(withoutEventTime(line));
    if (!parsed)
        return parsed.error();
    JsonValue record = *parsed;
    if (!record.is_object())
        return Error{"", 0, "",
                     std::string("each line must be a JSON object, found ") +
                         detail::jsonTypeName(record)};
    if (!member(record, "modelId"))
        if (const auto message = stringMember(record, "message")) {
            auto inner = m_parsers->message.parse(*message);
            if (!inner)
                return Error{"", 0, "message",
                             "the event's message is not a JSON record: " + inner.error().message};
            record = *inner;
        }
    const detail::JsonObject fields(record);
    if (const auto schema = fields.find("schemaType");
        schema && detail::stringOf(*schema) != std::string_view("ModelInvocationLog"))
        return Error{"", 0, "schemaType",
                     "schemaType " + simdjson::to_string(*schema) +
                         " is not a model invocation log (expected \"ModelInvocationLog\")"};

    TrafficRecord out;
    const auto modelId = fields.find("modelId");
    if (!modelId)
        return detail::missingField("modelId");
    const auto modelText = detail::stringOf(*modelId);
    if (!modelText || modelText->empty())
        return detail::mustBe("modelId", "a model id or ARN");
    out.modelAsLogged = std::string(*modelText);

    const auto timestamp = fields.find("timestamp");
    if (!timestamp)
        return detail::missingField("timestamp");
    const auto timeText = detail::stringOf(*timestamp);
    if (timeText)
        out.prompt.timestampMs = detail::parseIsoTimestampMs(*timeText);
    else if (const auto number = detail::numberOf(*timestamp))
        out.prompt.timestampMs = detail::epochMsFromNumber(*number);
    if (!out.prompt.timestampMs)
        return Error{"", 0, "timestamp", detail::kTimestampValueMessage};

    if (const auto id = fields.find("requestId"))
        if (const auto text = detail::stringOf(*id))
            out.prompt.id = std::string(*text);
    if (const auto error = fields.find("errorCode"))
        if (auto text = detail::scalarText(*error))
            out.errorCode = std::move(*text);

    if (const auto identity = fields.find("identity"))
        if (const auto arn = stringMember(*identity, "arn"))
            out.prompt.tags.push_back("identity:" + identityName(*arn));
    if (const auto metadata = fields.find("requestMetadata"))
        for (const auto entry : detail::objectOf(*metadata))
            if (auto text = detail::scalarText(entry.value))
                out.prompt.tags.push_back(std::string(entry.key) + ":" + *text);

    std::optional<JsonValue> outputBody;
    if (const auto output = fields.find("output")) {
        out.outputTokens = detail::integerMember(*output, "outputTokenCount").value_or(0);
        outputBody = member(*output, "outputBodyJson");
        std::optional<std::string> bodyFile;
        if (!outputBody)
            if (const auto s3 = stringMember(*output, "outputBodyS3Path"))
                if ((bodyFile = localCopy(*s3, m_roots)))
                    if (auto text = readWholeStream(*bodyFile))
                        if (auto body = m_parsers->body.parse(*text))
                            outputBody = *body;
        if (outputBody) {
            appendOutputText(*outputBody, out.output);
            out.latencyMs = latencyOf(*outputBody);
        }
    }
    out.model = servedModel(out.modelAsLogged, outputBody);

    if (const auto input = fields.find("input")) {
        const int64_t uncached = detail::integerMember(*input, "inputTokenCount").value_or(0);
        out.cacheReadTokens = detail::integerMember(*input, "cacheReadInputTokenCount").value_or(0);
        out.cacheWriteTokens =
            detail::integerMember(*input, "cacheWriteInputTokenCount").value_or(0);
        // Bedrock counts cached tokens apart; the project's input counts them in.
        out.inputTokens = uncached + out.cacheReadTokens + out.cacheWriteTokens;
        std::optional<JsonValue> body = member(*input, "inputBodyJson");
        if (!body)
            if (const auto s3 = stringMember(*input, "inputBodyS3Path")) {
                const auto file = localCopy(*s3, m_roots);
                auto text = file ? readWholeStream(*file)
                                 : Expected<std::string>(Error{"", 0, "", "no local copy found"});
                auto parsed =
                    text ? m_parsers->body.parse(*text) : Expected<JsonValue>(text.error());
                if (parsed) {
                    body = member(*parsed, "inputBodyJson").value_or(*parsed);
                    out.bodyFollowed = true;
                } else {
                    out.missingBody = std::string(*s3) + ": " + parsed.error().message;
                }
            }
        if (body) {
            if (auto status = detail::readRequestBody(*body, "input.inputBodyJson.", out.prompt);
                !status) {
                // The call happened and was paid for whatever its body holds: the record keeps
                // its usage, and the body's problem is reported with it.
                out.prompt.messages.clear();
                out.prompt.system.clear();
                out.missingBody = status.error().field + ": " + status.error().message;
            }
        }
        markConversation(out.prompt);
    }
    return out;
}

} // namespace switchyard
