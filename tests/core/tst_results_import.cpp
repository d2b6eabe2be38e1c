// Recorded results produced elsewhere: the JSONL/CSV loader's errors, and the importer that turns
// a file into a run (prompts, results, scores, costs from the catalogue, unknown models reported).
#include "pricing/catalogue.h"
#include "results/recorded_results.h"
#include "results/results_import.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace switchyard;

namespace {

struct Loaded {
    Expected<ResultsLoadSummary> summary = Error{};
    std::vector<RecordedResult> results;
};

Loaded loadFile(const std::string& path, LoadOptions options = {}) {
    Loaded loaded;
    loaded.summary = loadRecordedResults(
        path,
        [&loaded](std::vector<RecordedResult>&& batch) {
            for (auto& result : batch)
                loaded.results.push_back(std::move(result));
        },
        options);
    return loaded;
}

Catalogue bundledCatalogue() {
    auto catalogue = Catalogue::fromFile(SWITCHYARD_SOURCE_DIR "/resources/pricing/catalogue.json");
    if (!catalogue)
        qFatal("%s", catalogue.error().toString().c_str());
    return std::move(catalogue).value();
}

// One value of a query on a workspace file, for checks the Workspace API has no getter for.
double queryDouble(const std::string& path, const std::string& sql) {
    auto db = sql::Database::open(path, sql::Database::Access::ReadOnly);
    auto stmt = db->prepare(sql);
    if (!stmt || !stmt->next())
        return -1.0;
    return stmt->columnIsNull(0) ? -2.0 : stmt->columnDouble(0);
}

} // namespace

class TestResultsImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string write(const char* name, const QByteArray& bytes) {
        const QString path = m_dir.filePath(QString::fromUtf8(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(bytes);
        return path.toStdString();
    }

private slots:
    void jsonlRecordsAreRejectedWithLineAndField_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("no prompt_id") << QByteArray(R"({"model": "m", "score": 1})")
                                      << "field 'prompt_id': missing field 'prompt_id'";
        QTest::newRow("no model") << QByteArray(R"({"prompt_id": "q1", "score": 1})")
                                  << "field 'model': missing field 'model'";
        QTest::newRow("neither score nor output")
            << QByteArray(R"({"prompt_id": "q1", "model": "m"})")
            << "field 'score': missing field 'score' (or 'output'): one of them is required";
        QTest::newRow("score above 1")
            << QByteArray(R"({"prompt_id": "q1", "model": "m", "score": 1.5})")
            << "field 'score': field 'score' must be a number from 0 to 1";
        QTest::newRow("negative tokens")
            << QByteArray(R"({"prompt_id": "q1", "model": "m", "output": "x", "input_tokens": -3})")
            << "field 'input_tokens': field 'input_tokens' must be a whole number of tokens, 0 "
               "or more";
        QTest::newRow("cost as text")
            << QByteArray(R"({"prompt_id": "q1", "model": "m", "score": 1, "cost_usd": "0.1"})")
            << "field 'cost_usd': field 'cost_usd' must be a number of dollars, 0 or more";
        QTest::newRow("tags not strings")
            << QByteArray(R"({"prompt_id": "q1", "model": "m", "score": 1, "tags": [1]})")
            << "field 'tags': field 'tags' must be a list of strings";
        QTest::newRow("bad json") << QByteArray(R"({"prompt_id": "q1", "model": })")
                                  << "invalid JSON at column 30: syntax error while parsing "
                                     "value - unexpected '}'; expected '[', '{', or a literal";
    }

    void jsonlRecordsAreRejectedWithLineAndField() {
        QFETCH(QByteArray, line);
        QFETCH(QString, message);
        const std::string path = write(
            "one-bad.jsonl", QByteArray(R"({"prompt_id": "ok", "model": "m", "score": 0.5})") +
                                 "\n\n" + line + "\n");
        const Loaded loaded = loadFile(path);
        QVERIFY(loaded.summary.ok());
        QCOMPARE(loaded.summary->accepted, 1);
        QCOMPARE(loaded.summary->rejectedCount, 1);
        QCOMPARE(loaded.summary->rejected[0].line, 3); // the blank line 2 still counts as a line
        QCOMPARE(QString::fromStdString(loaded.summary->rejected[0].toString()),
                 QString::fromStdString(path) + ":3: " + message);
    }

