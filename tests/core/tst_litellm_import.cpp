// Reading LiteLLM's model_prices_and_context_window.json: the real snapshot, and one small
// hand-written entry per way an entry can fail to become a price.
#include "pricing/catalogue.h"
#include "pricing/cost.h"
#include "pricing/litellm_import.h"

#include <QtTest>

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <map>
#include <set>

using namespace switchyard;

namespace {

#define COMPARE_REAL(actual, expected)                                                             \
    QVERIFY2(std::abs((actual) - (expected)) < 1e-9,                                               \
             qPrintable(QStringLiteral("%1 != %2")                                                 \
                            .arg(double(actual), 0, 'g', 17)                                       \
                            .arg(double(expected), 0, 'g', 17)))

const QString kLiteLlmFile =
    QStringLiteral(SWITCHYARD_SHARED_DATA_DIR "/litellm-model-prices.json");
const QString kBundledCatalogue =
    QStringLiteral(SWITCHYARD_SOURCE_DIR "/resources/pricing/catalogue.json");

const ModelPrice* findImported(const LiteLlmImport& result, const std::string& id) {
    for (const auto& model : result.models) {
        if (model.id == id)
            return &model;
    }
    return nullptr;
}

const ImportIssue* findIssue(const std::vector<ImportIssue>& issues, const std::string& model) {
    for (const auto& issue : issues) {
        if (issue.model == model)
            return &issue;
    }
    return nullptr;
}

// The real snapshot is read once: it is 1.5 MB and several tests look at it.
const LiteLlmImport& realImport() {
    static const LiteLlmImport result = [] {
        auto imported = importLiteLlm(kLiteLlmFile.toStdString());
        if (!imported)
            qFatal("LiteLLM import: %s", imported.error().toString().c_str());
        return std::move(imported).value();
    }();
    return result;
}

bool haveRealFile() {
    return QFileInfo::exists(kLiteLlmFile);
}

} // namespace

class TestLiteLlmImport : public QObject {
    Q_OBJECT

private slots:
    void realFileAccountsForEveryEntry();
    void realFileKnownEntries_data();
    void realFileKnownEntries();
    void realFileReasons_data();
    void realFileReasons();
    void realFileMergesIntoBundledCatalogue();
    void handWrittenEntries_data();
    void handWrittenEntries();
    void handWrittenMapping();
    void mergeKeepsIdentity();
    void flaggedModelCannotBeCosted();
    void invalidFile();
};

