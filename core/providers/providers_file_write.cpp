// Writing providers.yaml: the inverse of the reader in providers_file.cpp, checked by running
// what it writes back through that reader.
#include "providers/providers_file.h"

#include "common/atomic_file.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <sys/stat.h>
#include <unistd.h>

namespace switchyard {

namespace {

// The shortest text from_chars reads back to the same double: "500", "0.5", "2.5".
std::string shortestNumber(double value) {
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc() ? std::string(buffer.data(), end) : std::to_string(value);
}

std::string secondsText(int64_t milliseconds) {
    return shortestNumber(static_cast<double>(milliseconds) / 1000.0);
}

void emitProvider(YAML::Emitter& out, const ProviderConfig& config) {
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << config.name;
    out << YAML::Key << "kind" << YAML::Value << std::string(providerKindName(config.kind));
    const std::pair<const char*, const std::string*> strings[] = {
        {"region", &config.region},         {"endpoint_url", &config.endpointUrl},
        {"profile", &config.profile},       {"base_url", &config.baseUrl},
        {"api_key_env", &config.apiKeyEnv}, {"api_key_header", &config.apiKeyHeader},
    };
    for (const auto& [key, value] : strings)
        if (!value->empty())
            out << YAML::Key << key << YAML::Value << *value;
    out << YAML::Key << "models" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& model : config.models)
        out << model;
    out << YAML::EndSeq;

    const ProviderLimits defaults;
    const ProviderLimits& limits = config.limits;
    const std::pair<const char*, std::optional<std::string>> numbers[] = {
        {"concurrency", limits.concurrency != defaults.concurrency
                            ? std::optional(std::to_string(limits.concurrency))
                            : std::nullopt},
        {"requests_per_minute", limits.requestsPerMinute != defaults.requestsPerMinute
                                    ? std::optional(shortestNumber(limits.requestsPerMinute))
                                    : std::nullopt},
        {"tokens_per_minute", limits.tokensPerMinute != defaults.tokensPerMinute
                                  ? std::optional(shortestNumber(limits.tokensPerMinute))
                                  : std::nullopt},
        {"connect_timeout_s", limits.connectTimeoutMs != defaults.connectTimeoutMs
                                  ? std::optional(secondsText(limits.connectTimeoutMs))
                                  : std::nullopt},
        {"timeout_s", limits.timeoutMs != defaults.timeoutMs
                          ? std::optional(secondsText(limits.timeoutMs))
                          : std::nullopt},
        {"max_attempts", limits.maxAttempts != defaults.maxAttempts
                             ? std::optional(std::to_string(limits.maxAttempts))
                             : std::nullopt},
    };
    for (const auto& [key, text] : numbers)
        if (text)
            out << YAML::Key << key << YAML::Value << *text;
    out << YAML::EndMap;
}

} // namespace

std::string providersToYaml(const ProvidersFile& file) {
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "providers" << YAML::Value << YAML::BeginSeq;
    for (const auto& provider : file.providers)
        emitProvider(out, provider);
    out << YAML::EndSeq << YAML::EndMap;
    return "# Switchyard providers. No credential is ever stored here: keys come from the\n"
           "# environment variable api_key_env names, an AWS profile, or the OS keychain.\n" +
           std::string(out.c_str()) + "\n";
}

Status validateProviders(const ProvidersFile& file) {
    auto parsed = parseProvidersYaml(providersToYaml(file), file.path);
    if (parsed)
        return success();
    Error error = parsed.error();
    error.line = 0;
    return error;
}

Status saveProvidersFile(const ProvidersFile& file, const std::string& path) {
    if (auto valid = validateProviders(file); !valid)
        return valid;
    return writeFileAtomically(path, providersToYaml(file), "the providers file");
}

std::string defaultProvidersFilePath(const EnvLookup& env, const std::string& home) {
    std::optional<std::string> chosen;
    if (env) {
        chosen = env("SWITCHYARD_PROVIDERS");
    } else if (const char* value = std::getenv("SWITCHYARD_PROVIDERS"); value && *value) {
        chosen = value;
    }
    if (chosen && !chosen->empty())
        return *chosen;
    std::string folder = home;
    if (folder.empty()) {
        const char* value = std::getenv("HOME");
        folder = value && *value ? value : ".";
    }
    return folder + "/.config/switchyard/providers.yaml";
}

} // namespace switchyard
