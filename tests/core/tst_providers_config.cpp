// providers.yaml (every field, every class of mistake with the path and line it names; writing
// it back, validating edits, the atomic save and where the file is looked for) and
// credential resolution (environment, ~/.aws/credentials and ~/.aws/config profiles, bearer
// tokens, the keychain hook), on real files in a temporary home directory.
#include "providers/credentials.h"
#include "providers/provider.h"
#include "providers/providers_file.h"

#include <QtTest>

#include <map>

using namespace switchyard;

namespace {

struct FakeEnvironment {
    std::map<std::string, std::string> values;

    CredentialSources sources(const QString& home) const {
        CredentialSources sources;
        sources.homeDir = home.toStdString();
        sources.env = [values = values](const std::string& name) -> std::optional<std::string> {
            const auto it = values.find(name);
            if (it == values.end() || it->second.empty())
                return std::nullopt;
            return it->second;
        };
        return sources;
    }
};

void writeFile(const QString& path, const QByteArray& content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

ProviderConfig bedrockConfig(const std::string& profile = {}, const std::string& region = {}) {
    ProviderConfig config;
    config.name = "bedrock";
    config.kind = ProviderKind::Bedrock;
    config.profile = profile;
    config.region = region;
    config.models = {"amazon.nova-micro-v1:0"};
    return config;
}

const char* kArchitectureExample = R"(providers:
  - name: bedrock
    kind: bedrock            # bedrock | anthropic | openai | local-student
    region: us-east-1
    endpoint_url: http://127.0.0.1:9000   # optional override
    profile: default
    models: [anthropic.claude-3-5-haiku-20241022-v1:0]
  - name: openai
    kind: openai
    base_url: https://api.openai.com
    api_key_env: OPENAI_API_KEY
    models: [gpt-4o-mini, gpt-4o]
    concurrency: 32
    requests_per_minute: 500
    tokens_per_minute: 200000
    timeout_s: 30
    connect_timeout_s: 2.5
    max_attempts: 6
  - name: ollama
    kind: openai
    base_url: http://localhost:11434/v1
    models: [llama3.2]
  - name: claude
    kind: anthropic
    models: [claude-haiku-4-5]
  - name: student
    kind: local-student
    models: [support-router-v1]
)";

} // namespace

class TestProvidersConfig : public QObject {
    Q_OBJECT

private slots:
    void parsesEveryField();
    void loadsFromDisk();
    void fileErrors_data();
    void fileErrors();
    void roundTrips_data();
    void roundTrips();
    void millisecondsSurvive_data();
    void millisecondsSurvive();
    void writesReadableYaml();
    void validatesEdits_data();
    void validatesEdits();
    void savesAtomically();
    void refusesToSaveInvalid();
    void defaultPath_data();
    void defaultPath();
    void bedrockCredentials_data();
    void bedrockCredentials();
    void apiKeys_data();
    void apiKeys();
    void makeProviderRefusesLocalStudentWithoutWorkspace();
};

void TestProvidersConfig::parsesEveryField() {
    auto file = parseProvidersYaml(kArchitectureExample, "providers.yaml");
    QVERIFY2(file.ok(), file.ok() ? "" : file.error().toString().c_str());
    QCOMPARE(file->providers.size(), size_t(5));

    const ProviderConfig& bedrock = file->providers[0];
    QCOMPARE(bedrock.name, std::string("bedrock"));
    QCOMPARE(bedrock.kind, ProviderKind::Bedrock);
    QCOMPARE(bedrock.region, std::string("us-east-1"));
    QCOMPARE(bedrock.endpointUrl, std::string("http://127.0.0.1:9000"));
    QCOMPARE(bedrock.profile, std::string("default"));
    QCOMPARE(bedrock.models, std::vector<std::string>{"anthropic.claude-3-5-haiku-20241022-v1:0"});
    QCOMPARE(bedrock.sourceLine, int64_t(2));
    QCOMPARE(bedrock.limits.concurrency, ProviderLimits{}.concurrency);

    const ProviderConfig& openai = *file->find("openai");
    QCOMPARE(openai.kind, ProviderKind::OpenAi);
    QCOMPARE(openai.baseUrl, std::string("https://api.openai.com"));
    QCOMPARE(openai.apiKeyEnv, std::string("OPENAI_API_KEY"));
    QCOMPARE(openai.models, (std::vector<std::string>{"gpt-4o-mini", "gpt-4o"}));
    QCOMPARE(openai.limits.concurrency, 32);
    QCOMPARE(openai.limits.requestsPerMinute, 500.0);
    QCOMPARE(openai.limits.tokensPerMinute, 200000.0);
    QCOMPARE(openai.limits.timeoutMs, int64_t(30000));
    QCOMPARE(openai.limits.connectTimeoutMs, int64_t(2500));
    QCOMPARE(openai.limits.maxAttempts, 6);

    QCOMPARE(file->find("claude")->kind, ProviderKind::Anthropic);
    QCOMPARE(file->find("student")->kind, ProviderKind::LocalStudent);
    QVERIFY(file->find("nobody") == nullptr);
}