void TestLiteLlmImport::realFileAccountsForEveryEntry() {
    if (!haveRealFile())
        QSKIP("the LiteLLM snapshot is not in ../shared/data");
    const LiteLlmImport& result = realImport();

    // Count the entries with a different JSON reader, so the total is not the importer's word.
    QFile file(kLiteLlmFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(result.totalEntries, size_t(root.size()));
    QCOMPARE(result.models.size() + result.flagged.size() + result.skipped.size(),
             result.totalEntries);

    // Each entry lands in exactly one list.
    std::set<std::string> seen;
    for (const auto& model : result.models)
        QVERIFY2(seen.insert(model.id).second, model.id.c_str());
    for (const auto* list : {&result.flagged, &result.skipped}) {
        for (const auto& issue : *list) {
            QVERIFY2(seen.insert(issue.model).second, issue.model.c_str());
            QVERIFY2(!issue.reason.empty(), issue.model.c_str());
        }
    }
    for (const QString& key : root.keys())
        QVERIFY2(seen.count(key.toStdString()), qPrintable(key));

    // No imported model is priced at $0, and every one can be costed.
    for (const auto& model : result.models) {
        QVERIFY2(model.inputUsdPerMTok > 0.0 && model.outputUsdPerMTok > 0.0, model.id.c_str());
        QVERIFY2(costUsd(model, Usage{1000, 1000}).ok(), model.id.c_str());
        QCOMPARE(QString::fromStdString(model.priceDate), QStringLiteral("2026-07-24"));
    }
    QCOMPARE(QString::fromStdString(result.snapshotDate), QStringLiteral("2026-07-24"));

    std::map<std::string, int> reasons;
    for (const auto& issue : result.flagged)
        ++reasons[issue.field + ": " + issue.reason.substr(0, issue.reason.find(" ("))];
    qInfo("LiteLLM snapshot: %zu entries, %zu imported, %zu flagged, %zu skipped",
          result.totalEntries, result.models.size(), result.flagged.size(), result.skipped.size());
    for (const auto& [reason, count] : reasons)
        qInfo("  flagged %4d x %s", count, reason.c_str());
}

void TestLiteLlmImport::realFileKnownEntries_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<bool>("additive");
    QTest::addColumn<double>("input");
    QTest::addColumn<double>("output");
    QTest::addColumn<double>("read");
    QTest::addColumn<double>("write5m");
    QTest::addColumn<double>("write1h");
    QTest::addColumn<qint64>("minCacheable");
    QTest::addColumn<double>("batch");
    QTest::addColumn<double>("flex");
    QTest::addColumn<qint64>("threshold");
    QTest::addColumn<double>("inputAbove");
    QTest::addColumn<double>("outputAbove");

    // cache_read 8e-08 / input 8e-07 = 0.1; cache_creation 1e-06 / 8e-07 = 1.25; no 1h price.
    QTest::newRow("Bedrock Claude 3.5 Haiku") << "anthropic.claude-3-5-haiku-20241022-v1:0"
                                              << "bedrock" << true << 0.8 << 4.0 << 0.1 << 1.25
                                              << 0.0 << 2048ll << 0.0 << 0.0 << 0ll << 0.0 << 0.0;
    // bedrock_converse -> bedrock; 1-hour write 2e-06 / 1e-06 = 2.
    QTest::newRow("Bedrock Converse Claude Haiku 4.5")
        << "anthropic.claude-haiku-4-5-20251001-v1:0"
        << "bedrock" << true << 1.0 << 5.0 << 0.1 << 1.25 << 2.0 << 4096ll << 0.0 << 0.0 << 0ll
        << 0.0 << 0.0;
    QTest::newRow("Anthropic Sonnet 4.5 long context")
        << "claude-sonnet-4-5-20250929"
        << "anthropic" << true << 3.0 << 15.0 << 0.1 << 1.25 << 2.0 << 1024ll << 0.0 << 0.0
        << 200000ll << 6.0 << 22.5;
    // Batch 7.5e-08 / 1.5e-07 = 0.5; OpenAI has no write fee (no cache_creation field).
    QTest::newRow("OpenAI gpt-4o-mini batch") << "gpt-4o-mini"
                                              << "openai" << false << 0.15 << 0.6 << 0.5 << 1.0
                                              << 0.0 << 1024ll << 0.5 << 0.0 << 0ll << 0.0 << 0.0;
    QTest::newRow("OpenAI gpt-5 flex") << "gpt-5"
                                       << "openai" << false << 1.25 << 10.0 << 0.1 << 1.0 << 0.0
                                       << 1024ll << 0.0 << 0.5 << 0ll << 0.0 << 0.0;
    QTest::newRow("Bedrock Llama 4 Scout batch") << "meta.llama4-scout-17b-instruct-v1:0"
                                                 << "bedrock" << true << 0.17 << 0.66 << 1.0 << 1.0
                                                 << 0.0 << 0ll << 0.5 << 0.0 << 0ll << 0.0 << 0.0;
    // LiteLLM's threshold need not be 200k: gpt-5.4 doubles input above 272k.
    QTest::newRow("OpenAI above 272k") << "gpt-5.4"
                                       << "openai" << false << 2.5 << 15.0 << 0.1 << 1.0 << 0.0
                                       << 1024ll << 0.5 << 0.5 << 272000ll << 5.0 << 22.5;
}

void TestLiteLlmImport::realFileKnownEntries() {
    if (!haveRealFile())
        QSKIP("the LiteLLM snapshot is not in ../shared/data");
    QFETCH(QString, id);
    QFETCH(QString, provider);
    QFETCH(bool, additive);
    QFETCH(double, input);
    QFETCH(double, output);
    QFETCH(double, read);
    QFETCH(double, write5m);
    QFETCH(double, write1h);
    QFETCH(qint64, minCacheable);
    QFETCH(double, batch);
    QFETCH(double, flex);
    QFETCH(qint64, threshold);
    QFETCH(double, inputAbove);
    QFETCH(double, outputAbove);

    const ModelPrice* price = findImported(realImport(), id.toStdString());
    QVERIFY(price);
    QCOMPARE(QString::fromStdString(price->provider), provider);
    QCOMPARE(price->semantics == UsageSemantics::CacheAdditive, additive);
    COMPARE_REAL(price->inputUsdPerMTok, input);
    COMPARE_REAL(price->outputUsdPerMTok, output);
    COMPARE_REAL(price->cacheReadMultiplier, read);
    COMPARE_REAL(price->cacheWrite5mMultiplier, write5m);
    COMPARE_REAL(price->cacheWrite1hMultiplier, write1h);
    QCOMPARE(price->minCacheableTokens, minCacheable);
    COMPARE_REAL(price->batchMultiplier, batch);
    COMPARE_REAL(price->flexMultiplier, flex);
    QCOMPARE(price->longContext.thresholdTokens, threshold);
    COMPARE_REAL(price->longContext.inputUsdPerMTok, inputAbove);
    COMPARE_REAL(price->longContext.outputUsdPerMTok, outputAbove);
}

