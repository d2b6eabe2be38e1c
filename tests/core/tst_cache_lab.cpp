// One Cache Lab evaluation end to end, and the truth check against a real run's recorded cache
// tokens, on a real workspace file.
#include "cache/cache_lab.h"
#include "cache/recorded_usage.h"
#include "pricing/bundled_catalogue.h"
#include "store/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace switchyard;

namespace {

constexpr const char* kModel = "claude-sonnet-4-5-20250929";

// Three requests 10 s apart sharing a long system prompt with a checkpoint: the first writes
// the cache, the next two read it.
std::vector<Prompt> sharedPrefixPrompts() {
    std::string policy;
    for (int i = 0; i < 400; ++i)
        policy += "Rule " + std::to_string(i) + ": answer politely and cite the policy. ";
    std::vector<Prompt> prompts;
    for (int i = 0; i < 3; ++i) {
        Prompt prompt;
        prompt.id = "q" + std::to_string(i);
        prompt.system = {{policy, true, "5m"}};
        prompt.messages = {{"user", {{"Question number " + std::to_string(i), false, ""}}}};
        prompt.timestampMs = 1795000000000 + i * 10000;
        prompts.push_back(std::move(prompt));
    }
    return prompts;
}

} // namespace

class TestCacheLab : public QObject {
    Q_OBJECT

    Catalogue m_catalogue;

private slots:
    void initTestCase() {
        auto catalogue = Catalogue::fromJson(bundledCatalogueJson(), "bundled");
        QVERIFY(catalogue.ok());
        m_catalogue = std::move(catalogue).value();
        QVERIFY(m_catalogue.find(kModel));
    }

    void evaluatesRecordedTraffic() {
        const auto prompts = sharedPrefixPrompts();
        CacheLabSettings settings;
        settings.model = kModel;
        settings.recordedTimestamps = true;
        auto report = runCacheLab(prompts, m_catalogue, settings);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().toString().c_str());
        const auto& sim = report->simulation;
        QCOMPARE(sim.requests, int64_t{3});
        QCOMPARE(sim.writeRequests, int64_t{1});
        QCOMPARE(sim.hitRequests, int64_t{2});
        QVERIFY(sim.costWithCacheUsd < sim.costWithoutCacheUsd);
        // Three requests over 20 s: 6 per minute, and the curve spans 1/100 to 100 times that.
        QCOMPARE(report->requestsPerMinute, 6.0);
        QVERIFY(!report->curve.points.empty());
        QCOMPARE(report->curve.points.front().requestsPerMinute, 0.06);
        QCOMPARE(report->curve.points.back().requestsPerMinute, 600.0);
        QVERIFY(!report->truth.has_value());
        settings.model = "no-such-model";
        QVERIFY(!runCacheLab(prompts, m_catalogue, settings).ok());
    }

    void truthCheckAgainstARealRun() {
        QTemporaryDir dir;
        auto workspace = Workspace::open(dir.filePath(QStringLiteral("w.sqlite")).toStdString());
        QVERIFY(workspace.ok());
        auto& ws = **workspace;
        const auto prompts = sharedPrefixPrompts();
        const int64_t setId = *ws.createPromptSet("support", "");
        QVERIFY(ws.appendPrompts(setId, prompts, "").ok());
        const auto rows = ws.promptRows(setId, 0, 10);
        const ModelPrice* model = m_catalogue.find(kModel);

        // A synthetic run and a run of another model never count as the truth.
        const int64_t synthetic = *ws.createRun(
            {0, "demo", setId, "demo", "complete", true, "{}", "", 0.0, std::nullopt});
        const int64_t other = *ws.createRun(
            {0, "haiku", setId, "provider", "complete", false, "{}", "", 0.0, std::nullopt});
        std::vector<ResultRecord> cached;
        for (size_t i = 0; i < rows.size(); ++i)
            cached.push_back({rows[i].ordinal,
                              std::string("anthropic/") + kModel,
                              "answer",
                              10,
                              5,
                              i == 0 ? 0 : 3000,
                              i == 0 ? 3000 : 0,
                              500.0,
                              std::nullopt,
                              "",
                              "",
                              1,
                              0,
                              "",
                              {}});
        QVERIFY(ws.insertResults(synthetic, cached).ok());
        std::vector<ResultRecord> haiku = cached;
        for (auto& result : haiku)
            result.modelRef = "anthropic/claude-haiku-4-5-20251001";
        QVERIFY(ws.insertResults(other, haiku).ok());
        QVERIFY(recordedCacheUsage(ws, setId, m_catalogue, model->id).usage.empty());

        // The real run: request 0 wrote 3,000 tokens, requests 1 and 2 read them.
        const int64_t real = *ws.createRun(
            {0, "sonnet live", setId, "provider", "complete", false, "{}", "", 0.0, std::nullopt});
        QVERIFY(ws.insertResults(real, cached).ok());
        const RecordedCacheRun recorded = recordedCacheUsage(ws, setId, m_catalogue, model->id);
        QCOMPARE(recorded.runId, real);
        QCOMPARE(recorded.usage.size(), size_t{3});
        QCOMPARE(recorded.usage[1].request, size_t{1});
        QCOMPARE(recorded.usage[1].usage.cacheRead, int64_t{3000});

        CacheLabSettings settings;
        settings.model = kModel;
        settings.recordedTimestamps = true;
        settings.recorded = recorded;
        auto report = runCacheLab(prompts, m_catalogue, settings);
        QVERIFY(report.ok());
        QVERIFY(report->truth.has_value());
        const TruthCheck& truth = *report->truth;
        QCOMPARE(truth.requests, int64_t{3});
        QCOMPARE(QString::fromStdString(report->truthRunName), QStringLiteral("sonnet live"));
        QCOMPARE(truth.recordedCachedTokens, int64_t{6000});
        QCOMPARE(truth.recordedWriteTokens, int64_t{3000});
        QCOMPARE(truth.simulatedCachedTokens, report->simulation.cachedTokens);
        // Same outcome per request: a write, then two hits.
        QCOMPARE(truth.outcomeAgreements, int64_t{3});
        QCOMPARE(truth.chrDifference, truth.simulatedChr - truth.recordedChr);
    }
};

QTEST_GUILESS_MAIN(TestCacheLab)
#include "tst_cache_lab.moc"
