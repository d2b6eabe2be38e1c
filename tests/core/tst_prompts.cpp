// Prompt file loaders: every record shape, every class of bad input, and the streaming contract
// (batches, capped rejections, cancel, progress), on real files written to a temporary directory.
#include "prompts/detail/records.h"
#include "prompts/loader.h"
#include "prompts/prompt_json.h"
#include "test_files.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace switchyard;

namespace {

struct Loaded {
    Expected<LoadSummary> result{Error{}};
    std::vector<Prompt> prompts;
    std::vector<size_t> batchSizes;
};

Loaded load(const QString& path, const LoadOptions& options = {},
            const CancelToken* cancel = nullptr, const Progress& progress = {}) {
    Loaded loaded;
    loaded.result = loadPromptFile(
        path.toStdString(),
        [&loaded](std::vector<Prompt>&& batch) {
            loaded.batchSizes.push_back(batch.size());
            for (auto& prompt : batch)
                loaded.prompts.push_back(std::move(prompt));
        },
        options, cancel, progress);
    return loaded;
}

QStringList texts(const std::vector<ContentBlock>& blocks) {
    QStringList out;
    for (const auto& block : blocks)
        out << QString::fromStdString(block.text);
    return out;
}

// "system[1]:1h", "messages[0][2]:5m": where the checkpoints sit and with which TTL.
QStringList checkpoints(const Prompt& prompt) {
    QStringList out;
    for (size_t i = 0; i < prompt.system.size(); ++i)
        if (prompt.system[i].cacheCheckpoint)
            out << QStringLiteral("system[%1]:%2")
                       .arg(i)
                       .arg(QString::fromStdString(prompt.system[i].cacheTtl));
    for (size_t m = 0; m < prompt.messages.size(); ++m)
        for (size_t i = 0; i < prompt.messages[m].content.size(); ++i)
            if (prompt.messages[m].content[i].cacheCheckpoint)
                out << QStringLiteral("messages[%1][%2]:%3")
                           .arg(m)
                           .arg(i)
                           .arg(QString::fromStdString(prompt.messages[m].content[i].cacheTtl));
    return out;
}

QStringList roles(const Prompt& prompt) {
    QStringList out;
    for (const auto& message : prompt.messages)
        out << QString::fromStdString(message.role);
    return out;
}

QStringList qtags(const Prompt& prompt) {
    QStringList out;
    for (const auto& tag : prompt.tags)
        out << QString::fromStdString(tag);
    return out;
}

// Everything a prompt holds, as one comparable string.
std::string fingerprint(const Prompt& prompt) {
    std::string out = prompt.id + "|" + messagesToJson(prompt) + "|" + tagsToJson(prompt.tags);
    out += "|" + (prompt.expected ? "=" + *prompt.expected : std::string("<none>"));
    out += "|" + (prompt.timestampMs ? std::to_string(*prompt.timestampMs) : std::string("-"));
    return out;
}

constexpr qint64 kNoTimestamp = -1;
const QString kNoExpected = QStringLiteral("<none>");

} // namespace

class TestPrompts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content) {
        return writeTestFile(m_dir, name, content);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void shapes_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("system");
        QTest::addColumn<QStringList>("roles");
        QTest::addColumn<QString>("lastUser");
        QTest::addColumn<QStringList>("checkpoints");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<qint64>("timestampMs");
        QTest::addColumn<QString>("tools");

