#include "providers/provider.h"
#include "providers/anthropic.h"
#include "providers/bedrock.h"
#include "providers/local_student.h"
#include "providers/openai.h"

#include <algorithm>

namespace switchyard {

Provider::Provider(ProviderConfig config, std::vector<std::string> secrets)
    : m_config(std::move(config)), m_secrets(std::move(secrets)) {
    std::erase_if(m_secrets, [](const std::string& secret) { return secret.empty(); });
}

void Provider::authorize(HttpRequest&, int64_t) const {}

Status Provider::checkModel(std::string_view) const {
    return success();
}

HttpResponse Provider::answerInProcess(std::string_view, const HttpRequest&) const {
    return {};
}

Expected<std::unique_ptr<Provider>> makeProvider(const ProviderConfig& config,
                                                 const CredentialSources& sources,
                                                 const StudentSource& students) {
    switch (config.kind) {
    case ProviderKind::Anthropic: {
        auto key = resolveApiKey(config, sources);
        if (!key)
            return key.error();
        return std::unique_ptr<Provider>(new AnthropicProvider(config, std::move(*key)));
    }
    case ProviderKind::OpenAi: {
        auto key = resolveApiKey(config, sources);
        if (!key)
            return key.error();
        return std::unique_ptr<Provider>(new OpenAiProvider(config, std::move(*key)));
    }
    case ProviderKind::Bedrock: {
        auto auth = resolveBedrockAuth(config, sources);
        if (!auth)
            return auth.error();
        return std::unique_ptr<Provider>(new BedrockProvider(config, std::move(*auth)));
    }
    case ProviderKind::LocalStudent:
        if (students)
            return std::unique_ptr<Provider>(new LocalStudentProvider(config, students));
        break;
    }
    return Error{"", 0, "",
                 "provider '" + config.name +
                     "' is a local student: it runs in-process from a workspace's students"};
}

} // namespace switchyard