void TestProvidersConfig::loadsFromDisk() {
    QTemporaryDir dir;
    const QString path = dir.filePath("providers.yaml");
    writeFile(path, kArchitectureExample);
    auto file = loadProvidersFile(path.toStdString());
    QVERIFY(file.ok());
    QCOMPARE(file->path, path.toStdString());

    auto missing = loadProvidersFile(dir.filePath("none.yaml").toStdString());
    QVERIFY(!missing.ok());
    QCOMPARE(QString::fromStdString(missing.error().toString()),
             dir.filePath("none.yaml") + ": cannot open the providers file");
}

void TestProvidersConfig::fileErrors_data() {
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error"); // Error::toString(), exactly

    const QByteArray head = "providers:\n  - name: a\n    kind: openai\n    models: [m]\n";
    QTest::newRow("empty file") << QByteArray("")
                                << "providers.yaml: field 'providers': the file is empty";
    QTest::newRow("no providers key")
        << QByteArray("models: [a]\n") << "providers.yaml:1: field 'models': unknown key";
    QTest::newRow("providers not a list")
        << QByteArray("providers: {name: a}\n")
        << "providers.yaml:1: field 'providers': expected a list of providers";
    QTest::newRow("YAML syntax") << QByteArray("providers:\n  - name: [a\n")
                                 << "providers.yaml:3: end of sequence flow not found";
    QTest::newRow("missing name") << head + "  - kind: openai\n    models: [m]\n"
                                  << "providers.yaml:5: field 'providers[1].name': missing";
    QTest::newRow("unknown kind")
        << head + "  - name: b\n    kind: gemini\n    models: [m]\n"
        << "providers.yaml:6: field 'providers[1].kind': unknown kind 'gemini' (expected "
           "bedrock, anthropic, openai or local-student)";
    QTest::newRow("misspelt key")
        << head + "  - name: b\n    kind: bedrock\n    regoin: us-east-1\n    models: [m]\n"
        << "providers.yaml:7: field 'providers[1].regoin': unknown key";
    QTest::newRow("region on openai")
        << head + "  - name: b\n    kind: openai\n    region: us-east-1\n    models: [m]\n"
        << "providers.yaml:7: field 'providers[1].region': only applies to bedrock providers";
    QTest::newRow("bad region")
        << head + "  - name: b\n    kind: bedrock\n    region: US East\n    models: [m]\n"
        << "providers.yaml:7: field 'providers[1].region': expected an AWS region such as "
           "us-east-1, got 'US East'";
    QTest::newRow("base_url not a URL")
        << head + "  - name: b\n    kind: openai\n    base_url: localhost:8000\n    models: [m]\n"
        << "providers.yaml:7: field 'providers[1].base_url': expected an http:// or https:// "
           "URL, got 'localhost:8000'";
    QTest::newRow("no models")
        << head + "  - name: b\n    kind: anthropic\n"
        << "providers.yaml:5: field 'providers[1].models': missing: list the models this "
           "provider offers";
    QTest::newRow("empty models")
        << head + "  - name: b\n    kind: anthropic\n    models: []\n"
        << "providers.yaml:7: field 'providers[1].models': expected a non-empty list of model ids";
    QTest::newRow("model listed twice")
        << head + "  - name: b\n    kind: anthropic\n    models: [x, y, x]\n"
        << "providers.yaml:7: field 'providers[1].models[2]': model 'x' is listed twice";
    QTest::newRow("zero concurrency")
        << head + "  - name: b\n    kind: openai\n    models: [m]\n    concurrency: 0\n"
        << "providers.yaml:8: field 'providers[1].concurrency': must be between 1 and 4096, got 0";
    QTest::newRow("concurrency not a number")
        << head + "  - name: b\n    kind: openai\n    models: [m]\n    concurrency: many\n"
        << "providers.yaml:8: field 'providers[1].concurrency': expected a number, got 'many'";
    QTest::newRow("fractional attempts")
        << head + "  - name: b\n    kind: openai\n    models: [m]\n    max_attempts: 2.5\n"
        << "providers.yaml:8: field 'providers[1].max_attempts': expected a whole number";
    QTest::newRow("duplicate provider")
        << head + "  - name: a\n    kind: anthropic\n    models: [m]\n"
        << "providers.yaml:5: field 'providers[1].name': provider 'a' is defined twice";
    QTest::newRow("bad name")
        << QByteArray("providers:\n  - name: my provider\n    kind: openai\n    models: [m]\n")
        << "providers.yaml:2: field 'providers[0].name': use letters, digits, '-', '_' or '.' "
           "(it prefixes model references as NAME/model)";
    // A key pasted into the file is refused without being repeated.
    QTest::newRow("api key in the file")
        << head + "  - name: b\n    kind: openai\n    api_key: sk-live-SECRET-0123456789\n"
                  "    models: [m]\n"
        << "providers.yaml:7: field 'providers[1].api_key': credentials are not stored in the "
           "providers file; name the environment variable that holds the key with api_key_env, "
           "or an AWS profile with profile";
    QTest::newRow("AWS secret in the file")
        << QByteArray("providers:\n  - name: b\n    kind: bedrock\n"
                      "    aws_secret_access_key: wJalrSECRETEXAMPLEKEY\n    models: [m]\n")
        << "providers.yaml:4: field 'providers[0].aws_secret_access_key': credentials are not "
           "stored in the providers file; name the environment variable that holds the key with "
           "api_key_env, or an AWS profile with profile";
}

