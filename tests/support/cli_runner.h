#pragma once

// Runs switchyard-cli as a user or a CI pipeline does: a real process, real files. Tests that
// include this define SWITCHYARD_CLI_PATH (tests/cli/CMakeLists.txt).

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QtTest>

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList& arguments, int timeoutMs = 120000) {
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_CLI_PATH), arguments);
    process.waitForFinished(timeoutMs);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// The same with `input` piped to its standard input, then closed.
inline CliRun runCliWithInput(const QStringList& arguments, const QByteArray& input) {
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_CLI_PATH), arguments);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// The --json output of a command that should succeed; its standard error shown when it did not.
inline QJsonObject cliJson(const QStringList& arguments) {
    const CliRun run = runCli(arguments);
    if (run.exitCode != 0)
        qWarning("%s", run.err.constData());
    return QJsonDocument::fromJson(run.out).object();
}

inline void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}