void TestLiteLlmImport::realFileReasons_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("flagged"); // false: skipped
    QTest::addColumn<QString>("reason");

    QTest::newRow("zero-priced preview") << "anthropic.claude-mythos-preview" << true
                                         << "\"anthropic.claude-mythos-preview\".input_cost_per_"
                                            "token: is 0: unpriced, not free";
    QTest::newRow("provisioned throughput")
        << "bedrock/us-east-1/1-month-commitment/anthropic.claude-v1" << true
        << "input_cost_per_token: missing (the entry is priced by input_cost_per_second, not per "
           "token)";
    QTest::newRow("tiered pricing") << "dashscope/qwen-flash" << true
                                    << "input_cost_per_token: missing (the entry is priced by "
                                       "tiered_pricing, which is not modeled)";
    QTest::newRow("price on request only")
        << "github_copilot/gpt-4o" << true << "input_cost_per_token: missing";
    QTest::newRow("free input, paid output")
        << "perplexity/pplx-70b-online" << true << "input_cost_per_token: is 0";
    QTest::newRow("field documentation")
        << "sample_spec" << false << "LiteLLM's documentation of the fields";
    QTest::newRow("timestamp") << "last_updated" << false
                               << "not a model entry: the value is a string";
    QTest::newRow("routing rules")
        << "fallback_generalizations" << false << "not a model entry: no litellm_provider";
    QTest::newRow("embedding") << "text-embedding-3-small" << false
                               << "mode: mode 'embedding' is not billed per chat token";
}

void TestLiteLlmImport::realFileReasons() {
    if (!haveRealFile())
        QSKIP("the LiteLLM snapshot is not in ../shared/data");
    QFETCH(QString, model);
    QFETCH(bool, flagged);
    QFETCH(QString, reason);

    const LiteLlmImport& result = realImport();
    QVERIFY(!findImported(result, model.toStdString()));
    const ImportIssue* issue =
        findIssue(flagged ? result.flagged : result.skipped, model.toStdString());
    QVERIFY(issue);
    const QString text = QString::fromStdString(issue->toString());
    QVERIFY2(text.contains(reason), qPrintable(text));
}

