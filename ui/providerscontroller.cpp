#include "providerscontroller.h"

#include "keychain.h"
#include "providers/client.h"

#include <QFileInfo>

#include <algorithm>
#include <future>

using namespace switchyard;

namespace {

// Runs on a worker. One attempt: a connection test should report the first 429 or 401 it
// gets, not spend the provider's retry budget hiding it. The timeout is capped because a
// one-token answer that takes longer than this is itself the finding.
ConnectionTestOutcome runConnectionTest(ProviderConfig config, const CredentialSources& sources) {
    constexpr int64_t kTestTimeoutMs = 30'000;
    ConnectionTestOutcome outcome;
    outcome.model = config.models.empty() ? std::string() : config.models.front();
    config.limits.maxAttempts = 1;
    config.limits.timeoutMs = std::min(config.limits.timeoutMs, kTestTimeoutMs);
    config.limits.connectTimeoutMs = std::min(config.limits.connectTimeoutMs, kTestTimeoutMs);
    ProvidersFile file;
    file.providers = {config};
    ProviderClient client(std::move(file), sources);

    Prompt prompt;
    prompt.id = "connection-test";
    prompt.messages = {{"user", {{"ping", false, ""}}}};
    CallParams params;
    params.maxTokens = 1;
    std::promise<CallResult> done;
    auto submitted =
        client.submit(config.name + "/" + outcome.model, prompt, params, 1,
                      [&done](CallResult result) { done.set_value(std::move(result)); });
    if (!submitted) {
        outcome.failureClass = "not_sent";
        outcome.message = submitted.error().message;
        return outcome;
    }
    const CallResult result = done.get_future().get();
    outcome.latencyMs = result.latencyMs;
    outcome.ok = result.ok();
    if (result.error) {
        outcome.failureClass = std::string(failureClassName(result.error->kind));
        outcome.message = result.error->toString();
    }
    return outcome;
}

} // namespace

ProvidersController::ProvidersController(QObject* parent)
    : QObject(parent), m_keychain(new Keychain(this)) {
    connect(m_keychain, &Keychain::keysLoaded, this, &ProvidersController::changed);
    connect(m_keychain, &Keychain::stateChanged, this, &ProvidersController::changed);
    connect(m_keychain, &Keychain::keyStored, this, &ProvidersController::changed);
    connect(m_keychain, &Keychain::keyDeleted, this, &ProvidersController::changed);
}

void ProvidersController::open(const QString& path) {
    m_path = path;
    m_exists = QFileInfo::exists(path);
    m_tests.clear();
    for (auto& [name, job] : m_runningTests)
        job->drop(); // the file was reopened: its tests' answers are about the old one
    m_runningTests.clear();
    m_loadError.reset();
    m_file = ProvidersFile{};
    m_file.path = path.toStdString();
    if (m_exists) {
        auto loaded = loadProvidersFile(path.toStdString());
        if (loaded)
            m_file = std::move(*loaded);
        else
            m_loadError = loaded.error();
    }
    QStringList names;
    for (const auto& provider : m_file.providers)
        names << QString::fromStdString(provider.name);
    m_keychain->loadKeys(names);
    emit changed();
}

void ProvidersController::openDefault() {
    if (m_path.isEmpty())
        open(QString::fromStdString(defaultProvidersFilePath()));
}

CredentialSources ProvidersController::credentialSources() const {
    CredentialSources sources = CredentialSources::fromProcess();
    // Without a keychain the resolvers' messages then point at the environment alone.
    if (m_keychain->state() != Keychain::State::Unavailable)
        sources.keychain = m_keychain->lookup();
    return sources;
}