void TestProvidersConfig::fileErrors() {
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);
    auto file = parseProvidersYaml(yaml.toStdString(), "providers.yaml");
    QVERIFY(!file.ok());
    QCOMPARE(QString::fromStdString(file.error().toString()), error);
    QVERIFY(!QString::fromStdString(file.error().toString()).contains("SECRET"));
}

void TestProvidersConfig::roundTrips_data() {
    QTest::addColumn<QByteArray>("yaml"); // read, written, read again: the providers must match

    QTest::newRow("architecture example") << QByteArray(kArchitectureExample);
    QTest::newRow("no providers") << QByteArray("providers: []\n");
    QTest::newRow("model ids YAML would misread unquoted")
        << QByteArray("providers:\n  - name: odd\n    kind: openai\n"
                      "    base_url: http://127.0.0.1:8000/v1\n"
                      "    models: ['null', 'true', 'yes', '~', '- dash', '#hash', 'a: b', "
                      "\"quote'd\", 'with space', '[x]', '{y}', '123', '0x1F', "
                      "'arn:aws:bedrock:us-east-1:1:inference-profile/us.m:0']\n");
    QTest::newRow("every limit, awkward numbers")
        << QByteArray("providers:\n  - name: limits\n    kind: anthropic\n"
                      "    api_key_env: TEAM_KEY\n    models: [m]\n    concurrency: 4096\n"
                      "    requests_per_minute: 0.5\n    tokens_per_minute: 123456789.25\n"
                      "    connect_timeout_s: 1.005\n    timeout_s: 0.001\n"
                      "    max_attempts: 1\n");
    QTest::newRow("azure key header")
        << QByteArray("providers:\n  - name: azure\n    kind: openai\n"
                      "    base_url: https://example.openai.azure.com/openai/v1\n"
                      "    api_key_env: AZURE_OPENAI_KEY\n    api_key_header: api-key\n"
                      "    models: [gpt-4o]\n");
    QTest::newRow("bedrock endpoint and profile")
        << QByteArray("providers:\n  - name: vpc.bedrock_1\n    kind: bedrock\n"
                      "    region: eu-central-1\n"
                      "    endpoint_url: https://vpce-1.bedrock-runtime.eu-central-1.vpce."
                      "amazonaws.com\n    profile: prod-readonly\n"
                      "    models: [eu.anthropic.claude-3-5-haiku-20241022-v1:0]\n");
    QTest::newRow("unicode in a model id")
        << QByteArray("providers:\n  - name: local\n    kind: local-student\n"
                      "    models: [\"r\xc3\xa9sum\xc3\xa9-router\"]\n");
}

