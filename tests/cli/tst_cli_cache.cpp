// switchyard-cli cache as a user or a CI pipeline runs it: a real process over a real workspace.
//
// The prompt set: three Anthropic-shaped prompts, each a system block of 2,000 four-letter words
// marked with cache_control, then the user turn "abcd". Claude's estimate: 1 token a word, plus
// 3 per request and 3 per message, so the system segment is 2,006 tokens and the user turn 4:
// prompts of 2,010, 6,030 in all. Recorded at 10:00:00, 10:03:20 and 10:10:00 (0.2 a minute).
// Sonnet 4.5 (bundled catalogue): $3/MTok, reads $0.30, 5-minute writes $3.75, 1-hour $6.
#include "pricing/bundled_catalogue.h"
#include "pricing/catalogue.h"
#include "pricing/model_price_json.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_runner.h"

#include <cmath>

namespace {

#define COMPARE_USD(actual, expected)                                                              \
    QVERIFY2(std::abs((actual) - (expected)) < 1e-12,                                              \
             qPrintable(QStringLiteral("%1 != %2")                                                 \
                            .arg(double(actual), 0, 'g', 17)                                       \
                            .arg(double(expected), 0, 'g', 17)))

QByteArray promptLine(const QString& id, const QString& timestamp, const QString& extraSystem) {
    QStringList words;
    for (int i = 0; i < 2000; ++i)
        words << QStringLiteral("abcd");
    const QJsonObject block{{"type", "text"},
                            {"text", words.join(' ') + extraSystem},
                            {"cache_control", QJsonObject{{"type", "ephemeral"}}}};
    const QJsonObject prompt{
        {"id", id},
        {"system", QJsonArray{block}},
        {"messages", QJsonArray{QJsonObject{{"role", "user"}, {"content", "abcd"}}}},
        {"timestamp", timestamp},
        {"tags", QJsonArray{"support"}}};
    return QJsonDocument(prompt).toJson(QJsonDocument::Compact) + "\n";
}

// A workspace with the set "support" (and, with `volatileTime`, a "Current time" line in each
// system prompt that changes per request).
QString makeWorkspace(const QTemporaryDir& dir, bool volatileTime = false) {
    const QString file = dir.filePath(QStringLiteral("support.jsonl"));
    const QStringList times = {"2026-05-01T10:00:00Z", "2026-05-01T10:03:20Z",
                               "2026-05-01T10:10:00Z"};
    QByteArray lines;
    for (int i = 0; i < times.size(); ++i)
        lines +=
            promptLine(QStringLiteral("q%1").arg(i), times[i],
                       volatileTime ? QStringLiteral("\nCurrent time: ") + times[i] : QString());
    writeFile(file, lines);
    const QString workspace = dir.filePath(QStringLiteral("w.sqlite"));
    const CliRun import = runCli({"import", file, "--workspace", workspace, "--set", "support"});
    if (import.exitCode != 0)
        qFatal("import failed: %s", import.err.constData());
    return workspace;
}

QJsonObject cacheJson(const QString& workspace, QStringList extra, int* exitCode = nullptr) {
    QStringList arguments{"cache", "--workspace", workspace, "--set", "support", "--json"};
    arguments += extra;
    const CliRun run = runCli(arguments);
    if (exitCode)
        *exitCode = run.exitCode;
    if (run.exitCode != 0)
        qWarning("cache failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

class TestCliCache : public QObject {
    Q_OBJECT

private slots:
    void helpNamesTheCommand() {
        const CliRun run = runCli({"--help"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("cache --workspace W --set NAME --model REF"));
    }

    // Figures per run. Recorded arrivals: q0 writes 2,006, q1 (200 s later) reads them and
    // refreshes the entry, q2 (400 s after q1) finds it expired and writes again.
    void figures_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<qint64>("cachedTokens");
        QTest::addColumn<qint64>("writeTokens");
        QTest::addColumn<qint64>("write1hTokens");
        QTest::addColumn<double>("costWithUsd");
        QTest::addColumn<double>("costWithoutUsd");
        QTest::addColumn<QString>("arrivals");
        // 12 uncached x 3 + 2,006 x 0.30 + 4,012 x 3.75 = 36 + 601.8 + 15,045 = 15,682.8 u$;
        // without: 6,030 x 3 = 18,090.
        QTest::newRow("recorded, 5m")
            << QStringList{"--model", "claude-sonnet-4-5"} << qint64(2006) << qint64(4012)
            << qint64(0) << 0.0156828 << 0.01809 << "recorded";
        // --ttl 1h applies to the prompts' own (5-minute) marks too: q2 still hits.
        // 36 + 4,012 x 0.30 + 2,006 x 6 = 36 + 1,203.6 + 12,036.
        QTest::newRow("recorded, 1h")
            << QStringList{"--model", "claude-sonnet-4-5", "--ttl", "1h"} << qint64(4012)
            << qint64(2006) << qint64(2006) << 0.0132756 << 0.01809 << "recorded";
        // 6,000 a minute: gaps of milliseconds, q1 and q2 hit.
        // 36 + 4,012 x 0.30 + 2,006 x 3.75 = 36 + 1,203.6 + 7,522.5 = 8,762.1.
        QTest::newRow("poisson 6000/min")
            << QStringList{"--model", "claude-sonnet-4-5", "--rate", "6000"} << qint64(4012)
            << qint64(2006) << qint64(0) << 0.0087621 << 0.01809 << "poisson";
        // No checkpoints placed: plain input.
        QTest::newRow("no checkpoints")
            << QStringList{"--model", "claude-sonnet-4-5", "--checkpoints", "none"} << qint64(0)
            << qint64(0) << qint64(0) << 0.01809 << 0.01809 << "recorded";
        // gpt-4o-mini (o200k: the same 2,006 + 4 here) caches automatically: q1 and q2 repeat
        // the whole 2,010-token prompt and read 1,920 (15 x 128) of it. OpenAI counts cached
        // tokens inside the input: 2,190 x 0.15 + 3,840 x 0.075 = 328.5 + 288 = 616.5 u$.
        QTest::newRow("openai automatic")
            << QStringList{"--model", "gpt-4o-mini", "--rate", "6000"} << qint64(3840) << qint64(0)
            << qint64(0) << 0.0006165 << 0.0009045 << "poisson";
    }

    void figures() {
        QFETCH(QStringList, options);
        QFETCH(qint64, cachedTokens);
        QFETCH(qint64, writeTokens);
        QFETCH(qint64, write1hTokens);
        QFETCH(double, costWithUsd);
        QFETCH(double, costWithoutUsd);
        QFETCH(QString, arrivals);
        QTemporaryDir dir;
        int exitCode = -1;
        const QJsonObject json = cacheJson(makeWorkspace(dir), options, &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(json.value("requests").toInteger(), qint64(3));
        QCOMPARE(json.value("input_tokens").toInteger(), qint64(6030));
        QCOMPARE(json.value("cached_tokens").toInteger(), cachedTokens);
        QCOMPARE(json.value("cache_write_tokens").toInteger(), writeTokens);
        QCOMPARE(json.value("cache_write_1h_tokens").toInteger(), write1hTokens);
        QCOMPARE(json.value("chr").toDouble(), double(cachedTokens) / 6030.0);
        COMPARE_USD(json.value("cost_with_cache_usd").toDouble(), costWithUsd);
        COMPARE_USD(json.value("cost_without_cache_usd").toDouble(), costWithoutUsd);
        QCOMPARE(json.value("arrivals").toObject().value("kind").toString(), arrivals);
        QCOMPARE(
            json.value("tags").toObject().value("support").toObject().value("requests").toInt(), 3);
    }

    // Per checkpoint, the break-even rate and the notes of the recorded 5-minute run.
    void checkpointsAndBreakEven() {
        QTemporaryDir dir;
        const QJsonObject json = cacheJson(makeWorkspace(dir), {"--model", "claude-sonnet-4-5"});
        const QJsonArray checkpoints = json.value("checkpoints").toArray();
        QCOMPARE(checkpoints.size(), 1);
        const QJsonObject system = checkpoints[0].toObject();
        QCOMPARE(system.value("label").toString(), QStringLiteral("after system"));
        QCOMPARE(system.value("hits").toInt(), 1);
        QCOMPARE(system.value("writes").toInt(), 2);
        QCOMPARE(system.value("misses").toInt(), 2);
        QCOMPARE(system.value("read_tokens").toInt(), 2006);
        QCOMPARE(system.value("write_tokens").toInt(), 4012);
        QCOMPARE(json.value("arrivals").toObject().value("rate_per_min").toDouble(), 0.2);
        // The Cache Lab's grid (core/cache/cache_lab.h): 29 rates evenly on a log scale from a
        // hundredth to a hundred times the simulated 0.2/min, 7 a decade: r_i = 0.002 x 10^(i/7).
        // Scaled from 0.2/min, the gaps of 200 s and 400 s are 40/r and 80/r seconds: at r_12 =
        // 0.1036 both miss (savings 18,090 - 3 x 7,534.5 = -4,513.5 u$), at r_13 = 0.1439 the
        // first hits (18,090 - 2 x 7,534.5 - 613.8 = 2,407.2). Interpolated between them.
        const double r12 = 0.002 * std::pow(10.0, 12.0 / 7.0);
        const double r13 = 0.002 * std::pow(10.0, 13.0 / 7.0);
        QCOMPARE(json.value("break_even").toString(), QStringLiteral("crossing"));
        COMPARE_USD(json.value("break_even_rate_per_min").toDouble(),
                    r12 + 4513.5 * (r13 - r12) / 6920.7);
        QVERIFY(json.value("warnings").toArray().isEmpty());

        QTemporaryDir other;
        const QJsonObject none = cacheJson(
            makeWorkspace(other), {"--model", "claude-sonnet-4-5", "--checkpoints", "none"});
        QCOMPARE(none.value("break_even").toString(), QStringLiteral("never_saves"));
        QVERIFY(none.value("break_even_rate_per_min").isNull());
        QCOMPARE(none.value("warnings").toArray().first().toString(),
                 QStringLiteral("3 requests have no cache checkpoint (try --checkpoints "
                                "after_system)"));
    }

    void textOutput() {
        QTemporaryDir dir;
        const CliRun run = runCli({"cache", "--workspace", makeWorkspace(dir), "--set", "support",
                                   "--model", "claude-sonnet-4-5"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("Cached tokens:    2,006 (CHR 33.3%)"), run.out.constData());
        QVERIFY(run.out.contains("Cost with cache:  $0.0157"));
        QVERIFY(run.out.contains("Cost without:     $0.0181"));
        QVERIFY(run.out.contains("after system: 1 hits, 2 writes"));
    }

    // The workspace's price override is what the simulation prices with: input at $6 doubles
    // every figure of the 6,000-a-minute run.
    void usesWorkspacePriceOverrides() {
        QTemporaryDir dir;
        const QString workspace = makeWorkspace(dir);
        {
            auto bundled = switchyard::Catalogue::fromJson(switchyard::bundledCatalogueJson());
            QVERIFY(bundled);
            switchyard::ModelPrice price = *bundled->find("claude-sonnet-4-5");
            price.inputUsdPerMTok = 6.0;
            auto ws = switchyard::Workspace::open(workspace.toStdString());
            QVERIFY(ws);
            QVERIFY((*ws)->savePriceOverride(price.id, switchyard::modelPriceToJson(price)).ok());
        }
        const QJsonObject json =
            cacheJson(workspace, {"--model", "claude-sonnet-4-5", "--rate", "6000"});
        COMPARE_USD(json.value("cost_with_cache_usd").toDouble(), 2 * 0.0087621);
        COMPARE_USD(json.value("cost_without_cache_usd").toDouble(), 2 * 0.01809);
        QVERIFY(json.value("price_overridden").toBool());
    }

    // The changing "Current time" line is found, counted and priced.
    void lintFindsPlantedTimestamps() {
        QTemporaryDir dir;
        const QJsonObject json =
            cacheJson(makeWorkspace(dir, true), {"--model", "claude-sonnet-4-5", "--lint"});
        QCOMPARE(json.value("cached_tokens").toInteger(), qint64(0));
        const QJsonArray findings = json.value("findings").toArray();
        QCOMPARE(findings.size(), 1);
        const QJsonObject finding = findings[0].toObject();
        QCOMPARE(finding.value("kind").toString(), QStringLiteral("volatile_content"));
        QCOMPARE(finding.value("volatile_kind").toString(), QStringLiteral("timestamp"));
        QCOMPARE(finding.value("location").toString(), QStringLiteral("system block 1"));
        QCOMPARE(finding.value("affected_requests").toInt(), 3);
        QCOMPARE(finding.value("example").toString(),
                 QStringLiteral("Current time: 2026-05-01T10:00:00Z"));
        QVERIFY(finding.value("auto_fixable").toBool());
        QVERIFY(finding.value("monthly_cost_usd").toDouble() > 0.0);
    }

    void failures_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no model") << QStringList{} << 2 << QByteArray("--model REF is required");
        QTest::newRow("bad ttl") << QStringList{"--model", "claude-sonnet-4-5", "--ttl", "2h"} << 2
                                 << QByteArray("--ttl must be 5m or 1h");
        QTest::newRow("bad rate") << QStringList{"--model", "claude-sonnet-4-5", "--rate", "-3"}
                                  << 2 << QByteArray("--rate must be a positive number");
        QTest::newRow("bad placement")
            << QStringList{"--model", "claude-sonnet-4-5", "--checkpoints", "after_lunch"} << 2
            << QByteArray("unknown checkpoint placement 'after_lunch'");
        QTest::newRow("unknown model")
            << QStringList{"--model", "claude-9"} << 1 << QByteArray("claude-9");
        QTest::newRow("unknown set") << QStringList{"--model", "claude-sonnet-4-5", "--set", "x"}
                                     << 1 << QByteArray("no prompt set named 'x'");
        QTest::newRow("1h without a 1-hour price")
            << QStringList{"--model", "anthropic.claude-3-5-haiku-20241022-v1:0", "--ttl", "1h"}
            << 1 << QByteArray("offers no 1-hour cache TTL");
    }

    void failures() {
        QFETCH(QStringList, options);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        QStringList arguments{"cache", "--workspace", makeWorkspace(dir), "--set", "support"};
        arguments += options;
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCache)
#include "tst_cli_cache.moc"