void TestLiteLlmImport::realFileMergesIntoBundledCatalogue() {
    if (!haveRealFile())
        QSKIP("the LiteLLM snapshot is not in ../shared/data");
    auto loaded = Catalogue::fromFile(kBundledCatalogue.toStdString());
    QVERIFY(loaded.ok());
    Catalogue catalogue = std::move(loaded).value();
    const size_t bundledCount = catalogue.models().size();
    size_t alreadyKnown = 0;
    for (const auto& model : realImport().models)
        alreadyKnown += catalogue.findId(model.id) ? 1 : 0;

    const MergeCounts counts = realImport().mergeInto(catalogue);
    QCOMPARE(counts.updated, alreadyKnown);
    QCOMPARE(counts.added + counts.updated, realImport().models.size());
    QCOMPARE(catalogue.models().size(), bundledCount + counts.added);
    qInfo("merged into the bundled catalogue: %zu added, %zu updated", counts.added,
          counts.updated);

    // Identity stays ours, prices are LiteLLM's.
    const ModelPrice* haiku = catalogue.findId("anthropic.claude-3-5-haiku-20241022-v1:0");
    QVERIFY(haiku);
    QCOMPARE(QString::fromStdString(haiku->family), QStringLiteral("claude-haiku"));
    QCOMPARE(QString::fromStdString(haiku->displayName),
             QStringLiteral("Claude 3.5 Haiku (Bedrock)"));
    QCOMPARE(QString::fromStdString(haiku->priceDate), QStringLiteral("2026-07-24"));
    // LiteLLM lists the us. profile of Sonnet 4.5 itself: the exact entry wins over the prefix
    // rule.
    const ModelPrice* usSonnet = catalogue.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    QVERIFY(usSonnet);
    QCOMPARE(QString::fromStdString(usSonnet->id),
             QStringLiteral("us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
    COMPARE_REAL(usSonnet->inputUsdPerMTok, 3.3);
    // A flagged model is not in the catalogue, so it cannot be costed at all.
    QVERIFY(!catalogue.find("anthropic.claude-mythos-preview"));
    QVERIFY(
        !costBreakdown(catalogue, "bedrock/anthropic.claude-mythos-preview", Usage{100, 10}).ok());
    // And the merged catalogue still round-trips.
    auto reloaded = Catalogue::fromJson(catalogue.toJson(), "merged.json");
    QVERIFY2(reloaded.ok(), reloaded.ok() ? "" : reloaded.error().toString().c_str());
    QCOMPARE(reloaded->models().size(), catalogue.models().size());
}

void TestLiteLlmImport::handWrittenEntries_data() {
    QTest::addColumn<QString>("entry"); // the value of the "m" key
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("report");

    const QString chat = R"("litellm_provider": "openai", "mode": "chat")";
    auto entry = [&](const QString& fields) { return "{" + chat + ", " + fields + "}"; };
    QTest::newRow("price as a string")
        << entry(R"("input_cost_per_token": "1e-6", "output_cost_per_token": 2e-6)") << "flagged"
        << R"("m".input_cost_per_token: expected a number)";
    QTest::newRow("negative price")
        << entry(R"("input_cost_per_token": 1e-6, "output_cost_per_token": -2e-6)") << "flagged"
        << R"("m".output_cost_per_token: expected a non-negative number)";
    QTest::newRow("missing input") << entry(R"("output_cost_per_token": 2e-6)") << "flagged"
                                   << R"("m".input_cost_per_token: missing)";
    QTest::newRow("missing output") << entry(R"("input_cost_per_token": 2e-6)") << "flagged"
                                    << R"("m".output_cost_per_token: missing)";
    QTest::newRow("zero input")
        << entry(R"("input_cost_per_token": 0, "output_cost_per_token": 2e-6)") << "flagged"
        << R"("m".input_cost_per_token: is 0: unpriced, not free)";
    QTest::newRow("zero output")
        << entry(R"("input_cost_per_token": 1e-6, "output_cost_per_token": 0.0)") << "flagged"
        << R"("m".output_cost_per_token: is 0: unpriced, not free)";
    QTest::newRow("priced per second")
        << entry(R"("input_cost_per_second": 0.01, "output_cost_per_second": 0.01)") << "flagged"
        << R"("m".input_cost_per_token: missing (the entry is priced by input_cost_per_second, )"
           R"(not per token))";
    QTest::newRow("malformed cache price")
        << entry(R"("input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6,
                    "cache_read_input_token_cost": "cheap")")
        << "flagged"
        << R"("m".cache_read_input_token_cost: expected a number)";
    QTest::newRow("malformed batch price")
        << entry(R"("input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6,
                    "input_cost_per_token_batches": [5e-7], "output_cost_per_token_batches": 1e-6)")
        << "flagged"
        << R"("m".input_cost_per_token_batches: expected a number)";
    QTest::newRow("malformed caching flag")
        << entry(R"("input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6,
                    "supports_prompt_caching": "yes")")
        << "flagged"
        << R"("m".supports_prompt_caching: expected true or false)";
    QTest::newRow("malformed context window")
        << entry(R"("input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6,
                    "max_input_tokens": "128k")")
        << "flagged"
        << R"("m".max_input_tokens: expected a number)";
    QTest::newRow("mode not a string")
        << R"({"litellm_provider": "openai", "mode": 1, "input_cost_per_token": 1e-6,
              "output_cost_per_token": 2e-6})"
        << "flagged"
        << R"("m".mode: expected a string)";
    QTest::newRow("embedding")
        << R"({"litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 1e-7,
              "output_cost_per_token": 0})"
        << "skipped"
        << R"("m".mode: mode 'embedding' is not billed per chat token: not imported)";
    QTest::newRow("not an object") << R"("2026-07-24")"
                                   << "skipped"
                                   << R"("m": not a model entry: the value is a string)";
    QTest::newRow("no provider, mode or price")
        << R"({"rules": []})"
        << "skipped"
        << R"("m": not a model entry: no litellm_provider, mode or per-token price)";
    QTest::newRow("no mode defaults to chat")
        << R"({"litellm_provider": "fireworks_ai", "input_cost_per_token": 2e-7,
              "output_cost_per_token": 2e-7})"
        << "imported"
        << "";
    QTest::newRow("completion mode")
        << R"({"litellm_provider": "text-completion-openai", "mode": "completion",
              "input_cost_per_token": 2e-6, "output_cost_per_token": 2e-6})"
        << "imported"
        << "";
}

