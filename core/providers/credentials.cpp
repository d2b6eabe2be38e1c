#include "providers/credentials.h"
#include "providers/providers_file.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace switchyard {

namespace {

using Section = std::map<std::string, std::string>;

struct IniFile {
    std::string path;
    bool exists = false;
    std::map<std::string, Section> sections; // keyed by profile name
};

std::string trim(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r");
    return std::string(text.substr(begin, end - begin + 1));
}

// The AWS shared files: [section] headers and key = value lines; indented lines continue a
// nested value (s3 = ...) and are skipped. In the config file profiles are "[profile NAME]",
// except "[default]". Errors give the line, never its content: it may hold a key.
Expected<IniFile> readIni(const std::string& path, bool configStyle) {
    IniFile file;
    file.path = path;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return file;
    file.exists = true;
    std::string line;
    std::string current;
    bool inSection = false;
    int64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == ' ' || line[0] == '\t') {
            continue; // blank, or a nested value's continuation
        }
        const std::string text = trim(line);
        if (text.empty() || text[0] == '#' || text[0] == ';')
            continue;
        if (text.front() == '[') {
            if (text.back() != ']')
                return Error{path, number, "", "expected a [section] header"};
            std::string name = trim(std::string_view(text).substr(1, text.size() - 2));
            if (configStyle && name.rfind("profile ", 0) == 0)
                name = trim(std::string_view(name).substr(8));
            else if (configStyle && name != "default")
                name = "\x01" + name; // sso-session and services sections are not profiles
            current = name;
            inSection = true;
            file.sections[current];
            continue;
        }
        const auto equals = text.find('=');
        if (equals == std::string::npos || !inSection)
            return Error{path, number, "", "expected 'key = value' inside a [section]"};
        file.sections[current][trim(std::string_view(text).substr(0, equals))] =
            trim(std::string_view(text).substr(equals + 1));
    }
    return file;
}

std::string homeDirectory(const CredentialSources& sources) {
    if (!sources.homeDir.empty())
        return sources.homeDir;
    if (const char* home = std::getenv("HOME"))
        return home;
    return ".";
}

std::optional<std::string> lookup(const CredentialSources& sources, const std::string& name) {
    if (sources.env)
        return sources.env(name);
    const char* value = std::getenv(name.c_str());
    if (!value || !*value)
        return std::nullopt;
    return std::string(value);
}

struct ProfileFiles {
    IniFile credentials;
    IniFile config;
};

Expected<ProfileFiles> readProfiles(const CredentialSources& sources) {
    const std::string home = homeDirectory(sources);
    const std::string credentialsPath =
        lookup(sources, "AWS_SHARED_CREDENTIALS_FILE").value_or(home + "/.aws/credentials");
    const std::string configPath =
        lookup(sources, "AWS_CONFIG_FILE").value_or(home + "/.aws/config");
    auto credentials = readIni(credentialsPath, false);
    if (!credentials)
        return credentials.error();
    auto config = readIni(configPath, true);
    if (!config)
        return config.error();
    return ProfileFiles{std::move(*credentials), std::move(*config)};
}

const Section* section(const IniFile& file, const std::string& profile) {
    const auto it = file.sections.find(profile);
    return it == file.sections.end() ? nullptr : &it->second;
}

std::string value(const Section* section, const char* key) {
    if (!section)
        return {};
    const auto it = section->find(key);
    return it == section->end() ? std::string() : it->second;
}

// Static keys of a profile: the credentials file wins over the config file, as in the AWS CLI.
Expected<std::optional<AwsCredentials>> profileCredentials(const ProfileFiles& files,
                                                           const std::string& profile) {
    for (const IniFile* file : {&files.credentials, &files.config}) {
        const Section* found = section(*file, profile);
        if (!found)
            continue;
        const std::string keyId = value(found, "aws_access_key_id");
        const std::string secret = value(found, "aws_secret_access_key");
        if (keyId.empty() && secret.empty())
            continue;
        if (keyId.empty() || secret.empty())
            return Error{file->path, 0, "",
                         "profile '" + profile +
                             "' sets only one of aws_access_key_id and "
                             "aws_secret_access_key"};
        AwsCredentials credentials;
        credentials.accessKeyId = keyId;
        credentials.secretAccessKey = Secret(secret);
        credentials.sessionToken = Secret(value(found, "aws_session_token"));
        return std::optional<AwsCredentials>(std::move(credentials));
    }
    const Section* config = section(files.config, profile);
    for (const char* key : {"sso_session", "sso_start_url", "role_arn", "credential_process",
                            "web_identity_token_file"})
        if (!value(config, key).empty())
            return Error{files.config.path, 0, "",
                         "profile '" + profile + "' uses " + key +
                             ", which Switchyard does not resolve; export static or session "
                             "credentials first (aws configure export-credentials --profile " +
                             profile + " --format env)"};
    return std::optional<AwsCredentials>();
}

} // namespace

