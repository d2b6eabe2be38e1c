// Prices move recorded figures: a price edit, revert or LiteLLM import re-prices the results
// whose cost came from the catalogue, and leaves the costs an imported file gave.
#include "pricing/bundled_catalogue.h"
#include "pricing/catalogue.h"
#include "pricing/cost.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/workspace.h"
#include "workbench/import_ops.h"
#include "workbench/pricing_ops.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <map>
#include <string>

using namespace switchyard;

namespace {

const std::string kMini = "gpt-4o-mini";   // priced by the catalogue (no cost in the file)
const std::string kGiven = "gpt-4o";       // the file gives its cost
const std::string kUnknown = "acme-large"; // no catalogue knows it

// cost per model of run `runId`, keyed by model ref; a result without a cost counts as -1.
std::map<std::string, double> costsByModel(const Workspace& workspace, int64_t runId) {
    std::map<std::string, double> out;
    const auto models = workspace.runModels(runId);
    workspace.forEachRunResult(runId, "", false, [&](const RunResultRow& row) {
        for (const auto& [id, ref] : models)
            if (id == row.modelId)
                out[ref] += row.costUsd ? *row.costUsd : -1.0;
        return true;
    });
    return out;
}

ModelPrice priceOf(const std::string& id, double input, double output) {
    const Catalogue bundled = *bundledCatalogue();
    ModelPrice price = bundled.findId(id) ? *bundled.findId(id) : ModelPrice{};
    price.id = id;
    if (price.provider.empty())
        price.provider = "acme";
    price.inputUsdPerMTok = input;
    price.outputUsdPerMTok = output;
    return price;
}

} // namespace

class TestRepricing : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    int64_t m_runId = 0;

