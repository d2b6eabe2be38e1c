#pragma once

// Recorded results for the routing and deployment commands: four prompts answered by a cheap and
// a dear model, with known scores, costs and latencies, imported by switchyard-cli itself.

#include "cli_runner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace cli_routing_test {

inline QJsonObject jsonOf(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object();
}

// Four prompts answered by a cheap and a dear model, costs and latencies given.
//            q1      q2      q3      q4
//   mini   1/0.25  0/0.25  1/0.25  0/0.25   (score/cost), latency 100 200 300 400
//   4o     1/2     1/2     1/2     0/2                    latency 1000 1100 1200 1300
inline QByteArray fourPrompts() {
    QByteArray out;
    const char* ids[] = {"q1", "q2", "q3", "q4"};
    const int miniScore[] = {1, 0, 1, 0};
    const int bigScore[] = {1, 1, 1, 0};
    for (int i = 0; i < 4; ++i) {
        out += QStringLiteral("{\"prompt_id\": \"%1\", \"prompt\": \"Question %2?\", \"model\": "
                              "\"gpt-4o-mini\", \"output\": \"a\", \"score\": %3, \"cost_usd\": "
                              "0.25, \"latency_ms\": %4}\n")
                   .arg(ids[i])
                   .arg(i)
                   .arg(miniScore[i])
                   .arg(100 * (i + 1))
                   .toUtf8();
        out += QStringLiteral("{\"prompt_id\": \"%1\", \"model\": \"gpt-4o\", \"output\": \"b\", "
                              "\"score\": %2, \"cost_usd\": 2, \"latency_ms\": %3}\n")
                   .arg(ids[i])
                   .arg(bigScore[i])
                   .arg(1000 + 100 * i)
                   .toUtf8();
    }
    return out;
}

// A fresh workspace per test function, and the commands that fill it.
class RoutingWorkspace {
public:
    void next() { m_workspace = m_dir.filePath(QStringLiteral("w%1.sqlite").arg(++m_count)); }

    CliRun importFour() {
        const QString file = m_dir.filePath(QStringLiteral("four.jsonl"));
        writeFile(file, fourPrompts());
        return runCli({QStringLiteral("import-results"), file, QStringLiteral("--set"),
                       QStringLiteral("four"), QStringLiteral("--workspace"), m_workspace,
                       QStringLiteral("--json")});
    }

    // The four results imported and a policy of `router` over gpt-4o-mini and gpt-4o saved.
    int savePolicy(const QString& router, const QString& threshold, const QString& name) {
        if (importFour().exitCode != 0)
            return -1;
        return runCli({QStringLiteral("policy"), QStringLiteral("--workspace"), m_workspace,
                       QStringLiteral("--router"), router, QStringLiteral("--models"),
                       QStringLiteral("gpt-4o-mini,gpt-4o"), QStringLiteral("--threshold"),
                       threshold, QStringLiteral("--save"), name})
            .exitCode;
    }

    QTemporaryDir m_dir;
    QString m_workspace;
    int m_count = 0;
};

} // namespace cli_routing_test
