// The traffic figures of a set: the dashboard's spend, tiers and anomalies, and the what-ifs
// (caching at the recorded arrival times, a policy applied to the recorded prompts), each as
// switchyard-cli traffic prints it.
#include "cli_runner.h"
#include "store/workspace.h"
#include "test_files.h"
#include "traffic_fixtures.h"
#include "workbench/traffic_ops.h"
#include "workbench/traffic_whatif.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace switchyard;
using namespace trafficfixtures;

class TestTrafficDashboard : public QObject {
    Q_OBJECT

private slots:
    void dashboardFindsJumpsShiftsAndLoops() {
        QTemporaryDir dir;
        std::vector<json> records;
        const int64_t day1 = 1796083200000; // 2026-12-01T00:00:00Z
        const int64_t day2 = day1 + 86400000;
        // Support: 30 Haiku calls on day 1; 30 Sonnet calls on day 2 (premium, and more spend).
        for (int i = 0; i < 30; ++i)
            records.push_back(converseRecord("d1-" + std::to_string(i),
                                             isoTime(day1 + 3600000 + i * 60000), "q", 1000, 100));
        for (int i = 0; i < 30; ++i) {
            json record = converseRecord("d2-" + std::to_string(i),
                                         isoTime(day2 + 3600000 + i * 60000), "q", 1000, 100);
            record["modelId"] = "anthropic.claude-3-5-sonnet-20241022-v2:0";
            if (i % 3 == 0)
                record["requestMetadata"].erase("team"); // spend without a team
            else if (i % 3 == 1)
                record["requestMetadata"]["team"] = "research";
            records.push_back(record);
        }
        // An agent re-sending one conversation 25 times, a turn longer each time, 10 s apart.
        for (int i = 0; i < 25; ++i)
            records.push_back(conversationRecord("loop-" + std::to_string(i),
                                                 isoTime(day2 + 7200000 + i * 10000), i + 1));
        const QString log = writeTestFile(dir, "log.json", lines(records));
        const QString path = dir.filePath("w.sqlite");
        {
            auto workspace = Workspace::open(path.toStdString());
            QVERIFY(workspace.ok());
            QVERIFY(workbench::importLogs(**workspace, {log.toStdString()}, "prod").ok());
        }
        auto workspace = Workspace::open(path.toStdString());
        auto outcome = workbench::trafficDashboard(**workspace, "prod");
        QVERIFY2(outcome.ok(), outcome ? "" : outcome.error().message.c_str());
        const TrafficDashboard& board = outcome->dashboard;
        QCOMPARE(board.requests, int64_t{85});
        QCOMPARE(board.bucketMs, int64_t{3600000}); // under two days: hourly
        QCOMPARE(board.models.front().model,
                 std::string("anthropic.claude-3-5-sonnet-20241022-v2:0"));
        QCOMPARE(board.models.front().tier, ModelTier::Premium);
        std::vector<std::string> kinds;
        for (const TrafficAnomaly& anomaly : board.anomalies)
            kinds.push_back(std::string(anomalyKindName(anomaly.kind)) + ":" + anomaly.workload);
        std::sort(kinds.begin(), kinds.end());
        QCOMPARE(kinds, (std::vector<std::string>{"premium_shift:support", "runaway_loop:agent",
                                                  "spend_jump:support"}));
        for (const TrafficAnomaly& anomaly : board.anomalies) {
            if (anomaly.kind == AnomalyKind::RunawayLoop) {
                QCOMPARE(anomaly.requests, int64_t{25});
                QCOMPARE(anomaly.after, 25.0);
            }
            if (anomaly.kind == AnomalyKind::PremiumShift) {
                QCOMPARE(anomaly.before, 0.0);
                QCOMPARE(anomaly.after, 1.0);
            }
        }
        // Spend per bucket adds up to the total.
        double bucketed = 0;
        for (const SpendSeries& series : board.spendByModel)
            for (double cost : series.costUsd)
                bucketed += cost;
        QVERIFY(qAbs(bucketed - board.costUsd) < 1e-9);
        // Spend over time per tag key: each key's values add up to the total too, and requests
        // without the key are their own series.
        std::map<std::string, std::vector<std::string>> valuesOfKey;
        for (const TagSpend& key : board.spendByTag) {
            double keyed = 0;
            for (const SpendSeries& series : key.series) {
                valuesOfKey[key.key].push_back(series.name);
                for (double cost : series.costUsd)
                    keyed += cost;
            }
            QVERIFY2(qAbs(keyed - board.costUsd) < 1e-9, key.key.c_str());
        }
        QCOMPARE(valuesOfKey["workload"],
                 (std::vector<std::string>{"support", "agent"})); // most spend first
        auto teams = valuesOfKey["team"];
        std::sort(teams.begin(), teams.end());
        QCOMPARE(teams, (std::vector<std::string>{std::string(kNoTagValue), "cx", "research"}));

        // switchyard-cli traffic prints the operation's figures.
        const QJsonObject cli = cliJson({"traffic", "--workspace", path, "--json"});
        QCOMPARE(cli["requests"].toInt(), 85);
        QCOMPARE(cli["cost_usd"].toDouble(), board.costUsd);
        QCOMPARE(cli["anomalies"].toArray().size(), 3);
        QCOMPARE(cli["bucket"].toString(), QString("hour"));
        QCOMPARE(cli["spend_by_tag"].toObject()["team"].toObject().keys(),
                 (QStringList{"(none)", "cx", "research"}));
        QCOMPARE(cli["workloads"].toArray()[0].toObject()["workload"].toString(),
                 QString::fromStdString(board.workloads.front().workload));
    }