CredentialSources CredentialSources::fromProcess() {
    return CredentialSources{};
}

Expected<BedrockAuth> resolveBedrockAuth(const ProviderConfig& provider,
                                         const CredentialSources& sources) {
    const std::string who = "provider '" + provider.name + "'";
    BedrockAuth auth;
    if (auto token = lookup(sources, "AWS_BEARER_TOKEN_BEDROCK"))
        auth.bearerToken = Secret(*token);

    auto files = readProfiles(sources);
    if (!files)
        return files.error();

    const auto envKeyId = lookup(sources, "AWS_ACCESS_KEY_ID");
    const auto envSecret = lookup(sources, "AWS_SECRET_ACCESS_KEY");
    std::string profile = provider.profile;
    bool found = false;
    if (profile.empty() && envKeyId && envSecret) {
        auth.aws.accessKeyId = *envKeyId;
        auth.aws.secretAccessKey = Secret(*envSecret);
        auth.aws.sessionToken = Secret(lookup(sources, "AWS_SESSION_TOKEN").value_or(""));
        found = true;
    } else if (profile.empty() && (envKeyId || envSecret) && auth.bearerToken.empty()) {
        return Error{"", 0, "",
                     who + ": the environment sets only one of AWS_ACCESS_KEY_ID and "
                           "AWS_SECRET_ACCESS_KEY"};
    }
    const bool explicitProfile = !profile.empty();
    if (profile.empty())
        profile = lookup(sources, "AWS_PROFILE").value_or("default");
    if (!found) {
        auto fromProfile = profileCredentials(*files, profile);
        if (!fromProfile && auth.bearerToken.empty())
            return fromProfile.error();
        if (fromProfile && fromProfile->has_value()) {
            auth.aws = std::move(**fromProfile);
            found = true;
        }
    }
    if (!found && auth.bearerToken.empty() && sources.keychain)
        if (auto stored = sources.keychain(provider.name); stored && !stored->empty()) {
            auth.bearerToken = std::move(*stored);
        }
    if (!found && auth.bearerToken.empty()) {
        if (explicitProfile)
            return Error{"", 0, "",
                         who + ": AWS profile '" + profile + "' has no credentials in " +
                             files->credentials.path + " or " + files->config.path};
        return Error{"", 0, "",
                     who +
                         ": no AWS credentials: set AWS_ACCESS_KEY_ID and "
                         "AWS_SECRET_ACCESS_KEY, AWS_BEARER_TOKEN_BEDROCK, or a profile in " +
                         files->credentials.path};
    }

    auth.region = provider.region;
    if (auth.region.empty())
        auth.region = lookup(sources, "AWS_REGION").value_or("");
    if (auth.region.empty())
        auth.region = lookup(sources, "AWS_DEFAULT_REGION").value_or("");
    if (auth.region.empty())
        auth.region = value(section(files->config, profile), "region");
    if (auth.region.empty())
        return Error{"", 0, "",
                     who + ": no AWS region: set region in the providers file, AWS_REGION, or "
                           "region in the profile"};
    return auth;
}

Expected<Secret> resolveApiKey(const ProviderConfig& provider, const CredentialSources& sources) {
    const std::string variable = provider.apiKeyVariable();
    if (variable.empty())
        return Secret(); // an OpenAI-compatible server of your own, without authentication
    if (auto key = lookup(sources, variable))
        return Secret(*key);
    if (sources.keychain)
        if (auto stored = sources.keychain(provider.name); stored && !stored->empty())
            return std::move(*stored);
    return Error{"", 0, "",
                 "provider '" + provider.name + "': no API key: set " + variable +
                     (sources.keychain ? " or store the key in the keychain" : "")};
}

} // namespace switchyard
