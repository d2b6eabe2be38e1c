#include "providers/bedrock.h"
#include "providers/detail/wire.h"

namespace switchyard {

using nlohmann::json;

namespace {

void appendBlocks(json& out, const std::vector<ContentBlock>& blocks) {
    for (const auto& block : blocks) {
        out.push_back({{"text", block.text}});
        if (block.cacheCheckpoint) {
            json point{{"type", "default"}};
            if (!block.cacheTtl.empty())
                point["ttl"] = block.cacheTtl;
            out.push_back({{"cachePoint", std::move(point)}});
        }
    }
}

struct ErrorKind {
    std::string_view code;
    FailureClass kind;
};

constexpr ErrorKind kErrorKinds[] = {
    {"AccessDeniedException", FailureClass::Auth},
    {"UnrecognizedClientException", FailureClass::Auth},
    {"InvalidSignatureException", FailureClass::Auth},
    {"SignatureDoesNotMatch", FailureClass::Auth},
    {"IncompleteSignature", FailureClass::Auth},
    {"IncompleteSignatureException", FailureClass::Auth},
    {"MissingAuthenticationTokenException", FailureClass::Auth},
    {"ExpiredTokenException", FailureClass::Auth},
    {"InvalidClientTokenId", FailureClass::Auth},
    {"ThrottlingException", FailureClass::RateLimit},
    {"TooManyRequestsException", FailureClass::RateLimit},
    {"ServiceQuotaExceededException", FailureClass::RateLimit},
    {"ModelNotReadyException", FailureClass::RateLimit},
    {"InternalServerException", FailureClass::Server},
    {"InternalFailure", FailureClass::Server},
    {"ServiceUnavailableException", FailureClass::Server},
    {"ModelErrorException", FailureClass::Server},
    {"ModelStreamErrorException", FailureClass::Server},
    {"ModelTimeoutException", FailureClass::Timeout},
    {"ResourceNotFoundException", FailureClass::InvalidRequest},
    {"ValidationException", FailureClass::InvalidRequest},
};

} // namespace

std::string bedrockConverseUrl(const std::string& region, const std::string& endpointUrl,
                               std::string_view modelId) {
    std::string base =
        endpointUrl.empty() ? "https://bedrock-runtime." + region + ".amazonaws.com" : endpointUrl;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base + "/model/" + percentEncode(modelId) + "/converse";
}

std::string bedrockModelIdFromArn(std::string_view modelOrArn) {
    if (modelOrArn.rfind("arn:", 0) != 0)
        return std::string(modelOrArn);
    for (const std::string_view kind : {":foundation-model/", ":inference-profile/"}) {
        const auto at = modelOrArn.find(kind);
        if (at != std::string_view::npos)
            return std::string(modelOrArn.substr(at + kind.size()));
    }
    return std::string(modelOrArn);
}

bool isBedrockPromptRouter(std::string_view modelOrArn) {
    return modelOrArn.rfind("arn:", 0) == 0 &&
           (modelOrArn.find(":default-prompt-router/") != std::string_view::npos ||
            modelOrArn.find(":prompt-router/") != std::string_view::npos);
}

Expected<std::string> bedrockRequestBody(const Prompt& prompt, const CallParams& params) {
    auto checkpoints = detail::checkCacheCheckpoints(prompt, "Bedrock");
    if (!checkpoints)
        return checkpoints.error();
    auto tools = detail::readTools(prompt.toolsJson);
    if (!tools)
        return tools.error();

    json body = json::object();
    json messages = json::array();
    for (size_t i = 0; i < prompt.messages.size(); ++i) {
        const Message& message = prompt.messages[i];
        if (message.role != "user" && message.role != "assistant")
            return Error{"", 0, "messages[" + std::to_string(i) + "].role",
                         "Converse takes user and assistant turns, not '" + message.role + "'"};
        json content = json::array();
        appendBlocks(content, message.content);
        messages.push_back({{"role", message.role}, {"content", std::move(content)}});
    }
    body["messages"] = std::move(messages);
    if (!prompt.system.empty()) {
        json system = json::array();
        appendBlocks(system, prompt.system);
        body["system"] = std::move(system);
    }
    json inference{{"maxTokens", params.maxTokens}};
    if (params.temperature)
        inference["temperature"] = *params.temperature;
    if (!params.stopSequences.empty())
        inference["stopSequences"] = params.stopSequences;
    body["inferenceConfig"] = std::move(inference);
    if (!tools->empty()) {
        json list = json::array();
        for (const auto& tool : *tools) {
            json spec{{"name", tool.name}, {"inputSchema", {{"json", tool.schema}}}};
            if (!tool.description.empty())
                spec["description"] = tool.description;
            list.push_back({{"toolSpec", std::move(spec)}});
        }
        body["toolConfig"] = {{"tools", std::move(list)}};
    }
    return body.dump();
}

CallResult parseBedrockResponse(const HttpResponse& response, std::string_view model,
                                const std::vector<std::string>& secrets) {
    CallResult result;
    result.pricedModel = bedrockModelIdFromArn(model);
    json body;
    if (response.status < 200 || response.status >= 300) {
        std::string code;
        if (const std::string* type = response.header("x-amzn-ErrorType"))
            code = type->substr(0, type->find(':'));
        std::string message;
        if (!detail::parseJsonBody(response, body)) {
            for (const char* key : {"message", "Message"})
                if (const auto it = body.find(key); it != body.end() && it->is_string())
                    message = it->get<std::string>();
            if (code.empty()) // some gateways put the type in the body
                if (const auto it = body.find("__type"); it != body.end() && it->is_string())
                    code = it->get<std::string>().substr(it->get<std::string>().rfind('#') + 1);
        }
        if (message.empty())
            message = "HTTP " + std::to_string(response.status);
        FailureClass kind = detail::classForStatus(response.status);
        for (const auto& entry : kErrorKinds)
            if (entry.code == code)
                kind = entry.kind;
        if (kind == FailureClass::InvalidRequest && detail::saysContextLength(message))
            kind = FailureClass::ContextLength;
        result.error = detail::httpFailure(kind, response.status, code, message, secrets);
        return result;
    }
    if (auto failure = detail::parseJsonBody(response, body)) {
        result.error = std::move(*failure);
        return result;
    }

    const json* content = nullptr;
    if (const auto output = body.find("output"); output != body.end() && output->is_object())
        if (const auto message = output->find("message");
            message != output->end() && message->is_object())
            if (const auto list = message->find("content");
                list != message->end() && list->is_array())
                content = &*list;
    if (!content) {
        result.error = detail::httpFailure(FailureClass::BadResponse, response.status, "",
                                           "the response has no output.message.content", secrets);
        return result;
    }
    for (const auto& block : *content)
        if (block.is_object())
            if (const auto text = block.find("text"); text != block.end() && text->is_string())
                result.text += text->get<std::string>();
    if (const auto stop = body.find("stopReason"); stop != body.end() && stop->is_string())
        result.stopReason = stop->get<std::string>();
    if (const auto metrics = body.find("metrics"); metrics != body.end() && metrics->is_object())
        if (const auto latency = detail::tokenField(*metrics, "latencyMs"); latency.value)
            result.providerLatencyMs = latency.value;
    if (const auto trace = body.find("trace"); trace != body.end() && trace->is_object())
        if (const auto router = trace->find("promptRouter");
            router != trace->end() && router->is_object())
            if (const auto invoked = router->find("invokedModelId");
                invoked != router->end() && invoked->is_string()) {
                result.invokedModelArn = invoked->get<std::string>();
                result.pricedModel = bedrockModelIdFromArn(result.invokedModelArn);
            }

    std::string problem;
    const auto usage = body.find("usage");
    if (usage == body.end() || !usage->is_object()) {
        problem = "the response reports no usage";
    } else {
        const auto input = detail::tokenField(*usage, "inputTokens");
        const auto output = detail::tokenField(*usage, "outputTokens");
        const auto read = detail::tokenField(*usage, "cacheReadInputTokens");
        const auto write = detail::tokenField(*usage, "cacheWriteInputTokens");
        for (const detail::TokenField* field :
             std::initializer_list<const detail::TokenField*>{&input, &output, &read, &write})
            if (problem.empty() && !field->problem.empty())
                problem = field->problem;
        int64_t oneHour = 0;
        int64_t detailTotal = 0;
        if (const auto details = usage->find("cacheDetails");
            details != usage->end() && details->is_array())
            for (const auto& detail : *details) {
                const auto tokens = detail::tokenField(detail, "inputTokens");
                if (!tokens.problem.empty() && problem.empty())
                    problem = tokens.problem;
                detailTotal += tokens.value.value_or(0);
                if (detail.is_object() && detail.value("ttl", "") == "1h")
                    oneHour += tokens.value.value_or(0);
            }
        if (problem.empty() && (!input.value || !output.value))
            problem = "the usage lacks inputTokens or outputTokens";
        if (problem.empty()) {
            result.usageReported = true;
            result.usage.output = *output.value;
            result.usage.cacheRead = read.value.value_or(0);
            result.usage.cacheWrite = write.value.value_or(detailTotal);
            result.usage.cacheWrite1h = oneHour;
            // Converse counts cache reads and writes beside inputTokens; ours include them.
            result.usage.input = *input.value + result.usage.cacheRead + result.usage.cacheWrite;
            if (oneHour > result.usage.cacheWrite)
                problem = "cacheDetails report more 1-hour writes than cacheWriteInputTokens";
        }
    }
    if (!problem.empty()) {
        result.error =
            detail::httpFailure(FailureClass::BadResponse, response.status, "", problem, secrets);
        return result;
    }
    if (result.stopReason == "content_filtered" || result.stopReason == "guardrail_intervened")
        result.error =
            detail::httpFailure(FailureClass::ContentFilter, response.status, result.stopReason,
                                "the answer was filtered (" + result.stopReason + ")", secrets);
    return result;
}

BedrockProvider::BedrockProvider(ProviderConfig config, BedrockAuth auth)
    : Provider(std::move(config), {auth.bearerToken.reveal(), auth.aws.secretAccessKey.reveal(),
                                   auth.aws.sessionToken.reveal(), auth.aws.accessKeyId}),
      m_auth(std::move(auth)) {}

Expected<HttpRequest> BedrockProvider::buildRequest(std::string_view model, const Prompt& prompt,
                                                    const CallParams& params) const {
    auto body = bedrockRequestBody(prompt, params);
    if (!body)
        return body.error();
    HttpRequest request;
    request.url = bedrockConverseUrl(m_auth.region, config().endpointUrl, model);
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!m_auth.bearerToken.empty())
        request.headers.push_back({"Authorization", "Bearer " + m_auth.bearerToken.reveal()});
    request.body = std::move(*body);
    return request;
}

void BedrockProvider::authorize(HttpRequest& request, int64_t epochSeconds) const {
    if (!m_auth.bearerToken.empty())
        return;
    sigv4SignRequest(request, m_auth.aws, {m_auth.region, std::string(kBedrockSigningName)},
                     epochSeconds);
}

CallResult BedrockProvider::parseResponse(std::string_view model,
                                          const HttpResponse& response) const {
    return parseBedrockResponse(response, model, secrets());
}

} // namespace switchyard
