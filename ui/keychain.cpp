#include "keychain.h"

#include <qt6keychain/keychain.h>

using switchyard::Secret;

QString Keychain::serviceName() {
    return QStringLiteral("Switchyard");
}

Keychain::Keychain(QObject* parent)
    : QObject(parent), m_snapshot(std::make_shared<const Snapshot>()) {}

bool Keychain::noteOutcome(int error, const QString& errorString) {
    const bool works = error == QKeychain::NoError || error == QKeychain::EntryNotFound;
    const State state = works ? State::Available : State::Unavailable;
    if (state != m_state || (!works && errorString != m_reason)) {
        m_state = state;
        m_reason = works ? QString() : errorString;
        emit stateChanged();
    }
    return error == QKeychain::NoError;
}

void Keychain::loadKeys(const QStringList& providers) {
    const int generation = ++m_generation;
    m_loading = std::make_shared<Snapshot>();
    m_pendingReads = static_cast<int>(providers.size());
    if (providers.isEmpty()) {
        m_snapshot = m_loading;
        emit keysLoaded();
        return;
    }
    for (const QString& provider : providers) {
        auto* job = new QKeychain::ReadPasswordJob(serviceName(), this);
        job->setKey(provider);
        job->setInsecureFallback(false);
        connect(
            job, &QKeychain::Job::finished, this,
            [this, generation, provider](QKeychain::Job* finished) {
                if (generation != m_generation)
                    return; // a newer load (another file) replaced this one
                const auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
                if (noteOutcome(read->error(), read->errorString()) && !read->textData().isEmpty())
                    (*m_loading)[provider.toStdString()] = Secret(read->textData().toStdString());
                if (--m_pendingReads == 0) {
                    m_snapshot = m_loading;
                    emit keysLoaded();
                }
            });
        job->start();
    }
}

void Keychain::storeKey(const QString& provider, const QString& key) {
    auto* job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(provider);
    job->setInsecureFallback(false);
    job->setTextData(key);
    connect(job, &QKeychain::Job::finished, this, [this, provider, key](QKeychain::Job* finished) {
        if (!noteOutcome(finished->error(), finished->errorString())) {
            emit keyStored(provider, finished->errorString());
            return;
        }
        // Copy on write: workers holding the old snapshot keep a consistent view. A load
        // still running may have read before this write, so it gets the key too.
        auto next = std::make_shared<Snapshot>(*m_snapshot);
        (*next)[provider.toStdString()] = Secret(key.toStdString());
        m_snapshot = std::move(next);
        if (m_pendingReads > 0)
            (*m_loading)[provider.toStdString()] = Secret(key.toStdString());
        emit keyStored(provider, QString());
    });
    job->start();
}

void Keychain::deleteKey(const QString& provider) {
    auto* job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setKey(provider);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, provider](QKeychain::Job* finished) {
        // Deleting what is not there leaves the keychain as asked.
        noteOutcome(finished->error(), finished->errorString());
        const bool gone = finished->error() == QKeychain::NoError ||
                          finished->error() == QKeychain::EntryNotFound;
        if (gone) {
            auto next = std::make_shared<Snapshot>(*m_snapshot);
            next->erase(provider.toStdString());
            m_snapshot = std::move(next);
            if (m_pendingReads > 0)
                m_loading->erase(provider.toStdString());
        }
        emit keyDeleted(provider, gone ? QString() : finished->errorString());
    });
    job->start();
}

bool Keychain::hasKey(const QString& provider) const {
    return m_snapshot->count(provider.toStdString()) > 0;
}

Keychain::Lookup Keychain::lookup() const {
    return [snapshot = m_snapshot](const std::string& provider) -> std::optional<Secret> {
        const auto it = snapshot->find(provider);
        if (it == snapshot->end())
            return std::nullopt;
        return it->second;
    };
}