        QTest::newRow("plain")
            << QByteArray(R"({"id": "p1", "prompt": "What is 2+2?", "expected": "4", )"
                          R"("tags": ["math", " easy "], "system": "Be brief.", )"
                          R"("timestamp": "2026-11-27T10:00:00Z", "model": "m", "score": 1.0})")
            << "plain"
            << "p1" << QStringList{"Be brief."} << QStringList{"user"} << "What is 2+2?"
            << QStringList{} << "4" << QStringList{"math", "easy"} << qint64(1795773600000) << "";
        QTest::newRow("plain, prompt_id, comma tags, epoch seconds")
            << QByteArray(R"({"prompt_id": "q7", "prompt": "caf\u00e9 \ud83d\ude00", )"
                          R"("tags": "a, b;c|d", "timestamp": 1735787045})")
            << "plain"
            << "q7" << QStringList{} << QStringList{"user"} << "café 😀" << QStringList{}
            << kNoExpected << QStringList{"a", "b", "c", "d"} << qint64(1735787045000) << "";
        QTest::newRow("plain, integer id, numeric reference, epoch ms")
            << QByteArray(R"({"id": 42, "prompt": "x", "reference": 18, )"
                          R"("timestamp": 1795773600250})")
            << "plain"
            << "42" << QStringList{} << QStringList{"user"} << "x" << QStringList{} << "18"
            << QStringList{} << qint64(1795773600250) << "";
        QTest::newRow("plain, offset and fraction")
            << QByteArray(R"({"prompt": "x", "timestamp": "2026-11-27T11:30:00.250+01:30"})")
            << "plain"
            << "" << QStringList{} << QStringList{"user"} << "x" << QStringList{} << kNoExpected
            << QStringList{} << qint64(1795773600250) << "";
        QTest::newRow("openai chat")
            << QByteArray(
                   R"({"id": "c1", "messages": [{"role": "system", "content": "You are terse."},)"
                   R"( {"role": "user", "content": [{"type": "text", "text": "Hi"}]},)"
                   R"( {"role": "assistant", "content": "Hello"},)"
                   R"( {"role": "user", "content": "2+2?"}], "tags": ["chat"]})")
            << "openai-chat"
            << "c1" << QStringList{"You are terse."} << QStringList{"user", "assistant", "user"}
            << "2+2?" << QStringList{} << kNoExpected << QStringList{"chat"} << kNoTimestamp << "";
        QTest::newRow("anthropic messages")
            << QByteArray(
                   R"({"system": [{"type": "text", "text": "Rules."},)"
                   R"( {"type": "text", "text": "Long manual.", "cache_control": )"
                   R"({"type": "ephemeral", "ttl": "1h"}}],)"
                   R"( "messages": [{"role": "user", "content": [{"type": "text", "text": "Doc",)"
                   R"( "cache_control": {"type": "ephemeral"}}, {"type": "text", "text": "Q?"}]}],)"
                   R"( "tools": [{"name": "calc", "input_schema": {"type": "object"}}],)"
                   R"( "id": "a1"})")
            << "anthropic-messages"
            << "a1" << QStringList{"Rules.", "Long manual."} << QStringList{"user"} << "Doc\nQ?"
            << QStringList{"system[1]:1h", "messages[0][0]:5m"} << kNoExpected << QStringList{}
            << kNoTimestamp << R"([{"input_schema":{"type":"object"},"name":"calc"}])";
        QTest::newRow("bedrock converse")
            << QByteArray(R"({"system": [{"text": "Sys."}, {"cachePoint": {"type": "default"}}],)"
                          R"( "messages": [{"role": "user", "content": [{"text": "Context"},)"
                          R"( {"cachePoint": {"type": "default"}}, {"text": "Question"}]}],)"
                          R"( "toolConfig": {"tools": [{"toolSpec": {"name": "t"}}]}})")
            << "bedrock-converse"
            << "" << QStringList{"Sys."} << QStringList{"user"} << "Context\nQuestion"
            << QStringList{"system[0]:5m", "messages[0][0]:5m"} << kNoExpected << QStringList{}
            << kNoTimestamp << R"([{"toolSpec":{"name":"t"}}])";
        QTest::newRow("bedrock batch, anthropic body")
            << QByteArray(R"({"recordId": "rec-1", "modelInput": {"anthropic_version": )"
                          R"("bedrock-2023-05-31", "max_tokens": 256, "system": "S",)"
                          R"( "messages": [{"role": "user", "content": [{"type": "text",)"
                          R"( "text": "Q1"}]}]}})")
            << "bedrock-batch"
            << "rec-1" << QStringList{"S"} << QStringList{"user"} << "Q1" << QStringList{}
            << kNoExpected << QStringList{} << kNoTimestamp << "";
        QTest::newRow("bedrock batch, converse body")
            << QByteArray(R"({"recordId": "rec-2", "modelInput": {"system": [{"text": "S"}],)"
                          R"( "messages": [{"role": "user", "content": [{"text": "Q2"},)"
                          R"( {"cachePoint": {"type": "default", "ttl": "1h"}}]}],)"
                          R"( "inferenceConfig": {"maxTokens": 10}}})")
            << "bedrock-batch"
            << "rec-2" << QStringList{"S"} << QStringList{"user"} << "Q2"
            << QStringList{"messages[0][0]:1h"} << kNoExpected << QStringList{} << kNoTimestamp
            << "";
        QTest::newRow("bedrock distillation")
            << QByteArray(R"({"schemaVersion": "bedrock-conversation-2024",)"
                          R"( "system": [{"text": "Teacher."}],)"
                          R"( "messages": [{"role": "user", "content": [{"text": "2+2?"}]},)"
                          R"( {"role": "assistant", "content": [{"text": "4"}]}]})")
            << "bedrock-distillation"
            << "" << QStringList{"Teacher."} << QStringList{"user"} << "2+2?" << QStringList{}
            << "4" << QStringList{} << kNoTimestamp << "";
        QTest::newRow("openai batch")
            << QByteArray(R"({"custom_id": "req-9", "method": "POST", "url": )"
                          R"("/v1/chat/completions", "body": {"model": "gpt-4o-mini",)"
                          R"( "messages": [{"role": "developer", "content": "Dev."},)"
                          R"( {"role": "user", "content": "Hey"}]}, "tags": "batch"})")
            << "openai-batch"
            << "req-9" << QStringList{"Dev."} << QStringList{"user"} << "Hey" << QStringList{}
            << kNoExpected << QStringList{"batch"} << kNoTimestamp << "";
    }

    void shapes() {
        QFETCH(QByteArray, line);
        QFETCH(QString, shape);
        QFETCH(QString, id);
        QFETCH(QStringList, system);
        QFETCH(QStringList, roles);
        QFETCH(QString, lastUser);
        QFETCH(QStringList, checkpoints);
        QFETCH(QString, expected);
        QFETCH(QStringList, tags);
        QFETCH(qint64, timestampMs);
        QFETCH(QString, tools);

        const auto loaded = load(write("shape.jsonl", line + "\n"));
        QVERIFY(loaded.result.ok());
        for (const auto& error : loaded.result->rejected)
            qWarning() << error.toString().c_str();
        QCOMPARE(loaded.result->rejectedCount, 0);
        QCOMPARE(loaded.prompts.size(), size_t(1));
        const Prompt& prompt = loaded.prompts.front();
        QCOMPARE(QString(shapeName(prompt.shape)), shape);
        QCOMPARE(QString::fromStdString(prompt.id), id);
        QCOMPARE(texts(prompt.system), system);
        QCOMPARE(::roles(prompt), roles);
        QCOMPARE(QString::fromStdString(prompt.lastUserText()), lastUser);
        QCOMPARE(::checkpoints(prompt), checkpoints);
        QCOMPARE(prompt.expected ? QString::fromStdString(*prompt.expected) : kNoExpected,
                 expected);
        QCOMPARE(qtags(prompt), tags);
        QCOMPARE(prompt.timestampMs ? qint64(*prompt.timestampMs) : kNoTimestamp, timestampMs);
        QCOMPARE(QString::fromStdString(prompt.toolsJson), tools);
    }

    void csvRfc4180() {
        const QByteArray csv = "\xEF\xBB\xBF"
                               "id,Prompt,system,expected,tags,timestamp,notes\r\n"
                               "r1,\"Hello, world\",Be kind,42,a;b|c,2026-11-27T10:00:00Z,x\r\n"
                               "r2,\"She said \"\"hi\"\"\nthen left\",,,\"x, y\",1735787045,\r\n"
                               "\r\n"
                               ",,,,,,\r\n"
                               "r3,plain,,,,,\r\n";
        const auto loaded = load(write("set.csv", csv));
        QVERIFY(loaded.result.ok());
        QCOMPARE(loaded.result->rejectedCount, 0);
        QCOMPARE(loaded.result->linesRead, 3);
        QCOMPARE(loaded.prompts.size(), size_t(3));
        const Prompt& first = loaded.prompts[0];
        QCOMPARE(QString(shapeName(first.shape)), QString("csv"));
        QCOMPARE(first.id, std::string("r1"));
        QCOMPARE(first.lastUserText(), std::string("Hello, world"));
        QCOMPARE(texts(first.system), QStringList{"Be kind"});
        QCOMPARE(first.expected.value_or("<none>"), std::string("42"));
        QCOMPARE(qtags(first), (QStringList{"a", "b", "c"}));
        QCOMPARE(first.timestampMs.value_or(-1), int64_t(1795773600000));
        const Prompt& second = loaded.prompts[1];
        QCOMPARE(second.lastUserText(), std::string("She said \"hi\"\nthen left"));
        QVERIFY(second.system.empty());
        QVERIFY(!second.expected);
        QCOMPARE(qtags(second), (QStringList{"x", "y"}));
        QCOMPARE(second.timestampMs.value_or(-1), int64_t(1735787045000));
        QCOMPARE(loaded.prompts[2].id, std::string("r3"));
    }

    void formatDetection_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("shape");
        QTest::newRow("jsonl by extension")
            << "a.jsonl" << QByteArray("{\"prompt\":\"x\"}\n") << "plain";
        QTest::newRow("ndjson") << "a.ndjson" << QByteArray("{\"prompt\":\"x\"}") << "plain";
        QTest::newRow("csv by extension") << "a.csv" << QByteArray("prompt\nx\n") << "csv";
        QTest::newRow("sniffed jsonl")
            << "a.txt" << QByteArray("\n  {\"prompt\":\"x\"}\n") << "plain";
        QTest::newRow("sniffed csv") << "a.data" << QByteArray("prompt,id\nx,1\n") << "csv";
    }

    void formatDetection() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, shape);
        const auto loaded = load(write(name, content));
        QVERIFY(loaded.result.ok());
        QCOMPARE(loaded.prompts.size(), size_t(1));
        QCOMPARE(QString(shapeName(loaded.prompts[0].shape)), shape);
        QCOMPARE(loaded.prompts[0].lastUserText(), std::string("x"));
    }

    void badLines_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("accepted");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");

        const QByteArray good = "{\"prompt\": \"fine\"}\n";
        QTest::newRow("invalid JSON")
            << "a.jsonl" << good + "{\"prompt\": \"hi\",}\n"
            << 1 << qint64(2) << ""
            << "invalid JSON at column 17: syntax error while parsing object key - unexpected "
               "'}'; expected string literal";
        QTest::newRow("invalid JSON column counts characters")
            << "a.jsonl" << good + good + "{\"a\":\"\xC3\xA9\xC3\xA9\", b}\n"
            << 2 << qint64(3) << ""
            << "invalid JSON at column 12: syntax error while parsing object key - invalid "
               "literal; last read: '\"\xC3\xA9\xC3\xA9\", b'; expected string literal";
        QTest::newRow("number out of range")
            << "a.jsonl" << good + "{\"prompt\": \"x\", \"n\": 1e999}\n"
            << 1 << qint64(2) << ""
            << "invalid JSON: number overflow parsing '1e999'";
        QTest::newRow("missing field") << "a.jsonl" << good + "{\"text\": \"hi\"}\n"
                                       << 1 << qint64(2) << "prompt"
                                       << "missing field 'prompt' (or 'messages')";
        QTest::newRow("wrong type")
            << "a.jsonl"
            << "{\"prompt\": \"hi\", \"tags\": 5}\n" + good << 1 << qint64(1) << "tags"
            << "field 'tags' must be an array of strings or a string";
        QTest::newRow("wrong nested type")
            << "a.jsonl"
            << good + good +
                   R"({"messages": [{"role": "user", "content": "a"}, {"role": "assistant", )"
                   R"("content": 5}]})"
                   "\n"
            << 2 << qint64(3) << "messages[1].content"
            << "field 'messages[1].content' must be a string or an array of content blocks";
        QTest::newRow("no user message")
            << "a.jsonl"
            << good + R"({"messages": [{"role": "system", "content": "s"}]})"
                      "\n"
            << 1 << qint64(2) << "messages"
            << "no user message";
        QTest::newRow("bad ttl")
            << "a.jsonl"
            << good + R"({"system": [{"type": "text", "text": "s", "cache_control": )"
                      R"({"type": "ephemeral", "ttl": "2h"}}], "messages": [{"role": "user", )"
                      R"("content": "q"}]})"
                      "\n"
            << 1 << qint64(2) << "system[0].cache_control.ttl"
            << "field 'system[0].cache_control.ttl' must be \"5m\" or \"1h\"";
        QTest::newRow("cachePoint first")
            << "a.jsonl"
            << good + R"({"messages": [{"role": "user", "content": [{"cachePoint": )"
                      R"({"type": "default"}}, {"text": "q"}]}]})"
                      "\n"
            << 1 << qint64(2) << "messages[0].content[0].cachePoint"
            << "cache checkpoint has no content before it to cache";
        QTest::newRow("unknown role")
            << "a.jsonl"
            << good + R"({"messages": [{"role": "robot", "content": "q"}]})"
                      "\n"
            << 1 << qint64(2) << "messages[0].role"
            << "unknown role 'robot' (expected system, user, assistant or tool)";
        QTest::newRow("bad timestamp")
            << "a.jsonl"
            << good + R"({"prompt": "x", "timestamp": "yesterday"})"
                      "\n"
            << 1 << qint64(2) << "timestamp" << detail::kTimestampValueMessage;
        QTest::newRow("not an object") << "a.jsonl" << good + "[1, 2]\n"
                                       << 1 << qint64(2) << ""
                                       << "each line must be a JSON object, found array";
        QTest::newRow("empty prompt") << "a.jsonl" << good + "{\"prompt\": \"\"}\n"
                                      << 1 << qint64(2) << "prompt"
                                      << "field 'prompt' is empty";
        QTest::newRow("invalid UTF-8 line")
            << "a.jsonl" << good + "{\"prompt\": \"caf\xE9\"}\n" + good << 2 << qint64(2) << ""
            << "invalid UTF-8 at column 16; the file must be UTF-8";
        QTest::newRow("CSV wrong field count")
            << "a.csv" << QByteArray("id,prompt\n1,hello\n2,a,b\n3,ok\n") << 2 << qint64(3) << ""
            << "expected 2 fields, found 3";
        QTest::newRow("CSV wrong field count after a multi-line record")
            << "a.csv" << QByteArray("id,prompt\r\n1,\"two\r\nlines\"\r\n2,a,b\r\n") << 1
            << qint64(4) << ""
            << "expected 2 fields, found 3";
        QTest::newRow("CSV unterminated quote")
            << "a.csv" << QByteArray("id,prompt\n1,ok\n2,\"never closed\n3,x\n") << 1 << qint64(3)
            << ""
            << "unterminated quoted field: a '\"' is never closed";
        QTest::newRow("CSV text after closing quote")
            << "a.csv" << QByteArray("id,prompt\n1,\"a\"b\n2,ok\n") << 1 << qint64(2) << ""
            << "unexpected text after the closing quote of field 2";
        QTest::newRow("CSV invalid UTF-8")
            << "a.csv" << QByteArray("prompt,id\nok,1\ncaf\xE9,2\n") << 1 << qint64(3) << ""
            << "invalid UTF-8 at column 4; the file must be UTF-8";
    }

    void badLines() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(int, accepted);
        QFETCH(qint64, line);
        QFETCH(QString, field);
        QFETCH(QString, message);

        const QString path = write(name, content);
        const auto loaded = load(path);
        QVERIFY(loaded.result.ok());
        QCOMPARE(loaded.result->accepted, accepted);
        QCOMPARE(int(loaded.prompts.size()), accepted);
        QCOMPARE(loaded.result->rejectedCount, 1);
        QCOMPARE(loaded.result->rejected.size(), size_t(1));
        const Error& error = loaded.result->rejected.front();
        QCOMPARE(QString::fromStdString(error.file), path);
        QCOMPARE(error.line, line);
        QCOMPARE(QString::fromStdString(error.field), field);
        QCOMPARE(QString::fromStdString(error.message), message);
    }

    void fileErrors_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << "missing.jsonl" << QByteArray() << qint64(0)
                                 << "file not found";
        QTest::newRow("empty") << "empty.jsonl" << QByteArray("") << qint64(0) << "file is empty";
        QTest::newRow("blank") << "blank.csv" << QByteArray("\xEF\xBB\xBF \r\n\n\t\n") << qint64(0)
                               << "file is empty";
        QTest::newRow("binary") << "image.jsonl" << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)
                                << qint64(0) << "binary file, not JSONL or CSV";
        QTest::newRow("utf-16") << "wide.csv" << QByteArray("\xFF\xFEp\0r\0", 6) << qint64(0)
                                << "file is UTF-16; save it as UTF-8";
        QTest::newRow("csv without prompt column")
            << "q.csv" << QByteArray("\n id ,Question\n1,hi\n") << qint64(2)
            << "CSV header has no 'prompt' column (columns: id, question)";
        QTest::newRow("json array")
            << "array.json" << QByteArray("[{\"prompt\": \"x\"}]\n") << qint64(0)
            << "file is one JSON array; expected JSON Lines (one JSON "
               "object per line)";
        QTest::newRow("directory")
            << "subdir" << QByteArray() << qint64(0) << "is a directory, not a file";
    }

    void fileErrors() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(qint64, line);
        QFETCH(QString, message);
        QString path = m_dir.filePath(name);
        if (name == "subdir")
            QVERIFY(QDir(m_dir.path()).mkpath(name));
        else if (name != "missing.jsonl")
            path = write(name, content);
        const auto loaded = load(path);
        QVERIFY(!loaded.result.ok());
        QCOMPARE(QString::fromStdString(loaded.result.error().file), path);
        QCOMPARE(loaded.result.error().line, line);
        QCOMPARE(QString::fromStdString(loaded.result.error().message), message);
        QVERIFY(loaded.batchSizes.empty());
    }

    void mixedFile() {
        const QByteArray content = "{\"prompt\": \"one\"}\r\n"
                                   "{\"prompt\": \"two\"\r\n"
                                   "   \r\n"
                                   "{\"prompt\": \"three\"}\r\n"
                                   "{\"question\": \"four\"}\r\n"
                                   "{\"prompt\": \"five\"}";
        const QString path = write("mixed.jsonl", content);
        const auto loaded = load(path);
        QVERIFY(loaded.result.ok());
        QCOMPARE(loaded.result->linesRead, 5);
        QCOMPARE(loaded.result->accepted, 3);
        QCOMPARE(loaded.result->rejectedCount, 2);
        QCOMPARE(loaded.prompts.size(), size_t(3));
        QCOMPARE(loaded.prompts[2].lastUserText(), std::string("five"));
        QCOMPARE(loaded.result->rejected[0].line, 2);
        QCOMPARE(loaded.result->rejected[1].line, 5);
        QCOMPARE(QString::fromStdString(loaded.result->rejected[1].toString()),
                 path + ":5: field 'prompt': missing field 'prompt' (or 'messages')");
    }

    void batching() {
        QByteArray content;
        for (int i = 0; i < 10; ++i)
            content +=
                QByteArray("{\"id\": \"p") + QByteArray::number(i) + "\", \"prompt\": \"q\"}\n";
        const QString path = write("ten.jsonl", content);
        LoadOptions options;
        options.batchSize = 3;
        std::vector<std::pair<int64_t, int64_t>> progress;
        const auto loaded = load(path, options, nullptr, [&progress](int64_t done, int64_t total) {
            progress.emplace_back(done, total);
        });
        QVERIFY(loaded.result.ok());
        QCOMPARE(loaded.batchSizes, (std::vector<size_t>{3, 3, 3, 1}));
        QCOMPARE(loaded.prompts.back().id, std::string("p9"));
        QVERIFY(!progress.empty());
        QCOMPARE(progress.back().first, int64_t(content.size()));
        QCOMPARE(progress.back().second, int64_t(content.size()));
    }

    void rejectionsAreCapped() {
        QByteArray content = "{\"prompt\": \"ok\"}\n";
        for (int i = 0; i < 7; ++i)
            content += "not json\n";
        LoadOptions options;
        options.maxRejectionsKept = 3;
        const auto loaded = load(write("garbage.jsonl", content), options);
        QVERIFY(loaded.result.ok());
        QCOMPARE(loaded.result->accepted, 1);
        QCOMPARE(loaded.result->rejectedCount, 7);
        QCOMPARE(loaded.result->rejected.size(), size_t(3));
        QCOMPARE(loaded.result->rejected[2].line, 4);
    }

    void cancellation() {
        QByteArray content;
        for (int i = 0; i < 10; ++i)
            content += "{\"prompt\": \"q\"}\n";
        const QString path = write("cancel.jsonl", content);
        LoadOptions options;
        options.batchSize = 3;

        CancelToken token;
        int calls = 0;
        auto result = loadPromptFile(
            path.toStdString(),
            [&](std::vector<Prompt>&&) {
                ++calls;
                token.cancel();
            },
            options, &token);
        QVERIFY(result.ok());
        QCOMPARE(calls, 1);
        QVERIFY(result->cancelled);
        QCOMPARE(result->accepted, 3);

        CancelToken already;
        already.cancel();
        const auto none = load(path, options, &already);
        QVERIFY(none.result.ok());
        QVERIFY(none.result->cancelled);
        QVERIFY(none.batchSizes.empty());
    }

    void overlongLine() {
        const QByteArray content = "{\"prompt\": \"a\"}\n{\"prompt\": \"" + QByteArray(100, 'x') +
                                   "\"}\n{\"prompt\": \"c\"}\n";
        LoadOptions options;
        options.maxLineBytes = 64;
        const auto loaded = load(write("long.jsonl", content), options);
        QVERIFY(loaded.result.ok());
        QCOMPARE(loaded.prompts.size(), size_t(2));
        QCOMPARE(loaded.prompts[1].lastUserText(), std::string("c"));
        QCOMPARE(loaded.result->rejected.size(), size_t(1));
        QCOMPARE(loaded.result->rejected[0].line, 2);
        QCOMPARE(loaded.result->rejected[0].message, std::string("line is longer than 64 bytes"));
    }

    // The fast path must build exactly what the full parser builds, and decline what it cannot.
    void fastPathMatchesFullParser_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("fast");
        QTest::newRow("minimal") << QByteArray(R"({"prompt":"x"})") << true;
        QTest::newRow("all fields")
            << QByteArray(
                   // Not a raw string: moc misreads a backslash before a quote inside one.
                   " { \"id\" : \"a\" , \"prompt\" : \"q\\n\\\"\\\\\\/\\t\\u00e9\\ud83d\\ude00\" ,"
                   R"( "expected":"4", "system":"s", "tags":["t1","t2"], "x": [1, "y", null],)"
                   R"( "timestamp":"2026-11-27T10:00:00Z", "score": -1.5e3, "ok": true } )")
            << true;
        QTest::newRow("reference, prompt_id, tag string, epoch")
            << QByteArray(R"({"prompt_id":"p","prompt":"q","reference":"r","tags":"a,b",)"
                          R"("timestamp":1735787045})")
            << true;
        QTest::newRow("fields of every scalar kind")
            << QByteArray(R"({"prompt":"q","tier":"gold","n":-0,"big":12345678901,"f":1.50,)"
                          R"("e":-2.5E-3,"one":1e2,"yes":true,"no":false,"gone":null,"l":[1]})")
            << true;
        QTest::newRow("integer beyond 64 bits")
            << QByteArray(R"({"prompt":"q","n":123456789012345678901234})") << false;
        QTest::newRow("id beats prompt_id")
            << QByteArray(R"({"prompt_id":"p","id":"i","prompt":"q"})") << true;
        QTest::newRow("integer id") << QByteArray(R"({"id":7,"prompt":"q"})") << false;
        QTest::newRow("duplicate key") << QByteArray(R"({"prompt":"a","prompt":"b"})") << false;
        QTest::newRow("nested object") << QByteArray(R"({"prompt":"a","meta":{"k":1}})") << false;
        QTest::newRow("messages")
            << QByteArray(R"({"prompt":"a","messages":[{"role":"user","content":"m"}]})") << false;
        QTest::newRow("float timestamp")
            << QByteArray(R"({"prompt":"a","timestamp":1.5})") << false;
        QTest::newRow("null expected") << QByteArray(R"({"prompt":"a","expected":null})") << false;
    }

    void fastPathMatchesFullParser() {
        QFETCH(QByteArray, line);
        QFETCH(bool, fast);
        const std::string text = line.toStdString();
        Prompt viaFastPath;
        QCOMPARE(detail::parsePlainFast(text, viaFastPath), fast);
        const auto viaFullParser = detail::promptFromJsonText(text);
        QVERIFY(viaFullParser.ok());
        if (fast)
            QCOMPARE(fingerprint(viaFastPath), fingerprint(*viaFullParser));
    }

    void fastPathDeclinesBadJson_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("trailing comma") << QByteArray(R"({"prompt":"a",})");
        QTest::newRow("trailing text") << QByteArray(R"({"prompt":"a"} x)");
        QTest::newRow("raw tab") << QByteArray("{\"prompt\":\"a\tb\"}");
        QTest::newRow("lone surrogate") << QByteArray(R"({"prompt":"\ud800"})");
        QTest::newRow("bad escape") << QByteArray(R"({"prompt":"\q"})");
        QTest::newRow("leading zero") << QByteArray(R"({"prompt":"a","n":01})");
    }

    void fastPathDeclinesBadJson() {
        QFETCH(QByteArray, line);
        Prompt prompt;
        QVERIFY(!detail::parsePlainFast(line.toStdString(), prompt));
        QVERIFY(!detail::promptFromJsonLine(line.toStdString()).ok());
    }

    void realGsm8kResults() {
        const QString path =
            QStringLiteral(SWITCHYARD_SHARED_DATA_DIR "/gsm8k-routellm.results.jsonl");
        if (!QFile::exists(path))
            QSKIP("shared data file not present");
        const auto loaded = load(path);
        QVERIFY(loaded.result.ok());
        QCOMPARE(loaded.result->rejectedCount, 0);
        QCOMPARE(loaded.result->accepted, 2638);
        QCOMPARE(loaded.result->linesRead, 2638);
        QCOMPARE(loaded.prompts.size(), size_t(2638));
        for (const auto& prompt : loaded.prompts) {
            QVERIFY(prompt.id.rfind("gsm8k-", 0) == 0);
            QCOMPARE(prompt.shape, PromptShape::Plain);
            QCOMPARE(qtags(prompt), QStringList{"gsm8k"});
            QVERIFY(!prompt.lastUserText().empty());
        }
        QVERIFY(loaded.prompts.front().lastUserText().rfind("Janet\xE2\x80\x99s ducks", 0) == 0);
    }
};

QTEST_GUILESS_MAIN(TestPrompts)
#include "tst_prompts.moc"
