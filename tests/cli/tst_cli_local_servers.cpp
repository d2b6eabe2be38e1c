// switchyard-cli local-servers against real local HTTP servers speaking Ollama's and vLLM's
// listings: found and listed, a closed port reported, written to the providers file as keyless
// openai-kind providers, run through like any provider, and priced by the hardware's cost over
// the speed their recorded answers show.
#include "cli_run_fixture.h"

#include <QJsonArray>

#include <cmath>

using namespace cli_run_test;

class TestCliLocalServers : public QObject {
    Q_OBJECT

private slots:
    void findsAddsRunsAndPricesLocalServers() {
        QTemporaryDir dir;
        qputenv("HOME", dir.path().toUtf8());
        qunsetenv("OPENAI_API_KEY");
        TestServerOptions ollamaOptions;
        ollamaOptions.openAiKey.clear(); // a local server takes no key
        ollamaOptions.listedModels = {"llama3.2:latest", "qwen2.5:0.5b"};
        ollamaOptions.ollamaTags = true;
        ollamaOptions.latencyMs = 40;
        TestServer ollama(ollamaOptions);
        TestServerOptions vllmOptions;
        vllmOptions.openAiKey.clear();
        vllmOptions.listedModels = {"Qwen/Qwen2.5-1.5B-Instruct"};
        vllmOptions.listedOwner = "vllm";
        TestServer vllm(vllmOptions);
        QVERIFY(ollama.start() && vllm.start());
        TestServer closed;
        QVERIFY(closed.start());
        const int closedPort = closed.port();
        closed.stop(); // nothing listens there now

        const QString providers = dir.filePath("providers.yaml");
        const QStringList probes = {"--probe", QString("ollama=%1").arg(ollama.port()),
                                    "--probe", QString("vllm=%1").arg(vllm.port()),
                                    "--probe", QString("llama.cpp=%1").arg(closedPort)};
        const QJsonObject found = cliJson(
            QStringList{"local-servers", "--add-to-providers", "--providers", providers, "--json"} +
            probes);
        const QJsonArray servers = found["servers"].toArray();
        QCOMPARE(servers.size(), 2);
        QCOMPARE(servers[0].toObject()["kind"].toString(), QString("ollama"));
        QCOMPARE(servers[0].toObject()["models"].toArray().size(), 2);
        QCOMPARE(servers[0].toObject()["base_url"].toString(),
                 QString::fromStdString(ollama.baseUrl() + "/v1"));
        QCOMPARE(servers[1].toObject()["provider"].toString(), QString("vllm"));
        QCOMPARE(found["absent"].toArray().size(), 1);
        QVERIFY(found["absent"].toArray()[0].toString().startsWith("llama.cpp on 127.0.0.1:"));
        QCOMPARE(found["added_to"].toString(), providers);
        QFile file(providers);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray yaml = file.readAll();
        QVERIFY2(yaml.contains("kind: openai") && yaml.contains("llama3.2:latest") &&
                     !yaml.contains("api_key_env:"),
                 yaml.constData());

        // Not run yet: nothing to measure its speed by, so no price (never $0).
        const QString workspace = makeWorkspace(dir, 12);
        const QStringList price = QStringList{"local-servers",       "--workspace", workspace,
                                              "--hardware-usd-hour", "0.90",        "--json"} +
                                  probes;
        QJsonObject prices = cliJson(price)["prices"].toObject();
        QVERIFY(prices["ollama/llama3.2:latest"].toObject()["usd_per_mtok"].isNull());
        QVERIFY(prices["ollama/llama3.2:latest"].toObject()["why"].toString().contains(
            "no recorded answer"));
        // A guessed speed prices it, so a first run can be estimated and capped.
        prices = cliJson(price + QStringList{"--tokens-per-second", "100"})["prices"].toObject();
        QVERIFY(std::abs(prices["ollama/llama3.2:latest"].toObject()["usd_per_mtok"].toDouble() -
                         0.90 / 360000.0 * 1e6) < 1e-9);

        const QJsonObject run =
            cliJson({"run", "--workspace", workspace, "--set", "questions", "--models",
                     "ollama/llama3.2:latest", "--providers", providers, "--yes", "--json"});
        QCOMPARE(run["status"].toString(), QString("complete"));
        const QJsonObject answered = run["models"].toObject()["ollama/llama3.2:latest"].toObject();
        QCOMPARE(answered["ok"].toInt(), 12);
        QCOMPARE(ollama.requestCount(), int64_t{12}); // the listing was not counted as a call

        // Now measured: the tokens its answers read and wrote over the time they took.
        prices = cliJson(price)["prices"].toObject();
        const QJsonObject measured = prices["ollama/llama3.2:latest"].toObject();
        QCOMPARE(measured["measured_answers"].toInt(), 12);
        const double tokens =
            answered["input_tokens"].toDouble() + answered["output_tokens"].toDouble();
        const double speed = measured["tokens_per_second"].toDouble();
        QVERIFY2(speed > 0 && speed < tokens / 0.040 / 12 * 1.01,
                 qPrintable(QString::number(speed)));
        QVERIFY(std::abs(measured["usd_per_mtok"].toDouble() - 0.90 / (3600.0 * speed) * 1e6) <
                1e-6);
        // The other models still have nothing measured.
        QVERIFY(prices["vllm/Qwen/Qwen2.5-1.5B-Instruct"].toObject()["usd_per_mtok"].isNull());
    }
};

QTEST_GUILESS_MAIN(TestCliLocalServers)
#include "tst_cli_local_servers.moc"
