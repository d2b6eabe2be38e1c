#include "prompts/prompt_json.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace switchyard;
using nlohmann::json;

namespace {

// The stored structure as nlohmann::json wrote it before it was written by hand. Stored prompts'
// content hashes (golden sets, the response cache) are taken over these bytes, so they must not
// change.
json blocksReference(const std::vector<ContentBlock>& blocks) {
    json out = json::array();
    for (const auto& block : blocks) {
        json item = {{"text", block.text}};
        if (block.cacheCheckpoint) {
            item["cache"] = true;
            if (!block.cacheTtl.empty())
                item["ttl"] = block.cacheTtl;
        }
        out.push_back(std::move(item));
    }
    return out;
}

std::string referenceBytes(const Prompt& prompt) {
    json out;
    if (!prompt.system.empty())
        out["system"] = blocksReference(prompt.system);
    json messages = json::array();
    for (const auto& message : prompt.messages)
        messages.push_back({{"role", message.role}, {"content", blocksReference(message.content)}});
    out["messages"] = std::move(messages);
    if (!prompt.toolsJson.empty())
        out["tools"] = prompt.toolsJson;
    if (!prompt.fields.empty())
        out["fields"] = prompt.fields;
    out["shape"] = shapeName(prompt.shape);
    return out.dump();
}

Message turn(std::string role, std::string text) {
    return Message{std::move(role), {ContentBlock{std::move(text), false, {}}}};
}

} // namespace

Q_DECLARE_METATYPE(Prompt)

class TestPromptJson : public QObject {
    Q_OBJECT

private slots:
    void sameBytesAsBefore_data() {
        QTest::addColumn<Prompt>("prompt");
        Prompt empty;
        QTest::newRow("no turns") << empty;

        Prompt plain;
        plain.messages.push_back(turn("user", "What is 2 + 2?"));
        QTest::newRow("plain") << plain;

        Prompt escapes;
        escapes.shape = PromptShape::OpenAiChat;
        std::string controls = "quote \" backslash \\ slash / tab\tnewline\nreturn\r";
        controls += std::string("\b\f") + '\x01' + '\x1f' + '\x7f' + " end";
        escapes.messages.push_back(turn("user", controls));
        escapes.messages.push_back(turn("assistant", "Grüße, 東京 🚀 \u2028 separator"));
        escapes.messages.push_back(turn("user", ""));
        QTest::newRow("escapes and unicode") << escapes;

        Prompt nul;
        nul.messages.push_back(turn("user", std::string("before\0after", 12)));
        QTest::newRow("embedded NUL") << nul;

        Prompt cached;
        cached.shape = PromptShape::AnthropicMessages;
        cached.system = {ContentBlock{"You are terse.", true, "1h"},
                         ContentBlock{"Second block", true, {}}, ContentBlock{"Third", false, {}}};
        Message multi{"user",
                      {ContentBlock{"part one", false, {}}, ContentBlock{"two", true, "5m"}}};
        cached.messages.push_back(multi);
        cached.messages.push_back(Message{"assistant", {}});
        QTest::newRow("system blocks and checkpoints") << cached;

        Prompt everything = cached;
        everything.shape = PromptShape::BedrockConverse;
        everything.toolsJson = R"([{"name":"lookup","input_schema":{"type":"object"}}])";
        everything.fields = {{"zeta", "last"},
                             {"alpha", "first \"quoted\""},
                             {"conversation", ""},
                             {"Upper", "sorts before lower"}};
        QTest::newRow("tools and fields") << everything;
    }

    void sameBytesAsBefore() {
        QFETCH(Prompt, prompt);
        const std::string written = messagesToJson(prompt);
        QCOMPARE(QByteArray::fromStdString(written),
                 QByteArray::fromStdString(referenceBytes(prompt)));

        Prompt readBack;
        QVERIFY(messagesFromJson(written, readBack).ok());
        QCOMPARE(QByteArray::fromStdString(messagesToJson(readBack)),
                 QByteArray::fromStdString(written));
    }

    void tagsSameBytesAsBefore() {
        const std::vector<std::string> tags = {"workload:legal", "quote\"d", "tab\there", "",
                                               "ünïcode"};
        QCOMPARE(QByteArray::fromStdString(tagsToJson(tags)),
                 QByteArray::fromStdString(json(tags).dump()));
        QCOMPARE(QByteArray::fromStdString(tagsToJson({})), QByteArray("[]"));
        QCOMPARE(tagsFromJson(tagsToJson(tags)), tags);
    }
};

QTEST_GUILESS_MAIN(TestPromptJson)
#include "tst_prompt_json.moc"
