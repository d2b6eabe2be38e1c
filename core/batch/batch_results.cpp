#include "batch/batch_results.h"

#include "providers/anthropic.h"
#include "providers/bedrock.h"
#include "providers/detail/wire.h"
#include "providers/openai.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace switchyard {

namespace {

using nlohmann::json;

HttpResponse jsonResponse(int status, const json& body) {
    return HttpResponse{status, {{"content-type", "application/json"}}, body.dump()};
}

std::string textOf(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

CallFailure failureOf(FailureClass kind, int status, std::string code, std::string message) {
    return detail::httpFailure(kind, status, std::move(code), std::move(message), {});
}

// Anthropic's error types as the synchronous API's statuses would classify them.
FailureClass anthropicErrorClass(const std::string& type) {
    if (type == "invalid_request_error" || type == "not_found_error" || type == "request_too_large")
        return FailureClass::InvalidRequest;
    if (type == "authentication_error" || type == "permission_error")
        return FailureClass::Auth;
    if (type == "rate_limit_error")
        return FailureClass::RateLimit;
    return FailureClass::Server;
}

Expected<BatchResultLine> readBedrock(const json& record) {
    BatchResultLine out;
    out.format = BatchFormat::Bedrock;
    out.recordId = textOf(record, "recordId");
    if (const auto output = record.find("modelOutput");
        output != record.end() && output->is_object()) {
        out.response = jsonResponse(200, *output);
    } else if (const auto error = record.find("error");
               error != record.end() && error->is_object()) {
        const int code = error->value("errorCode", 0);
        out.failure = failureOf(detail::classForStatus(code), code, std::to_string(code),
                                textOf(*error, "errorMessage"));
    } else {
        return Error{"", 0, "modelOutput", "neither modelOutput nor error"};
    }
    return out;
}

Expected<BatchResultLine> readOpenAi(const json& record) {
    BatchResultLine out;
    out.format = BatchFormat::OpenAi;
    out.recordId = textOf(record, "custom_id");
    const auto response = record.find("response");
    if (response != record.end() && response->is_object()) {
        const auto body = response->find("body");
        if (body == response->end() || !body->is_object())
            return Error{"", 0, "response.body", "missing or not an object"};
        out.response = jsonResponse(response->value("status_code", 0), *body);
    } else if (const auto error = record.find("error");
               error != record.end() && error->is_object()) {
        out.failure = failureOf(FailureClass::InvalidRequest, 0, textOf(*error, "code"),
                                textOf(*error, "message"));
    } else {
        return Error{"", 0, "response", "neither response nor error"};
    }
    return out;
}

Expected<BatchResultLine> readAnthropic(const json& record) {
    BatchResultLine out;
    out.format = BatchFormat::Anthropic;
    out.recordId = textOf(record, "custom_id");
    const auto result = record.find("result");
    if (result == record.end() || !result->is_object())
        return Error{"", 0, "result", "missing or not an object"};
    const std::string type = textOf(*result, "type");
    if (type == "succeeded") {
        const auto message = result->find("message");
        if (message == result->end() || !message->is_object())
            return Error{"", 0, "result.message", "missing or not an object"};
        out.response = jsonResponse(200, *message);
    } else if (type == "errored") {
        // {"type": "error", "error": {"type": ..., "message": ...}}
        const json error = result->value("error", json::object()).value("error", json::object());
        out.failure = failureOf(anthropicErrorClass(textOf(error, "type")), 0,
                                textOf(error, "type"), textOf(error, "message"));
    } else if (type == "canceled") {
        out.failure = failureOf(FailureClass::Cancelled, 0, type,
                                "the batch was canceled before this request ran");
    } else if (type == "expired") {
        out.failure = failureOf(FailureClass::Timeout, 0, type,
                                "the batch expired (24 hours) before this request ran");
    } else {
        return Error{"", 0, "result.type",
                     "'" + type + "' is not succeeded, errored, canceled or expired"};
    }
    return out;
}

} // namespace

Expected<BatchResultLine> readBatchResultLine(std::string_view line) {
    const json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!record.is_object())
        return Error{"", 0, "", "not a JSON object"};
    Expected<BatchResultLine> out =
        record.contains("recordId") ? readBedrock(record)
        : record.contains("result") ? readAnthropic(record)
        : record.contains("custom_id")
            ? readOpenAi(record)
            : Expected<BatchResultLine>(
                  Error{"", 0, "recordId", "no recordId or custom_id: not a batch result"});
    if (out && out->recordId.empty())
        return Error{"", 0, out->format == BatchFormat::Bedrock ? "recordId" : "custom_id",
                     "missing or not a string"};
    return out;
}

CallResult batchCallResult(const BatchResultLine& line, std::string_view modelName) {
    if (line.failure) {
        CallResult result;
        result.error = line.failure;
        result.attempts = 1;
        return result;
    }
    switch (line.format) {
    case BatchFormat::Bedrock:
        return parseBedrockResponse(*line.response, modelName);
    case BatchFormat::OpenAi:
        return parseOpenAiResponse(*line.response, modelName);
    case BatchFormat::Anthropic:
        return parseAnthropicResponse(*line.response, modelName);
    }
    return {};
}

bool isBatchResultFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string text;
    while (std::getline(in, text))
        if (text.find_first_not_of(" \t\r") != std::string::npos)
            break;
    const auto line = readBatchResultLine(text);
    return line && parseBatchRecordId(line->recordId).has_value();
}

} // namespace switchyard
