#include "providers/providers_file.h"

#include "common/open_workspaces.h"
#include "providers/http.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace switchyard {

namespace {

constexpr std::array kKnownKeys = {
    "name",
    "kind",
    "region",
    "endpoint_url",
    "base_url",
    "profile",
    "api_key_env",
    "api_key_header",
    "models",
    "concurrency",
    "requests_per_minute",
    "tokens_per_minute",
    "connect_timeout_s",
    "timeout_s",
    "max_attempts",
};

// Keys people write when they paste a credential into the file. Refused, and never echoed.
constexpr std::array kSecretKeys = {
    "api_key",
    "apikey",
    "key",
    "secret",
    "token",
    "password",
    "bearer_token",
    "aws_access_key_id",
    "aws_secret_access_key",
    "aws_session_token",
    "secret_access_key",
};

bool isOneOf(std::string_view key, const auto& list) {
    return std::find(list.begin(), list.end(), key) != list.end();
}

class Reader {
public:
    explicit Reader(std::string path) : m_path(std::move(path)) {}

    Error error(const YAML::Node& node, const std::string& field, std::string message) const {
        const auto mark = node.Mark();
        return Error{m_path, mark.line >= 0 ? mark.line + 1 : 0, field, std::move(message)};
    }

    Expected<std::string> string(const YAML::Node& node, const std::string& field) const {
        if (!node.IsScalar() || node.Scalar().empty())
            return error(node, field, "expected a non-empty string");
        return node.Scalar();
    }

    Expected<double> number(const YAML::Node& node, const std::string& field, double min,
                            double max) const {
        if (!node.IsScalar())
            return error(node, field, "expected a number");
        const std::string& text = node.Scalar();
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size())
            return error(node, field, "expected a number, got '" + text + "'");
        if (value < min || value > max) {
            std::ostringstream range;
            range << "must be between " << min << " and " << max << ", got " << text;
            return error(node, field, range.str());
        }
        return value;
    }

    Expected<ProviderConfig> provider(const YAML::Node& node, const std::string& at) const {
        if (!node.IsMap())
            return error(node, at, "expected a mapping with name, kind and models");
        ProviderConfig config;
        config.sourceLine = node.Mark().line + 1;
        for (const auto& entry : node) {
            const std::string key = entry.first.Scalar();
            const std::string field = at + "." + key;
            if (isOneOf(key, kSecretKeys))
                return error(entry.first, field,
                             "credentials are not stored in the providers file; name the "
                             "environment variable that holds the key with api_key_env, or an "
                             "AWS profile with profile");
            if (!isOneOf(key, kKnownKeys))
                return error(entry.first, field, "unknown key");
        }
        auto get = [&node](const char* key) { return node[key]; };

        const YAML::Node name = get("name");
        if (!name)
            return error(node, at + ".name", "missing");
        auto nameText = string(name, at + ".name");
        if (!nameText)
            return nameText.error();
        for (const char c : *nameText)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
                return error(name, at + ".name",
                             "use letters, digits, '-', '_' or '.' (it prefixes model "
                             "references as NAME/model)");
        config.name = *nameText;

        const YAML::Node kind = get("kind");
        if (!kind)
            return error(node, at + ".kind",
                         "missing (bedrock, anthropic, openai or local-student)");
        auto kindText = string(kind, at + ".kind");
        if (!kindText)
            return kindText.error();
        if (*kindText == "bedrock")
            config.kind = ProviderKind::Bedrock;
        else if (*kindText == "anthropic")
            config.kind = ProviderKind::Anthropic;
        else if (*kindText == "openai")
            config.kind = ProviderKind::OpenAi;
        else if (*kindText == "local-student")
            config.kind = ProviderKind::LocalStudent;
        else
            return error(kind, at + ".kind",
                         "unknown kind '" + *kindText +
                             "' (expected bedrock, anthropic, openai or local-student)");

        const bool http =
            config.kind == ProviderKind::Anthropic || config.kind == ProviderKind::OpenAi;
        const bool bedrock = config.kind == ProviderKind::Bedrock;
        struct StringField {
            const char* key;
            std::string* target;
            bool allowed;
            const char* onlyFor;
        };
        const StringField strings[] = {
            {"region", &config.region, bedrock, "bedrock"},
            {"endpoint_url", &config.endpointUrl, bedrock, "bedrock"},
            {"profile", &config.profile, bedrock, "bedrock"},
            {"base_url", &config.baseUrl, http, "anthropic and openai"},
            {"api_key_env", &config.apiKeyEnv, http, "anthropic and openai"},
            {"api_key_header", &config.apiKeyHeader, config.kind == ProviderKind::OpenAi, "openai"},
        };
        for (const auto& field : strings) {
            const YAML::Node value = get(field.key);
            if (!value)
                continue;
            const std::string path = at + "." + field.key;
            if (!field.allowed)
                return error(value, path,
                             std::string("only applies to ") + field.onlyFor + " providers");
            auto text = string(value, path);
            if (!text)
                return text.error();
            *field.target = *text;
        }
        for (const auto* url : {"base_url", "endpoint_url"}) {
            const std::string& value =
                std::string_view(url) == "base_url" ? config.baseUrl : config.endpointUrl;
            UrlParts parts;
            if (!value.empty() && !parseUrl(value, parts))
                return error(get(url), at + "." + url,
                             "expected an http:// or https:// URL, got '" + value + "'");
        }
        if (!config.region.empty())
            for (const char c : config.region)
                if (!std::islower(static_cast<unsigned char>(c)) &&
                    !std::isdigit(static_cast<unsigned char>(c)) && c != '-')
                    return error(get("region"), at + ".region",
                                 "expected an AWS region such as us-east-1, got '" + config.region +
                                     "'");

        const YAML::Node models = get("models");
        if (!models)
            return error(node, at + ".models", "missing: list the models this provider offers");
        if (!models.IsSequence() || models.size() == 0)
            return error(models, at + ".models", "expected a non-empty list of model ids");
        std::set<std::string> seen;
        for (size_t i = 0; i < models.size(); ++i) {
            const std::string path = at + ".models[" + std::to_string(i) + "]";
            auto model = string(models[i], path);
            if (!model)
                return model.error();
            if (!seen.insert(*model).second)
                return error(models[i], path, "model '" + *model + "' is listed twice");
            config.models.push_back(*model);
        }

        struct NumberField {
            const char* key;
            double min, max;
        };
        for (const NumberField& field :
             {NumberField{"concurrency", 1, 4096}, NumberField{"requests_per_minute", 0, 1e9},
              NumberField{"tokens_per_minute", 0, 1e12},
              NumberField{"connect_timeout_s", 0.001, 600}, NumberField{"timeout_s", 0.001, 86400},
              NumberField{"max_attempts", 1, 20}}) {
            const YAML::Node value = get(field.key);
            if (!value)
                continue;
            auto number = this->number(value, at + "." + field.key, field.min, field.max);
            if (!number)
                return number.error();
            const std::string_view key = field.key;
            if ((key == "concurrency" || key == "max_attempts") && *number != std::floor(*number))
                return error(value, at + "." + field.key, "expected a whole number");
            if (key == "concurrency")
                config.limits.concurrency = static_cast<int>(*number);
            else if (key == "requests_per_minute")
                config.limits.requestsPerMinute = *number;
            else if (key == "tokens_per_minute")
                config.limits.tokensPerMinute = *number;
            // Rounded, not truncated: 1.005 s is 1004.9999... ms in binary and must read as the
            // 1005 ms that providersToYaml wrote.
            else if (key == "connect_timeout_s")
                config.limits.connectTimeoutMs = std::llround(*number * 1000);
            else if (key == "timeout_s")
                config.limits.timeoutMs = std::llround(*number * 1000);
            else
                config.limits.maxAttempts = static_cast<int>(*number);
        }
        return config;
    }