private slots:
    // Two prompts answered by three models: 1,000 tokens in and 100 out each.
    void init() {
        const std::string file = m_dir.filePath("results.jsonl").toStdString();
        {
            std::ofstream out(file);
            for (const char* id : {"q1", "q2"})
                for (const std::string& model : {kMini, kGiven, kUnknown}) {
                    nlohmann::json record = {
                        {"prompt_id", id},      {"prompt", std::string("Question ") + id},
                        {"model", model},       {"score", 1},
                        {"input_tokens", 1000}, {"output_tokens", 100}};
                    if (model == kGiven)
                        record["cost_usd"] = 0.5;
                    out << record.dump() << "\n";
                }
        }
        auto opened = Workspace::open(m_dir.filePath("w.sqlite").toStdString());
        QVERIFY(opened);
        m_workspace = std::move(opened).value();
        ResultsImportOptions options;
        options.setName = "questions";
        auto imported = workbench::importResults(*m_workspace, file, options);
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        QCOMPARE(imported->report.results, int64_t{6});
        m_runId = imported->report.runId;
    }

    void cleanup() {
        m_workspace.reset();
        QFile::remove(m_dir.filePath("w.sqlite"));
    }

    void priceEditRepricesCataloguePricedResultsOnly() {
        const auto before = costsByModel(*m_workspace, m_runId);
        const double miniBefore = before.at(kMini);
        QVERIFY(miniBefore > 0);
        QCOMPARE(before.at(kGiven), 1.0);
        QCOMPARE(before.at(kUnknown), -2.0); // unpriced, never $0

        // $1 in, $10 out per MTok: 2 x (1,000 x 1 + 100 x 10) / 1e6 = $0.004.
        const ModelPrice edited = priceOf(kMini, 1.0, 10.0);
        auto change = workbench::savePrices(*m_workspace, std::span(&edited, 1));
        QVERIFY(change);
        QCOMPARE(change->repriced.changed, int64_t{2});
        QCOMPARE(change->repriced.priced, int64_t{4}); // mini and the unknown model
        QCOMPARE(change->repriced.unpriced, int64_t{2});
        QCOMPARE(change->keptAsRecorded, int64_t{2});
        auto after = costsByModel(*m_workspace, m_runId);
        QCOMPARE(after.at(kMini), 0.004);
        QCOMPARE(after.at(kGiven), 1.0);

        // Reverting restores the catalogue's price, and the exact costs the import computed.
        const std::string id = kMini;
        auto reverted = workbench::revertPrices(*m_workspace, std::span(&id, 1));
        QVERIFY(reverted);
        QCOMPARE(reverted->repriced.changed, int64_t{2});
        QCOMPARE(costsByModel(*m_workspace, m_runId).at(kMini), miniBefore);
    }

    void aPriceForAnUnknownModelPricesItsResults() {
        const ModelPrice added = priceOf(kUnknown, 2.0, 20.0);
        auto change = workbench::savePrices(*m_workspace, std::span(&added, 1));
        QVERIFY(change);
        QCOMPARE(change->repriced.changed, int64_t{2});
        QCOMPARE(change->repriced.unpriced, int64_t{0});
        QCOMPARE(costsByModel(*m_workspace, m_runId).at(kUnknown), 0.008);
    }

    void unchangedPricesWriteNothing() {
        const std::string nothing = "no-such-override";
        auto change = workbench::revertPrices(*m_workspace, std::span(&nothing, 1));
        QVERIFY(change);
        QCOMPARE(change->repriced.changed, int64_t{0});
        QCOMPARE(change->repriced.priced, int64_t{4});
    }

    // Version 6 marks older rows priced by the catalogue (their cost is what it gives) and
    // keeps every other cost as recorded; no cost changes.
    void migrationMarksCataloguePricedRows() {
        const std::string path = m_dir.filePath("v5.sqlite").toStdString();
        const Catalogue catalogue = *bundledCatalogue();
        const double miniUsd = *costUsd(*catalogue.find(kMini), Usage{1000, 100, 0, 0, 0});
        {
            auto db = sql::Database::open(path, sql::Database::Access::ReadWriteCreate);
            QVERIFY(schema::createAtVersion(*db, 5).ok());
            QVERIFY(db->exec("INSERT INTO prompt_sets (name, created_at) VALUES ('s', 'x');"
                             "INSERT INTO prompts (set_id, ordinal, prompt_key, messages_json,"
                             " preview) VALUES (1, 1, 'q1', '{\"messages\":[]}', 'hello');"
                             "INSERT INTO runs (name, set_id, kind, status, created_at)"
                             " VALUES ('r', 1, 'import', 'complete', 'x');"
                             "INSERT INTO models (id, ref, model_name) VALUES"
                             " (1, 'gpt-4o-mini', ''), (2, 'gpt-4o', ''), (3, 'claude-x', '');")
                        .ok());
            auto insert = db->prepare(
                "INSERT INTO results (run_id, prompt_id, model_id, input_tokens, output_tokens,"
                " cache_write_tokens, cost_usd) VALUES (1, 1, ?, 1000, 100, ?, ?)");
            for (const auto& [model, writes, cost] :
                 {std::tuple{1, 0, miniUsd}, {2, 0, 0.5}, {3, 200, 0.25}}) {
                insert->bind(1, model).bind(2, writes).bind(3, cost);
                QVERIFY(insert->run().ok());
            }
        }
        auto ws = Workspace::open(path);
        QVERIFY(ws);
        QCOMPARE((*ws)->schemaVersion(), schema::currentVersion());
        auto costs = costsByModel(**ws, 1);
        QCOMPARE(costs.at(kMini), miniUsd);
        QCOMPARE(costs.at(kGiven), 0.5);
        QCOMPARE(costs.at("claude-x"), 0.25);
        QCOMPARE((*ws)->resultsWithRecordedCosts(), int64_t{2});
        // The marked row follows a price change; the others stay.
        const ModelPrice edited = priceOf(kMini, 1.0, 10.0);
        auto change = workbench::savePrices(**ws, std::span(&edited, 1));
        QVERIFY(change);
        QCOMPARE(change->repriced.changed, int64_t{1});
        costs = costsByModel(**ws, 1);
        QCOMPARE(costs.at(kMini), 0.002);
        QCOMPARE(costs.at(kGiven), 0.5);
    }
};

QTEST_GUILESS_MAIN(TestRepricing)
#include "tst_repricing.moc"
