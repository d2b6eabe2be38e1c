// The cacheability linter: planted problems in prompt sets are found where they are, counted,
// priced, and fixed in a copy that then caches.
#include "cache/cache_linter.h"
#include "cache/cache_simulator.h"
#include "cache/request_trace.h"
#include "prompts/token_estimate.h"

#include <QtTest>

#include <cmath>

using namespace switchyard;

namespace {

ModelPrice sonnet() {
    ModelPrice price;
    price.id = "claude-sonnet-4-5";
    price.provider = "anthropic";
    price.inputUsdPerMTok = 3.0;
    price.outputUsdPerMTok = 15.0;
    price.semantics = UsageSemantics::CacheAdditive;
    price.supportsCaching = true;
    price.cacheReadMultiplier = 0.1;
    price.cacheWrite5mMultiplier = 1.25;
    price.cacheWrite1hMultiplier = 2.0;
    price.minCacheableTokens = 1024;
    price.maxCacheCheckpoints = 4;
    return price;
}

ModelPrice gpt4oMini() {
    ModelPrice price;
    price.id = "gpt-4o-mini";
    price.provider = "openai";
    price.inputUsdPerMTok = 0.15;
    price.outputUsdPerMTok = 0.6;
    price.semantics = UsageSemantics::CacheSubset;
    price.supportsCaching = true;
    price.cacheReadMultiplier = 0.5;
    price.minCacheableTokens = 1024;
    return price;
}

// 1,500 four-letter words: 1,500 tokens for Claude, well over the 1,024 minimum.
std::string longPolicy() {
    std::string text;
    for (int i = 0; i < 1500; ++i)
        text += i ? " abcd" : "abcd";
    return text;
}

CheckpointPlacement placed(const char* names) {
    return *parseCheckpointPlacement(names);
}

// Six support prompts whose system block carries a static policy and a static date, plus a
// timestamp, a request id and a counter that change with every request; an earlier turn holds a
// UUID that changes too.
std::vector<Prompt> plantedVolatilePrompts() {
    std::vector<Prompt> prompts;
    for (int i = 1; i <= 6; ++i) {
        Prompt prompt;
        prompt.id = "p" + std::to_string(i);
        const std::string n = std::to_string(i);
        prompt.system = {{"You are the support assistant for Acme.\n" + longPolicy() +
                              "\nPolicy effective 2024-01-01.\nCurrent time: 2026-05-0" + n +
                              "T10:0" + n + ":00Z\nRequest id: req_8f3a9c2b71d04e" + n +
                              "\nSession counter: " + std::to_string(i * 7),
                          false,
                          {}}};
        prompt.messages = {
            {"user", {{"Earlier question 123e4567-e89b-12d3-a456-42661417400" + n, false, {}}}},
            {"assistant", {{"Earlier answer.", false, {}}}},
            {"user", {{"Where is my parcel?", false, {}}}}};
        prompt.timestampMs = 1795000000000 + i * 10000;
        prompts.push_back(std::move(prompt));
    }
    return prompts;
}

QString describe(const LintFinding& finding) {
    QString text = QString::fromLatin1(lintKindName(finding.kind).data());
    if (finding.kind == LintKind::VolatileContent)
        text += QStringLiteral(":") +
                QString::fromLatin1(volatileKindName(finding.volatileKind).data());
    return text + QStringLiteral(" @ ") + QString::fromStdString(finding.where.label) +
           QStringLiteral(" x") + QString::number(finding.affectedRequests);
}

QStringList describeAll(const std::vector<LintFinding>& findings) {
    QStringList out;
    for (const LintFinding& finding : findings)
        out << describe(finding);
    out.sort();
    return out;
}

const LintFinding* findingOf(const std::vector<LintFinding>& findings, LintKind kind,
                             std::optional<VolatileKind> volatileKind = std::nullopt) {
    for (const LintFinding& finding : findings)
        if (finding.kind == kind && (!volatileKind || finding.volatileKind == *volatileKind))
            return &finding;
    return nullptr;
}

struct SimulatedSet {
    CacheSimulation result;
    RequestTrace trace;
};

std::optional<SimulatedSet> simulatePrompts(std::span<const Prompt> prompts,
                                            const ModelPrice& model,
                                            const CheckpointPlacement& placement) {
    RequestTrace trace = traceFromPrompts(prompts, tokenizerFamilyForModel(model.id));
    auto workload = compileWorkload(trace, {&model, 1}, placement);
    auto arrivals = recordedArrivals(trace);
    if (!workload || !arrivals)
        return std::nullopt;
    auto result = simulateCache(*workload, *arrivals);
    if (!result)
        return std::nullopt;
    return SimulatedSet{std::move(result).value(), std::move(trace)};
}

std::vector<Prompt> withSystems(const std::vector<std::string>& systems, const ModelPrice& model) {
    std::vector<Prompt> prompts;
    for (size_t i = 0; i < systems.size(); ++i) {
        Prompt prompt;
        prompt.id = "s" + std::to_string(i + 1);
        prompt.system = {{systems[i], false, {}}};
        prompt.messages = {{"user", {{"Question " + std::to_string(i), false, {}}}}};
        prompt.timestampMs = 1795000000000 + static_cast<int64_t>(i) * 1000;
        prompts.push_back(std::move(prompt));
    }
    (void)model;
    return prompts;
}

} // namespace