    void jsonlFieldsAreRead() {
        const std::string path = write(
            "full.jsonl",
            R"({"prompt_id": 17, "prompt": "Hi", "model": "gpt-4o-mini", "output": "Hello", "score": true, "input_tokens": 812, "output_tokens": 95.0, "cache_read_tokens": 0, "cost_usd": 0.00018, "latency_ms": 640, "tags": ["support", "vip"], "expected": {"a": 1}})"
            "\n"
            R"({"prompt_id": "q2", "model": "m", "error": "timeout"})"
            "\n");
        const Loaded loaded = loadFile(path);
        QVERIFY(loaded.summary.ok());
        QCOMPARE(loaded.results.size(), size_t(2));
        const RecordedResult& first = loaded.results[0];
        QCOMPARE(first.promptId, std::string("17"));
        QCOMPARE(*first.score, 1.0);
        QCOMPARE(*first.inputTokens, int64_t(812));
        QCOMPARE(*first.outputTokens, int64_t(95));
        QCOMPARE(*first.cacheReadTokens, int64_t(0));
        QVERIFY(!first.cacheWriteTokens);
        QCOMPARE(*first.costUsd, 0.00018);
        QCOMPARE(*first.latencyMs, 640.0);
        QCOMPARE(first.tags, (std::vector<std::string>{"support", "vip"}));
        QCOMPARE(*first.expected, std::string(R"({"a":1})"));
        QCOMPARE(first.sourceLine, int64_t(1));
        QCOMPARE(loaded.results[1].error, std::string("timeout"));
        QVERIFY(!loaded.results[1].score && !loaded.results[1].output);
    }

    void csvUsesTheSameColumns() {
        const std::string path =
            write("results.csv", "Prompt_ID,model,prompt,output,score,input_tokens,tags,cost_usd\n"
                                 "q1,gpt-4o-mini,\"Two\nlines\",\"He said \"\"hi\"\"\",0.25,12,"
                                 "a;b,\n"
                                 ",,,,,,,\n"
                                 "q2,gpt-4o-mini,x,y,2,,,\n"
                                 "q3,gpt-4o-mini,x,y,,-1,,\n"
                                 "q4,gpt-4o-mini,x,,,,,\n");
        const Loaded loaded = loadFile(path);
        QVERIFY(loaded.summary.ok());
        QCOMPARE(loaded.results.size(), size_t(1));
        QCOMPARE(*loaded.results[0].prompt, std::string("Two\nlines"));
        QCOMPARE(*loaded.results[0].output, std::string("He said \"hi\""));
        QCOMPARE(*loaded.results[0].score, 0.25);
        QCOMPARE(*loaded.results[0].inputTokens, int64_t(12));
        QVERIFY(!loaded.results[0].costUsd);
        QCOMPARE(loaded.results[0].tags, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(loaded.summary->rejectedCount, 3);
        const auto& rejected = loaded.summary->rejected;
        QCOMPARE(QString::fromStdString(rejected[0].toString()),
                 QString::fromStdString(path) +
                     ":5: field 'score': field 'score' must be a number from 0 to 1");
        QCOMPARE(rejected[1].line, 6);
        QCOMPARE(rejected[1].field, std::string("input_tokens"));
        QCOMPARE(rejected[2].line, 7);
        QCOMPARE(rejected[2].field, std::string("score"));
    }

    void unusableFilesAreErrors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray("  \n") << "e.jsonl"
                               << "file is empty";
        QTest::newRow("csv without model")
            << QByteArray("prompt_id,score\nq1,1\n") << "h.csv"
            << ":1: CSV header has no 'model' column (columns: prompt_id, score)";
        QTest::newRow("csv without score or output")
            << QByteArray("prompt_id,model\nq1,m\n") << "s.csv"
            << ":1: CSV header has neither a 'score' nor an 'output' column (columns: "
               "prompt_id, model)";
        QTest::newRow("json array") << QByteArray("[{\"prompt_id\": 1}]") << "a.json"
                                    << "file is one JSON array; expected JSON Lines (one JSON "
                                       "object per line)";
    }

