// The cost of a call, the catalogue and its lookups, and the bundled price list.
#include "pricing/catalogue.h"
#include "pricing/cost.h"
#include "pricing/model_price_json.h"

#include <QtTest>

#include <cmath>

using namespace switchyard;

namespace {

// Money must match to the last cent of a cent: 1e-12 dollars is far below any price step.
#define COMPARE_USD(actual, expected)                                                              \
    QVERIFY2(std::abs((actual) - (expected)) < 1e-12,                                              \
             qPrintable(QStringLiteral("%1 != %2")                                                 \
                            .arg(double(actual), 0, 'g', 17)                                       \
                            .arg(double(expected), 0, 'g', 17)))

const QString kBundledCatalogue =
    QStringLiteral(SWITCHYARD_SOURCE_DIR "/resources/pricing/catalogue.json");

// Prices written out here rather than read from the bundled file, so a price update there does
// not change what these tests say about the formula. They mirror real published prices.
ModelPrice fixture(const QString& name) {
    ModelPrice price;
    price.id = name.toStdString();
    price.source = "test";
    if (name == "anthropic-sonnet-4-5") {
        price.provider = "anthropic";
        price.inputUsdPerMTok = 3.0;
        price.outputUsdPerMTok = 15.0;
        price.semantics = UsageSemantics::CacheAdditive;
        price.supportsCaching = true;
        price.cacheReadMultiplier = 0.1;
        price.cacheWrite5mMultiplier = 1.25;
        price.cacheWrite1hMultiplier = 2.0;
        price.batchMultiplier = 0.5;
        price.longContext = {200000, 6.0, 22.5};
    } else if (name == "bedrock-haiku-3-5") {
        price.provider = "bedrock";
        price.inputUsdPerMTok = 0.8;
        price.outputUsdPerMTok = 4.0;
        price.semantics = UsageSemantics::CacheAdditive;
        price.supportsCaching = true;
        price.cacheReadMultiplier = 0.1;
        price.cacheWrite5mMultiplier = 1.25;
        price.batchMultiplier = 0.5; // no 1-hour TTL on Bedrock for this model
    } else if (name == "openai-4o-mini") {
        price.provider = "openai";
        price.inputUsdPerMTok = 0.15;
        price.outputUsdPerMTok = 0.6;
        price.semantics = UsageSemantics::CacheSubset;
        price.supportsCaching = true;
        price.cacheReadMultiplier = 0.5;
        price.batchMultiplier = 0.5;
        price.priorityMultiplier = 5.0 / 3.0; // $0.25 / $1.00
    } else if (name == "openai-gpt-5") {
        price.provider = "openai";
        price.inputUsdPerMTok = 1.25;
        price.outputUsdPerMTok = 10.0;
        price.semantics = UsageSemantics::CacheSubset;
        price.supportsCaching = true;
        price.cacheReadMultiplier = 0.1;
        price.flexMultiplier = 0.5;
    } else if (name == "bedrock-llama-3-3-70b") {
        price.provider = "bedrock";
        price.inputUsdPerMTok = 0.72;
        price.outputUsdPerMTok = 0.72;
    } else if (name == "unpriced") {
        price.provider = "bedrock";
    }
    return price;
}

Catalogue bundled() {
    auto catalogue = Catalogue::fromFile(kBundledCatalogue.toStdString());
    if (!catalogue)
        qFatal("bundled catalogue: %s", catalogue.error().toString().c_str());
    return std::move(catalogue).value();
}

Usage usage(int64_t input, int64_t output, int64_t cacheRead = 0, int64_t cacheWrite = 0,
            int64_t cacheWrite1h = 0) {
    return Usage{input, output, cacheRead, cacheWrite, cacheWrite1h};
}

// The columns every costing row has: which fixture, the tokens and the service tier.
void addCallColumns() {
    QTest::addColumn<QString>("model");
    for (const char* column : {"input", "output", "cacheRead", "cacheWrite", "cacheWrite1h"})
        QTest::addColumn<qint64>(column);
    QTest::addColumn<int>("tier");
}

template <typename T> T fetch(const char* column) {
    return *static_cast<T*>(QTest::qData(column, qMetaTypeId<T>()));
}

Usage fetchUsage() {
    return usage(fetch<qint64>("input"), fetch<qint64>("output"), fetch<qint64>("cacheRead"),
                 fetch<qint64>("cacheWrite"), fetch<qint64>("cacheWrite1h"));
}

} // namespace

