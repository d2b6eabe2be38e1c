#include "providers/openai.h"

#include "common/text_format.h"
#include "providers/detail/wire.h"

#include <cctype>

namespace switchyard {

using nlohmann::json;

namespace {

json content(const std::vector<ContentBlock>& blocks) {
    if (blocks.size() == 1)
        return blocks.front().text;
    json parts = json::array();
    for (const auto& block : blocks)
        parts.push_back({{"type", "text"}, {"text", block.text}});
    return parts;
}

} // namespace

std::string openAiChatUrl(const std::string& baseUrl) {
    std::string url = baseUrl.empty() ? std::string(kOpenAiDefaultBaseUrl) : baseUrl;
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    if (url.size() < 3 || url.compare(url.size() - 3, 3, "/v1") != 0)
        url += "/v1";
    return url + "/chat/completions";
}

Expected<std::string> openAiRequestBody(std::string_view model, const Prompt& prompt,
                                        const CallParams& params) {
    auto tools = detail::readTools(prompt.toolsJson);
    if (!tools)
        return tools.error();
    json messages = json::array();
    if (!prompt.system.empty())
        messages.push_back({{"role", "system"}, {"content", content(prompt.system)}});
    for (size_t i = 0; i < prompt.messages.size(); ++i) {
        const Message& message = prompt.messages[i];
        if (message.role != "user" && message.role != "assistant" && message.role != "system")
            return Error{"", 0, "messages[" + std::to_string(i) + "].role",
                         "chat completions take system, user and assistant turns, not '" +
                             message.role + "'"};
        messages.push_back({{"role", message.role}, {"content", content(message.content)}});
    }
    // max_tokens rather than max_completion_tokens: every compatible server understands it.
    json body{{"model", std::string(model)},
              {"messages", std::move(messages)},
              {"max_tokens", params.maxTokens}};
    if (params.temperature)
        body["temperature"] = *params.temperature;
    if (!params.stopSequences.empty())
        body["stop"] = params.stopSequences;
    if (!tools->empty()) {
        json list = json::array();
        for (const auto& tool : *tools) {
            json function{{"name", tool.name}, {"parameters", tool.schema}};
            if (!tool.description.empty())
                function["description"] = tool.description;
            list.push_back({{"type", "function"}, {"function", std::move(function)}});
        }
        body["tools"] = std::move(list);
    }
    return body.dump();
}

CallResult parseOpenAiResponse(const HttpResponse& response, std::string_view model,
                               const std::vector<std::string>& secrets) {
    CallResult result;
    result.pricedModel = std::string(model);
    json body;
    if (response.status < 200 || response.status >= 300) {
        std::string code;
        std::string message;
        if (!detail::parseJsonBody(response, body)) {
            if (const auto error = body.find("error"); error != body.end()) {
                if (error->is_string()) { // Ollama
                    message = error->get<std::string>();
                } else if (error->is_object()) {
                    message = error->value("message", "");
                    if (const auto c = error->find("code"); c != error->end() && c->is_string())
                        code = c->get<std::string>();
                    if (code.empty())
                        code = error->value("type", "");
                }
            }
        }
        if (message.empty())
            message = "HTTP " + std::to_string(response.status);
        FailureClass kind = detail::classForStatus(response.status);
        const std::string lowerCode = lowerCase(code);
        if (lowerCode == "context_length_exceeded" ||
            (kind == FailureClass::InvalidRequest && detail::saysContextLength(message)))
            kind = FailureClass::ContextLength;
        else if (lowerCode == "content_filter" || lowerCode == "content_policy_violation")
            kind = FailureClass::ContentFilter;
        else if (lowerCode == "invalid_api_key")
            kind = FailureClass::Auth;
        result.error = detail::httpFailure(kind, response.status, code, message, secrets);
        if (lowerCode == "insufficient_quota")
            result.error->retryable = false; // billing, not throttling: waiting will not help
        return result;
    }
    if (auto failure = detail::parseJsonBody(response, body)) {
        result.error = std::move(*failure);
        return result;
    }
    const auto choices = body.find("choices");
    if (choices == body.end() || !choices->is_array() || choices->empty() ||
        !(*choices)[0].is_object()) {
        result.error = detail::httpFailure(FailureClass::BadResponse, response.status, "",
                                           "the response has no choices", secrets);
        return result;
    }
    const json& choice = (*choices)[0];
    std::string refusal;
    if (const auto message = choice.find("message");
        message != choice.end() && message->is_object()) {
        if (const auto text = message->find("content"); text != message->end()) {
            if (text->is_string())
                result.text = text->get<std::string>();
            else if (text->is_array())
                for (const auto& part : *text)
                    if (part.is_object() && part.value("type", "") == "text")
                        result.text += part.value("text", "");
        }
        if (const auto r = message->find("refusal"); r != message->end() && r->is_string())
            refusal = r->get<std::string>();
    }
    if (const auto finish = choice.find("finish_reason");
        finish != choice.end() && finish->is_string())
        result.stopReason = finish->get<std::string>();

    std::string problem;
    const auto usage = body.find("usage");
    if (usage == body.end() || !usage->is_object()) {
        problem = "the response reports no usage";
    } else {
        const auto input = detail::tokenField(*usage, "prompt_tokens");
        const auto output = detail::tokenField(*usage, "completion_tokens");
        detail::TokenField cached;
        if (const auto details = usage->find("prompt_tokens_details");
            details != usage->end() && details->is_object())
            cached = detail::tokenField(*details, "cached_tokens");
        for (const detail::TokenField* field :
             std::initializer_list<const detail::TokenField*>{&input, &output, &cached})
            if (problem.empty() && !field->problem.empty())
                problem = field->problem;
        if (problem.empty() && (!input.value || !output.value))
            problem = "the usage lacks prompt_tokens or completion_tokens";
        if (problem.empty()) {
            result.usageReported = true;
            result.usage.input = *input.value;
            result.usage.output = *output.value;
            result.usage.cacheRead = cached.value.value_or(0);
            if (result.usage.cacheRead > result.usage.input)
                problem = "cached_tokens exceeds prompt_tokens";
        }
    }
    if (!problem.empty()) {
        result.error =
            detail::httpFailure(FailureClass::BadResponse, response.status, "", problem, secrets);
        return result;
    }
    if (result.stopReason == "content_filter")
        result.error =
            detail::httpFailure(FailureClass::ContentFilter, response.status, "content_filter",
                                "the provider's content filter stopped the answer", secrets);
    else if (!refusal.empty())
        result.error = detail::httpFailure(FailureClass::ContentFilter, response.status, "refusal",
                                           refusal, secrets);
    return result;
}

OpenAiProvider::OpenAiProvider(ProviderConfig config, Secret apiKey)
    : Provider(std::move(config), {apiKey.reveal()}), m_apiKey(std::move(apiKey)),
      m_url(openAiChatUrl(this->config().baseUrl)) {}

Expected<HttpRequest> OpenAiProvider::buildRequest(std::string_view model, const Prompt& prompt,
                                                   const CallParams& params) const {
    auto body = openAiRequestBody(model, prompt, params);
    if (!body)
        return body.error();
    HttpRequest request;
    request.url = m_url;
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!m_apiKey.empty()) {
        if (config().apiKeyHeader.empty() ||
            equalsIgnoreCase(config().apiKeyHeader, "authorization"))
            request.headers.push_back({"Authorization", "Bearer " + m_apiKey.reveal()});
        else
            request.headers.push_back({config().apiKeyHeader, m_apiKey.reveal()});
    }
    request.body = std::move(*body);
    return request;
}

CallResult OpenAiProvider::parseResponse(std::string_view model,
                                         const HttpResponse& response) const {
    return parseOpenAiResponse(response, model, secrets());
}

} // namespace switchyard