    Expected<ProvidersFile> file(std::string_view text) const {
        YAML::Node root;
        try {
            root = YAML::Load(std::string(text));
        } catch (const YAML::Exception& e) {
            return Error{m_path, e.mark.line >= 0 ? e.mark.line + 1 : 0, "", e.msg};
        }
        if (!root || root.IsNull())
            return Error{m_path, 0, "providers", "the file is empty"};
        if (!root.IsMap())
            return error(root, "", "expected a mapping with a 'providers' list");
        for (const auto& entry : root)
            if (entry.first.Scalar() != "providers")
                return error(entry.first, entry.first.Scalar(), "unknown key");
        const YAML::Node list = root["providers"];
        if (!list)
            return error(root, "providers", "missing");
        if (!list.IsSequence())
            return error(list, "providers", "expected a list of providers");

        ProvidersFile file;
        file.path = m_path;
        for (size_t i = 0; i < list.size(); ++i) {
            const std::string at = "providers[" + std::to_string(i) + "]";
            auto config = provider(list[i], at);
            if (!config)
                return config.error();
            if (file.find(config->name))
                return error(list[i]["name"], at + ".name",
                             "provider '" + config->name + "' is defined twice");
            file.providers.push_back(std::move(*config));
        }
        return file;
    }

private:
    std::string m_path;
};

} // namespace

std::string_view providerKindName(ProviderKind kind) {
    switch (kind) {
    case ProviderKind::Bedrock:
        return "bedrock";
    case ProviderKind::Anthropic:
        return "anthropic";
    case ProviderKind::OpenAi:
        return "openai";
    case ProviderKind::LocalStudent:
        return "local-student";
    }
    return "openai";
}

const ProviderConfig* ProvidersFile::find(std::string_view name) const {
    for (const auto& provider : providers)
        if (provider.name == name)
            return &provider;
    return nullptr;
}

Expected<ProvidersFile> parseProvidersYaml(std::string_view text, const std::string& path) {
    return Reader(path).file(text);
}

Expected<ProvidersFile> loadProvidersFile(const std::string& path) {
    auto text = readUserTextFile(path, "the providers file");
    if (!text)
        return text.error();
    return parseProvidersYaml(*text, path);
}

std::string ProviderConfig::apiKeyVariable() const {
    if (!apiKeyEnv.empty())
        return apiKeyEnv;
    if (kind == ProviderKind::Anthropic)
        return "ANTHROPIC_API_KEY";
    if (kind == ProviderKind::OpenAi && baseUrl.empty())
        return "OPENAI_API_KEY";
    return {};
}

bool ProviderConfig::sameSettings(const ProviderConfig& other) const {
    return name == other.name && kind == other.kind && baseUrl == other.baseUrl &&
           region == other.region && endpointUrl == other.endpointUrl && profile == other.profile &&
           apiKeyEnv == other.apiKeyEnv && apiKeyHeader == other.apiKeyHeader &&
           models == other.models && limits == other.limits;
}

} // namespace switchyard
