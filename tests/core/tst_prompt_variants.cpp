// Prompt variants: templates filled from the prompt's own fields, the variants file, and runs
// that pair each model with its variant over real HTTP, compared as "model+variant" columns.
#include "prompts/loader.h"
#include "prompts/prompt_variant.h"
#include "prompts/variants_file.h"
#include "test_files.h"
#include "tst_runner_fixture.h"
#include "workbench/eval_ops.h"

#include <QFile>

using namespace runner_test;

namespace {

Prompt promptWith(std::string user, std::string system = "Answer briefly.") {
    Prompt prompt;
    prompt.id = "p1";
    if (!system.empty())
        prompt.system = {{std::move(system), true, "1h"}};
    prompt.messages = {{"user", {{"earlier", false, ""}}},
                       {"assistant", {{"ok", false, ""}}},
                       {"user", {{std::move(user), true, ""}}}};
    prompt.fields = {{"tier", "gold"}, {"lang", "de"}};
    return prompt;
}

PromptVariant variant(std::optional<std::string> system, std::optional<std::string> user) {
    return PromptVariant{"adapted", std::move(system), std::move(user)};
}

QStringList qstrings(const std::vector<std::string>& items) {
    QStringList out;
    for (const auto& item : items)
        out << QString::fromStdString(item);
    return out;
}

} // namespace

class TestPromptVariants : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content) {
        return writeTestFile(m_dir, name, content);
    }

    std::vector<Prompt> load(const QString& path) {
        std::vector<Prompt> prompts;
        auto loaded = loadPromptFile(path.toStdString(), [&](std::vector<Prompt>&& batch) {
            for (auto& prompt : batch)
                prompts.push_back(std::move(prompt));
        });
        if (!loaded || loaded->rejectedCount != 0)
            qFatal("load failed");
        return prompts;
    }

