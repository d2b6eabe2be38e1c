// Token estimates: model id to tokenizer family, text estimates against counts known from the real
// tokenizers, request framing, and the calibration fit.
#include "prompts/token_estimate.h"

#include <QtTest>

using namespace switchyard;

Q_DECLARE_METATYPE(switchyard::TokenizerFamily)

namespace {

Prompt chat(std::string system, std::vector<std::pair<std::string, std::string>> turns) {
    Prompt prompt;
    if (!system.empty())
        prompt.system.push_back({std::move(system), false, {}});
    for (auto& [role, text] : turns)
        prompt.messages.push_back(Message{role, {ContentBlock{text, false, {}}}});
    return prompt;
}

const char* kProse =
    "Switchyard replays recorded results so that routing policies can be tuned without paying for "
    "new calls. Each prompt is sent once to every candidate model, and the answers, token counts "
    "and latencies are stored. A router then decides, for every prompt, which model would have "
    "answered it, and the replay adds up what that would have cost and how good the answers were. "
    "Moving a slider changes the threshold, and the frontier of cost against quality updates at "
    "once, because nothing is called again.";

} // namespace

class TestTokens : public QObject {
    Q_OBJECT

private slots:
    void familyForModel_data() {
        QTest::addColumn<QString>("modelId");
        QTest::addColumn<TokenizerFamily>("family");
        QTest::newRow("bedrock claude")
            << "anthropic.claude-3-5-haiku-20241022-v1:0" << TokenizerFamily::Claude;
        QTest::newRow("bedrock claude, region")
            << "us.anthropic.claude-sonnet-4-5-20250929-v1:0" << TokenizerFamily::Claude;
        QTest::newRow("anthropic api") << "claude-sonnet-4-5" << TokenizerFamily::Claude;
        QTest::newRow("gpt-4o-mini") << "gpt-4o-mini" << TokenizerFamily::OpenAiO200k;
        QTest::newRow("gpt-5") << "gpt-5" << TokenizerFamily::OpenAiO200k;
        QTest::newRow("gpt-4.1") << "openai/gpt-4.1-nano" << TokenizerFamily::OpenAiO200k;
        QTest::newRow("o3-mini") << "o3-mini" << TokenizerFamily::OpenAiO200k;
        QTest::newRow("gpt-4 turbo") << "gpt-4-turbo" << TokenizerFamily::OpenAiCl100k;
        QTest::newRow("gpt-3.5") << "gpt-3.5-turbo-0125" << TokenizerFamily::OpenAiCl100k;
        QTest::newRow("llama") << "meta.llama3-1-8b-instruct-v1:0" << TokenizerFamily::Llama;
        QTest::newRow("mistral") << "mistral.mistral-large" << TokenizerFamily::Mistral;
        QTest::newRow("mixtral") << "mistralai/Mixtral-8x7B-Instruct-v0.1"
                                 << TokenizerFamily::Mistral;
        QTest::newRow("nova") << "amazon.nova-micro-v1:0" << TokenizerFamily::Nova;
        QTest::newRow("unknown") << "amazon.titan-text-express-v1" << TokenizerFamily::Generic;
        QTest::newRow("not an o-series") << "olmo-7b" << TokenizerFamily::Generic;
    }

    void familyForModel() {
        QFETCH(QString, modelId);
        QFETCH(TokenizerFamily, family);
        QCOMPARE(tokenizerFamilyForModel(modelId.toStdString()), family);
    }

