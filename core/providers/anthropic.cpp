#include "providers/anthropic.h"
#include "providers/detail/wire.h"

namespace switchyard {

using nlohmann::json;

namespace {

json textBlock(const ContentBlock& block) {
    json out{{"type", "text"}, {"text", block.text}};
    if (block.cacheCheckpoint) {
        json control{{"type", "ephemeral"}};
        if (!block.cacheTtl.empty())
            control["ttl"] = block.cacheTtl;
        out["cache_control"] = std::move(control);
    }
    return out;
}

std::string joinUrl(const std::string& base, std::string_view path) {
    std::string url = base.empty() ? std::string(kAnthropicDefaultBaseUrl) : base;
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    if (url.size() >= 3 && url.compare(url.size() - 3, 3, "/v1") == 0)
        url.resize(url.size() - 3);
    return url + std::string(path);
}

} // namespace

Expected<std::string> anthropicRequestBody(std::string_view model, const Prompt& prompt,
                                           const CallParams& params) {
    auto checkpoints = detail::checkCacheCheckpoints(prompt, "Anthropic");
    if (!checkpoints)
        return checkpoints.error();
    auto tools = detail::readTools(prompt.toolsJson);
    if (!tools)
        return tools.error();

    json body{{"model", std::string(model)}, {"max_tokens", params.maxTokens}};
    if (!prompt.system.empty()) {
        json system = json::array();
        for (const auto& block : prompt.system)
            system.push_back(textBlock(block));
        body["system"] = std::move(system);
    }
    json messages = json::array();
    for (size_t i = 0; i < prompt.messages.size(); ++i) {
        const Message& message = prompt.messages[i];
        if (message.role != "user" && message.role != "assistant")
            return Error{"", 0, "messages[" + std::to_string(i) + "].role",
                         "Anthropic takes user and assistant turns, not '" + message.role + "'"};
        json content = json::array();
        for (const auto& block : message.content)
            content.push_back(textBlock(block));
        messages.push_back({{"role", message.role}, {"content", std::move(content)}});
    }
    body["messages"] = std::move(messages);
    if (params.temperature)
        body["temperature"] = *params.temperature;
    if (!params.stopSequences.empty())
        body["stop_sequences"] = params.stopSequences;
    if (!tools->empty()) {
        json list = json::array();
        for (const auto& tool : *tools) {
            json item{{"name", tool.name}, {"input_schema", tool.schema}};
            if (!tool.description.empty())
                item["description"] = tool.description;
            list.push_back(std::move(item));
        }
        body["tools"] = std::move(list);
    }
    return body.dump();
}

CallResult parseAnthropicResponse(const HttpResponse& response, std::string_view model,
                                  const std::vector<std::string>& secrets) {
    CallResult result;
    result.pricedModel = std::string(model);
    json body;
    if (response.status < 200 || response.status >= 300) {
        const auto parseFailure = detail::parseJsonBody(response, body);
        std::string type;
        std::string message;
        if (!parseFailure) {
            if (const auto it = body.find("error"); it != body.end() && it->is_object()) {
                type = it->value("type", "");
                message = it->value("message", "");
            }
        }
        if (message.empty())
            message = "HTTP " + std::to_string(response.status);
        FailureClass kind = detail::classForStatus(response.status);
        if (type == "authentication_error" || type == "permission_error")
            kind = FailureClass::Auth;
        else if (type == "rate_limit_error")
            kind = FailureClass::RateLimit;
        else if (type == "overloaded_error" || type == "api_error")
            kind = FailureClass::Server;
        else if (type == "timeout_error")
            kind = FailureClass::Timeout;
        if (kind == FailureClass::InvalidRequest && detail::saysContextLength(message))
            kind = FailureClass::ContextLength;
        result.error = detail::httpFailure(kind, response.status, type, message, secrets);
        return result;
    }
    if (auto failure = detail::parseJsonBody(response, body)) {
        result.error = std::move(*failure);
        return result;
    }

    const auto content = body.find("content");
    if (content == body.end() || !content->is_array()) {
        result.error = detail::httpFailure(FailureClass::BadResponse, response.status, "",
                                           "the response has no content list", secrets);
        return result;
    }
    for (const auto& block : *content)
        if (block.is_object() && block.value("type", "") == "text" && block.contains("text") &&
            block["text"].is_string())
            result.text += block["text"].get<std::string>();
    if (const auto stop = body.find("stop_reason"); stop != body.end() && stop->is_string())
        result.stopReason = stop->get<std::string>();

    const auto usage = body.find("usage");
    std::string problem;
    if (usage == body.end() || !usage->is_object()) {
        problem = "the response reports no usage";
    } else {
        const auto input = detail::tokenField(*usage, "input_tokens");
        const auto output = detail::tokenField(*usage, "output_tokens");
        const auto read = detail::tokenField(*usage, "cache_read_input_tokens");
        const auto write = detail::tokenField(*usage, "cache_creation_input_tokens");
        detail::TokenField write5m, write1h;
        if (const auto split = usage->find("cache_creation");
            split != usage->end() && split->is_object()) {
            write5m = detail::tokenField(*split, "ephemeral_5m_input_tokens");
            write1h = detail::tokenField(*split, "ephemeral_1h_input_tokens");
        }
        for (const detail::TokenField* field : std::initializer_list<const detail::TokenField*>{
                 &input, &output, &read, &write, &write5m, &write1h})
            if (problem.empty() && !field->problem.empty())
                problem = field->problem;
        if (problem.empty() && (!input.value || !output.value))
            problem = "the usage lacks input_tokens or output_tokens";
        if (problem.empty()) {
            result.usageReported = true;
            result.usage.output = *output.value;
            result.usage.cacheRead = read.value.value_or(0);
            result.usage.cacheWrite1h = write1h.value.value_or(0);
            result.usage.cacheWrite =
                write.value.value_or(write5m.value.value_or(0) + result.usage.cacheWrite1h);
            // Anthropic counts cache reads and writes beside input_tokens; ours include them.
            result.usage.input = *input.value + result.usage.cacheRead + result.usage.cacheWrite;
            if (result.usage.cacheWrite1h > result.usage.cacheWrite)
                problem = "cache_creation.ephemeral_1h_input_tokens exceeds "
                          "cache_creation_input_tokens";
        }
    }
    if (!problem.empty()) {
        result.error =
            detail::httpFailure(FailureClass::BadResponse, response.status, "", problem, secrets);
        return result;
    }
    if (result.stopReason == "refusal")
        result.error = detail::httpFailure(FailureClass::ContentFilter, response.status, "refusal",
                                           "the model refused to answer", secrets);
    return result;
}

AnthropicProvider::AnthropicProvider(ProviderConfig config, Secret apiKey)
    : Provider(std::move(config), {apiKey.reveal()}), m_apiKey(std::move(apiKey)),
      m_url(joinUrl(this->config().baseUrl, "/v1/messages")) {}

Expected<HttpRequest> AnthropicProvider::buildRequest(std::string_view model, const Prompt& prompt,
                                                      const CallParams& params) const {
    auto body = anthropicRequestBody(model, prompt, params);
    if (!body)
        return body.error();
    HttpRequest request;
    request.url = m_url;
    request.headers = {{"Content-Type", "application/json"},
                       {"Accept", "application/json"},
                       {"anthropic-version", std::string(kAnthropicVersion)},
                       {"x-api-key", m_apiKey.reveal()}};
    if (detail::checkCacheCheckpoints(prompt, "Anthropic").value())
        request.headers.push_back({"anthropic-beta", std::string(kAnthropicExtendedTtlBeta)});
    request.body = std::move(*body);
    return request;
}

CallResult AnthropicProvider::parseResponse(std::string_view model,
                                            const HttpResponse& response) const {
    return parseAnthropicResponse(response, model, secrets());
}

} // namespace switchyard