void TestProvidersConfig::roundTrips() {
    QFETCH(QByteArray, yaml);
    auto original = parseProvidersYaml(yaml.toStdString(), "providers.yaml");
    QVERIFY2(original.ok(), original.ok() ? "" : original.error().toString().c_str());
    const std::string written = providersToYaml(*original);
    auto reread = parseProvidersYaml(written, "providers.yaml");
    QVERIFY2(reread.ok(),
             (reread.ok() ? written : reread.error().toString() + "\n" + written).c_str());
    QCOMPARE(reread->providers.size(), original->providers.size());
    for (size_t i = 0; i < original->providers.size(); ++i)
        QVERIFY2(reread->providers[i].sameSettings(original->providers[i]), written.c_str());
    // Writing is stable: a second save of an unchanged file changes nothing.
    QCOMPARE(providersToYaml(*reread), written);
}

void TestProvidersConfig::millisecondsSurvive_data() {
    QTest::addColumn<qint64>("milliseconds"); // written as seconds, read back as milliseconds
    for (const qint64 ms : {1, 999, 1005, 2500, 4350, 1234567, 86400000})
        QTest::addRow("%lld ms", static_cast<long long>(ms)) << ms;
}

void TestProvidersConfig::millisecondsSurvive() {
    QFETCH(qint64, milliseconds);
    ProviderConfig config;
    config.name = "p";
    config.models = {"m"};
    config.limits.connectTimeoutMs = std::min<qint64>(milliseconds, 600'000);
    config.limits.timeoutMs = milliseconds;
    ProvidersFile file;
    file.providers = {config};
    auto reread = parseProvidersYaml(providersToYaml(file));
    QVERIFY(reread.ok());
    QCOMPARE(reread->providers[0].limits.timeoutMs, milliseconds);
    QCOMPARE(reread->providers[0].limits.connectTimeoutMs, config.limits.connectTimeoutMs);
}

void TestProvidersConfig::writesReadableYaml() {
    ProvidersFile file;
    ProviderConfig openai;
    openai.name = "openai";
    openai.kind = ProviderKind::OpenAi;
    openai.baseUrl = "https://api.openai.com";
    openai.apiKeyEnv = "OPENAI_API_KEY";
    openai.models = {"gpt-4o-mini", "gpt-4o"};
    openai.limits.concurrency = 32;
    openai.limits.timeoutMs = 30'000;
    ProviderConfig bedrock;
    bedrock.name = "bedrock";
    bedrock.kind = ProviderKind::Bedrock;
    bedrock.region = "us-east-1";
    bedrock.models = {"anthropic.claude-3-5-haiku-20241022-v1:0"};
    file.providers = {bedrock, openai};
    QCOMPARE(QString::fromStdString(providersToYaml(file)),
             QStringLiteral("# Switchyard providers. No credential is ever stored here: keys come "
                            "from the\n"
                            "# environment variable api_key_env names, an AWS profile, or the OS "
                            "keychain.\n"
                            "providers:\n"
                            "  - name: bedrock\n"
                            "    kind: bedrock\n"
                            "    region: us-east-1\n"
                            "    models: [anthropic.claude-3-5-haiku-20241022-v1:0]\n"
                            "  - name: openai\n"
                            "    kind: openai\n"
                            "    base_url: https://api.openai.com\n"
                            "    api_key_env: OPENAI_API_KEY\n"
                            "    models: [gpt-4o-mini, gpt-4o]\n"
                            "    concurrency: 32\n"
                            "    timeout_s: 30\n"));
}

void TestProvidersConfig::validatesEdits_data() {
    QTest::addColumn<QString>("change"); // what is done to a valid openai provider
    QTest::addColumn<QString>("error");  // Error::toString(): no line, the entry is not written

    QTest::newRow("valid") << "none"
                           << "";
    QTest::newRow("empty name") << "name="
                                << "field 'providers[1].name': expected a non-empty string";
    QTest::newRow("name with a slash")
        << "name=team/openai"
        << "field 'providers[1].name': use letters, digits, '-', '_' or '.' (it prefixes model "
           "references as NAME/model)";
    QTest::newRow("name taken") << "name=first"
                                << "field 'providers[1].name': provider 'first' is defined twice";
    QTest::newRow("no models") << "models="
                               << "field 'providers[1].models': expected a non-empty list of "
                                  "model ids";
    QTest::newRow("model twice") << "models=a,a"
                                 << "field 'providers[1].models[1]': model 'a' is listed twice";
    QTest::newRow("bad URL")
        << "base_url=api.openai.com"
        << "field 'providers[1].base_url': expected an http:// or https:// URL, got "
           "'api.openai.com'";
    QTest::newRow("region on openai")
        << "region=us-east-1"
        << "field 'providers[1].region': only applies to bedrock providers";
    QTest::newRow("zero concurrency")
        << "concurrency=0"
        << "field 'providers[1].concurrency': must be between 1 and 4096, got 0";
}

void TestProvidersConfig::validatesEdits() {
    QFETCH(QString, change);
    QFETCH(QString, error);
    ProvidersFile file;
    ProviderConfig first;
    first.name = "first";
    first.kind = ProviderKind::Anthropic;
    first.models = {"claude-haiku-4-5"};
    ProviderConfig edited;
    edited.name = "openai";
    edited.kind = ProviderKind::OpenAi;
    edited.models = {"gpt-4o-mini"};
    const QString key = change.section('=', 0, 0);
    const std::string value = change.section('=', 1).toStdString();
    if (key == "name")
        edited.name = value;
    else if (key == "models")
        edited.models = value.empty()
                            ? std::vector<std::string>{}
                            : std::vector<std::string>{value.substr(0, 1), value.substr(2, 1)};
    else if (key == "base_url")
        edited.baseUrl = value;
    else if (key == "region")
        edited.region = value;
    else if (key == "concurrency")
        edited.limits.concurrency = std::stoi(value);
    file.providers = {first, edited};
    const Status status = validateProviders(file);
    if (error.isEmpty()) {
        QVERIFY(status.ok());
        return;
    }
    QVERIFY(!status.ok());
    QCOMPARE(QString::fromStdString(status.error().toString()), error);
}

void TestProvidersConfig::savesAtomically() {
    QTemporaryDir dir;
    // The folder does not exist yet, as ~/.config/switchyard on a first start.
    const QString path = dir.filePath("config/switchyard/providers.yaml");
    auto file = parseProvidersYaml(kArchitectureExample, path.toStdString());
    QVERIFY(file.ok());
    QVERIFY(saveProvidersFile(*file, path.toStdString()).ok());
    auto loaded = loadProvidersFile(path.toStdString());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->providers.size(), size_t(5));
    QCOMPARE(QFileInfo(path).permissions() & QFileDevice::ReadOther, QFileDevice::ReadOther);

    // A file the user made private stays private; no temporary file is left behind.
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    file->providers.pop_back();
    QVERIFY(saveProvidersFile(*file, path.toStdString()).ok());
    QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    QCOMPARE(loadProvidersFile(path.toStdString())->providers.size(), size_t(4));
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files),
             QStringList{"providers.yaml"});
}

