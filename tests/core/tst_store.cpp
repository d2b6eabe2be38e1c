// The workspace store against real SQLite files: creation, migration, refusal of foreign files,
// prompts, results and price overrides.
#include "pricing/bundled_catalogue.h"
#include "pricing/catalogue.h"
#include "pricing/cost.h"
#include "prompts/prompt.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <tuple>

using namespace switchyard;

namespace {

QByteArray fileHash(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

Prompt makePrompt(const std::string& id, const std::string& text, int64_t line = 0) {
    Prompt prompt;
    prompt.id = id;
    prompt.messages.push_back({"user", {{text, false, ""}}});
    prompt.sourceLine = line;
    return prompt;
}

std::unique_ptr<Workspace> openOrFail(const std::string& path) {
    auto ws = Workspace::open(path);
    if (!ws) {
        qWarning() << QString::fromStdString(ws.error().toString());
        return nullptr;
    }
    return std::move(ws).value();
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private slots:
    void newWorkspaceHasCurrentSchemaAndWal() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("new.sqlite").toStdString();
        auto ws = openOrFail(path);
        QVERIFY(ws);
        QCOMPARE(ws->schemaVersion(), schema::currentVersion());
        ws.reset();
        auto db = sql::Database::open(path, sql::Database::Access::ReadOnly);
        QVERIFY(db.ok());
        auto appId = db->queryInt("PRAGMA application_id");
        QCOMPARE(*appId, schema::kApplicationId);
        auto mode = db->prepare("PRAGMA journal_mode");
        QVERIFY(mode->next());
        QCOMPARE(QString::fromStdString(mode->columnText(0)), QStringLiteral("wal"));
    }

    void missingFileWithExistingOnlyIsAnError() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("absent.sqlite").toStdString();
        auto ws = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
        QVERIFY(!ws.ok());
        QVERIFY(ws.error().toString().find("no such workspace") != std::string::npos);
        QVERIFY(!QFile::exists(QString::fromStdString(path)));
    }