class TestCacheLinter : public QObject {
    Q_OBJECT

private slots:
    void findsVolatileValues_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("found"); // kind:value
        QTest::newRow("iso timestamp") << "Current time: 2026-05-01T10:00:00Z."
                                       << QStringList{"timestamp:2026-05-01T10:00:00Z"};
        QTest::newRow("timestamp with offset")
            << "at 2026-05-01 10:00:00+02:00 sharp"
            << QStringList{"timestamp:2026-05-01 10:00:00+02:00"};
        QTest::newRow("iso date") << "Today is 2026-05-01." << QStringList{"date:2026-05-01"};
        QTest::newRow("month name date")
            << "Today is May 1, 2026 and" << QStringList{"date:May 1, 2026"};
        QTest::newRow("day month year")
            << "Sent 1 May 2026 10:04:05 GMT" << QStringList{"timestamp:1 May 2026 10:04:05 GMT"};
        QTest::newRow("slashed date") << "due 01/05/2026" << QStringList{"date:01/05/2026"};
        QTest::newRow("time of day") << "at 10:32:05 UTC" << QStringList{"timestamp:10:32:05 UTC"};
        QTest::newRow("epoch seconds") << "ts=1767225600;" << QStringList{"timestamp:1767225600"};
        QTest::newRow("uuid") << "id 123e4567-e89b-12d3-a456-426614174000 ok"
                              << QStringList{"uuid:123e4567-e89b-12d3-a456-426614174000"};
        QTest::newRow("request id")
            << "Request id: req_8f3a9c2b71d04e." << QStringList{"request id:req_8f3a9c2b71d04e"};
        QTest::newRow("hex id") << "trace 5f2b9c0e4a7d1b3c8e"
                                << QStringList{"request id:5f2b9c0e4a7d1b3c8e"};
        QTest::newRow("counters") << "Turn 42 of 1,000" << QStringList{"number:42", "number:1,000"};
        QTest::newRow("model names are not ids") << "model gpt-4o-mini, 3rd try" << QStringList{};
        QTest::newRow("words") << "Be concise and polite." << QStringList{};
    }

    void findsVolatileValues() {
        QFETCH(QString, text);
        QFETCH(QStringList, found);
        const std::string utf8 = text.toStdString();
        QStringList actual;
        for (const VolatileMatch& match : findVolatileValues(utf8))
            actual << QString::fromLatin1(volatileKindName(match.kind).data()) + ":" +
                          QString::fromStdString(utf8.substr(match.begin, match.end - match.begin));
        QCOMPARE(actual, found);
    }

    void normalisesWhitespace_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("runs of spaces") << "a  \t b"
                                        << "a b";
        QTest::newRow("trailing spaces on a line") << "a   \nb"
                                                   << "a\nb";
        QTest::newRow("blank lines") << "a\n\n\n\nb"
                                     << "a\n\nb";
        QTest::newRow("crlf") << "a\r\nb\r\n\r\nc"
                              << "a\nb\n\nc";
        QTest::newRow("ends") << "\n  a b  \n"
                              << "a b";
    }

    void normalisesWhitespace() {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        QCOMPARE(QString::fromStdString(normaliseWhitespace(text.toStdString())), normalised);
    }

    // Volatile values are reported where they vary inside the cacheable prefix only: with the
    // checkpoint after the system prompt the earlier turn's UUID is past it; after the history
    // it is inside. The static date never is.
    void plantedVolatileFields_data() {
        QTest::addColumn<QString>("placement");
        QTest::addColumn<QStringList>("findings");
        const QStringList system = {"volatile_content:number @ system block 1 x6",
                                    "volatile_content:request id @ system block 1 x6",
                                    "volatile_content:timestamp @ system block 1 x6"};
        QTest::newRow("after system") << "after_system" << system;
        QTest::newRow("after history")
            << "after_history"
            << QStringList(system) +
                   QStringList{"volatile_content:uuid @ message 1 (user) block 1 x6"};
    }

    void plantedVolatileFields() {
        QFETCH(QString, placement);
        QFETCH(QStringList, findings);
        QStringList expected = findings;
        expected.sort();
        const std::vector<Prompt> prompts = plantedVolatilePrompts();
        const auto lint =
            lintPrompts(prompts, {sonnet(), placed(placement.toLatin1().constData())});
        QCOMPARE(describeAll(lint), expected);
        const LintFinding* timestamp =
            findingOf(lint, LintKind::VolatileContent, VolatileKind::Timestamp);
        QVERIFY(timestamp);
        QCOMPARE(QString::fromStdString(timestamp->example),
                 QStringLiteral("Current time: 2026-05-01T10:01:00Z"));
        QCOMPARE(timestamp->samplePromptIds.size(), size_t{5});
        QVERIFY(timestamp->autoFixable);
        QCOMPARE(timestamp->where.message, -1);
        QCOMPARE(timestamp->where.block, 0);
    }

    // Applying the three fixes moves the volatile lines to the end of the user turn; the system
    // prompts become identical, so five of six requests read them from the cache.
    void fixesMakeThePrefixCacheable() {
        const std::vector<Prompt> prompts = plantedVolatilePrompts();
        const LintOptions options{sonnet(), placed("after_system")};
        const auto lint = lintPrompts(prompts, options);
        QCOMPARE(lint.size(), size_t{3});

        auto before = simulatePrompts(prompts, options.model, options.placement);
        QVERIFY(before);
        QCOMPARE(before->result.cachedTokens, qint64(0));
        QCOMPARE(before->result.writeRequests, qint64(6));

        std::vector<Prompt> fixed = prompts;
        for (const LintFinding& finding : lint)
            fixed = applyFix(finding, fixed);
        const Prompt& first = fixed[0];
        QCOMPARE(QString::fromStdString(first.system[0].text),
                 QString::fromStdString("You are the support assistant for Acme.\n" + longPolicy() +
                                        "\nPolicy effective 2024-01-01."));
        const auto& moved = first.messages.back().content;
        QCOMPARE(moved.size(), size_t{4}); // the question, then one block per fix
        QStringList movedTexts;
        for (size_t b = 1; b < moved.size(); ++b)
            movedTexts << QString::fromStdString(moved[b].text);
        movedTexts.sort();
        QCOMPARE(movedTexts,
                 (QStringList{"Current time: 2026-05-01T10:01:00Z",
                              "Request id: req_8f3a9c2b71d04e1", "Session counter: 7"}));
        QVERIFY(lintPrompts(fixed, options).empty());

        auto after = simulatePrompts(fixed, options.model, options.placement);
        QVERIFY(after);
        // Requests 2-6 read the whole system prompt: 5 x its tokens.
        const int64_t systemTokens = after->trace.segments(0)[0].tokens;
        QVERIFY(systemTokens > 1500);
        QCOMPARE(after->result.cachedTokens, 5 * systemTokens);
        QCOMPARE(after->result.hitRequests, qint64(5));
        QVERIFY(after->result.costWithCacheUsd < before->result.costWithCacheUsd);
    }

    // Each of the three compounding problems is priced by leaving its fix out: the system prompt
    // then varies again and every request writes it.
    void pricesFindingsPerMonth() {
        const std::vector<Prompt> prompts = plantedVolatilePrompts();
        const LintOptions options{sonnet(), placed("after_system")};
        auto lint = lintPrompts(prompts, options);
        const RequestTrace trace = traceFromPrompts(prompts, TokenizerFamily::Claude);
        auto arrivals = recordedArrivals(trace);
        QVERIFY(arrivals);
        QCOMPARE(arrivals->requestsPerMinute, 6.0); // 5 gaps over 50 s
        QVERIFY(priceFindings(lint, prompts, options, *arrivals).ok());

        std::vector<Prompt> allFixed = prompts;
        for (const LintFinding& finding : lint)
            allFixed = applyFix(finding, allFixed);
        auto best = simulatePrompts(allFixed, options.model, options.placement);
        QVERIFY(best);
        for (size_t k = 0; k < lint.size(); ++k) {
            std::vector<Prompt> others = prompts;
            for (size_t j = 0; j < lint.size(); ++j)
                if (j != k)
                    others = applyFix(lint[j], others);
            auto without = simulatePrompts(others, options.model, options.placement);
            QVERIFY(without);
            QCOMPARE(without->result.cachedTokens, qint64(0));
            // Per request, times 6 a minute for 43,200 minutes.
            const double expected =
                (without->result.costWithCacheUsd - best->result.costWithCacheUsd) / 6.0 * 6.0 *
                43200.0;
            QVERIFY(lint[k].monthlyCostUsd);
            QVERIFY(std::abs(*lint[k].monthlyCostUsd - expected) < 1e-9);
            QVERIFY(*lint[k].monthlyCostUsd > 10.0);
        }
    }

    // Examples are cut to 160 bytes of the line, never inside a UTF-8 character.
    void examplesNeverSplitCharacters() {
        std::string accents;
        for (int i = 0; i < 120; ++i)
            accents += "\xc3\xa9"; // é, two bytes
        std::vector<std::string> systems;
        for (int i = 1; i <= 2; ++i)
            systems.push_back(longPolicy() + "\nNow 2026-05-0" + std::to_string(i) + "T10:00:00Z " +
                              accents);
        const auto lint =
            lintPrompts(withSystems(systems, sonnet()), {sonnet(), placed("after_system")});
        const LintFinding* timestamp =
            findingOf(lint, LintKind::VolatileContent, VolatileKind::Timestamp);
        QVERIFY(timestamp);
        const QByteArray example = QByteArray::fromStdString(timestamp->example);
        QVERIFY(example.size() <= 160);
        QVERIFY(example.startsWith("Now 2026-05-01T10:00:00Z "));
        QCOMPARE(QString::fromUtf8(example).toUtf8(), example); // no broken character
        QCOMPARE(example.size() % 2, 1); // 25 ASCII bytes, then whole two-byte characters
    }

    // Prompts that differ only in whitespace; the fix makes them one prefix.
    void whitespaceOnlyVariants() {
        const std::string policy = longPolicy();
        const std::vector<Prompt> prompts =
            withSystems({"Rules:\n\n" + policy, "Rules:  \n\n" + policy + " ",
                         "Rules:\r\n\r\n" + policy, "Rules:\n\n" + policy},
                        sonnet());
        const LintOptions options{sonnet(), placed("after_system")};
        const auto lint = lintPrompts(prompts, options);
        QCOMPARE(describeAll(lint), QStringList{"whitespace_variants @ system block 1 x4"});
        const std::vector<Prompt> fixed = applyFix(lint[0], prompts);
        for (const Prompt& prompt : fixed)
            QCOMPARE(prompt.system[0].text, fixed[0].system[0].text);
        auto after = simulatePrompts(fixed, options.model, options.placement);
        QVERIFY(after);
        QCOMPARE(after->result.hitRequests, qint64(3));
    }

    // The same tool schema serialised with different key orders breaks everything after it.
    void toolSchemaKeyOrder() {
        std::vector<Prompt> prompts = withSystems({"a", "a", "a"}, sonnet());
        prompts[0].toolsJson = R"([{"name":"lookup","input_schema":{"type":"object"}}])";
        prompts[1].toolsJson = R"([{"input_schema":{"type":"object"},"name":"lookup"}])";
        prompts[2].toolsJson = R"([ {"name": "lookup", "input_schema": {"type": "object"}} ])";
        const LintOptions options{sonnet(), placed("after_tools")};
        const auto lint = lintPrompts(prompts, options);
        QVERIFY(findingOf(lint, LintKind::ToolSchemaVariants));
        const LintFinding& finding = *findingOf(lint, LintKind::ToolSchemaVariants);
        QCOMPARE(finding.affectedRequests, qint64(3));
        QCOMPARE(QString::fromStdString(finding.where.label), QStringLiteral("tools"));
        const std::vector<Prompt> fixed = applyFix(finding, prompts);
        for (const Prompt& prompt : fixed)
            QCOMPARE(QString::fromStdString(prompt.toolsJson),
                     QStringLiteral(R"([{"input_schema":{"type":"object"},"name":"lookup"}])"));
    }

    // Five Acme prompts, two Globex, one Initech, one Umbrella (the same long policy after the
    // name), and one unrelated prompt that is not near any of them.
    void nearIdenticalSystemPrompts() {
        const std::string policy = longPolicy();
        std::vector<std::string> systems;
        for (const char* company :
             {"Acme", "Acme", "Acme", "Acme", "Acme", "Globex", "Globex", "Initech", "Umbrella"})
            systems.push_back(std::string("You are a helpful agent for ") + company + ". " +
                              policy);
        systems.push_back("Write sonnets about the sea.");
        const std::vector<Prompt> prompts = withSystems(systems, sonnet());
        const LintOptions options{sonnet(), placed("after_system")};
        const auto lint = lintPrompts(prompts, options);
        const LintFinding* finding = findingOf(lint, LintKind::NearIdenticalSystemPrompts);
        QVERIFY(finding);
        QCOMPARE(QString::fromStdString(finding->title),
                 QStringLiteral("4 near-identical system prompt variants"));
        QCOMPARE(finding->affectedRequests, qint64(4));
        QVERIFY(QString::fromStdString(finding->example).contains("Acme"));
        Prompt globex = prompts[5];
        QVERIFY(applyFix(*finding, globex));
        QCOMPARE(globex.system[0].text, prompts[0].system[0].text);
        Prompt acme = prompts[0];
        QVERIFY(!applyFix(*finding, acme));
        Prompt poet = prompts[9];
        QVERIFY(!applyFix(*finding, poet));
    }

    void requestLevelRules_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("finding");
        QTest::addColumn<bool>("autoFixable");
        QTest::newRow("prefix below minimum") << "below"
                                              << "prefix_below_minimum @ requests x2" << false;
        QTest::newRow("no checkpoint") << "none"
                                       << "no_checkpoint @ requests x2" << true;
        QTest::newRow("five checkpoints") << "five"
                                          << "too_many_checkpoints @ requests x2" << true;
        QTest::newRow("1h after 5m") << "order"
                                     << "ttl_order @ requests x2" << true;
    }

    void requestLevelRules() {
        QFETCH(QString, rule);
        QFETCH(QString, finding);
        QFETCH(bool, autoFixable);
        const std::string policy = longPolicy();
        std::vector<Prompt> prompts = withSystems({policy, policy}, sonnet());
        for (Prompt& prompt : prompts) {
            if (rule == "below") {
                prompt.system[0] = {"Be brief.", true, {}};
            } else if (rule == "five") {
                prompt.system = {{policy, true, {}},
                                 {"b", true, {}},
                                 {"c", true, {}},
                                 {"d", true, {}},
                                 {"e", true, {}}};
            } else if (rule == "order") {
                prompt.system = {{policy, true, "5m"}, {"more", true, "1h"}};
            }
        }
        const LintOptions options{sonnet(), CheckpointPlacement{}};
        const auto lint = lintPrompts(prompts, options);
        QCOMPARE(describeAll(lint), QStringList{finding});
        QCOMPARE(lint[0].autoFixable, autoFixable);
        const std::vector<Prompt> fixed = applyFix(lint[0], prompts);
        if (!autoFixable) {
            QCOMPARE(fixed[0].system[0].text, prompts[0].system[0].text);
            QVERIFY(QString::fromStdString(lint[0].example).startsWith("largest prefix: "));
            return;
        }
        QVERIFY(lintPrompts(fixed, options).empty());
        if (rule == "none")
            QVERIFY(fixed[0].system[0].cacheCheckpoint);
        if (rule == "five") {
            QVERIFY(!fixed[0].system[0].cacheCheckpoint); // the earliest mark went
            QVERIFY(fixed[0].system[4].cacheCheckpoint);
        }
        if (rule == "order")
            QCOMPARE(QString::fromStdString(fixed[0].system[1].cacheTtl), QStringLiteral("5m"));
    }

    // Automatic caching: the cacheable prefix is everything before the final user turn, and a
    // prompt below 1,024 tokens never caches.
    void automaticCaching() {
        std::vector<Prompt> prompts = plantedVolatilePrompts();
        Prompt shortPrompt;
        shortPrompt.id = "short";
        shortPrompt.messages = {{"user", {{"Hi", false, {}}}}};
        prompts.push_back(shortPrompt);
        const auto lint = lintPrompts(prompts, {gpt4oMini(), CheckpointPlacement{}});
        QVERIFY(describeAll(lint).contains("volatile_content:uuid @ message 1 (user) block 1 x6"));
        QVERIFY(describeAll(lint).contains("volatile_content:timestamp @ system block 1 x6"));
        QVERIFY(describeAll(lint).contains("prefix_below_minimum @ requests x1"));
    }
};

QTEST_GUILESS_MAIN(TestCacheLinter)
#include "tst_cache_linter.moc"