void TestLiteLlmImport::handWrittenEntries() {
    QFETCH(QString, entry);
    QFETCH(QString, outcome);
    QFETCH(QString, report);

    auto result =
        importLiteLlmText(QStringLiteral(R"({"m": %1})").arg(entry).toStdString(), "hand.json");
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
    QCOMPARE(result->totalEntries, size_t(1));
    QCOMPARE(result->models.size(), size_t(outcome == "imported" ? 1 : 0));
    QCOMPARE(result->flagged.size(), size_t(outcome == "flagged" ? 1 : 0));
    QCOMPARE(result->skipped.size(), size_t(outcome == "skipped" ? 1 : 0));
    if (outcome == "flagged")
        QCOMPARE(QString::fromStdString(result->flagged.front().toString()), report);
    if (outcome == "skipped")
        QCOMPARE(QString::fromStdString(result->skipped.front().toString()), report);
}

void TestLiteLlmImport::handWrittenMapping() {
    const char* text = R"({
      "last_updated": "2026-07-24T18:23:43+00:00",
      "acme.claude-sonnet-9-v1:0": {
        "litellm_provider": "bedrock_converse", "mode": "chat",
        "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
        "cache_read_input_token_cost": 3e-07, "cache_creation_input_token_cost": 3.75e-06,
        "cache_creation_input_token_cost_above_1hr": 6e-06,
        "input_cost_per_token_batches": 1.5e-06, "output_cost_per_token_batches": 7.5e-06,
        "input_cost_per_token_priority": 6e-06, "output_cost_per_token_priority": 1e-05,
        "input_cost_per_token_above_200k_tokens": 6e-06,
        "output_cost_per_token_above_200k_tokens": 2.25e-05,
        "input_cost_per_token_above_500k_tokens": 9e-06,
        "max_input_tokens": 1000000.0, "max_output_tokens": 64000,
        "source": "https://aws.amazon.com/bedrock/pricing/"
      },
      "openrouter/acme/chat": {
        "litellm_provider": "openrouter", "mode": "chat", "supports_prompt_caching": true,
        "input_cost_per_token": 1e-06, "output_cost_per_token": 4e-06
      }
    })";
    auto result = importLiteLlmText(text, "hand.json");
    QVERIFY(result.ok());
    QCOMPARE(result->models.size(), size_t(2));
    QCOMPARE(QString::fromStdString(result->skipped.front().model), QStringLiteral("last_updated"));

    const ModelPrice* bedrock = findImported(*result, "acme.claude-sonnet-9-v1:0");
    QVERIFY(bedrock);
    QCOMPARE(QString::fromStdString(bedrock->provider), QStringLiteral("bedrock"));
    QCOMPARE(QString::fromStdString(bedrock->family), QStringLiteral("claude-sonnet"));
    QCOMPARE(bedrock->semantics, UsageSemantics::CacheAdditive);
    // 3e-06 per token is $3 per MTok, exactly, despite binary floating point.
    QCOMPARE(bedrock->inputUsdPerMTok, 3.0);
    QCOMPARE(bedrock->outputUsdPerMTok, 15.0);
    QCOMPARE(bedrock->cacheReadMultiplier, 0.1);
    QCOMPARE(bedrock->cacheWrite5mMultiplier, 1.25);
    QCOMPARE(bedrock->cacheWrite1hMultiplier, 2.0);
    QCOMPARE(bedrock->maxCacheCheckpoints, qint64(4));
    QCOMPARE(bedrock->batchMultiplier, 0.5);
    // Priority input x2 but output x2/3: no single multiplier, so no tier (and a note).
    QCOMPARE(bedrock->priorityMultiplier, 0.0);
    QCOMPARE(bedrock->longContext.thresholdTokens, qint64(200000));
    QCOMPARE(bedrock->longContext.inputUsdPerMTok, 6.0);
    QCOMPARE(bedrock->longContext.outputUsdPerMTok, 22.5);
    QCOMPARE(bedrock->contextWindow, qint64(1000000));
    QCOMPARE(bedrock->maxOutputTokens, qint64(64000));
    QCOMPARE(QString::fromStdString(bedrock->source),
             QStringLiteral("https://aws.amazon.com/bedrock/pricing/"));
    QCOMPARE(QString::fromStdString(bedrock->priceDate), QStringLiteral("2026-07-24"));
    QStringList notes;
    for (const auto& note : bedrock->notes)
        notes << QString::fromStdString(note);
    const QString joined = notes.join('\n');
    QVERIFY2(joined.contains("priority: input x2.0 but output x0.666666666667; tier not imported"),
             qPrintable(joined));
    QVERIFY2(joined.contains("further long-context tiers above 500k tokens not modeled"),
             qPrintable(joined));
    QVERIFY2(joined.contains("minimum cacheable prompt not in LiteLLM: assumed 1024 tokens"),
             qPrintable(joined));

    const ModelPrice* routed = findImported(*result, "openrouter/acme/chat");
    QVERIFY(routed);
    QCOMPARE(routed->semantics, UsageSemantics::CacheSubset);
    QVERIFY(routed->supportsCaching);
    // Caching advertised without a read price: reads cost plain input, not a guessed discount.
    QCOMPARE(routed->cacheReadMultiplier, 1.0);
    QCOMPARE(routed->maxCacheCheckpoints, qint64(0));
}

