#pragma once

// What the tests of switchyard-cli run share: keys the local test server accepts, a providers
// file aimed at it, and a workspace holding the set "questions", imported by the CLI itself.

#include "cli_runner.h"
#include "test_server.h"

#include <QTemporaryDir>
#include <QtTest>

namespace cli_run_test {

using switchyard::testing::TestServer;
using switchyard::testing::TestServerOptions;

inline const char* kHaiku = "anthropic.claude-3-5-haiku-20241022-v1:0";

// Keys the server accepts, and the wrong ones a second run uses; none may leave the process.
struct Keys {
    QByteArray openai = "sk-test-SECRET123-openai-5f1e9a";
    QByteArray anthropic = "sk-ant-SECRET456-anthropic-7c2d";
    QByteArray awsKeyId = "AKIDCLIRUNTEST000001";
    QByteArray awsSecret = "SECRET789/aws+secret/key/0000000";
};

inline TestServerOptions serverOptions(const Keys& keys, int64_t stallMs = 1500) {
    TestServerOptions options;
    options.stallMs = stallMs;
    options.openAiKey = keys.openai.toStdString();
    options.anthropicKey = keys.anthropic.toStdString();
    options.awsAccessKeyId = keys.awsKeyId.toStdString();
    options.awsSecretAccessKey = keys.awsSecret.toStdString();
    return options;
}

// The environment switchyard-cli inherits: these keys, and a home without ~/.aws.
inline void useKeys(const Keys& keys, const QString& home) {
    qputenv("OPENAI_API_KEY", keys.openai);
    qputenv("ANTHROPIC_API_KEY", keys.anthropic);
    qputenv("AWS_ACCESS_KEY_ID", keys.awsKeyId);
    qputenv("AWS_SECRET_ACCESS_KEY", keys.awsSecret);
    qputenv("HOME", home.toUtf8());
    for (const char* name :
         {"AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK", "AWS_PROFILE", "SWITCHYARD_PROVIDERS"})
        qunsetenv(name);
}

inline QString writeProviders(const QTemporaryDir& dir, const TestServer& server,
                              int concurrency = 4, int timeoutS = 5) {
    const QString path = dir.filePath("providers.yaml");
    const QString limits = QString("    concurrency: %1\n    max_attempts: 2\n    timeout_s: %2\n")
                               .arg(concurrency)
                               .arg(timeoutS);
    const QString url = QString::fromStdString(server.baseUrl());
    writeFile(path, ("providers:\n"
                     "  - name: openai\n    kind: openai\n    base_url: " +
                     url + "/v1\n    api_key_env: OPENAI_API_KEY\n    models: [gpt-4o-mini]\n" +
                     limits + "  - name: anthropic\n    kind: anthropic\n    base_url: " + url +
                     "\n    models: [claude-haiku-4-5]\n" + limits +
                     "  - name: bedrock\n    kind: bedrock\n    region: us-east-1\n"
                     "    endpoint_url: " +
                     url + "\n    models: [" + kHaiku + "]\n" + limits)
                        .toUtf8());
    return path;
}

// A workspace with the set "questions" of `count` prompts, imported by the CLI itself.
inline QString makeWorkspace(const QTemporaryDir& dir, int count) {
    QByteArray lines;
    for (int i = 0; i < count; ++i)
        lines += QString("{\"id\": \"q%1\", \"prompt\": \"Question %1: name a colour.\"}\n")
                     .arg(i)
                     .toUtf8();
    const QString file = dir.filePath("questions.jsonl");
    writeFile(file, lines);
    const QString workspace = dir.filePath("w.sqlite");
    const CliRun import = runCli({"import", file, "--workspace", workspace, "--set", "questions"});
    if (import.exitCode != 0)
        qFatal("import failed: %s", import.err.constData());
    return workspace;
}

inline QStringList runArguments(const QString& workspace, const QString& providers) {
    return {"run",
            "--workspace",
            workspace,
            "--set",
            "questions",
            "--models",
            QString("openai/gpt-4o-mini,anthropic/claude-haiku-4-5,bedrock/") + kHaiku,
            "--providers",
            providers,
            "--max-tokens",
            "50"};
}

} // namespace cli_run_test