    void whatIfsReplayTheRecordedTraffic() {
        QTemporaryDir dir;
        std::vector<json> records;
        // A support bot re-sending one long system prompt, a minute apart, never cached.
        std::string system;
        for (int clause = 0; clause < 400; ++clause)
            system += "Clause " + std::to_string(clause) + ": refunds within thirty days. ";
        for (int i = 0; i < 40; ++i) {
            json record =
                converseRecord("s" + std::to_string(i), isoTime(1796601600000 + i * 60000),
                               "ticket " + std::to_string(i), 2000, 50);
            record["modelId"] = "anthropic.claude-3-7-sonnet-20250219-v1:0";
            record["input"]["inputBodyJson"]["system"] = json::array({{{"text", system}}});
            record["requestMetadata"]["workload"] = i % 2 ? "legal" : "support";
            records.push_back(record);
        }
        const QString log = writeTestFile(dir, "log.json", lines(records));
        const QString path = dir.filePath("w.sqlite");
        auto workspace = Workspace::open(path.toStdString());
        QVERIFY(workspace.ok());
        QVERIFY(workbench::importLogs(**workspace, {log.toStdString()}, "prod").ok());

        auto cache = workbench::trafficCacheWhatIf(**workspace, "prod", "");
        QVERIFY2(cache.ok(), cache ? "" : cache.error().message.c_str());
        QCOMPARE(cache->model, std::string("anthropic.claude-3-7-sonnet-20250219-v1:0"));
        QCOMPARE(cache->requests, int64_t{40});
        QCOMPARE(cache->chrAchieved, 0.0);
        QVERIFY(cache->simulated.recordedTimestamps);
        // One write, then 39 reads of the system prompt within the 5-minute TTL.
        QCOMPARE(cache->simulated.simulation.writeRequests, int64_t{1});
        QVERIFY(cache->simulated.simulation.chr > 0.5);

        // Legal keeps the large tier; everything else goes to Haiku.
        const QString policy = writeTestFile(
            dir, "policy.yaml",
            "apiVersion: switchyard/v1\nkind: RoutingPolicy\nmetadata: {name: split}\n"
            "tiers:\n  - {name: small, model: anthropic.claude-3-5-haiku-20241022-v1:0}\n"
            "  - {name: large, model: anthropic.claude-3-7-sonnet-20250219-v1:0}\n"
            "router:\n  kind: rules\n  params:\n    default_tier: small\n    rules:\n"
            "      - {tag: 'workload:legal', tier: large}\n");
        auto routing =
            workbench::trafficRoutingWhatIf(**workspace, "prod", policy.toStdString(), 10);
        QVERIFY2(routing.ok(), routing ? "" : routing.error().message.c_str());
        QCOMPARE(routing->requests, int64_t{40});
        QCOMPARE(routing->perTier, (std::vector<int64_t>{20, 20}));
        // Sonnet: $3 in, $15 out; Haiku 3.5: $0.80 in, $4 out (per million tokens).
        const double sonnet = (2000 * 3.0 + 50 * 15.0) / 1e6;
        const double haiku = (2000 * 0.8 + 50 * 4.0) / 1e6;
        QVERIFY(qAbs(routing->costRecordedUsd - 40 * sonnet) < 1e-12);
        QVERIFY(qAbs(routing->costRoutedUsd - (20 * sonnet + 20 * haiku)) < 1e-12);
        QCOMPARE(routing->sampleSize, int64_t{10});
        QVERIFY(qAbs(routing->sampleCostUsd - 10 * (sonnet + haiku)) < 1e-12);

        auto sample = workbench::createTrafficSample(**workspace, "prod", 10);
        QVERIFY(sample.ok());
        QCOMPARE(sample->setName, std::string("prod sample"));
        QCOMPARE(sample->prompts, int64_t{10});

        const QJsonObject cli =
            cliJson({"traffic", "--workspace", path, "--set", "prod", "--cache-model", "auto",
                     "--policy", policy, "--sample", "10", "--json"});
        QVERIFY(cli["cache_what_if"].toObject()["model_offers_caching"].toBool());
        QCOMPARE(cli["cache_what_if"].toObject()["chr_simulated"].toDouble(),
                 cache->simulated.simulation.chr);
        QCOMPARE(cli["routing_what_if"].toObject()["cost_routed_usd"].toDouble(),
                 routing->costRoutedUsd);
        QCOMPARE(cli["routing_what_if"].toObject()["sample_cost_usd"].toDouble(),
                 routing->sampleCostUsd);
    }
};

QTEST_GUILESS_MAIN(TestTrafficDashboard)
#include "tst_traffic_dashboard.moc"