class TestPricing : public QObject {
    Q_OBJECT

private slots:
    void cost_data();
    void cost();
    void costErrors_data();
    void costErrors();
    void freeModelCostsZero();
    void lookup_data();
    void lookup();
    void unknownModelIsAnError();
    void upsertReplacesAndReindexes();
    void catalogueRoundTrip();
    void modelPriceRoundTrip();
    void validationErrors_data();
    void validationErrors();
    void catalogueDate();
    void bundledCatalogueEntries();
    void bundledCatalogueHasModel_data();
    void bundledCatalogueHasModel();
    void bundledPrices_data();
    void bundledPrices();
};

void TestPricing::cost_data() {
    addCallColumns();
    QTest::addColumn<double>("inputUsd");
    QTest::addColumn<double>("cacheReadUsd");
    QTest::addColumn<double>("cacheWriteUsd");
    QTest::addColumn<double>("outputUsd");
    QTest::addColumn<bool>("longContext");

    const int standard = int(ServiceTier::Standard);
    // Input counts every input token, cached ones included (pricing/usage.h): an Anthropic call
    // that reported input_tokens 1000 beside 10000 read and 4000 written has input 15000.
    // $3 in, $15 out; prompt 15000, under 200k.
    //   input  (15000 - 10000 - 4000) = 1000 * 3 = 3000      -> $0.003
    //   read  10000 * 3 * 0.1     = 3000      -> $0.003
    //   write  3000 * 3 * 1.25    = 11250
    //        + 1000 * 3 * 2       =  6000     -> $0.01725
    //   output  500 * 15          = 7500      -> $0.0075        total $0.03075
    QTest::newRow("anthropic additive, 5m and 1h writes and reads")
        << "anthropic-sonnet-4-5" << 15000ll << 500ll << 10000ll << 4000ll << 1000ll << standard
        << 0.003 << 0.003 << 0.01725 << 0.0075 << false;
    // The same call in a Message Batch: every component halved, cache included.
    QTest::newRow("anthropic batch halves every component")
        << "anthropic-sonnet-4-5" << 15000ll << 500ll << 10000ll << 4000ll << 1000ll
        << int(ServiceTier::Batch) << 0.0015 << 0.0015 << 0.008625 << 0.00375 << false;
    // Prompt 210000 (60000 of them read from the cache) > 200000: the whole call at $6 / $22.50.
    //   input 150000 * 6 = $0.9; read 60000 * 6 * 0.1 = $0.036; output 2000 * 22.5 = $0.045
    QTest::newRow("long context above 200k, crossed by cache reads")
        << "anthropic-sonnet-4-5" << 210000ll << 2000ll << 60000ll << 0ll << 0ll << standard << 0.9
        << 0.036 << 0.0 << 0.045 << true;
    // Exactly 200000 is not "more than 200k": 200000 * 3 = $0.6, 1000 * 15 = $0.015.
    QTest::newRow("exactly at the threshold stays standard")
        << "anthropic-sonnet-4-5" << 200000ll << 1000ll << 0ll << 0ll << 0ll << standard << 0.6
        << 0.0 << 0.0 << 0.015 << false;
    // $0.80 in, $4 out; Converse's inputTokens 2000 beside 6000 read and 2500 written: 10500.
    //   input 2000 * 0.8 = $0.0016; read 6000 * 0.8 * 0.1 = $0.00048;
    //   write 2500 * 0.8 * 1.25 = $0.0025; output 300 * 4 = $0.0012     total $0.00578
    QTest::newRow("bedrock additive")
        << "bedrock-haiku-3-5" << 10500ll << 300ll << 6000ll << 2500ll << 0ll << standard << 0.0016
        << 0.00048 << 0.0025 << 0.0012 << false;
    // prompt_tokens 3000 include 2048 cached: uncached 952 * 0.15 = $0.0001428;
    //   read 2048 * 0.15 * 0.5 = $0.0001536; output 200 * 0.6 = $0.00012   total $0.0004164
    QTest::newRow("openai subset with cached tokens")
        << "openai-4o-mini" << 3000ll << 200ll << 2048ll << 0ll << 0ll << standard << 0.0001428
        << 0.0001536 << 0.0 << 0.00012 << false;
    // Batch API: the same three components halved, total $0.0002082.
    QTest::newRow("openai batch") << "openai-4o-mini" << 3000ll << 200ll << 2048ll << 0ll << 0ll
                                  << int(ServiceTier::Batch) << 0.0000714 << 0.0000768 << 0.0
                                  << 0.00006 << false;
    // Priority at $0.25 / $1.00, i.e. x5/3: 952 * 0.25 = $0.000238; 2048 * 0.125 = $0.000256;
    //   200 * 1.0 = $0.0002.
    QTest::newRow("openai priority")
        << "openai-4o-mini" << 3000ll << 200ll << 2048ll << 0ll << 0ll << int(ServiceTier::Priority)
        << 0.000238 << 0.000256 << 0.0 << 0.0002 << false;
    // Flex at half price: uncached 6000 * 1.25 * 0.5 = $0.00375; read 4000 * 0.125 * 0.5 =
    //   $0.00025; output 1000 * 10 * 0.5 = $0.005.
    QTest::newRow("openai flex") << "openai-gpt-5" << 10000ll << 1000ll << 4000ll << 0ll << 0ll
                                 << int(ServiceTier::Flex) << 0.00375 << 0.00025 << 0.0 << 0.005
                                 << false;
    // No caching: 1234 * 0.72 = $0.00088848 and 567 * 0.72 = $0.00040824.
    QTest::newRow("model without caching")
        << "bedrock-llama-3-3-70b" << 1234ll << 567ll << 0ll << 0ll << 0ll << standard << 0.00088848
        << 0.0 << 0.0 << 0.00040824 << false;
    QTest::newRow("priority not offered costs standard")
        << "bedrock-llama-3-3-70b" << 1234ll << 567ll << 0ll << 0ll << 0ll
        << int(ServiceTier::Priority) << 0.00088848 << 0.0 << 0.0 << 0.00040824 << false;
    QTest::newRow("no tokens, no money") << "anthropic-sonnet-4-5" << 0ll << 0ll << 0ll << 0ll
                                         << 0ll << standard << 0.0 << 0.0 << 0.0 << 0.0 << false;
}