private slots:
    void templateVariables_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("error");
        QTest::newRow("none") << "plain text" << QStringList{} << "";
        QTest::newRow("once each, in order") << "{{tier}}: {{ prompt }} ({{tier}}, {{id}})"
                                             << QStringList{"tier", "prompt", "id"} << "";
        QTest::newRow("dotted and dashed")
            << "{{meta.team-name}}" << QStringList{"meta.team-name"} << "";
        QTest::newRow("single braces are text") << "{json: {x}}" << QStringList{} << "";
        QTest::newRow("unclosed") << "Tier {{tier" << QStringList{} << "never closed";
        QTest::newRow("empty") << "{{ }}" << QStringList{} << "is not a variable";
        QTest::newRow("space inside a name") << "{{a b}}" << QStringList{} << "is not a variable";
    }

    void templateVariables() {
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        QFETCH(QString, error);
        const auto found = switchyard::templateVariables(text.toStdString());
        if (error.isEmpty()) {
            QVERIFY(found.ok());
            QCOMPARE(qstrings(*found), names);
        } else {
            QVERIFY(!found.ok());
            QVERIFY2(found.error().message.find(error.toStdString()) != std::string::npos,
                     found.error().message.c_str());
        }
    }

    void applyFillsTheLastUserTurnAndKeepsCheckpoints() {
        const Prompt original = promptWith("What is 2+2?");
        const auto sent = applyVariant(
            variant("{{system}} Reply in {{lang}}.", "[{{tier}} customer {{id}}] {{prompt}}"),
            original);
        QVERIFY(sent.ok());
        QCOMPARE(sent->systemText(), std::string("Answer briefly. Reply in de."));
        QCOMPARE(sent->system.size(), size_t(1));
        QVERIFY(sent->system[0].cacheCheckpoint); // where the replaced system had it
        QCOMPARE(sent->system[0].cacheTtl, std::string("1h"));
        QCOMPARE(sent->messages.size(), size_t(3));
        QCOMPARE(sent->messages[0].content[0].text, std::string("earlier")); // history untouched
        QCOMPARE(sent->lastUserText(), std::string("[gold customer p1] What is 2+2?"));
        QVERIFY(sent->messages[2].content[0].cacheCheckpoint);
        QCOMPARE(sent->fields, original.fields);
    }

    void applyOnlyWhatTheVariantSets() {
        const Prompt original = promptWith("Q");
        const auto systemOnly = applyVariant(variant("Be terse.", std::nullopt), original);
        QVERIFY(systemOnly.ok());
        QCOMPARE(systemOnly->systemText(), std::string("Be terse."));
        QCOMPARE(systemOnly->lastUserText(), std::string("Q"));
        const auto noSystem = applyVariant(variant("", std::nullopt), original);
        QVERIFY(noSystem.ok());
        QVERIFY(noSystem->system.empty()); // an empty system prompt removes it
        const auto added = applyVariant(variant("New.", std::nullopt), promptWith("Q", ""));
        QVERIFY(added.ok());
        QCOMPARE(added->systemText(), std::string("New."));
        QVERIFY(!added->system[0].cacheCheckpoint);
    }

    void applyRefusesWhatItCannotFill() {
        const auto missing =
            applyVariant(variant(std::nullopt, "{{region}}: {{prompt}}"), promptWith("Q"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().field, std::string("variants.adapted.user"));
        QVERIFY2(missing.error().message.find("prompt 'p1' has no field 'region'") !=
                     std::string::npos,
                 missing.error().message.c_str());
        const auto emptied = applyVariant(variant(std::nullopt, "{{lang}}"), [] {
            Prompt prompt = promptWith("Q");
            prompt.fields["lang"] = "";
            return prompt;
        }());
        QVERIFY(!emptied.ok());
        QVERIFY(emptied.error().message.find("empty user turn") != std::string::npos);
        QVERIFY(!checkVariant(PromptVariant{"bad name", "x", std::nullopt}).ok());
        QVERIFY(!checkVariant(PromptVariant{"nothing", std::nullopt, std::nullopt}).ok());
        QVERIFY(!checkVariant(PromptVariant{"open", std::nullopt, "{{prompt"}).ok());
    }

    void loadersKeepOtherFields() {
        const auto jsonl = load(
            write("fields.jsonl",
                  R"({"id":"a","prompt":"q1","tier":"gold","seats":12,"ratio":0.25,"vip":true})"
                  "\n"
                  R"({"messages":[{"role":"user","content":"q2"}],"tier":"silver","meta":{"x":1}})"
                  "\n"));
        QCOMPARE(jsonl.size(), size_t(2));
        const std::map<std::string, std::string> first{
            {"tier", "gold"}, {"seats", "12"}, {"ratio", "0.25"}, {"vip", "true"}};
        QCOMPARE(jsonl[0].fields, first);
        QCOMPARE(jsonl[1].fields, (std::map<std::string, std::string>{{"tier", "silver"}}));

        const auto csv = load(write("fields.csv", "id,prompt,Tier,expected,region\n"
                                                  "a,q1,gold,4,\"eu, west\"\n"
                                                  "b,q2,,5,us\n"));
        QCOMPARE(csv.size(), size_t(2));
        QCOMPARE(csv[0].fields,
                 (std::map<std::string, std::string>{{"Tier", "gold"}, {"region", "eu, west"}}));
        QCOMPARE(csv[1].fields.at("Tier"), std::string());

        // Stored with the prompt and read back.
        const std::string path = m_dir.filePath("fields.sqlite").toStdString();
        auto workspace = Workspace::open(path);
        QVERIFY(workspace.ok());
        const int64_t set = *(*workspace)->createPromptSet("fields", "fields.csv");
        QVERIFY((*workspace)->appendPrompts(set, csv, "fields.csv").ok());
        auto stored = (*workspace)->prompt(set, 1);
        QVERIFY(stored.ok());
        QCOMPARE(stored->fields, csv[0].fields);
    }

    void variantsFile_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("error");
        QTest::newRow("valid") << QByteArray("variants:\n"
                                             "  - name: terse\n"
                                             "    system: Be terse.\n"
                                             "  - name: tiered\n"
                                             "    user: |\n"
                                             "      Tier: {{tier}}\n"
                                             "      {{prompt}}\n")
                               << 0 << ""
                               << "";
        QTest::newRow("unknown key")
            << QByteArray("variants:\n  - name: a\n    prompt: x\n") << 3 << "variants[0].prompt"
            << "unknown key";
        QTest::newRow("twice") << QByteArray("variants:\n  - name: a\n    user: x\n"
                                             "  - name: a\n    user: y\n")
                               << 4 << "variants[1].name"
                               << "defined twice";
        QTest::newRow("unclosed variable")
            << QByteArray("variants:\n  - name: a\n    user: 'x {{prompt'\n") << 3
            << "variants[0].user"
            << "never closed";
        QTest::newRow("no template") << QByteArray("variants:\n  - name: a\n") << 2 << "variants[0]"
                                     << "neither";
        QTest::newRow("bad name") << QByteArray("variants:\n  - name: a b\n    user: x\n") << 2
                                  << "variants[0].name"
                                  << "letters, digits";
        QTest::newRow("not a list") << QByteArray("variants: x\n") << 1 << "variants"
                                    << "a list";
        QTest::newRow("bad yaml") << QByteArray("variants:\n  - name: [\n") << 3 << ""
                                  << "end of sequence";
    }

    void variantsFile() {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(QString, field);
        QFETCH(QString, error);
        const QString path = write("variants.yaml", yaml);
        const auto parsed = loadVariantsFile(path.toStdString());
        if (error.isEmpty()) {
            QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().toString().c_str());
            QCOMPARE(parsed->size(), size_t(2));
            QCOMPARE(*(*parsed)[1].user, std::string("Tier: {{tier}}\n{{prompt}}\n"));
            // Written atomically and read back as it was.
            const std::string copy = m_dir.filePath("copy.yaml").toStdString();
            QVERIFY(saveVariantsFile(*parsed, copy).ok());
            QCOMPARE(*loadVariantsFile(copy), *parsed);
            return;
        }
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().file, path.toStdString());
        QCOMPARE(parsed.error().line, int64_t(line));
        QCOMPARE(QString::fromStdString(parsed.error().field), field);
        QVERIFY2(parsed.error().message.find(error.toStdString()) != std::string::npos,
                 parsed.error().toString().c_str());
    }

    void runPairsModelsWithVariants() {
        RunnerFixture f;
        f.makeSet(1, "prices"); // the fixture's models and prices
        std::vector<Prompt> prompts;
        for (const char* tier : {"gold", "silver", "bronze"}) {
            Prompt prompt = promptWith(std::string("Question for ") + tier, "Answer briefly.");
            prompt.id = std::string("q-") + tier;
            prompt.system[0].cacheCheckpoint = false;
            prompt.messages[2].content[0].cacheCheckpoint = false;
            prompt.fields = {{"tier", tier}};
            prompts.push_back(std::move(prompt));
        }
        int64_t set = 0;
        {
            auto workspace = Workspace::open(f.path);
            set = *(*workspace)->createPromptSet("tiers", "tiers.jsonl");
            QVERIFY((*workspace)->appendPrompts(set, prompts, "tiers.jsonl").ok());
        }
        const std::string cheap = refFor("openai").toStdString();
        const std::string premium = refFor("anthropic").toStdString();
        RunRequest request = f.request(set, {cheap, premium});
        request.variants[cheap] =
            PromptVariant{"adapted", "Support agent. One sentence.", "Tier {{tier}}: {{prompt}}"};

        const auto estimate = estimateRun(request);
        QVERIFY(estimate.ok());
        QCOMPARE(estimate->calls, int64_t(6));
        const RunOutcome outcome = f.run(request);
        QCOMPARE(outcome.status, RunStatus::Complete);
        QCOMPARE(f.server->requestCount(), int64_t(6));
        int adapted = 0;
        int asStored = 0;
        bool silverFilled = false;
        for (const auto& sent : f.server->requests()) {
            QVERIFY2(sent.rejection.empty(), sent.rejection.c_str());
            const auto has = [&](const char* text) {
                return sent.body.find(text) != std::string::npos;
            };
            if (sent.format == "openai") {
                adapted += has("Support agent. One sentence.") && !has("Answer briefly.");
                silverFilled = silverFilled || has("Tier silver: Question for silver");
            } else {
                asStored += has("Answer briefly.") && !has("Tier ");
            }
        }
        QCOMPARE(adapted, 3);
        QCOMPARE(asStored, 3);
        QVERIFY(silverFilled);

        // The variant is part of the run's identity: the same request continues nothing new,
        // another variant is another run.
        const auto identity =
            parseRunIdentity((*Workspace::open(f.path))->run(outcome.runId)->paramsJson);
        QVERIFY(identity);
        QCOMPARE(identity->variants.at(cheap), request.variants.at(cheap));
        f.server->reset();
        RunRequest other = request;
        other.variants[cheap].user = "{{prompt}} (tier {{tier}})";
        const RunOutcome second = f.run(other);
        QVERIFY(second.runId != outcome.runId);
        QCOMPARE(f.server->requestCount(), int64_t(3)); // the premium model's from the cache

        // Compared as (model, variant) columns, and run against run each model with itself.
        auto workspace = Workspace::open(f.path);
        workbench::CompareRequest compare;
        compare.runId = outcome.runId;
        const auto compared = workbench::compareRun(**workspace, compare);
        QVERIFY(compared.ok());
        QVERIFY(compared->models.count(cheap + "+adapted"));
        QVERIFY(compared->models.count(premium));
        QVERIFY(!compared->models.count(cheap));
        compare.runId = second.runId;
        compare.baselineRunId = outcome.runId;
        const auto runAgainstRun = workbench::compareRun(**workspace, compare);
        QVERIFY(runAgainstRun.ok());
        QCOMPARE(runAgainstRun->pairwise.at(cheap + "+adapted").vs,
                 cheap + "+adapted@run" + std::to_string(outcome.runId));
    }

    void estimateNamesAPromptAVariantCannotFill() {
        RunnerFixture f;
        const int64_t set = f.makeSet(2);
        const std::string ref = refFor("openai").toStdString();
        RunRequest request = f.request(set, {ref});
        request.variants[ref] = PromptVariant{"tiered", std::nullopt, "{{tier}} {{prompt}}"};
        const auto estimate = estimateRun(request);
        QVERIFY(!estimate.ok());
        QVERIFY2(estimate.error().message.find("prompt 'questions-0' has no field 'tier'") !=
                     std::string::npos,
                 estimate.error().message.c_str());
        QCOMPARE(f.server->requestCount(), int64_t(0));

        request.variants.clear();
        request.variants["openai/unlisted"] = PromptVariant{"x", "s", std::nullopt};
        QVERIFY(!estimateRun(request).ok());
    }
};

QTEST_GUILESS_MAIN(TestPromptVariants)
#include "tst_prompt_variants.moc"
