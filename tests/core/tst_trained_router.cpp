// A learned router's trained models: they learn what the examples say, survive the trip through
// the file a policy carries beside its YAML, and a policy refuses a model file that is missing,
// altered, cut short or made for another router.
#include "policy/policy.h"
#include "policy/policy_model_file.h"
#include "replay_fixtures.h"
#include "routing/trained_router.h"
#include "workbench/detail/trained_model_export.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace switchyard;
using namespace switchyard::routing;
using namespace switchyard::routing::fixtures;

namespace {

const std::vector<std::string> kTiers{"small", "large"};

// Prompts about invoices are easy for the small model; prompts about proofs are not.
ReplayData examples(size_t count) {
    ReplayData data;
    data.runName = "trained";
    std::vector<float> smallQuality;
    for (size_t i = 0; i < count; ++i) {
        const bool hard = i % 3 == 0;
        Prompt prompt;
        prompt.id = "p" + std::to_string(i);
        prompt.messages = {{"user",
                            {{hard ? "prove the lemma about primes number " + std::to_string(i)
                                   : "where is invoice number " + std::to_string(i),
                              false, ""}}}};
        data.promptIds.push_back(prompt.id);
        data.promptOrdinals.push_back(int64_t(i + 1));
        data.promptTexts.push_back(prompt.lastUserText());
        data.promptTags.push_back({});
        data.features.push_back(promptFeaturesOf(prompt));
        smallQuality.push_back(hard ? 0.0f : 1.0f);
    }
    data.models.push_back(column("small", smallQuality, std::vector<float>(count, 0.1f),
                                 std::vector<float>(count, 100.0f)));
    data.models.push_back(column("large", std::vector<float>(count, 1.0f),
                                 std::vector<float>(count, 1.0f),
                                 std::vector<float>(count, 100.0f)));
    // The small model's failures show in its working: a sum that does not add up.
    for (ModelColumn& model : data.models)
        for (size_t i = 0; i < count; ++i)
            model.answers.push_back(answerFeatures(
                data.promptTexts[i], model.quality[i] > 0.5f ? "2 + 2 = 4" : "2 + 2 = 5"));
    return data;
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeAll(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

} // namespace

class TestTrainedRouter : public QObject {
    Q_OBJECT

private:
    // The table refers to the data: declared, so built, after it.
    const ReplayData m_data = examples(300);
    const TierTable m_table = tableOf(m_data, kTiers, TableOptions{});

private slots:
    void learnsWhatTheExamplesSay() {
        RouterConfig config;
        config.kind = RouterKind::Learned;
        auto trained = trainRouter(m_table, config);
        QVERIFY(trained.ok());
        QCOMPARE(trained->models.size(), size_t(1));
        const TrainedModel& model = trained->models[0];
        QCOMPARE(model.predicts, std::string("P(tier 0 (small)'s answer misses the bar)"));
        // Prompts it never saw.
        Prompt hard;
        hard.messages = {{"user", {{"prove the lemma about primes for 9999", false, ""}}}};
        Prompt easy;
        easy.messages = {{"user", {{"where is invoice 9999", false, ""}}}};
        QVERIFY(model.probability(hard.lastUserText(), promptFeaturesOf(hard)) > 0.8);
        QVERIFY(model.probability(easy.lastUserText(), promptFeaturesOf(easy)) < 0.2);
    }

    void survivesItsFile() {
        RouterConfig config;
        config.kind = RouterKind::Cascade;
        config.cascadeSignal = CascadeSignal::Learned;
        auto trained = trainRouter(m_table, config);
        QVERIFY(trained.ok());
        const std::string bytes = serializeTrainedRouter(*trained);
        auto reread = parseTrainedRouter(bytes, "m.router");
        QVERIFY(reread.ok());
        QVERIFY(*reread == *trained);
        QCOMPARE(reread->kind, RouterKind::Cascade);
        // Only the weights the examples touched are stored, not all 2^18.
        QVERIFY(bytes.size() < 50'000);
    }

    // A cascade learned from the answer: its model says so in its file, and judges an answer
    // whose working does not add up as less likely to meet the bar.
    void answerCascadeModelReadsTheAnswer() {
        RouterConfig config;
        config.kind = RouterKind::Cascade;
        config.cascadeSignal = CascadeSignal::Answer;
        auto trained = trainRouter(m_table, config);
        QVERIFY(trained.ok());
        QVERIFY(trained->models.at(0).readsAnswer);
        auto reread = parseTrainedRouter(serializeTrainedRouter(*trained), "a.router");
        QVERIFY(reread.ok());
        QVERIFY(*reread == *trained);
        const TrainedModel& model = reread->models[0];
        const std::string prompt = "what is the total of invoice 12";
        const PromptFeatures features = promptFeatures(prompt, 10);
        const AnswerFeatures good = answerFeatures(prompt, "2 + 2 = 4");
        const AnswerFeatures bad = answerFeatures(prompt, "2 + 2 = 5");
        QVERIFY(model.probability(prompt, features, &good) >
                model.probability(prompt, features, &bad) + 0.3);
    }

    void refusesABrokenFile_data() {
        QTest::addColumn<int>("cut");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a model") << 0 << "not a Switchyard trained-router file";
        QTest::newRow("header cut") << 40 << "ends inside its header";
        QTest::newRow("weights cut") << -5 << "cut short";
    }

    void refusesABrokenFile() {
        QFETCH(int, cut);
        QFETCH(QString, message);
        RouterConfig config;
        config.kind = RouterKind::Learned;
        const std::string bytes = serializeTrainedRouter(*trainRouter(m_table, config));
        const std::string broken =
            cut == 0 ? "hello\n" + bytes
                     : bytes.substr(0, cut > 0 ? size_t(cut) : bytes.size() - size_t(-cut));
        auto parsed = parseTrainedRouter(broken, "m.router");
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().file, std::string("m.router"));
        QVERIFY2(parsed.error().message.find(message.toStdString()) != std::string::npos,
                 parsed.error().message.c_str());
        QVERIFY(!parseTrainedRouter(bytes + "x", "m.router").ok());
    }

    // The policy file and its model, written as export writes them, read back; then altered.
    void aPolicyFileCarriesItsModel() {
        QTemporaryDir dir;
        const std::string yamlPath = dir.filePath("prod.yaml").toStdString();
        RoutingPolicy policy = newPolicy("prod", RouterKind::Learned, kTiers);
        policy.router.thresholds = {0.5};
        auto written = workbench::detail::writeTrainedModel(policy, m_table, yamlPath);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        QCOMPARE(**written, dir.filePath("prod.router").toStdString());
        QCOMPARE(policy.modelFile->path, std::string("prod.router"));
        writeAll(yamlPath, policyToYaml(policy));
        QVERIFY(readAll(yamlPath).find("model_sha256: " + policy.modelFile->sha256) !=
                std::string::npos);

        auto loaded = loadPolicyFile(yamlPath);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QVERIFY(loaded->trained);
        QVERIFY(*loaded->trained == *policy.trained);
        QCOMPARE(*loaded->modelFile, *policy.modelFile);

        // One weight changed by a bit: refused, naming the field and both digests.
        std::string bytes = readAll(**written);
        bytes[bytes.size() - 1] = static_cast<char>(bytes[bytes.size() - 1] ^ 1);
        writeAll(**written, bytes);
        auto altered = loadPolicyFile(yamlPath);
        QVERIFY(!altered.ok());
        QCOMPARE(altered.error().field, std::string("router.params.model_file"));
        QVERIFY(altered.error().message.find("altered") != std::string::npos);
        QVERIFY(altered.error().message.find(policy.modelFile->sha256) != std::string::npos);

        std::filesystem::remove(**written);
        auto missing = loadPolicyFile(yamlPath);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.find("missing") != std::string::npos);
    }

    void onlyLearnedRoutersCarryAModel() {
        RoutingPolicy policy = newPolicy("c", RouterKind::Complexity, kTiers);
        policy.router.thresholds = {0.5};
        policy.modelFile = PolicyModelFile{"c.router", std::string(64, 'a')};
        auto parsed = parsePolicyYaml(policyToYaml(policy), "c.yaml");
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, std::string("router.params.model_file"));
        // Nothing is written for a router without a model, and the policy names none.
        auto written = workbench::detail::writeTrainedModel(policy, m_table, "/nonexistent/c.yaml");
        QVERIFY(written.ok());
        QVERIFY(!written->has_value());
        QVERIFY(!policy.modelFile);
    }
};

QTEST_GUILESS_MAIN(TestTrainedRouter)
#include "tst_trained_router.moc"