void TestPricing::cost() {
    QFETCH(QString, model);
    QFETCH(int, tier);
    QFETCH(double, inputUsd);
    QFETCH(double, cacheReadUsd);
    QFETCH(double, cacheWriteUsd);
    QFETCH(double, outputUsd);
    QFETCH(bool, longContext);

    const ModelPrice price = fixture(model);
    const Usage tokens = fetchUsage();
    auto cost = costBreakdown(price, tokens, ServiceTier(tier));
    QVERIFY2(cost.ok(), cost.ok() ? "" : cost.error().toString().c_str());
    COMPARE_USD(cost->inputUsd, inputUsd);
    COMPARE_USD(cost->cacheReadUsd, cacheReadUsd);
    COMPARE_USD(cost->cacheWriteUsd, cacheWriteUsd);
    COMPARE_USD(cost->outputUsd, outputUsd);
    const double total = inputUsd + cacheReadUsd + cacheWriteUsd + outputUsd;
    COMPARE_USD(cost->totalUsd, total);
    QCOMPARE(cost->longContext, longContext);

    auto dollars = costUsd(price, tokens, ServiceTier(tier));
    QVERIFY(dollars.ok());
    COMPARE_USD(*dollars, total);
}

void TestPricing::costErrors_data() {
    addCallColumns();
    QTest::addColumn<QString>("message");

    const int standard = int(ServiceTier::Standard);
    QTest::newRow("unpriced model")
        << "unpriced" << 100ll << 10ll << 0ll << 0ll << 0ll << standard << "no input price";
    QTest::newRow("batch not offered") << "bedrock-llama-3-3-70b" << 100ll << 10ll << 0ll << 0ll
                                       << 0ll << int(ServiceTier::Batch) << "no batch price";
    QTest::newRow("flex not offered") << "anthropic-sonnet-4-5" << 100ll << 10ll << 0ll << 0ll
                                      << 0ll << int(ServiceTier::Flex) << "no flex price";
    QTest::newRow("cache tokens on a model without caching")
        << "bedrock-llama-3-3-70b" << 100ll << 10ll << 50ll << 0ll << 0ll << standard
        << "no prompt caching";
    QTest::newRow("1-hour write on a model without a 1-hour price")
        << "bedrock-haiku-3-5" << 100ll << 10ll << 0ll << 100ll << 50ll << standard
        << "no 1-hour cache-write price";
    QTest::newRow("subset cache larger than input")
        << "openai-4o-mini" << 100ll << 10ll << 200ll << 0ll << 0ll << standard
        << "cached tokens exceed input tokens";
    QTest::newRow("negative count") << "openai-4o-mini" << -1ll << 10ll << 0ll << 0ll << 0ll
                                    << standard << "negative token count";
    QTest::newRow("1-hour writes above all writes")
        << "anthropic-sonnet-4-5" << 100ll << 10ll << 0ll << 10ll << 20ll << standard
        << "1-hour cache writes exceed all cache writes";
}