    // Ranges around the counts the real tokenizers give (cl100k counts from tiktoken examples:
    // "Hello world, let's test tiktoken." is 9, "China is great!" is 4), so a regression that
    // doubles or halves an estimate fails while the heuristic keeps room to be approximate.
    void knownTexts_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<TokenizerFamily>("family");
        QTest::addColumn<int>("low");
        QTest::addColumn<int>("high");
        QTest::newRow("empty") << "" << TokenizerFamily::Claude << 0 << 0;
        QTest::newRow("hello world") << "Hello, world!" << TokenizerFamily::OpenAiCl100k << 4 << 4;
        QTest::newRow("pangram") << "The quick brown fox jumps over the lazy dog."
                                 << TokenizerFamily::OpenAiCl100k << 9 << 11;
        QTest::newRow("contraction")
            << "Hello world, let's test tiktoken." << TokenizerFamily::OpenAiCl100k << 8 << 10;
        QTest::newRow("short") << "China is great!" << TokenizerFamily::OpenAiCl100k << 4 << 5;
        QTest::newRow("digits, grouped by three")
            << "12345678" << TokenizerFamily::OpenAiCl100k << 3 << 3;
        QTest::newRow("digits, one each") << "12345678" << TokenizerFamily::Mistral << 8 << 9;
        QTest::newRow("CJK") << QString::fromUtf8("你好世界") << TokenizerFamily::OpenAiCl100k << 2
                             << 6;
        QTest::newRow("indented code") << "    if (x) {\n        return 1;\n    }\n"
                                       << TokenizerFamily::OpenAiCl100k << 10 << 18;
    }

    void knownTexts() {
        QFETCH(QString, text);
        QFETCH(TokenizerFamily, family);
        QFETCH(int, low);
        QFETCH(int, high);
        const int64_t estimate = estimateTokens(text.toStdString(), family);
        QVERIFY2(
            estimate >= low && estimate <= high,
            qPrintable(
                QStringLiteral("estimate %1 outside [%2, %3]").arg(estimate).arg(low).arg(high)));
    }

    // On English prose each family should land near its published characters-per-token figure,
    // and the families should keep their order (a bigger vocabulary needs fewer tokens).
    void proseRatios() {
        const std::string prose = kProse;
        const auto charsPerToken = [&prose](TokenizerFamily family) {
            return double(prose.size()) / double(estimateTokens(prose, family));
        };
        QVERIFY(charsPerToken(TokenizerFamily::OpenAiCl100k) > 3.8);
        QVERIFY(charsPerToken(TokenizerFamily::OpenAiCl100k) < 5.0);
        QVERIFY(charsPerToken(TokenizerFamily::Claude) > 3.2);
        QVERIFY(charsPerToken(TokenizerFamily::Claude) < 4.2);
        QVERIFY(charsPerToken(TokenizerFamily::Mistral) > 2.8);
        QVERIFY(charsPerToken(TokenizerFamily::Mistral) < 3.8);
        const auto tokens = [&prose](TokenizerFamily family) {
            return estimateTokens(prose, family);
        };
        QVERIFY(tokens(TokenizerFamily::Mistral) > tokens(TokenizerFamily::Claude));
        QVERIFY(tokens(TokenizerFamily::Claude) > tokens(TokenizerFamily::OpenAiCl100k));
        QVERIFY(tokens(TokenizerFamily::OpenAiCl100k) >= tokens(TokenizerFamily::OpenAiO200k));
    }

    void promptFraming() {
        // cl100k: 3 to prime the reply + 3 per message; "Be brief." 3, "Hello, world!" 4, "Hi!" 2.
        const Prompt prompt = chat("Be brief.", {{"user", "Hello, world!"}, {"assistant", "Hi!"}});
        QCOMPARE(estimatePromptTokens(prompt, TokenizerFamily::OpenAiCl100k), int64_t(21));

        // Anthropic's count_tokens reports 10 for the single user message "Hello, world".
        const Prompt hello = chat("", {{"user", "Hello, world"}});
        QCOMPARE(estimatePromptTokens(hello, TokenizerFamily::Claude), int64_t(10));

        // Tools cost their definition text plus Claude's 346-token tool-use system prompt.
        Prompt withTools = hello;
        withTools.toolsJson = R"([{"name":"calc"}])";
        const int64_t toolText = estimateTokens(withTools.toolsJson, TokenizerFamily::Claude);
        QVERIFY(toolText > 0);
        const int64_t delta = estimatePromptTokens(withTools, TokenizerFamily::Claude) - 10;
        QVERIFY(delta >= 346 + toolText - 1 && delta <= 346 + toolText + 1);

        // The expected answer is not input.
        Prompt withAnswer = prompt;
        withAnswer.expected = "A long reference answer that is never sent to the model.";
        QCOMPARE(estimatePromptTokens(withAnswer, TokenizerFamily::OpenAiCl100k), int64_t(21));
    }

    void calibration_data() {
        QTest::addColumn<QList<qint64>>("estimated");
        QTest::addColumn<QList<qint64>>("actual");
        QTest::addColumn<double>("scale");
        // Σea = 100·110 + 200·230 = 57000, Σe² = 10000 + 40000 = 50000.
        QTest::newRow("two samples") << QList<qint64>{100, 200} << QList<qint64>{110, 230} << 1.14;
        QTest::newRow("exact double") << QList<qint64>{10, 30} << QList<qint64>{20, 60} << 2.0;
        // Σea = 50·40 + 150·120 + 0·9 = 20000, Σe² = 2500 + 22500 = 25000.
        QTest::newRow("zero estimate ignored")
            << QList<qint64>{50, 150, 0} << QList<qint64>{40, 120, 9} << 0.8;
        QTest::newRow("no samples") << QList<qint64>{} << QList<qint64>{} << 1.0;
        QTest::newRow("only zeros") << QList<qint64>{0} << QList<qint64>{5} << 1.0;
    }

    void calibration() {
        QFETCH(QList<qint64>, estimated);
        QFETCH(QList<qint64>, actual);
        QFETCH(double, scale);
        std::vector<TokenSample> samples;
        for (qsizetype i = 0; i < estimated.size(); ++i)
            samples.push_back({estimated[i], actual[i]});
        const TokenCalibration fit = fitTokenCalibration(samples);
        QVERIFY(qAbs(fit.scale - scale) < 1e-12);
        QCOMPARE(applyCalibration(1000, fit), int64_t(std::llround(1000 * scale)));
    }
};

QTEST_GUILESS_MAIN(TestTokens)
#include "tst_tokens.moc"
