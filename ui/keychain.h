#pragma once

#include "providers/secret.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

// API keys per provider name in the OS keychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows) through qtkeychain, under the service "Switchyard".
//
// Every keychain call is asynchronous, so the GUI thread never waits on D-Bus or an unlock
// prompt. Workers (runs, connection tests) resolve credentials synchronously, so they do not ask
// the keychain at all: they read a snapshot of the keys, taken by loadKeys() when the providers
// file is opened and kept current by storeKey()/deleteKey(). qtkeychain's plaintext fallback is
// never enabled: without a keychain, keys come from the environment only, and the page says so.
class Keychain : public QObject {
    Q_OBJECT

public:
    enum class State { Unknown, Available, Unavailable };
    using Lookup = std::function<std::optional<switchyard::Secret>(const std::string&)>;

    static QString serviceName(); // "Switchyard"

    explicit Keychain(QObject* parent = nullptr);

    State state() const { return m_state; }
    // The backend's own words when it is unavailable ("No D-Bus session", "No keychain service").
    QString unavailableReason() const { return m_reason; }
    bool loading() const { return m_pendingReads > 0; }

    // Reads the keys of these providers into a new snapshot; emits keysLoaded() when all reads
    // have answered. A newer call supersedes one still running.
    void loadKeys(const QStringList& providers);
    // Emit keyStored / keyDeleted with an empty error on success.
    void storeKey(const QString& provider, const QString& key);
    void deleteKey(const QString& provider);

    bool hasKey(const QString& provider) const;
    // For CredentialSources::keychain: answers from the snapshot current when it was called, from
    // any thread, without touching the keychain.
    Lookup lookup() const;

signals:
    void keysLoaded();
    void stateChanged();
    void keyStored(const QString& provider, const QString& error);
    void keyDeleted(const QString& provider, const QString& error);

private:
    using Snapshot = std::map<std::string, switchyard::Secret>;

    // Classifies a finished job: "no such entry" proves the keychain works; other errors mean
    // there is none to use. Returns whether the job succeeded.
    bool noteOutcome(int error, const QString& errorString);

    std::shared_ptr<const Snapshot> m_snapshot;
    std::shared_ptr<Snapshot> m_loading; // the snapshot the running loadKeys() fills
    State m_state = State::Unknown;
    QString m_reason;
    int m_pendingReads = 0;
    int m_generation = 0;
};
