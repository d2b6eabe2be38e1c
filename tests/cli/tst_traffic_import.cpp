// Production traffic import: Bedrock invocation logs (plain, gzip, cut off, CloudWatch export
// lines), separately delivered bodies, usage CSV exports, and switchyard-cli import-logs giving
// the operation's figures.
#include "cli_runner.h"
#include "store/workspace.h"
#include "test_files.h"
#include "traffic/traffic_loader.h"
#include "traffic_fixtures.h"
#include "workbench/traffic_ops.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace switchyard;
using nlohmann::json;

namespace {

using namespace trafficfixtures;

struct Loaded {
    std::vector<TrafficRecord> records;
    TrafficLoadSummary summary;
};

Loaded load(const std::vector<std::string>& paths) {
    Loaded loaded;
    auto summary = loadTraffic(paths, [&loaded](std::vector<TrafficRecord>&& batch) {
        for (TrafficRecord& record : batch)
            loaded.records.push_back(std::move(record));
    });
    if (!summary)
        qFatal("%s", summary.error().toString().c_str());
    loaded.summary = std::move(summary).value();
    return loaded;
}

} // namespace

class TestTrafficImport : public QObject {
    Q_OBJECT

private slots:
    void converseRecordBecomesRequest() {
        QTemporaryDir dir;
        json record =
            converseRecord("req-1", "2026-11-30T10:00:00.250Z", "Where is my order?", 40, 12);
        record["input"]["cacheReadInputTokenCount"] = 1000;
        record["input"]["cacheWriteInputTokenCount"] = 200;
        const QString path = writeTestFile(dir, "log.json", lines({record}));
        const Loaded loaded = load({path.toStdString()});
        QCOMPARE(loaded.records.size(), size_t{1});
        const TrafficRecord& request = loaded.records[0];
        QCOMPARE(request.prompt.id, std::string("req-1"));
        QCOMPARE(*request.prompt.timestampMs, int64_t{1796032800250});
        QCOMPARE(request.model, std::string("us.anthropic.claude-3-5-haiku-20241022-v1:0"));
        QCOMPARE(request.modelAsLogged, std::string(kHaikuProfile));
        // Bedrock counts cached tokens apart; Switchyard's input counts them in.
        QCOMPARE(request.inputTokens, int64_t{1240});
        QCOMPARE(request.cacheReadTokens, int64_t{1000});
        QCOMPARE(request.cacheWriteTokens, int64_t{200});
        QCOMPARE(request.outputTokens, int64_t{12});
        QCOMPARE(request.prompt.lastUserText(), std::string("Where is my order?"));
        QCOMPARE(request.prompt.systemText(), std::string("You answer support tickets."));
        QCOMPARE(request.output, std::string("Answer to Where is my order?"));
        QCOMPARE(*request.latencyMs, 420.0);
        const std::vector<std::string> tags = {"identity:SupportBot", "team:cx",
                                               "workload:support"};
        std::vector<std::string> sorted = request.prompt.tags;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, tags);
    }

    void servedModelOfRoutersAndProfiles_data() {
        QTest::addColumn<QString>("modelId");
        QTest::addColumn<QString>("invoked");
        QTest::addColumn<QString>("served");
        QTest::newRow("foundation model ARN")
            << "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0"
            << ""
            << "amazon.nova-micro-v1:0";
        QTest::newRow("plain model id") << "anthropic.claude-3-haiku-20240307-v1:0"
                                        << ""
                                        << "anthropic.claude-3-haiku-20240307-v1:0";
        QTest::newRow("prompt router, routed model in the trace")
            << "arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/anthropic.claude:1"
            << "arn:aws:bedrock:us-east-1:111122223333:inference-profile/"
               "us.anthropic.claude-3-5-sonnet-20241022-v2:0"
            << "us.anthropic.claude-3-5-sonnet-20241022-v2:0";
        QTest::newRow("prompt router without a trace stays the router")
            << "arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/anthropic.claude:1"
            << ""
            << "arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/anthropic.claude:1";
        QTest::newRow("application inference profile names no model")
            << "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3"
            << ""
            << "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3";
    }
    void servedModelOfRoutersAndProfiles() {
        QFETCH(QString, modelId);
        QFETCH(QString, invoked);
        QFETCH(QString, served);
        QTemporaryDir dir;
        json record = converseRecord("r", "2026-11-30T10:00:00Z", "hi", 5, 5);
        record["modelId"] = modelId.toStdString();
        if (!invoked.isEmpty())
            record["output"]["outputBodyJson"]["trace"] = {
                {"promptRouter", {{"invokedModelId", invoked.toStdString()}}}};
        const QString path = writeTestFile(dir, "log.json", lines({record}));
        const Loaded loaded = load({path.toStdString()});
        QCOMPARE(loaded.records.size(), size_t{1});
        QCOMPARE(QString::fromStdString(loaded.records[0].model), served);
    }

    void badRecordsNameFileLineAndField() {
        QTemporaryDir dir;
        json noModel = converseRecord("a", "2026-11-30T10:00:00Z", "x", 1, 1);
        noModel.erase("modelId");
        json noTime = converseRecord("b", "2026-11-30T10:00:00Z", "x", 1, 1);
        noTime.erase("timestamp");
        json badTime = converseRecord("c", "yesterday", "x", 1, 1);
        QByteArray content = lines(
            {converseRecord("ok", "2026-11-30T10:00:00Z", "x", 1, 1), noModel, noTime, badTime});
        content += "{\"modelId\": \"m\", \"timestamp\": \n"; // a line cut short
        const QString path = writeTestFile(dir, "log.jsonl", content);
        const Loaded loaded = load({path.toStdString()});
        QCOMPARE(loaded.summary.accepted, int64_t{1});
        QCOMPARE(loaded.summary.rejectedCount, int64_t{4});
        const auto& rejected = loaded.summary.rejected;
        QCOMPARE(rejected[0].line, int64_t{2});
        QCOMPARE(rejected[0].field, std::string("modelId"));
        QCOMPARE(rejected[0].file, path.toStdString());
        QCOMPARE(rejected[1].line, int64_t{3});
        QCOMPARE(rejected[1].field, std::string("timestamp"));
        QCOMPARE(rejected[2].field, std::string("timestamp"));
        QCOMPARE(rejected[3].line, int64_t{5});
        QVERIFY(rejected[3].message.find("invalid JSON") != std::string::npos);
    }

    void gzipCutOffKeepsRecordsBeforeTheCut() {
        QTemporaryDir dir;
        std::vector<json> records;
        for (int i = 0; i < 2000; ++i)
            records.push_back(converseRecord("req-" + std::to_string(i), "2026-11-30T10:00:00Z",
                                             "question number " + std::to_string(i * 7919), 30, 9));
        const QString whole = dir.filePath("whole.json.gz");
        writeGzip(whole, lines(records));
        QFile file(whole);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const QString cut = writeTestFile(dir, "cut.json.gz", bytes.left(bytes.size() / 2));

        const Loaded full = load({whole.toStdString()});
        QCOMPARE(full.summary.accepted, int64_t{2000});
        QVERIFY(full.summary.damaged.empty());

        const Loaded partial = load({cut.toStdString()});
        QCOMPARE(partial.summary.damaged.size(), size_t{1});
        const Error& damage = partial.summary.damaged[0];
        QCOMPARE(damage.file, cut.toStdString());
        QVERIFY2(damage.message.find("cut off") != std::string::npos, damage.message.c_str());
        QVERIFY(partial.summary.accepted > 100 && partial.summary.accepted < 2000);
        QVERIFY2(damage.message.find(std::to_string(partial.summary.accepted) + " record(s)") !=
                     std::string::npos,
                 damage.message.c_str());
        // The line the damage starts at follows the last record kept, and nothing was rejected:
        // the half line at the cut is part of the damage, not a bad record.
        QCOMPARE(damage.line, partial.summary.accepted + 1);
        QCOMPARE(partial.summary.rejectedCount, int64_t{0});
        for (int64_t i = 0; i < partial.summary.accepted; ++i)
            QCOMPARE(partial.records[static_cast<size_t>(i)].prompt.id, "req-" + std::to_string(i));
    }

    void concatenatedGzipMembersAndCloudWatchLines() {
        QTemporaryDir dir;
        const QString first = dir.filePath("a.json.gz");
        writeGzip(first, lines({converseRecord("m1", "2026-11-30T10:00:00Z", "one", 1, 1)}));
        const QString second = dir.filePath("b.json.gz");
        writeGzip(second, lines({converseRecord("m2", "2026-11-30T10:00:01Z", "two", 1, 1)}));
        QFile a(first), b(second);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QDir logs(dir.filePath("logs"));
        QVERIFY(logs.mkpath("."));
        writeTestFile(dir, "logs/joined.json.gz", a.readAll() + b.readAll());
        // CloudWatch Logs: an event's time before the record, or the record as its message.
        const std::string event =
            converseRecord("cw2", "2026-11-30T10:00:03Z", "four", 1, 1).dump();
        writeTestFile(dir, "logs/cloudwatch.json",
                      "2026-11-30T10:00:02.000Z " +
                          QByteArray::fromStdString(
                              converseRecord("cw1", "2026-11-30T10:00:02Z", "three", 1, 1).dump()) +
                          "\n" +
                          QByteArray::fromStdString(
                              json{{"timestamp", 1796032803000}, {"message", event}}.dump()) +
                          "\n");
        // A body object among the logs is not a log: skipped, not rejected line by line.
        writeTestFile(dir, "logs/zz-body.json", "{\"messages\": []}\n");
        const Loaded loaded = load({logs.absolutePath().toStdString()});
        std::vector<std::string> ids;
        for (const TrafficRecord& record : loaded.records)
            ids.push_back(record.prompt.id);
        QCOMPARE(ids, (std::vector<std::string>{"cw1", "cw2", "m1", "m2"}));
        QCOMPARE(loaded.summary.rejectedCount, int64_t{0});
        QCOMPARE(loaded.summary.skippedFiles.size(), size_t{1});
        QCOMPARE(loaded.records[3].prompt.lastUserText(), std::string("two"));
    }

    void bodyDeliveredSeparatelyIsFollowedOrReported() {
        QTemporaryDir dir;
        const std::string key = "AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/"
                                "2026/11/30/10/data/big-input.json.gz";
        json followed = converseRecord("big", "2026-11-30T10:00:00Z", "unused", 90000, 10);
        followed["input"].erase("inputBodyJson");
        followed["input"]["inputBodyS3Path"] = "s3://my-log-bucket/" + key;
        json missing = followed;
        missing["requestId"] = "lost";
        missing["input"]["inputBodyS3Path"] = "s3://my-log-bucket/elsewhere/gone.json";
        // The user synced the bucket from AWSLogs/ down: the key's leading part is not there.
        writeGzip(
            dir.filePath("sync/" + QString::fromStdString(key)),
            QByteArray::fromStdString(json{
                {"messages", json::array({{{"role", "user"},
                                           {"content", json::array({{{"text", "a very long "
                                                                              "contract"}}})}}})}}
                                          .dump()));
        writeTestFile(dir, "sync/AWSLogs/log.json", lines({followed, missing}));
        const Loaded loaded = load({dir.filePath("sync").toStdString()});
        QCOMPARE(loaded.records.size(), size_t{2});
        QCOMPARE(loaded.summary.bodiesFollowed, int64_t{1});
        QCOMPARE(loaded.records[0].prompt.lastUserText(), std::string("a very long contract"));
        QCOMPARE(loaded.summary.bodiesMissingCount, int64_t{1});
        QVERIFY(loaded.summary.bodiesMissing[0].message.find("elsewhere/gone.json") !=
                std::string::npos);
        // Kept without its text: the call happened and was paid for.
        QCOMPARE(loaded.records[1].inputTokens, int64_t{90000});
        QVERIFY(loaded.records[1].prompt.messages.empty());
    }

    void usageCsvExport() {
        QTemporaryDir dir;
        const QString path = writeTestFile(
            dir, "usage.csv",
            "Timestamp,Model,input_tokens,output_tokens,cached_tokens,workload,request_id\n"
            "2026-11-30T10:00:00Z,gpt-4o-mini,1200,300,1000,search,u1\n"
            "2026-11-30T10:05:00Z,gpt-4o,500,50,,chat,\n"
            "2026-11-30T10:06:00Z,gpt-4o,100,50,400,chat,u3\n"
            "2026-11-30T10:07:00Z,gpt-4o,many,50,,chat,u4\n");
        const Loaded loaded = load({path.toStdString()});
        QCOMPARE(loaded.summary.accepted, int64_t{2});
        QCOMPARE(loaded.summary.rejectedCount, int64_t{2});
        QCOMPARE(loaded.summary.rejected[0].line, int64_t{4});
        QCOMPARE(loaded.summary.rejected[0].field, std::string("input_tokens"));
        QCOMPARE(loaded.summary.rejected[1].line, int64_t{5});
        QCOMPARE(loaded.records[0].cacheReadTokens, int64_t{1000});
        QCOMPARE(loaded.records[0].inputTokens, int64_t{1200});
        QCOMPARE(loaded.records[0].prompt.tags, std::vector<std::string>{"workload:search"});
        QCOMPARE(loaded.records[1].prompt.id, std::string("usage.csv:3"));

        // A usage export without a required column is skipped and said so; the others still load.
        writeTestFile(dir, "nomodel.csv", "timestamp,input_tokens,output_tokens\n1,2,3\n");
        const Loaded both = load({path.toStdString(), dir.filePath("nomodel.csv").toStdString()});
        QCOMPARE(both.summary.accepted, int64_t{2});
        QCOMPARE(both.summary.damaged.size(), size_t{1});
        QCOMPARE(both.summary.damaged[0].file, dir.filePath("nomodel.csv").toStdString());
        QVERIFY2(both.summary.damaged[0].message.find("no 'model' column") != std::string::npos,
                 both.summary.damaged[0].message.c_str());
    }

    void importStoresRunAndSkipsWhatWasImported() {
        QTemporaryDir dir;
        const QString logs = dir.filePath("logs");
        writeGzip(logs + "/1.json.gz",
                  lines({converseRecord("r1", "2026-11-30T10:00:00Z", "one", 1000, 100),
                         converseRecord("r2", "2026-11-30T10:01:00Z", "two", 2000, 200)}));
        auto workspace = Workspace::open(dir.filePath("w.sqlite").toStdString());
        QVERIFY(workspace.ok());
        auto first = workbench::importLogs(**workspace, {logs.toStdString()}, "prod");
        QVERIFY(first.ok());
        QCOMPARE(first->records, int64_t{2});
        QVERIFY(first->runId != 0);
        const auto& haiku = first->models.at("us.anthropic.claude-3-5-haiku-20241022-v1:0");
        QCOMPARE(haiku.requests, int64_t{2});
        QCOMPARE(haiku.inputTokens, int64_t{3000});
        // Claude 3.5 Haiku, US profile: $0.80 in, $4 out per million tokens.
        QVERIFY(qAbs(haiku.costUsd - (3000 * 0.8 + 300 * 4.0) / 1e6) < 1e-12);
        QCOMPARE((*workspace)->run(first->runId)->kind, std::string("traffic"));
        QCOMPARE((*workspace)->resultCount(first->runId), int64_t{2});

        // The folder grows; importing it again adds only the new request, in a new run.
        writeGzip(logs + "/2.json.gz",
                  lines({converseRecord("r3", "2026-11-30T10:02:00Z", "three", 10, 1)}));
        auto second = workbench::importLogs(**workspace, {logs.toStdString()}, "prod");
        QVERIFY(second.ok());
        QCOMPARE(second->records, int64_t{1});
        QCOMPARE(second->duplicates, int64_t{2});
        QCOMPARE((*workspace)->promptCount(second->setId), int64_t{3});
        auto third = workbench::importLogs(**workspace, {logs.toStdString()}, "prod");
        QVERIFY(third.ok());
        QCOMPARE(third->records, int64_t{0});
        QCOMPARE(third->runId, int64_t{0}); // no empty run left behind
        QCOMPARE((*workspace)->runs().size(), size_t{2});
    }

    // What a drop on the window is taken for: logs and usage exports, not prompts or results.
    void looksLikeTrafficOnlyForLogs() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("logs/2026/12/01") && QDir(dir.path()).mkpath("prompts"));
        const std::string log =
            json(converseRecord("r1", "2026-12-01T10:00:00Z", "hi", 10, 2)).dump();
        auto write = [&dir](const QString& name, const std::string& content) {
            return writeTestFile(dir, name, QByteArray::fromStdString(content)).toStdString();
        };
        QVERIFY(looksLikeTraffic(write("logs/2026/12/01/a.json", log + "\n")));
        QVERIFY(looksLikeTraffic(write("cw.json", "2026-12-01T10:00:00.000Z " + log + "\n")));
        writeGzip(dir.filePath("b.json.gz"), QByteArray::fromStdString(log + "\n"));
        QVERIFY(looksLikeTraffic(dir.filePath("b.json.gz").toStdString()));
        QVERIFY(
            looksLikeTraffic(write("usage.csv", "timestamp,model,input_tokens,output_tokens\n")));
        QVERIFY(looksLikeTraffic(dir.filePath("logs").toStdString()));

        QVERIFY(!looksLikeTraffic(write("prompts/p.jsonl", R"({"prompt":"What is 2+2?"})"
                                                           "\n")));
        QVERIFY(!looksLikeTraffic(write("prompts/q.csv", "id,prompt\n1,hello\n")));
        writeGzip(dir.filePath("prompts.jsonl.gz"), R"({"prompt":"hi"})"
                                                    "\n");
        QVERIFY(!looksLikeTraffic(dir.filePath("prompts.jsonl.gz").toStdString()));
        QVERIFY(!looksLikeTraffic(dir.filePath("prompts").toStdString()));
        QVERIFY(!looksLikeTraffic(write("empty.json", "")));
        QVERIFY(!looksLikeTraffic(dir.filePath("missing.json").toStdString()));
    }

    void cliReportsTheOperationsFigures() {
        QTemporaryDir dir;
        json routed = converseRecord("p", "2026-11-30T10:00:00Z", "routed", 100, 10);
        routed["modelId"] = "arn:aws:bedrock:us-east-1:1:application-inference-profile/xyz";
        const QString log = writeTestFile(
            dir, "log.json",
            lines({converseRecord("c1", "2026-11-30T10:00:00Z", "one", 1000, 100), routed}) +
                "not json\n");
        const QString workspace = dir.filePath("cli.sqlite");
        const CliRun run = runCli({"import-logs", "--workspace", workspace, log, "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject out = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(out["records"].toInt(), 2);
        QCOMPARE(out["rejected"].toInt(), 1);
        QCOMPARE(out["rejections"].toArray()[0].toObject()["line"].toInt(), 3);
        QVERIFY(out["run_id"].toInt() > 0);
        const QJsonObject models = out["models"].toObject();
        const QJsonObject haiku = models["us.anthropic.claude-3-5-haiku-20241022-v1:0"].toObject();
        QCOMPARE(haiku["requests"].toInt(), 1);
        QCOMPARE(haiku["input_tokens"].toInt(), 1000);
        QCOMPARE(haiku["output_tokens"].toInt(), 100);
        QVERIFY(qAbs(haiku["cost_usd"].toDouble() - (1000 * 0.8 + 100 * 4.0) / 1e6) < 1e-12);
        // A model the catalogue cannot price is reported, its cost left out (never $0 silently).
        const QJsonObject profile =
            models["arn:aws:bedrock:us-east-1:1:application-inference-profile/xyz"].toObject();
        QCOMPARE(profile["unpriced"].toInt(), 1);

        // The operation on a copy of the same input gives the same figures.
        auto direct = Workspace::open(dir.filePath("direct.sqlite").toStdString());
        QVERIFY(direct.ok());
        auto outcome = workbench::importLogs(**direct, {log.toStdString()}, "");
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->records, int64_t{2});
        QCOMPARE(outcome->models.at("us.anthropic.claude-3-5-haiku-20241022-v1:0").costUsd,
                 haiku["cost_usd"].toDouble());

        const CliRun nothing =
            runCli({"import-logs", "--workspace", workspace, dir.filePath("missing")});
        QCOMPARE(nothing.exitCode, 1);
        QVERIFY(nothing.err.contains("no such file or folder"));
    }
};

QTEST_GUILESS_MAIN(TestTrafficImport)
#include "tst_traffic_import.moc"
