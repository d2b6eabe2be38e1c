// The synthetic demo results on the bundled demo prompts: marked synthetic, deterministic, with
// the structure the generator documents (quality by price, difficulty and category; plausible
// tokens and latencies) and a signal a router can learn.
#include "demo/demo_results.h"
#include "pricing/catalogue.h"
#include "routing/evaluation.h"
#include "routing/replay_data.h"
#include "store/prompt_import.h"
#include "store/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <numeric>

using namespace switchyard;
using namespace switchyard::routing;

namespace {

Catalogue bundledCatalogue() {
    auto catalogue = Catalogue::fromFile(SWITCHYARD_SOURCE_DIR "/resources/pricing/catalogue.json");
    if (!catalogue)
        qFatal("%s", catalogue.error().toString().c_str());
    return std::move(catalogue).value();
}

struct DemoWorkspace {
    QTemporaryDir dir;
    std::unique_ptr<Workspace> ws;
    int64_t setId = 0;

    DemoWorkspace() {
        ws = std::move(Workspace::open(dir.filePath("demo.sqlite").toStdString())).value();
        auto report = importPromptFile(
            *ws, SWITCHYARD_SOURCE_DIR "/resources/demo/demo-prompts.jsonl", "demo");
        setId = report->setId;
    }
};

double mean(const std::vector<float>& values, const std::vector<uint8_t>& status) {
    double sum = 0.0;
    int64_t count = 0;
    for (size_t i = 0; i < values.size(); ++i)
        if (status[i] == static_cast<uint8_t>(CellStatus::Ok)) {
            sum += values[i];
            ++count;
        }
    return count ? sum / static_cast<double>(count) : 0.0;
}

} // namespace