void TestProvidersConfig::refusesToSaveInvalid() {
    QTemporaryDir dir;
    const QString path = dir.filePath("providers.yaml");
    writeFile(path, kArchitectureExample);
    auto file = loadProvidersFile(path.toStdString());
    QVERIFY(file.ok());
    file->providers[1].models.clear();
    const Status saved = saveProvidersFile(*file, path.toStdString());
    QVERIFY(!saved.ok());
    QCOMPARE(QString::fromStdString(saved.error().field), QStringLiteral("providers[1].models"));
    QFile unchanged(path);
    QVERIFY(unchanged.open(QIODevice::ReadOnly));
    QCOMPARE(unchanged.readAll(), QByteArray(kArchitectureExample));

    const Status unwritable =
        saveProvidersFile(ProvidersFile{}, dir.filePath("providers.yaml/inside").toStdString());
    QVERIFY(!unwritable.ok());
}

void TestProvidersConfig::defaultPath_data() {
    QTest::addColumn<QString>("variable"); // $SWITCHYARD_PROVIDERS, "-" = unset
    QTest::addColumn<QString>("home");
    QTest::addColumn<QString>("expected");

    QTest::newRow("variable wins") << "/etc/team/providers.yaml"
                                   << "/home/ada"
                                   << "/etc/team/providers.yaml";
    QTest::newRow("unset") << "-"
                           << "/home/ada"
                           << "/home/ada/.config/switchyard/providers.yaml";
    QTest::newRow("empty counts as unset") << ""
                                           << "/home/ada"
                                           << "/home/ada/.config/switchyard/providers.yaml";
}