void TestPricing::costErrors() {
    QFETCH(QString, model);
    QFETCH(int, tier);
    QFETCH(QString, message);

    const ModelPrice price = fixture(model);
    auto cost = costBreakdown(price, fetchUsage(), ServiceTier(tier));
    QVERIFY(!cost.ok());
    const QString text = QString::fromStdString(cost.error().toString());
    QVERIFY2(text.contains(message), qPrintable(text));
    QVERIFY2(text.contains(model), qPrintable(text));
    QVERIFY(!costUsd(price, fetchUsage(), ServiceTier(tier)).ok());
}

void TestPricing::freeModelCostsZero() {
    ModelPrice local = fixture("unpriced");
    local.freeOfCharge = true;
    auto cost = costUsd(local, usage(5000, 500));
    QVERIFY(cost.ok());
    QCOMPARE(*cost, 0.0);
}

void TestPricing::lookup_data() {
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("id"); // empty: must not resolve
    QTest::addColumn<double>("inputUsdPerMTok");

    QTest::newRow("plain id") << "gpt-4o-mini"
                              << "gpt-4o-mini" << 0.15;
    QTest::newRow("REF provider/model") << "bedrock/anthropic.claude-3-5-haiku-20241022-v1:0"
                                        << "anthropic.claude-3-5-haiku-20241022-v1:0" << 0.8;
    QTest::newRow("REF with a user-chosen provider name") << "my-openai/gpt-4o"
                                                          << "gpt-4o" << 2.5;
    QTest::newRow("dated alias") << "gpt-4o-mini-2024-07-18"
                                 << "gpt-4o-mini" << 0.15;
    QTest::newRow("alias inside a REF") << "anthropic/claude-sonnet-4-5"
                                        << "claude-sonnet-4-5-20250929" << 3.0;
    QTest::newRow("Hugging Face name of a Bedrock model")
        << "mistralai/Mixtral-8x7B-Instruct-v0.1"
        << "mistral.mixtral-8x7b-instruct-v0:1" << 0.45;
    QTest::newRow("us. inference profile") << "us.anthropic.claude-3-5-haiku-20241022-v1:0"
                                           << "anthropic.claude-3-5-haiku-20241022-v1:0" << 0.8;
    QTest::newRow("REF with an inference profile")
        << "bedrock/us.anthropic.claude-3-7-sonnet-20250219-v1:0"
        << "anthropic.claude-3-7-sonnet-20250219-v1:0" << 3.0;
    QTest::newRow("inference-profile ARN")
        << "arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
           "us.anthropic.claude-3-7-sonnet-20250219-v1:0"
        << "anthropic.claude-3-7-sonnet-20250219-v1:0" << 3.0;
    QTest::newRow("global. profile at the base price")
        << "global.anthropic.claude-sonnet-4-5-20250929-v1:0"
        << "anthropic.claude-sonnet-4-5-20250929-v1:0" << 3.0;
    // Anthropic: regional endpoints of Claude 4.5 models cost 10% more than global ones.
    QTest::newRow("geographic profile premium")
        << "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"
        << "anthropic.claude-sonnet-4-5-20250929-v1:0" << 3.3;
    QTest::newRow("apac. profile") << "apac.anthropic.claude-haiku-4-5-20251001-v1:0"
                                   << "anthropic.claude-haiku-4-5-20251001-v1:0" << 1.1;
    QTest::newRow("Nova Premier via its profile") << "us.amazon.nova-premier-v1:0"
                                                  << "amazon.nova-premier-v1:0" << 2.5;
    QTest::newRow("us-gov. is not guessed") << "us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0"
                                            << "" << 0.0;
    QTest::newRow("profile prefix on a non-Bedrock model") << "us.gpt-4o"
                                                           << "" << 0.0;
    QTest::newRow("unknown model") << "bedrock/acme.unknown-v1:0"
                                   << "" << 0.0;
    QTest::newRow("ids are case-sensitive") << "GPT-4O"
                                            << "" << 0.0;
}

