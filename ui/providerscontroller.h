#pragma once

#include "backgroundjob.h"
#include "common/expected.h"
#include "providers/credentials.h"
#include "providers/local_servers.h"
#include "providers/providers_file.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class Keychain;

// What "Test connection" found, without a secret in it.
struct ConnectionTestOutcome {
    bool ok = false;
    int64_t latencyMs = 0;
    std::string model;        // the model that was asked
    std::string failureClass; // failureClassName(), or "not_sent" when no request left
    std::string message;      // CallFailure::toString() or why nothing was sent; redacted
};

// One provider as the Providers page shows it.
struct ProviderRow {
    enum class Key { Set, Missing, NotNeeded };

    switchyard::ProviderConfig config;
    Key key = Key::Missing;
    QString credentialSource; // "environment OPENAI_API_KEY", "OS keychain", "AWS profile prod"
    QString credentialDetail; // why it is missing, in the resolver's (secret-free) words
    bool testing = false;
    std::optional<ConnectionTestOutcome> test;
};

// The Providers page's link to core: the providers file (read, validated, saved atomically),
// where each provider's credential comes from, the OS keychain, and connection tests on worker
// threads. Holds the one Keychain of the app, so a run can take credentialSources() from here.
class ProvidersController : public QObject {
    Q_OBJECT

public:
    explicit ProvidersController(QObject* parent = nullptr);

    // Reads the file. A missing file is an empty list that the first save creates; a file that
    // does not parse is kept untouched and loadError() says where it is wrong.
    void open(const QString& path);
    // Opens $SWITCHYARD_PROVIDERS, else ~/.config/switchyard/providers.yaml, unless a file is
    // open already. A run calls it (then waits for Keychain::keysLoaded) before resolving keys.
    void openDefault();
    void reload() { open(m_path); }
    QString path() const { return m_path; }
    bool fileExists() const { return m_exists; }
    const std::optional<switchyard::Error>& loadError() const { return m_loadError; }
    const switchyard::ProvidersFile& file() const { return m_file; }
    std::vector<ProviderRow> rows() const;
    Keychain* keychain() const { return m_keychain; }

    // Edits are checked like a hand-written file, saved atomically, and read back. `replacing`
    // names the provider being edited; empty adds a new one. Errors name the field.
    switchyard::Status validateEdit(const QString& replacing,
                                    const switchyard::ProviderConfig& config) const;
    switchyard::Status saveProvider(const QString& replacing,
                                    const switchyard::ProviderConfig& config);
    switchyard::Status removeProvider(const QString& name);

    // The process environment, ~/.aws, and the keychain snapshot: what a worker resolves keys
    // from without blocking on the keychain.
    switchyard::CredentialSources credentialSources() const;

    // One tiny real call ("ping", max_tokens 1, one attempt) to the provider's first model on a
    // worker thread; connectionTested() follows.
    void testConnection(const QString& name);

    // Ollama, llama.cpp and vLLM on their default loopback ports, probed on a worker;
    // localServersDetected() follows.
    void detectLocalServers(
        std::vector<switchyard::LocalServerProbe> probes = switchyard::defaultLocalServerProbes());
    // Writes their entries (openai kind, no key), replacing providers of the same names.
    switchyard::Status addLocalServers(const std::vector<switchyard::LocalServer>& servers);

signals:
    void changed(); // the file, a key or a test outcome
    void connectionTested(const QString& name);
    void localServersDetected(const switchyard::LocalServerScan& scan);

private:
    std::optional<switchyard::ProvidersFile> edited(const QString& replacing,
                                                    const switchyard::ProviderConfig* config,
                                                    switchyard::Error* error) const;
    switchyard::Status save(const switchyard::ProvidersFile& next);
    ProviderRow describe(const switchyard::ProviderConfig& config) const;

    Keychain* m_keychain;
    QString m_path;
    bool m_exists = false;
    switchyard::ProvidersFile m_file;
    std::optional<switchyard::Error> m_loadError;
    std::map<std::string, ConnectionTestOutcome> m_tests;
    // Provider -> its connection test. open() drops them, so an outcome for a file no longer
    // shown is dropped when it arrives.
    std::map<std::string, std::unique_ptr<BackgroundJob>> m_runningTests;
    BackgroundJob m_detection{this};
};
