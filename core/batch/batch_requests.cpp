#include "batch/batch_requests.h"

#include "providers/anthropic.h"
#include "providers/bedrock.h"
#include "providers/openai.h"

#include <nlohmann/json.hpp>

namespace switchyard {

namespace {

// The synchronous body as a JSON value, to be nested in the batch record.
Expected<nlohmann::json> bodyFor(BatchFormat format, std::string_view modelName,
                                 const Prompt& prompt, const CallParams& params) {
    Expected<std::string> body = format == BatchFormat::Bedrock ? bedrockRequestBody(prompt, params)
                                 : format == BatchFormat::OpenAi
                                     ? openAiRequestBody(modelName, prompt, params)
                                     : anthropicRequestBody(modelName, prompt, params);
    if (!body)
        return body.error();
    return nlohmann::json::parse(*body);
}

} // namespace

Expected<std::string> batchRequestLine(BatchFormat format, const BatchRecordId& id,
                                       std::string_view modelName, const Prompt& prompt,
                                       const CallParams& params) {
    auto body = bodyFor(format, modelName, prompt, params);
    if (!body)
        return Error{"", 0, "", "prompt '" + prompt.id + "': " + body.error().message};
    const std::string recordId = formatBatchRecordId(id);
    nlohmann::json line;
    switch (format) {
    case BatchFormat::Bedrock:
        line = {{"recordId", recordId}, {"modelInput", std::move(*body)}};
        break;
    case BatchFormat::OpenAi:
        line = {{"custom_id", recordId},
                {"method", "POST"},
                {"url", "/v1/chat/completions"},
                {"body", std::move(*body)}};
        break;
    case BatchFormat::Anthropic:
        line = {{"custom_id", recordId}, {"params", std::move(*body)}};
        break;
    }
    return line.dump();
}

std::string batchFileHead(BatchFormat format) {
    return format == BatchFormat::Anthropic ? "{\"requests\": [\n" : "";
}

std::string batchFileTail(BatchFormat format) {
    return format == BatchFormat::Anthropic ? "\n]}\n" : "\n";
}

std::string_view batchLineSeparator(BatchFormat format) {
    return format == BatchFormat::Anthropic ? ",\n" : "\n";
}

std::string_view batchFileExtension(BatchFormat format) {
    return format == BatchFormat::Anthropic ? ".json" : ".jsonl";
}

} // namespace switchyard