    void unusableFilesAreErrors() {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(QString, message);
        const std::string path = write(name.toUtf8().constData(), content);
        const Loaded loaded = loadFile(path);
        QVERIFY(!loaded.summary.ok());
        QVERIFY2(QString::fromStdString(loaded.summary.error().toString()).endsWith(message),
                 loaded.summary.error().toString().c_str());
        QVERIFY(QString::fromStdString(loaded.summary.error().toString())
                    .startsWith(QString::fromStdString(path)));
    }

    // New set from the file; costs from the catalogue; unknown models reported, never $0.
    void importCreatesSetRunScoresAndCosts() {
        const std::string path = write(
            "small.jsonl",
            // gpt-4o-mini: $0.15 input, $0.60 output per MTok: 1000 in + 500 out =
            // 0.00015 + 0.0003 = $0.00045.
            R"({"prompt_id": "q1", "prompt": "What is 2+2?", "model": "gpt-4o-mini", "output": "4", "score": 1, "input_tokens": 1000, "output_tokens": 500, "latency_ms": 300})"
            "\n"
            // A cost in the file is kept as it is.
            R"({"prompt_id": "q1", "model": "gpt-4o", "output": "4", "score": 0.5, "input_tokens": 10, "output_tokens": 1, "cost_usd": 0.5})"
            "\n"
            R"({"prompt_id": "q2", "prompt": "Name a colour", "model": "acme/unknown-llm", "output": "red", "score": 0, "input_tokens": 10, "output_tokens": 1})"
            "\n"
            // Duplicate of line 1's pair.
            R"({"prompt_id": "q1", "model": "gpt-4o-mini", "score": 1})"
            "\n"
            // A new prompt without its text cannot be created.
            R"({"prompt_id": "q3", "model": "gpt-4o-mini", "score": 1})"
            "\n"
            R"({"prompt_id": "q2", "model": "gpt-4o-mini", "error": "timeout", "latency_ms": 30000})"
            "\n");
        const std::string wsPath = m_dir.filePath("import.sqlite").toStdString();
        auto ws = Workspace::open(wsPath);
        QVERIFY(ws.ok());
        const Catalogue catalogue = bundledCatalogue();
        ResultsImportOptions options;
        options.setName = "smalls";
        auto report = importResultsFile(**ws, catalogue, path, options);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().toString().c_str());
        QVERIFY(report->createdSet);
        QCOMPARE(report->promptsCreated, 2);
        QCOMPARE(report->results, 4);
        QCOMPARE(report->failedResults, 1);
        QCOMPARE(report->scores, 3);
        QCOMPARE(report->costsComputed, 2); // line 1 and the failed line 6 (0 tokens = $0)
        QCOMPARE(report->tokensEstimated, 0);
        QCOMPARE(report->models,
                 (std::vector<std::string>{"gpt-4o-mini", "gpt-4o", "acme/unknown-llm"}));
        QCOMPARE(report->unpriced.size(), size_t(1));
        QCOMPARE(report->unpriced[0].model, std::string("acme/unknown-llm"));
        QCOMPARE(report->unpriced[0].results, 1);
        QVERIFY(!report->unpriced[0].reason.empty());
        QCOMPARE(report->rejectedCount, 2);
        QCOMPARE(report->rejected[0].line, 4);
        QVERIFY(report->rejected[0].message.find("first at line 1") != std::string::npos);
        QCOMPARE(report->rejected[1].line, 5);
        QCOMPARE(report->rejected[1].field, std::string("prompt"));