void TestPricing::lookup() {
    QFETCH(QString, ref);
    QFETCH(QString, id);
    QFETCH(double, inputUsdPerMTok);

    const Catalogue catalogue = bundled();
    const ModelPrice* price = catalogue.find(ref.toStdString());
    if (id.isEmpty()) {
        QVERIFY2(!price, price ? price->id.c_str() : "");
        QVERIFY(!catalogue.lookup(ref.toStdString()).ok());
        return;
    }
    QVERIFY(price);
    QCOMPARE(QString::fromStdString(price->id), id);
    COMPARE_USD(price->inputUsdPerMTok, inputUsdPerMTok);
    auto looked = catalogue.lookup(ref.toStdString());
    QVERIFY(looked.ok());
    QCOMPARE(*looked, price);
}

void TestPricing::unknownModelIsAnError() {
    const Catalogue catalogue = bundled();
    auto cost = costBreakdown(catalogue, "bedrock/acme.unknown-v1:0", usage(1000, 100));
    QVERIFY(!cost.ok());
    QCOMPARE(QString::fromStdString(cost.error().message),
             QStringLiteral("unknown model 'bedrock/acme.unknown-v1:0': not in the pricing "
                            "catalogue (add a price or import a catalogue)"));

    // A known REF through the same path: 1000 * 10 + 100 * 30 = $0.013.
    auto known = costBreakdown(catalogue, "openai/gpt-4-1106-preview", usage(1000, 100));
    QVERIFY(known.ok());
    COMPARE_USD(known->totalUsd, 0.013);
}

void TestPricing::upsertReplacesAndReindexes() {
    Catalogue catalogue;
    ModelPrice haiku = fixture("anthropic-sonnet-4-5");
    haiku.id = "anthropic.claude-haiku-4-5-20251001-v1:0";
    haiku.provider = "bedrock";
    haiku.aliases = {"haiku"};
    haiku.geoProfileMultiplier = 1.1;
    QVERIFY(!catalogue.upsert(haiku));
    COMPARE_USD(catalogue.find("us." + haiku.id)->inputUsdPerMTok, 3.3);

    haiku.inputUsdPerMTok = 1.0;
    haiku.aliases = {"haiku-4-5"};
    QVERIFY(catalogue.upsert(haiku));
    QCOMPARE(catalogue.models().size(), size_t(1));
    QVERIFY(!catalogue.find("haiku"));
    QCOMPARE(catalogue.find("haiku-4-5"), &catalogue.models()[0]);
    // The premium-priced variant follows the new price.
    COMPARE_USD(catalogue.find("us." + haiku.id)->inputUsdPerMTok, 1.1);
    COMPARE_USD(catalogue.find("global." + haiku.id)->inputUsdPerMTok, 1.0);

    // A new id takes its name over from another model's alias, so every name still means one
    // model and the catalogue saves as a file that loads again.
    ModelPrice other = fixture("bedrock-llama-3-3-70b");
    other.id = "haiku-4-5";
    other.aliases = {haiku.id, "llama"}; // the first already names a model: dropped
    QVERIFY(!catalogue.upsert(other));
    QCOMPARE(QString::fromStdString(catalogue.find("haiku-4-5")->id), QStringLiteral("haiku-4-5"));
    QVERIFY(catalogue.findId(haiku.id)->aliases.empty());
    QCOMPARE(catalogue.findId("haiku-4-5")->aliases, std::vector<std::string>{"llama"});
    QVERIFY(!catalogue.findId("llama"));
    QCOMPARE(QString::fromStdString(catalogue.find(haiku.id)->id),
             QString::fromStdString(haiku.id));
    QVERIFY(Catalogue::fromJson(catalogue.toJson()).ok());
}

void TestPricing::catalogueRoundTrip() {
    const Catalogue original = bundled();
    const std::string text = original.toJson();
    auto reloaded = Catalogue::fromJson(text, "roundtrip.json");
    QVERIFY2(reloaded.ok(), reloaded.ok() ? "" : reloaded.error().toString().c_str());
    QCOMPARE(reloaded->models().size(), original.models().size());
    for (size_t i = 0; i < original.models().size(); ++i)
        QVERIFY2(reloaded->models()[i] == original.models()[i], original.models()[i].id.c_str());
    QCOMPARE(QString::fromStdString(reloaded->catalogueDate()),
             QString::fromStdString(original.catalogueDate()));
    QVERIFY(reloaded->toJson() == text);
}