class TestDemoResults : public QObject {
    Q_OBJECT

private slots:
    void generatesALabelledSyntheticRun() {
        DemoWorkspace demo;
        QCOMPARE(demo.ws->promptCount(demo.setId), 339);
        const Catalogue catalogue = bundledCatalogue();
        auto runId = generateDemoResults(*demo.ws, demo.setId, catalogue, 20261123);
        QVERIFY2(runId.ok(), runId.ok() ? "" : runId.error().toString().c_str());
        const auto run = demo.ws->run(*runId);
        QVERIFY(run->synthetic);
        QCOMPARE(run->kind, std::string("demo"));
        QCOMPARE(run->status, std::string("complete"));
        QVERIFY(run->paramsJson.find("synthetic demo data") != std::string::npos);
        QCOMPARE(demo.ws->resultCount(*runId), 339 * 5); // four models and the labeller
        QCOMPARE(demo.ws->runScorers(*runId), std::vector<std::string>{"synthetic-demo"});

        auto data = loadReplayData(*demo.ws, *runId, {});
        QVERIFY(data.ok());
        QVERIFY(data->synthetic);
        QCOMPARE(data->promptCount(), size_t(339));
        const std::vector<std::string> order{"bedrock/amazon.nova-micro-v1:0",
                                             "bedrock/anthropic.claude-haiku-4-5-20251001-v1:0",
                                             "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0",
                                             "bedrock/anthropic.claude-opus-4-1-20250805-v1:0"};
        double previousQuality = 0.0;
        double previousCost = 0.0;
        for (const std::string& ref : order) {
            const ModelColumn& model = data->models[*data->modelIndex(ref)];
            const double quality = mean(model.quality, model.status);
            const double cost = mean(model.costUsd, model.status);
            const double latency = mean(model.latencyMs, model.status);
            qInfo("%-52s quality %.3f  cost/request $%.6f  latency %.0f ms", ref.c_str(), quality,
                  cost, latency);
            QVERIFY(quality > previousQuality); // dearer models answer better...
            QVERIFY(cost > previousCost);       // ...and cost more
            QVERIFY(latency > 200.0 && latency < 30000.0);
            previousQuality = quality;
            previousCost = cost;
        }
        // Hard prompts are harder than easy ones for the small model.
        const ModelColumn& nova = data->models[*data->modelIndex(order[0])];
        double easy = 0.0, hard = 0.0;
        int easyCount = 0, hardCount = 0;
        for (size_t i = 0; i < data->promptCount(); ++i) {
            if (nova.status[i] != static_cast<uint8_t>(CellStatus::Ok))
                continue;
            const auto& tags = data->promptTags[i];
            if (std::find(tags.begin(), tags.end(), "difficulty:easy") != tags.end()) {
                easy += nova.quality[i];
                ++easyCount;
            } else if (std::find(tags.begin(), tags.end(), "difficulty:hard") != tags.end()) {
                hard += nova.quality[i];
                ++hardCount;
            }
        }
        QVERIFY(easy / easyCount > hard / hardCount + 0.25);
        // The labeller's answers are labels.
        const ModelColumn& labeller =
            data->models[*data->modelIndex("bedrock/amazon.nova-lite-v1:0")];
        QVERIFY(std::count(labeller.label.begin(), labeller.label.end(), kNoLabel) == 0);

        // A classifier router and a cascade run on it; the page's notes say it is synthetic.
        RouterConfig classifier;
        classifier.kind = RouterKind::Classifier;
        classifier.classifierModel = "bedrock/amazon.nova-lite-v1:0";
        auto lab = RouterLab::create(*data, {order[0], order[2]}, classifier, {});
        QVERIFY2(lab.ok(), lab.ok() ? "" : lab.error().toString().c_str());
        const std::vector<double> complexOnly{0.75};
        const ReplayFigures figures = (*lab)->replay(complexOnly);
        QVERIFY(figures.preRouterCostUsd > 0.0);
        QVERIFY(figures.savingsPct > 0.0);
        QCOMPARE((*lab)->notes().front(),
                 std::string("synthetic demo data: not a measurement of real models"));
        // "Save as policy": the configuration and its figures, read back and evaluated again.
        const RoutingPolicy saved = (*lab)->toPolicy("demo-classifier", complexOnly, "2026-07-24");
        QVERIFY(saved.evidence && saved.evidence->synthetic);
        QCOMPARE(saved.evidence->costPer1kUsd, figures.costPer1kUsd);
        QVERIFY(demo.ws->savePolicy(saved.name, policyToYaml(saved)).ok());
        auto reread = parsePolicyYaml(demo.ws->policy("demo-classifier")->yaml, "saved");
        QVERIFY2(reread.ok(), reread.ok() ? "" : reread.error().toString().c_str());
        QCOMPARE(reread->router.classifierModel, classifier.classifierModel);
        auto evaluation = evaluatePolicy(*data, *reread);
        QVERIFY(evaluation.ok());
        QCOMPARE(evaluation->figures.costUsd, figures.costUsd);
        QCOMPARE(evaluation->figures.quality, figures.quality);
        RouterConfig cascade;
        cascade.kind = RouterKind::Cascade;
        cascade.cascadeSignal = CascadeSignal::Refusal;
        auto cascadeLab = RouterLab::create(*data, {order[0], order[3]}, cascade, {});
        QVERIFY(cascadeLab.ok());
        const std::vector<double> half{0.5};
        const ReplayFigures escalating = (*cascadeLab)->replay(half);
        QVERIFY(escalating.escalations > 0);
        QVERIFY(escalating.wastedCostUsd > 0.0);

        // Routers have something to learn: the out-of-fold learned router beats random.
        RouterConfig learned;
        learned.kind = RouterKind::Learned;
        auto learnedLab = RouterLab::create(*data, {order[0], order[3]}, learned, {});
        QVERIFY(learnedLab.ok());
        RouterConfig random;
        auto randomLab = RouterLab::create(*data, {order[0], order[3]}, random, {});
        const double learnedApgr = *(*learnedLab)->sweep().metrics.apgr;
        const double randomApgr = *(*randomLab)->sweep().metrics.apgr;
        qInfo("demo, Nova Micro -> Opus 4.1: learned APGR %.3f (out-of-fold AUC %.3f), random "
              "%.3f",
              learnedApgr, (*learnedLab)->signal().crossValidation->auc, randomApgr);
        QVERIFY(learnedApgr > randomApgr + 0.05);
    }

    void sameSeedSameNumbers() {
        const Catalogue catalogue = bundledCatalogue();
        std::vector<std::vector<float>> costs;
        for (uint64_t seed : {7u, 7u, 8u}) {
            DemoWorkspace demo;
            auto runId = generateDemoResults(*demo.ws, demo.setId, catalogue, seed);
            QVERIFY(runId.ok());
            auto data = loadReplayData(*demo.ws, *runId, {});
            QVERIFY(data.ok());
            std::vector<float> all;
            for (const ModelColumn& model : data->models) {
                all.insert(all.end(), model.quality.begin(), model.quality.end());
                all.insert(all.end(), model.latencyMs.begin(), model.latencyMs.end());
            }
            costs.push_back(std::move(all));
        }
        auto same = [](const std::vector<float>& a, const std::vector<float>& b) {
            return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](float x, float y) {
                return (std::isnan(x) && std::isnan(y)) || x == y;
            });
        };
        QVERIFY(same(costs[0], costs[1]));
        QVERIFY(!same(costs[0], costs[2]));
    }

    void unknownModelIsAnErrorAndWritesNothing() {
        DemoWorkspace demo;
        DemoResultsOptions options;
        options.models = {{"bedrock/acme.mystery-v1:0", 1.0, 1.0, 300, 100}};
        auto runId = generateDemoResults(*demo.ws, demo.setId, bundledCatalogue(), 1, options);
        QVERIFY(!runId.ok());
        QCOMPARE(runId.error().field, std::string("models"));
        QVERIFY(demo.ws->runs().empty());
    }
};

QTEST_GUILESS_MAIN(TestDemoResults)
#include "tst_demo_results.moc"