    void migratesVersionOneFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("v1.sqlite").toStdString();
        {
            auto db = sql::Database::open(path, sql::Database::Access::ReadWriteCreate);
            QVERIFY(db.ok());
            QVERIFY(schema::createAtVersion(*db, 1).ok());
            QVERIFY(db->exec("INSERT INTO prompt_sets (name, created_at) VALUES ('old', 'x');"
                             "INSERT INTO prompts (set_id, ordinal, prompt_key, messages_json,"
                             " preview) VALUES (1, 1, 'q1', '{\"messages\":[]}', 'hello')")
                        .ok());
            QCOMPARE(*db->queryInt("PRAGMA user_version"), int64_t{1});
        }
        auto ws = openOrFail(path);
        QVERIFY(ws);
        QCOMPARE(ws->schemaVersion(), schema::currentVersion());
        const auto sets = ws->promptSets();
        QCOMPARE(sets.size(), size_t{1});
        QCOMPARE(QString::fromStdString(sets[0].name), QStringLiteral("old"));
        QCOMPARE(sets[0].promptCount, int64_t{1});
        // Prompts from before version 2 have no estimate rather than a made-up one.
        const auto rows = ws->promptRows(sets[0].id, 0, 10);
        QCOMPARE(rows.size(), size_t{1});
        QVERIFY(!rows[0].estTokens.has_value());
        // Tables added by version 2 work on the migrated file.
        QVERIFY(ws->savePriceOverride("gpt-4o", "{}").ok());
        QCOMPARE(ws->priceOverrides().size(), size_t{1});
    }

    // Version 5: input_tokens counts cached tokens too. Results of providers that reported them
    // beside the input gain them; the recorded dollars stay, and price the new counts exactly.
    void migratesUsageToOneMeaning() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("v4.sqlite").toStdString();
        // As a version-4 runner recorded them: Anthropic's input_tokens 3 beside 2000 read,
        // OpenAI's prompt_tokens 2006 including 1920 cached, a prompt router no catalogue knows.
        const std::string haiku = "anthropic/claude-haiku-4-5";
        const std::string mini = "openai/gpt-4o-mini";
        const std::string unknown = "bedrock/arn:aws:bedrock:us-east-1:1:prompt-router/x";
        const Catalogue catalogue = *Catalogue::fromJson(bundledCatalogueJson(), "bundled");
        ModelPrice oldHaiku = *catalogue.find(haiku);
        const double haikuUsd = (3 * oldHaiku.inputUsdPerMTok +
                                 2000 * oldHaiku.inputUsdPerMTok * oldHaiku.cacheReadMultiplier +
                                 7 * oldHaiku.outputUsdPerMTok) /
                                1e6;
        const double miniUsd = *costUsd(*catalogue.find(mini), Usage{2006, 7, 1920, 0, 0});
        {
            auto db = sql::Database::open(path, sql::Database::Access::ReadWriteCreate);
            QVERIFY(schema::createAtVersion(*db, 4).ok());
            QVERIFY(db->exec("INSERT INTO prompt_sets (name, created_at) VALUES ('s', 'x');"
                             "INSERT INTO prompts (set_id, ordinal, prompt_key, messages_json,"
                             " preview) VALUES (1, 1, 'q1', '{\"messages\":[]}', 'hello');"
                             "INSERT INTO runs (name, set_id, kind, status, created_at)"
                             " VALUES ('r', 1, 'provider', 'complete', 'x');")
                        .ok());
            int model = 0;
            for (const auto& [ref, input, read, cost] : {std::tuple{haiku, 3, 2000, haikuUsd},
                                                         {mini, 2006, 1920, miniUsd},
                                                         {unknown, 3, 2000, 0.0}}) {
                ++model;
                auto insert =
                    db->prepare("INSERT INTO models (id, ref, model_name) VALUES (?,?,'')");
                insert->bind(1, model).bind(2, ref);
                QVERIFY(insert->run().ok());
                auto result = db->prepare(
                    "INSERT INTO results (run_id, prompt_id, model_id, input_tokens, output_tokens,"
                    " cache_read_tokens, cost_usd) VALUES (1, 1, ?, ?, 7, ?, ?)");
                result->bind(1, model).bind(2, input).bind(3, read).bind(4, cost);
                QVERIFY(result->run().ok());
                auto cached = db->prepare(
                    "INSERT INTO response_cache (request_hash, model_ref, output, input_tokens,"
                    " output_tokens, cache_read_tokens, created_at) VALUES (?, ?, 'a', ?, 7, ?, "
                    "'x')");
                cached->bind(1, ref).bind(2, ref).bind(3, input).bind(4, read);
                QVERIFY(cached->run().ok());
            }
        }
        auto ws = openOrFail(path);
        QVERIFY(ws);
        QCOMPARE(ws->schemaVersion(), schema::currentVersion());
        std::map<std::string, RunResultRow> rows;
        const auto models = ws->runModels(1);
        QVERIFY(ws->forEachRunResult(1, "", false, [&](const RunResultRow& row) {
                      for (const auto& [id, ref] : models)
                          if (id == row.modelId)
                              rows[ref] = row;
                      return true;
                  }).ok());
        QCOMPARE(rows[haiku].inputTokens, int64_t(2003));
        QCOMPARE(rows[mini].inputTokens, int64_t(2006));
        QCOMPARE(rows[unknown].inputTokens, int64_t(3)); // never priced: left as it was
        QCOMPARE(*rows[haiku].costUsd, haikuUsd);
        QCOMPARE(*rows[mini].costUsd, miniUsd);
        const double repriced = *costUsd(*catalogue.find(haiku), Usage{2003, 7, 2000, 0, 0});
        QVERIFY(std::abs(repriced - haikuUsd) < 1e-15);
        QCOMPARE(ws->cachedResponse(haiku)->usage.input, int64_t(2003));
        QCOMPARE(ws->cachedResponse(mini)->usage.input, int64_t(2006));
    }

    void refusesForeignFilesWithoutTouchingThem_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedMessage");
        QTest::newRow("text file") << "text"
                                   << "not an SQLite database";
        QTest::newRow("other application") << "other"
                                           << "another application";
        QTest::newRow("newer version") << "newer"
                                       << "written by a newer Switchyard";
        QTest::newRow("corrupt") << "corrupt"
                                 << "corrupt or unreadable";
    }

    void refusesForeignFilesWithoutTouchingThem() {
        QFETCH(QString, kind);
        QFETCH(QString, expectedMessage);
        QTemporaryDir dir;
        const QString path = dir.filePath("file.sqlite");
        if (kind == "text") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("prompt,expected\nhello,world\n");
        } else if (kind == "corrupt") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray bytes("SQLite format 3", 16);
            bytes.append(QByteArray(4080, '\x5a'));
            file.write(bytes);
        } else {
            auto db =
                sql::Database::open(path.toStdString(), sql::Database::Access::ReadWriteCreate);
            QVERIFY(db.ok());
            if (kind == "other") {
                QVERIFY(db->exec("CREATE TABLE notes (body TEXT)").ok());
            } else {
                QVERIFY(schema::createAtVersion(*db, schema::currentVersion()).ok());
                QVERIFY(db->exec("PRAGMA user_version = 99").ok());
            }
        }
        const QByteArray before = fileHash(path);
        auto ws = Workspace::open(path.toStdString());
        QVERIFY(!ws.ok());
        const QString message = QString::fromStdString(ws.error().toString());
        QVERIFY2(message.contains(expectedMessage), qPrintable(message));
        QVERIFY2(message.startsWith(path), qPrintable(message));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + "-wal"));
    }

    void appendsPromptsAndRejectsDuplicateIds() {
        QTemporaryDir dir;
        auto ws = openOrFail(dir.filePath("w.sqlite").toStdString());
        QVERIFY(ws);
        auto setId = ws->createPromptSet("support", "support.jsonl");
        QVERIFY(setId.ok());
        std::vector<Prompt> prompts = {makePrompt("a", "first", 1), makePrompt("b", "second", 2),
                                       makePrompt("a", "again", 3), makePrompt("", "no id", 4)};
        auto outcome = ws->appendPrompts(*setId, prompts, "support.jsonl");
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->inserted, int64_t{3});
        QCOMPARE(outcome->rejected.size(), size_t{1});
        QCOMPARE(QString::fromStdString(outcome->rejected[0].toString()),
                 QStringLiteral("support.jsonl:3: field 'id': duplicate id 'a' in this set"));
        QCOMPARE(ws->promptCount(*setId), int64_t{3});
        const auto rows = ws->promptRows(*setId, 0, 10);
        QCOMPARE(rows.size(), size_t{3});
        QCOMPARE(QString::fromStdString(rows[2].id), QStringLiteral("p3"));
        QCOMPARE(QString::fromStdString(rows[1].preview), QStringLiteral("second"));
        QCOMPARE(rows[0].turnCount, 1);
        QVERIFY(rows[0].estTokens.has_value() && *rows[0].estTokens > 0);
        const auto stats = ws->promptSetStats(*setId);
        QCOMPARE(stats.prompts, int64_t{3});
        QCOMPARE(stats.estTokens, *rows[0].estTokens + *rows[1].estTokens + *rows[2].estTokens);
        // Keyset paging continues after the last ordinal seen.
        const auto page = ws->promptRows(*setId, rows[0].ordinal, 1);
        QCOMPARE(page.size(), size_t{1});
        QCOMPARE(QString::fromStdString(page[0].id), QStringLiteral("b"));
    }

    void keepsPromptStructure() {
        QTemporaryDir dir;
        auto ws = openOrFail(dir.filePath("w.sqlite").toStdString());
        QVERIFY(ws);
        Prompt prompt;
        prompt.id = "conv-1";
        prompt.system = {{"You are terse.", true, "1h"}};
        prompt.messages = {{"user", {{"Hi", false, ""}}},
                           {"assistant", {{"Hello.", false, ""}}},
                           {"user", {{"Refund?", true, "5m"}, {"Order 7", false, ""}}}};
        prompt.expected = "No.";
        prompt.tags = {"support", "difficulty:easy"};
        prompt.timestampMs = 1795000000000;
        prompt.shape = PromptShape::AnthropicMessages;
        auto setId = ws->createPromptSet("s", "");
        QVERIFY(ws->appendPrompts(*setId, std::vector<Prompt>{prompt}, "").ok());
        auto loaded = ws->prompt(*setId, 1);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->system.size(), size_t{1});
        QVERIFY(loaded->system[0].cacheCheckpoint);
        QCOMPARE(QString::fromStdString(loaded->system[0].cacheTtl), QStringLiteral("1h"));
        QCOMPARE(loaded->messages.size(), size_t{3});
        QCOMPARE(QString::fromStdString(loaded->messages[1].role), QStringLiteral("assistant"));
        QCOMPARE(loaded->messages[2].content.size(), size_t{2});
        QVERIFY(loaded->messages[2].content[0].cacheCheckpoint);
        QCOMPARE(QString::fromStdString(*loaded->expected), QStringLiteral("No."));
        QCOMPARE(loaded->tags.size(), size_t{2});
        QCOMPARE(*loaded->timestampMs, int64_t{1795000000000});
        QVERIFY(loaded->shape == PromptShape::AnthropicMessages);
        QVERIFY(!ws->prompt(*setId, 2).ok());
        int visited = 0;
        QVERIFY(ws->forEachPrompt(*setId, [&](int64_t ordinal, Prompt&& streamed) {
                      ++visited;
                      return ordinal == 1 && streamed.id == "conv-1" &&
                             streamed.messages.size() == 3;
                  }).ok());
        QCOMPARE(visited, 1);
    }

    void insertsAndReplacesResults() {
        QTemporaryDir dir;
        auto ws = openOrFail(dir.filePath("w.sqlite").toStdString());
        QVERIFY(ws);
        auto setId = ws->createPromptSet("s", "");
        std::vector<Prompt> prompts;
        for (int i = 0; i < 50; ++i)
            prompts.push_back(makePrompt("q" + std::to_string(i), "text"));
        QVERIFY(ws->appendPrompts(*setId, prompts, "").ok());
        auto runId = ws->createRun(
            {0, "r1", *setId, "import", "complete", false, "{}", "", 0.0, std::nullopt});
        QVERIFY(runId.ok());
        std::vector<ResultRecord> results;
        for (int i = 1; i <= 50; ++i)
            for (const char* model : {"openai/gpt-4o-mini", "openai/gpt-4o"})
                results.push_back(
                    {i, model, "answer", 100, 20, 0, 0, 640.0, 0.0001, "", "", 1, 0, "", {}});
        QVERIFY(ws->insertResults(*runId, results).ok());
        QCOMPARE(ws->resultCount(*runId), int64_t{100});
        // Re-recording the same (run, prompt, model) replaces: a resumed run never duplicates.
        QVERIFY(ws->insertResults(*runId, std::span(results).first(10)).ok());
        QCOMPARE(ws->resultCount(*runId), int64_t{100});
        // A result for a prompt that does not exist violates the foreign key and is refused.
        std::vector<ResultRecord> orphan = {
            {999, "openai/gpt-4o", "x", 1, 1, 0, 0, {}, {}, "", "", 1, 0, "", {}}};
        QVERIFY(!ws->insertResults(*runId, orphan).ok());
        QCOMPARE(ws->resultCount(*runId), int64_t{100});
        QCOMPARE(ws->runs().size(), size_t{1});
    }

    void priceOverridesAndRejectionsPersist() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("w.sqlite").toStdString();
        {
            auto ws = openOrFail(path);
            QVERIFY(ws);
            QVERIFY(ws->savePriceOverride("gpt-4o", R"({"input_usd_per_mtok":2.5})").ok());
            QVERIFY(ws->savePriceOverride("gpt-4o", R"({"input_usd_per_mtok":2.0})").ok());
            QVERIFY(ws->savePriceOverride("claude", "{}").ok());
            QVERIFY(ws->removePriceOverride("claude").ok());
            auto setId = ws->createPromptSet("s", "f.jsonl");
            std::vector<Error> rejected = {{"f.jsonl", 7, "tags", "must be an array"}};
            QVERIFY(ws->recordRejections(*setId, rejected).ok());
        }
        auto ws = openOrFail(path);
        QVERIFY(ws);
        const auto overrides = ws->priceOverrides();
        QCOMPARE(overrides.size(), size_t{1});
        QCOMPARE(QString::fromStdString(overrides[0].priceJson),
                 QStringLiteral(R"({"input_usd_per_mtok":2.0})"));
        const auto rejections = ws->rejections(*ws->findPromptSet("s"));
        QCOMPARE(rejections.size(), size_t{1});
        QCOMPARE(rejections[0].line, int64_t{7});
    }

    void uniqueSetNames() {
        QTemporaryDir dir;
        auto ws = openOrFail(dir.filePath("w.sqlite").toStdString());
        QVERIFY(ws);
        QVERIFY(ws->createPromptSet("demo", "").ok());
        QCOMPARE(QString::fromStdString(ws->uniqueSetName("demo")), QStringLiteral("demo (2)"));
        QCOMPARE(QString::fromStdString(ws->uniqueSetName("other")), QStringLiteral("other"));
        QVERIFY(!ws->createPromptSet("demo", "").ok());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