void TestProvidersConfig::defaultPath() {
    QFETCH(QString, variable);
    QFETCH(QString, home);
    QFETCH(QString, expected);
    FakeEnvironment environment;
    if (variable != "-")
        environment.values["SWITCHYARD_PROVIDERS"] = variable.toStdString();
    const CredentialSources sources = environment.sources(home);
    QCOMPARE(QString::fromStdString(defaultProvidersFilePath(sources.env, home.toStdString())),
             expected);
}

void TestProvidersConfig::bedrockCredentials_data() {
    QTest::addColumn<QStringList>("env");            // NAME=value
    QTest::addColumn<QByteArray>("credentialsFile"); // ~/.aws/credentials
    QTest::addColumn<QByteArray>("configFile");      // ~/.aws/config
    QTest::addColumn<QString>("profile");            // from providers.yaml
    QTest::addColumn<QString>("region");             // from providers.yaml
    // Expectations: accessKeyId, secret, token, bearer, region, or the error's message part.
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error");

    const QByteArray credentials = "# comment\n[default]\naws_access_key_id = AKIDDEFAULT\n"
                                   "aws_secret_access_key = secretDefault\n\n"
                                   "[work]\naws_access_key_id=AKIDWORK\n"
                                   "aws_secret_access_key=secretWork\n"
                                   "aws_session_token=tokenWork\n";
    const QByteArray config = "[default]\nregion = eu-west-1\n"
                              "[profile work]\nregion = ap-southeast-2\ns3 =\n"
                              "  max_concurrent_requests = 20\n"
                              "[profile keysInConfig]\naws_access_key_id = AKIDCONFIG\n"
                              "aws_secret_access_key = secretConfig\nregion = us-west-2\n"
                              "[profile sso]\nsso_session = corp\nregion = us-east-1\n"
                              "[sso-session corp]\nsso_region = us-east-1\n";

    QTest::newRow("environment keys")
        << QStringList{"AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=secretEnv",
                       "AWS_SESSION_TOKEN=tokenEnv", "AWS_REGION=us-east-2"}
        << credentials << config << ""
        << "" << QStringList{"AKIDENV", "secretEnv", "tokenEnv", "", "us-east-2"} << "";
    QTest::newRow("default profile, region from config")
        << QStringList() << credentials << config << ""
        << "" << QStringList{"AKIDDEFAULT", "secretDefault", "", "", "eu-west-1"} << "";
    QTest::newRow("AWS_PROFILE") << QStringList{"AWS_PROFILE=work"} << credentials << config << ""
                                 << ""
                                 << QStringList{"AKIDWORK", "secretWork", "tokenWork", "",
                                                "ap-southeast-2"}
                                 << "";
    QTest::newRow("profile named in the providers file beats the environment")
        << QStringList{"AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=secretEnv"}
        << credentials << config << "work"
        << "us-east-1" << QStringList{"AKIDWORK", "secretWork", "tokenWork", "", "us-east-1"} << "";
    QTest::newRow("keys in the config file")
        << QStringList() << QByteArray() << config << "keysInConfig"
        << "" << QStringList{"AKIDCONFIG", "secretConfig", "", "", "us-west-2"} << "";
    QTest::newRow("AWS_DEFAULT_REGION")
        << QStringList{"AWS_DEFAULT_REGION=sa-east-1"} << credentials << QByteArray() << ""
        << "" << QStringList{"AKIDDEFAULT", "secretDefault", "", "", "sa-east-1"} << "";
    QTest::newRow("files moved by AWS_SHARED_CREDENTIALS_FILE")
        << QStringList{"AWS_SHARED_CREDENTIALS_FILE=@/elsewhere/creds"} << credentials << config
        << ""
        << "us-east-1" << QStringList() << "no AWS credentials";
    QTest::newRow("bedrock API key")
        << QStringList{"AWS_BEARER_TOKEN_BEDROCK=ABSKtokenvalue"} << QByteArray() << QByteArray()
        << ""
        << "us-east-1" << QStringList{"", "", "", "ABSKtokenvalue", "us-east-1"} << "";
    QTest::newRow("nothing anywhere")
        << QStringList() << QByteArray() << QByteArray() << ""
        << "us-east-1" << QStringList()
        << "provider 'bedrock': no AWS credentials: set AWS_ACCESS_KEY_ID and "
           "AWS_SECRET_ACCESS_KEY, AWS_BEARER_TOKEN_BEDROCK, or a profile in";
    QTest::newRow("named profile missing")
        << QStringList() << credentials << config << "prod"
        << "us-east-1" << QStringList()
        << "provider 'bedrock': AWS profile 'prod' has no credentials in";
    QTest::newRow("SSO profile")
        << QStringList() << credentials << config << "sso"
        << "" << QStringList()
        << "profile 'sso' uses sso_session, which Switchyard does not resolve";
    QTest::newRow("half a key in the environment")
        << QStringList{"AWS_ACCESS_KEY_ID=AKIDENV"} << QByteArray() << QByteArray() << ""
        << "" << QStringList() << "sets only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
    QTest::newRow("half a key in a profile")
        << QStringList() << QByteArray("[default]\naws_access_key_id = AKIDONLY\n") << QByteArray()
        << ""
        << "us-east-1" << QStringList()
        << "profile 'default' sets only one of aws_access_key_id and aws_secret_access_key";
    QTest::newRow("no region")
        << QStringList{"AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=secretEnv"}
        << QByteArray() << QByteArray() << ""
        << "" << QStringList()
        << "provider 'bedrock': no AWS region: set region in the providers file, AWS_REGION, or "
           "region in the profile";
    // The broken line holds a secret: the error gives its number, never its text.
    QTest::newRow("malformed credentials line")
        << QStringList() << QByteArray("[default]\naws_secret_access_key wJalrLEAKEDSECRET\n")
        << QByteArray() << ""
        << "us-east-1" << QStringList()
        << ".aws/credentials:2: expected 'key = value' inside a [section]";
}