ProviderRow ProvidersController::describe(const ProviderConfig& config) const {
    ProviderRow row;
    row.config = config;
    const CredentialSources withKeychain = credentialSources();
    CredentialSources environmentOnly = withKeychain;
    environmentOnly.keychain = nullptr;
    // Each source is asked on its own, so the page can say where the key that will be used
    // comes from; the resolver's order (environment first) decides, as it will in a run.
    if (config.kind == ProviderKind::LocalStudent) {
        row.key = ProviderRow::Key::NotNeeded;
        row.credentialSource = tr("none (runs in-process)");
    } else if (config.kind == ProviderKind::Bedrock) {
        const QString chain =
            config.profile.empty()
                ? tr("AWS environment or default profile")
                : tr("AWS profile %1").arg(QString::fromStdString(config.profile));
        auto fromEnvironment = resolveBedrockAuth(config, environmentOnly);
        if (fromEnvironment) {
            row.key = ProviderRow::Key::Set;
            row.credentialSource = fromEnvironment->bearerToken.empty()
                                       ? chain
                                       : QStringLiteral("AWS_BEARER_TOKEN_BEDROCK");
        } else if (resolveBedrockAuth(config, withKeychain)) {
            row.key = ProviderRow::Key::Set;
            row.credentialSource = tr("OS keychain (Bedrock API key)");
        } else {
            row.credentialSource = chain;
            row.credentialDetail = QString::fromStdString(fromEnvironment.error().message);
        }
    } else {
        const QString variable = QString::fromStdString(config.apiKeyVariable());
        auto fromEnvironment = resolveApiKey(config, environmentOnly);
        if (variable.isEmpty()) {
            row.key = ProviderRow::Key::NotNeeded;
            row.credentialSource = tr("none (server without authentication)");
        } else if (fromEnvironment) {
            row.key = ProviderRow::Key::Set;
            row.credentialSource = tr("environment %1").arg(variable);
        } else if (auto fromKeychain = resolveApiKey(config, withKeychain)) {
            row.key = ProviderRow::Key::Set;
            row.credentialSource = tr("OS keychain");
        } else {
            row.credentialSource = withKeychain.keychain
                                       ? tr("environment %1 or OS keychain").arg(variable)
                                       : tr("environment %1").arg(variable);
            row.credentialDetail = QString::fromStdString(fromKeychain.error().message);
        }
    }
    const auto testing = m_runningTests.find(config.name);
    row.testing = testing != m_runningTests.end() && testing->second->running();
    if (const auto it = m_tests.find(config.name); it != m_tests.end())
        row.test = it->second;
    return row;
}

std::vector<ProviderRow> ProvidersController::rows() const {
    std::vector<ProviderRow> rows;
    rows.reserve(m_file.providers.size());
    for (const auto& provider : m_file.providers)
        rows.push_back(describe(provider));
    return rows;
}

std::optional<ProvidersFile> ProvidersController::edited(const QString& replacing,
                                                         const ProviderConfig* config,
                                                         Error* error) const {
    if (m_loadError) {
        *error = Error{m_path.toStdString(), 0, "",
                       tr("the file could not be read, so it is not overwritten: fix it in an "
                          "editor and reload, or open another file")
                           .toStdString()};
        return std::nullopt;
    }
    ProvidersFile next = m_file;
    auto& list = next.providers;
    const auto at = std::find_if(list.begin(), list.end(), [&](const ProviderConfig& provider) {
        return provider.name == replacing.toStdString();
    });
    if (!replacing.isEmpty() && at == list.end()) {
        *error = Error{"", 0, "",
                       tr("provider '%1' is no longer in the file").arg(replacing).toStdString()};
        return std::nullopt;
    }
    if (!config)
        list.erase(at);
    else if (at != list.end())
        *at = *config;
    else
        list.push_back(*config);
    return next;
}

Status ProvidersController::validateEdit(const QString& replacing,
                                         const ProviderConfig& config) const {
    Error error;
    const auto next = edited(replacing, &config, &error);
    return next ? validateProviders(*next) : Status(error);
}

Status ProvidersController::save(const ProvidersFile& next) {
    if (auto saved = saveProvidersFile(next, m_path.toStdString()); !saved)
        return saved;
    // Read back what was written: the page shows the file as it is on disk.
    open(m_path);
    return success();
}

Status ProvidersController::saveProvider(const QString& replacing, const ProviderConfig& config) {
    Error error;
    const auto next = edited(replacing, &config, &error);
    return next ? save(*next) : Status(error);
}

Status ProvidersController::removeProvider(const QString& name) {
    Error error;
    const auto next = edited(name, nullptr, &error);
    return next ? save(*next) : Status(error);
}

void ProvidersController::detectLocalServers(std::vector<LocalServerProbe> probes) {
    m_detection.start(
        [probes = std::move(probes)](const CancelToken&, const Progress&) {
            return switchyard::detectLocalServers(probes);
        },
        [this](LocalServerScan scan) { emit localServersDetected(scan); });
}

Status ProvidersController::addLocalServers(const std::vector<LocalServer>& servers) {
    if (m_loadError)
        return *m_loadError; // never overwrite a file that did not parse
    return save(withLocalServers(m_file, servers));
}

void ProvidersController::testConnection(const QString& name) {
    const ProviderConfig* config = m_file.find(name.toStdString());
    if (!config)
        return;
    auto& job = m_runningTests[config->name];
    if (!job)
        job = std::make_unique<BackgroundJob>(this);
    m_tests.erase(config->name);
    // Testing the same provider again supersedes the test still running.
    job->start(
        [config = *config, sources = credentialSources()](const CancelToken&, const Progress&) {
            return runConnectionTest(config, sources);
        },
        [this, name = config->name](ConnectionTestOutcome outcome) {
            m_tests[name] = std::move(outcome);
            emit changed();
            emit connectionTested(QString::fromStdString(name));
        });
    emit changed();
}