void TestPricing::modelPriceRoundTrip() {
    ModelPrice price = fixture("anthropic-sonnet-4-5");
    price.family = "claude-sonnet";
    price.displayName = "Claude Sonnet 4.5 (my override)";
    price.aliases = {"sonnet"};
    price.geoProfileMultiplier = 1.1;
    price.contextWindow = 1000000;
    price.maxOutputTokens = 64000;
    price.minCacheableTokens = 1024;
    price.maxCacheCheckpoints = 4;
    price.priceDate = "2026-11-27";
    price.notes = {"negotiated discount"};
    const std::string json = modelPriceToJson(price);
    auto back = modelPriceFromJson(json, "override");
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
    QVERIFY(*back == price);

    ModelPrice local = fixture("unpriced");
    local.freeOfCharge = true;
    auto localBack = modelPriceFromJson(modelPriceToJson(local));
    QVERIFY(localBack.ok());
    QVERIFY(localBack->freeOfCharge);
    QVERIFY(*localBack == local);
}

void TestPricing::validationErrors_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qint64>("line");

    const QString ok = R"({"id": "m0", "provider": "bedrock", "input_usd_per_mtok": 1,
                           "output_usd_per_mtok": 2})";
    auto models = [&](const QString& second) {
        return QStringLiteral(R"({"models": [%1, %2]})").arg(ok, second);
    };
    QTest::newRow("negative price")
        << models(R"({"id": "m1", "provider": "x", "input_usd_per_mtok": -1,
                      "output_usd_per_mtok": 2})")
        << "models[1].input_usd_per_mtok"
        << "expected a non-negative number" << 0ll;
    QTest::newRow("price as a string")
        << models(R"({"id": "m1", "provider": "x", "input_usd_per_mtok": 1,
                      "output_usd_per_mtok": "2"})")
        << "models[1].output_usd_per_mtok"
        << "expected a non-negative number" << 0ll;
    QTest::newRow("missing price")
        << models(R"({"id": "m1", "provider": "x", "input_usd_per_mtok": 1})")
        << "models[1].output_usd_per_mtok"
        << "required: expected a non-negative number" << 0ll;
    QTest::newRow("missing id") << models(R"({"provider": "x", "input_usd_per_mtok": 1,
                                              "output_usd_per_mtok": 2})")
                                << "models[1].id"
                                << "required" << 0ll;
    QTest::newRow("caching without semantics")
        << models(R"({"id": "m1", "provider": "x", "input_usd_per_mtok": 1,
                      "output_usd_per_mtok": 2, "supports_caching": true})")
        << "models[1].semantics"
        << "required when supports_caching is true" << 0ll;
    QTest::newRow("unknown semantics")
        << models(R"({"id": "m1", "provider": "x", "input_usd_per_mtok": 1,
                      "output_usd_per_mtok": 2, "semantics": "additive"})")
        << "models[1].semantics"
        << "expected \"cache_additive\" or \"cache_subset\"" << 0ll;
    QTest::newRow("bad date") << models(R"({"id": "m1", "provider": "x", "input_usd_per_mtok": 1,
                                            "output_usd_per_mtok": 2, "price_date": "24/07/2026"})")
                              << "models[1].price_date"
                              << "expected a date as YYYY-MM-DD" << 0ll;
    QTest::newRow("long context without threshold")
        << models(R"({"id": "m1", "provider": "x", "input_usd_per_mtok": 1,
                      "output_usd_per_mtok": 2, "long_context": {"input_usd_per_mtok": 2,
                      "output_usd_per_mtok": 4}})")
        << "models[1].long_context.threshold_tokens"
        << "required: expected a positive integer" << 0ll;
    QTest::newRow("alias not a string")
        << models(R"({"id": "m1", "provider": "x", "input_usd_per_mtok": 1,
                      "output_usd_per_mtok": 2, "aliases": ["a", 3]})")
        << "models[1].aliases[1]"
        << "expected a string" << 0ll;
    QTest::newRow("fractional count")
        << models(R"({"id": "m1", "provider": "x", "input_usd_per_mtok": 1,
                      "output_usd_per_mtok": 2, "context_window": 1.5})")
        << "models[1].context_window"
        << "expected a non-negative integer" << 0ll;
    QTest::newRow("duplicate id") << models(R"({"id": "m0", "provider": "x",
                                                "input_usd_per_mtok": 1, "output_usd_per_mtok": 2})")
                                  << "models[1].id"
                                  << "'m0' already names models[0]" << 0ll;
    QTest::newRow("alias names another model")
        << models(R"({"id": "m1", "provider": "x", "input_usd_per_mtok": 1,
                      "output_usd_per_mtok": 2, "aliases": ["m0"]})")
        << "models[1].aliases[0]"
        << "'m0' already names models[0]" << 0ll;
    QTest::newRow("model not an object") << models("42") << "models[1]"
                                         << "expected an object" << 0ll;
    QTest::newRow("no models array") << R"({"models": {}})"
                                     << "models"
                                     << "expected an array of models" << 0ll;
    QTest::newRow("another currency") << R"({"currency": "EUR", "models": []})"
                                      << "currency"
                                      << "expected \"USD\"" << 0ll;
    QTest::newRow("bad catalogue date") << R"({"catalogue_date": "2026-13-01", "models": []})"
                                        << "catalogue_date"
                                        << "expected a date as YYYY-MM-DD" << 0ll;
    QTest::newRow("syntax error on line 3") << "{\n  \"models\": [\n    {\"id\": }\n  ]\n}"
                                            << ""
                                            << "invalid JSON" << 3ll;
}