void TestProvidersConfig::bedrockCredentials() {
    QFETCH(QStringList, env);
    QFETCH(QByteArray, credentialsFile);
    QFETCH(QByteArray, configFile);
    QFETCH(QString, profile);
    QFETCH(QString, region);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    QTemporaryDir home;
    if (!credentialsFile.isEmpty())
        writeFile(home.filePath(".aws/credentials"), credentialsFile);
    if (!configFile.isEmpty())
        writeFile(home.filePath(".aws/config"), configFile);
    FakeEnvironment environment;
    for (const auto& entry : env) {
        QString value = entry.section('=', 1);
        value.replace('@', home.path());
        environment.values[entry.section('=', 0, 0).toStdString()] = value.toStdString();
    }
    auto auth = resolveBedrockAuth(bedrockConfig(profile.toStdString(), region.toStdString()),
                                   environment.sources(home.path()));
    if (!error.isEmpty()) {
        QVERIFY(!auth.ok());
        const QString text = QString::fromStdString(auth.error().toString());
        QVERIFY2(text.contains(error), qPrintable(text));
        for (const char* secret : {"secretDefault", "secretWork", "tokenWork", "secretEnv",
                                   "secretConfig", "wJalrLEAKEDSECRET"})
            QVERIFY2(!text.contains(secret), qPrintable(text));
        return;
    }
    QVERIFY2(auth.ok(), auth.ok() ? "" : auth.error().toString().c_str());
    QCOMPARE(QString::fromStdString(auth->aws.accessKeyId), expected[0]);
    QCOMPARE(QString::fromStdString(auth->aws.secretAccessKey.reveal()), expected[1]);
    QCOMPARE(QString::fromStdString(auth->aws.sessionToken.reveal()), expected[2]);
    QCOMPARE(QString::fromStdString(auth->bearerToken.reveal()), expected[3]);
    QCOMPARE(QString::fromStdString(auth->region), expected[4]);
}