        QCOMPARE((*ws)->promptCount(report->setId), 2);
        QCOMPARE((*ws)->resultCount(report->runId), 4);
        const auto run = (*ws)->run(report->runId);
        QVERIFY(run);
        QCOMPARE(run->kind, std::string("import"));
        QCOMPARE(run->status, std::string("complete"));
        const auto params = nlohmann::json::parse(run->paramsJson);
        QCOMPARE(params.at("unpriced_models").size(), size_t(1));
        QCOMPARE(params.at("costs_computed").get<int>(), 2);
        ws->reset();

        const std::string costOf =
            "SELECT r.cost_usd FROM results r JOIN models m ON m.id = r.model_id JOIN prompts p "
            "ON p.id = r.prompt_id WHERE ";
        QCOMPARE(queryDouble(wsPath, costOf + "m.ref = 'gpt-4o-mini' AND p.prompt_key = 'q1'"),
                 0.00045);
        QCOMPARE(queryDouble(wsPath, costOf + "m.ref = 'gpt-4o'"), 0.5);
        QCOMPARE(queryDouble(wsPath, costOf + "m.ref = 'acme/unknown-llm'"), -2.0); // NULL
        QCOMPARE(queryDouble(wsPath, "SELECT score FROM scores s JOIN results r ON r.id = "
                                     "s.result_id JOIN models m ON m.id = r.model_id WHERE "
                                     "m.ref = 'gpt-4o' AND s.scorer = 'imported'"),
                 0.5);
        QCOMPARE(queryDouble(wsPath, "SELECT count(*) FROM results WHERE error_class = 'timeout'"),
                 1.0);
    }

    void importIntoExistingSetMatchesIds() {
        const std::string wsPath = m_dir.filePath("existing.sqlite").toStdString();
        auto ws = Workspace::open(wsPath);
        QVERIFY(ws.ok());
        auto setId = (*ws)->createPromptSet("support", "test");
        QVERIFY(setId.ok());
        Prompt prompt;
        prompt.id = "a";
        prompt.messages.push_back({"user", {{"Reset my password please", false, ""}}});
        QVERIFY((*ws)->appendPrompts(*setId, std::span(&prompt, 1), "x").ok());

        const std::string path = write(
            "existing.jsonl",
            R"({"prompt_id": "a", "model": "gpt-4o-mini", "output": "Sure, here is how to reset it."})"
            "\n"
            R"({"prompt_id": "zz", "prompt": "not in the set", "model": "gpt-4o-mini", "score": 1})"
            "\n");
        ResultsImportOptions options;
        options.setName = "support";
        options.runName = "nightly";
        auto report = importResultsFile(**ws, bundledCatalogue(), path, options);
        QVERIFY(report.ok());
        QVERIFY(!report->createdSet);
        QCOMPARE(report->setId, *setId);
        QCOMPARE(report->runName, std::string("nightly"));
        QCOMPARE(report->results, 1);
        QCOMPARE(report->scores, 0);
        QCOMPARE(report->tokensEstimated, 1);
        QCOMPARE(report->costsComputed, 1);
        QCOMPARE(report->rejectedCount, 1);
        QCOMPARE(QString::fromStdString(report->rejected[0].toString()),
                 QString::fromStdString(path) +
                     ":2: field 'prompt_id': prompt 'zz' is not in set 'support'");
        QCOMPARE((*ws)->promptCount(*setId), 1); // never extended by an import of results
        const auto run = (*ws)->run(report->runId);
        QVERIFY(nlohmann::json::parse(run->paramsJson).contains("token_note"));
        // The estimate is positive, so the computed cost is too: never a silent $0.
        ws->reset();
        QVERIFY(queryDouble(wsPath, "SELECT cost_usd FROM results") > 0.0);
        QVERIFY(queryDouble(wsPath, "SELECT input_tokens FROM results") > 0.0);
        QVERIFY(queryDouble(wsPath, "SELECT output_tokens FROM results") > 0.0);
    }

    void nothingImportableCreatesNothing() {
        const std::string wsPath = m_dir.filePath("nothing.sqlite").toStdString();
        auto ws = Workspace::open(wsPath);
        QVERIFY(ws.ok());
        const std::string path =
            write("nothing.jsonl", R"({"prompt_id": "q", "model": "m", "score": 1})"
                                   "\n");
        ResultsImportOptions options;
        options.setName = "fresh";
        auto report = importResultsFile(**ws, bundledCatalogue(), path, options);
        QVERIFY(report.ok());
        QCOMPARE(report->runId, 0);
        QCOMPARE(report->rejectedCount, 1);
        QVERIFY(!(*ws)->findPromptSet("fresh"));
        QVERIFY((*ws)->runs().empty());
    }

    // A dropped file goes to the results importer only when its first record is a result.
    void sniffTellsResultsFromPrompts_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("results");
        QTest::addColumn<QString>("firstPromptId");
        QTest::addColumn<bool>("hasPrompt");
        QTest::newRow("jsonl result with score")
            << "a.jsonl"
            << QByteArray(R"({"prompt_id": "q1", "model": "m", "score": 1, "prompt": "Hi"})"
                          "\n")
            << true << "q1" << true;
        QTest::newRow("jsonl result with output only, integer id")
            << "b.jsonl" << QByteArray(R"({"prompt_id": 17, "model": "m", "output": "4"})") << true
            << "17" << false;
        QTest::newRow("jsonl failed call")
            << "c.jsonl" << QByteArray(R"({"prompt_id": "q1", "model": "m", "error": "timeout"})")
            << true << "q1" << false;
        QTest::newRow("bom and blank lines first")
            << "d.jsonl"
            << QByteArray("\xEF\xBB\xBF\n  \n"
                          R"({"prompt_id": "q9", "model": "m", "score": 0})")
            << true << "q9" << false;
        QTest::newRow("prompt file with a model hint")
            << "e.jsonl" << QByteArray(R"({"id": "q1", "prompt": "Hi", "model": "m"})") << false
            << "" << true;
        QTest::newRow("result fields without an answer")
            << "f.jsonl" << QByteArray(R"({"prompt_id": "q1", "model": "m"})") << false << "q1"
            << false;
        QTest::newRow("null model")
            << "g.jsonl" << QByteArray(R"({"prompt_id": "q1", "model": null, "score": 1})") << false
            << "q1" << false;
        QTest::newRow("csv results")
            << "h.csv" << QByteArray(" Prompt_ID ,model,prompt,score\n\"q 1\",m,\"two\nlines\",1\n")
            << true << "q 1" << true;
        QTest::newRow("csv results without prompt text")
            << "i.csv" << QByteArray("prompt_id,model,output\nq2,m,four\n") << true << "q2"
            << false;
        QTest::newRow("csv prompts")
            << "j.csv" << QByteArray("id,prompt,model\nq1,Hi,m\n") << false << "" << false;
        QTest::newRow("json array")
            << "k.json" << QByteArray(R"([{"prompt_id": "q1"}])") << false << "" << false;
        QTest::newRow("empty") << "l.jsonl" << QByteArray() << false << "" << false;
    }

    void sniffTellsResultsFromPrompts() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(bool, results);
        QFETCH(QString, firstPromptId);
        QFETCH(bool, hasPrompt);
        const ResultsFileSniff sniff = sniffResultsFile(write(qPrintable(name), content));
        QCOMPARE(sniff.recordedResults, results);
        QCOMPARE(QString::fromStdString(sniff.firstPromptId), firstPromptId);
        QCOMPARE(sniff.firstHasPrompt, hasPrompt);
    }

    void sniffOfAMissingFileIsNotResults() {
        QVERIFY(!sniffResultsFile(m_dir.filePath("absent.jsonl").toStdString()).recordedResults);
    }

    // Results dropped without a set name join the set that holds their prompts, else a new one.
    void defaultSetIsTheOneHoldingTheFirstPrompt() {
        const std::string wsPath = m_dir.filePath("default-set.sqlite").toStdString();
        auto ws = Workspace::open(wsPath);
        QVERIFY(ws.ok());
        const Catalogue catalogue = bundledCatalogue();
        ResultsImportOptions options;
        options.setName = "support";
        const std::string first = write(
            "support.jsonl", R"({"prompt_id": "s1", "prompt": "Hi", "model": "m", "score": 1})");
        QVERIFY(importResultsFile(**ws, catalogue, first, options).ok());
        options.setName = "other";
        QVERIFY(importResultsFile(
                    **ws, catalogue,
                    write("other.jsonl",
                          R"({"prompt_id": "o1", "prompt": "Yo", "model": "m", "score": 1})"),
                    options)
                    .ok());

        const std::string more =
            write("more-results.jsonl", R"({"prompt_id": "s1", "model": "m2", "score": 0})");
        QCOMPARE(defaultResultsSetName(**ws, more, sniffResultsFile(more)), std::string("support"));
        // Unknown prompts: a new set named after the file, never an unrelated set of that name.
        const std::string fresh =
            write("support.csv", "prompt_id,model,prompt,score\nz9,m,Hello,1\n");
        QCOMPARE(defaultResultsSetName(**ws, fresh, sniffResultsFile(fresh)),
                 (*ws)->uniqueSetName("support"));
        QVERIFY((*ws)->uniqueSetName("support") != "support");
    }

    // The real two-model GSM8K results: no tokens or costs in the file.
    void importsRealGsm8kResults() {
        const std::string path = SWITCHYARD_SHARED_DATA_DIR "/gsm8k-routellm.results.jsonl";
        if (!QFile::exists(QString::fromStdString(path)))
            QSKIP("../shared/data/gsm8k-routellm.results.jsonl is not available");
        const std::string wsPath = m_dir.filePath("gsm8k.sqlite").toStdString();
        auto ws = Workspace::open(wsPath);
        QVERIFY(ws.ok());
        ResultsImportOptions options;
        options.setName = "gsm8k";
        options.load.batchSize = 500; // several batches, prompts spanning batch edges
        auto report = importResultsFile(**ws, bundledCatalogue(), path, options);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().toString().c_str());
        QCOMPARE(report->rejectedCount, 0);
        QCOMPARE(report->promptsCreated, 1319);
        QCOMPARE(report->results, 2638);
        QCOMPARE(report->scores, 2638);
        QCOMPARE(report->costsComputed, 2638);
        QCOMPARE(report->tokensEstimated, 2638);
        QVERIFY(report->unpriced.empty());
        QCOMPARE(report->models, (std::vector<std::string>{"mistralai/Mixtral-8x7B-Instruct-v0.1",
                                                           "gpt-4-1106-preview"}));
        const auto models = (*ws)->runModels(report->runId);
        QCOMPARE(models.size(), size_t(2));
        QCOMPARE((*ws)->runScorers(report->runId), std::vector<std::string>{"imported"});
        ws->reset();
        // GPT-4 Turbo costs $10/$30 per MTok against Mixtral's $0.45/$0.70: on the same text
        // it must cost well over ten times as much.
        const double gpt4 = queryDouble(
            wsPath, "SELECT sum(cost_usd) FROM results r JOIN models m ON m.id = r.model_id "
                    "WHERE m.ref = 'gpt-4-1106-preview'");
        const double mixtral = queryDouble(
            wsPath, "SELECT sum(cost_usd) FROM results r JOIN models m ON m.id = r.model_id "
                    "WHERE m.ref LIKE 'mistralai/%'");
        QVERIFY2(gpt4 > 10.0 * mixtral && mixtral > 0.0,
                 qPrintable(QStringLiteral("%1 vs %2").arg(gpt4).arg(mixtral)));
        const double mean = queryDouble(wsPath, "SELECT avg(score) FROM scores");
        QVERIFY(mean > 0.5 && mean < 1.0);
    }
};

QTEST_GUILESS_MAIN(TestResultsImport)
#include "tst_results_import.moc"