void TestPricing::validationErrors() {
    QFETCH(QString, json);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QFETCH(qint64, line);

    auto catalogue = Catalogue::fromJson(json.toStdString(), "test.json");
    QVERIFY(!catalogue.ok());
    const Error& error = catalogue.error();
    QCOMPARE(QString::fromStdString(error.file), QStringLiteral("test.json"));
    QCOMPARE(QString::fromStdString(error.field), field);
    QVERIFY2(QString::fromStdString(error.message).startsWith(message), error.message.c_str());
    QCOMPARE(error.line, line);
}

void TestPricing::catalogueDate() {
    QCOMPARE(QString::fromStdString(bundled().catalogueDate()), QStringLiteral("2026-07-24"));

    // Without a top-level date, the newest price date stands for the catalogue.
    auto dated = Catalogue::fromJson(R"({"models": [
        {"id": "a", "provider": "x", "input_usd_per_mtok": 1, "output_usd_per_mtok": 1,
         "price_date": "2025-01-31"},
        {"id": "b", "provider": "x", "input_usd_per_mtok": 1, "output_usd_per_mtok": 1,
         "price_date": "2026-02-01"},
        {"id": "c", "provider": "x", "input_usd_per_mtok": 1, "output_usd_per_mtok": 1}]})");
    QVERIFY(dated.ok());
    QCOMPARE(QString::fromStdString(dated->catalogueDate()), QStringLiteral("2026-02-01"));
}

void TestPricing::bundledCatalogueEntries() {
    const Catalogue catalogue = bundled();
    QVERIFY(catalogue.models().size() >= 50);
    for (const ModelPrice& model : catalogue.models()) {
        const char* id = model.id.c_str();
        QVERIFY2(model.inputUsdPerMTok > 0.0 && model.outputUsdPerMTok > 0.0, id);
        QVERIFY2(!model.freeOfCharge, id);
        QVERIFY2(model.source.starts_with("https://"), id);
        QVERIFY2(model.priceDate.size() == 10, id);
        QVERIFY2(!model.family.empty() && !model.displayName.empty(), id);
        QVERIFY2(model.contextWindow > 0 && model.maxOutputTokens > 0, id);
        if (model.supportsCaching) {
            QVERIFY2(model.cacheReadMultiplier > 0.0 && model.cacheReadMultiplier < 1.0, id);
            QVERIFY2(model.minCacheableTokens > 0, id);
        }
        if (model.batchMultiplier > 0.0)
            QVERIFY2(model.batchMultiplier < 1.0, id);
        // Every bundled model can be costed.
        auto cost = costUsd(model, usage(1000, 1000));
        QVERIFY2(cost.ok() && *cost > 0.0, id);
    }
}