void TestProvidersConfig::apiKeys_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("apiKeyEnv");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("keychain"); // what the keychain holds, "" = no keychain
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("error");

    QTest::newRow("anthropic default variable")
        << "anthropic"
        << ""
        << "" << QStringList{"ANTHROPIC_API_KEY=sk-ant-1"} << ""
        << "sk-ant-1"
        << "";
    QTest::newRow("named variable")
        << "openai"
        << ""
        << "TEAM_OPENAI_KEY" << QStringList{"TEAM_OPENAI_KEY=sk-team"} << ""
        << "sk-team"
        << "";
    QTest::newRow("openai default variable") << "openai"
                                             << ""
                                             << "" << QStringList{"OPENAI_API_KEY=sk-proj-1"} << ""
                                             << "sk-proj-1"
                                             << "";
    QTest::newRow("own server needs no key") << "openai"
                                             << "http://localhost:8000"
                                             << "" << QStringList() << ""
                                             << ""
                                             << "";
    QTest::newRow("keychain when the environment has none")
        << "anthropic"
        << ""
        << "" << QStringList() << "sk-ant-from-keychain"
        << "sk-ant-from-keychain"
        << "";
    QTest::newRow("missing") << "anthropic"
                             << ""
                             << "" << QStringList() << ""
                             << ""
                             << "provider 'anthropic': no API key: set ANTHROPIC_API_KEY";
    QTest::newRow("missing, keychain empty")
        << "openai"
        << ""
        << "MY_KEY" << QStringList() << "-"
        << ""
        << "provider 'openai': no API key: set MY_KEY or store the key in the keychain";
}

void TestProvidersConfig::apiKeys() {
    QFETCH(QString, kind);
    QFETCH(QString, baseUrl);
    QFETCH(QString, apiKeyEnv);
    QFETCH(QStringList, env);
    QFETCH(QString, keychain);
    QFETCH(QString, key);
    QFETCH(QString, error);

    ProviderConfig config;
    config.name = kind.toStdString();
    config.kind = kind == "anthropic" ? ProviderKind::Anthropic : ProviderKind::OpenAi;
    config.baseUrl = baseUrl.toStdString();
    config.apiKeyEnv = apiKeyEnv.toStdString();
    config.models = {"m"};
    FakeEnvironment environment;
    for (const auto& entry : env)
        environment.values[entry.section('=', 0, 0).toStdString()] =
            entry.section('=', 1).toStdString();
    QTemporaryDir home;
    CredentialSources sources = environment.sources(home.path());
    if (!keychain.isEmpty())
        sources.keychain = [keychain](const std::string& provider) -> std::optional<Secret> {
            if (keychain == "-" || provider.empty())
                return std::nullopt;
            return Secret(keychain.toStdString());
        };
    auto resolved = resolveApiKey(config, sources);
    if (!error.isEmpty()) {
        QVERIFY(!resolved.ok());
        QCOMPARE(QString::fromStdString(resolved.error().message), error);
        return;
    }
    QVERIFY(resolved.ok());
    QCOMPARE(QString::fromStdString(resolved->reveal()), key);

    auto provider = makeProvider(config, sources);
    QVERIFY(provider.ok());
    QCOMPARE((*provider)->name(), config.name);
}

void TestProvidersConfig::makeProviderRefusesLocalStudentWithoutWorkspace() {
    ProviderConfig config;
    config.name = "student";
    config.kind = ProviderKind::LocalStudent;
    auto provider = makeProvider(config, CredentialSources{});
    QVERIFY(!provider.ok());
    QCOMPARE(QString::fromStdString(provider.error().message),
             "provider 'student' is a local student: it runs in-process from a workspace's "
             "students");
}

QTEST_GUILESS_MAIN(TestProvidersConfig)
#include "tst_providers_config.moc"