void TestLiteLlmImport::mergeKeepsIdentity() {
    auto loaded = Catalogue::fromJson(R"({"models": [
        {"id": "gpt-4o-mini", "provider": "openai", "family": "gpt-4o",
         "display_name": "GPT-4o mini", "aliases": ["gpt-4o-mini-2024-07-18"],
         "input_usd_per_mtok": 0.1, "output_usd_per_mtok": 0.5, "semantics": "cache_subset",
         "supports_caching": true, "cache_read_multiplier": 0.5, "min_cacheable_tokens": 1024}]})",
                                      "mine.json");
    QVERIFY(loaded.ok());
    Catalogue catalogue = std::move(loaded).value();
    auto imported = importLiteLlmText(R"({
        "gpt-4o-mini": {"litellm_provider": "openai", "mode": "chat",
            "input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07,
            "cache_read_input_token_cost": 7.5e-08},
        "gpt-new": {"litellm_provider": "openai", "mode": "chat",
            "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
        "gpt-free": {"litellm_provider": "openai", "mode": "chat",
            "input_cost_per_token": 0, "output_cost_per_token": 0}})",
                                      "litellm.json");
    QVERIFY(imported.ok());
    const MergeCounts counts = imported->mergeInto(catalogue);
    QCOMPARE(counts.updated, size_t(1));
    QCOMPARE(counts.added, size_t(1));
    QCOMPARE(catalogue.models().size(), size_t(2));

    const ModelPrice* mini = catalogue.find("gpt-4o-mini-2024-07-18");
    QVERIFY(mini);
    QCOMPARE(mini->inputUsdPerMTok, 0.15);
    QCOMPARE(mini->outputUsdPerMTok, 0.6);
    QCOMPARE(QString::fromStdString(mini->displayName), QStringLiteral("GPT-4o mini"));
    QCOMPARE(QString::fromStdString(mini->family), QStringLiteral("gpt-4o"));
    QVERIFY(catalogue.find("gpt-new"));
    QVERIFY(!catalogue.find("gpt-free"));
}

void TestLiteLlmImport::flaggedModelCannotBeCosted() {
    auto imported = importLiteLlmText(R"({"free-lunch": {"litellm_provider": "bedrock",
        "mode": "chat", "input_cost_per_token": 0.0, "output_cost_per_token": 0.0}})",
                                      "litellm.json");
    QVERIFY(imported.ok());
    QCOMPARE(imported->flagged.size(), size_t(1));
    Catalogue catalogue;
    imported->mergeInto(catalogue);
    QVERIFY(catalogue.empty());
    auto cost = costBreakdown(catalogue, "bedrock/free-lunch", Usage{1000, 100});
    QVERIFY(!cost.ok());
    QVERIFY(QString::fromStdString(cost.error().message).startsWith("unknown model"));
}

void TestLiteLlmImport::invalidFile() {
    auto broken = importLiteLlmText("{\n\"a\": {\n\"mode\": chat}\n}", "broken.json");
    QVERIFY(!broken.ok());
    QCOMPARE(QString::fromStdString(broken.error().file), QStringLiteral("broken.json"));
    QCOMPARE(broken.error().line, qint64(3));

    auto array = importLiteLlmText("[]", "array.json");
    QVERIFY(!array.ok());
    QVERIFY(!importLiteLlm("/nonexistent/model_prices.json").ok());
}

QTEST_GUILESS_MAIN(TestLiteLlmImport)
#include "tst_litellm_import.moc"