void TestPricing::bundledCatalogueHasModel_data() {
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("family");

    // Every model the brief of the bundled catalogue promises, by provider and family.
    struct Family {
        const char* provider;
        const char* family;
        std::vector<const char*> refs;
    };
    const Family families[] = {
        {"anthropic",
         "claude-haiku",
         {"claude-3-haiku-20240307", "claude-3-5-haiku-20241022", "claude-haiku-4-5-20251001"}},
        {"anthropic",
         "claude-sonnet",
         {"claude-3-5-sonnet-20241022", "claude-3-7-sonnet-20250219", "claude-sonnet-4-20250514",
          "claude-sonnet-4-5-20250929"}},
        {"anthropic",
         "claude-opus",
         {"claude-3-opus-20240229", "claude-opus-4-20250514", "claude-opus-4-1-20250805"}},
        {"bedrock",
         "claude-haiku",
         {"anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0",
          "anthropic.claude-haiku-4-5-20251001-v1:0"}},
        {"bedrock",
         "claude-sonnet",
         {"anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-7-sonnet-20250219-v1:0",
          "anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0"}},
        {"bedrock",
         "claude-opus",
         {"anthropic.claude-3-opus-20240229-v1:0", "anthropic.claude-opus-4-20250514-v1:0",
          "anthropic.claude-opus-4-1-20250805-v1:0"}},
        {"bedrock",
         "nova",
         {"amazon.nova-micro-v1:0", "amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0",
          "amazon.nova-premier-v1:0"}},
        {"bedrock",
         "llama",
         {"meta.llama3-1-8b-instruct-v1:0", "meta.llama3-1-70b-instruct-v1:0",
          "meta.llama3-1-405b-instruct-v1:0", "meta.llama3-2-1b-instruct-v1:0",
          "meta.llama3-2-3b-instruct-v1:0", "meta.llama3-2-11b-instruct-v1:0",
          "meta.llama3-2-90b-instruct-v1:0", "meta.llama3-3-70b-instruct-v1:0",
          "meta.llama4-scout-17b-instruct-v1:0", "meta.llama4-maverick-17b-instruct-v1:0"}},
        {"bedrock",
         "mistral",
         {"mistral.mistral-7b-instruct-v0:2", "mistral.mixtral-8x7b-instruct-v0:1",
          "mistral.mistral-large-2407-v1:0", "mistral.mistral-small-2402-v1:0",
          "mistralai/Mixtral-8x7B-Instruct-v0.1"}},
        {"openai", "gpt-4o", {"gpt-4o", "gpt-4o-mini"}},
        {"openai", "gpt-4.1", {"gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano"}},
        {"openai", "gpt-5", {"gpt-5", "gpt-5-mini", "gpt-5-nano"}},
        {"openai", "o-series", {"o3", "o4-mini"}},
        {"openai", "gpt-4", {"gpt-4-1106-preview"}},
    };
    for (const Family& family : families) {
        for (const char* ref : family.refs)
            QTest::newRow(ref) << ref << family.provider << family.family;
    }
}

void TestPricing::bundledCatalogueHasModel() {
    QFETCH(QString, ref);
    QFETCH(QString, provider);
    QFETCH(QString, family);

    const Catalogue catalogue = bundled();
    const ModelPrice* price = catalogue.find(ref.toStdString());
    QVERIFY(price);
    QCOMPARE(QString::fromStdString(price->provider), provider);
    QCOMPARE(QString::fromStdString(price->family), family);
    // Usage semantics follow the provider's wire format.
    const bool openai = provider == QLatin1String("openai");
    QCOMPARE(price->semantics,
             openai ? UsageSemantics::CacheSubset : UsageSemantics::CacheAdditive);
}

void TestPricing::bundledPrices_data() {
    QTest::addColumn<QString>("ref");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("cacheRead");
    QTest::addColumn<double>("totalUsd");

    // The two models of the recorded GSM8K results. 1000 * $10 + 1000 * $30 = $0.04.
    QTest::newRow("gpt-4-1106-preview") << "gpt-4-1106-preview" << 1000ll << 1000ll << 0ll << 0.04;
    // Bedrock's Mixtral rate: 1000 * $0.45 + 1000 * $0.70 = $0.00115.
    QTest::newRow("Mixtral by its Hugging Face name")
        << "mistralai/Mixtral-8x7B-Instruct-v0.1" << 1000ll << 1000ll << 0ll << 0.00115;
    // Nova Micro, 12000 input of which 2000 cached: 10000 * $0.035 + 2000 * $0.035 * 0.25 +
    //   500 * $0.14 = 0.00035 + 0.0000175 + 0.00007 = $0.0004375.
    QTest::newRow("Nova Micro with cache reads")
        << "bedrock/us.amazon.nova-micro-v1:0" << 12000ll << 500ll << 2000ll << 0.0004375;
    // gpt-5-mini: (5000 - 4000) * $0.25 + 4000 * $0.025 + 800 * $2 = 0.00025 + 0.0001 + 0.0016.
    QTest::newRow("gpt-5-mini cached") << "gpt-5-mini" << 5000ll << 800ll << 4000ll << 0.00195;
}

void TestPricing::bundledPrices() {
    QFETCH(QString, ref);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(qint64, cacheRead);
    QFETCH(double, totalUsd);

    auto cost = costBreakdown(bundled(), ref.toStdString(), usage(input, output, cacheRead));
    QVERIFY2(cost.ok(), cost.ok() ? "" : cost.error().toString().c_str());
    COMPARE_USD(cost->totalUsd, totalUsd);
}

QTEST_GUILESS_MAIN(TestPricing)
#include "tst_pricing.moc"
