// The savings operation on a real workspace: eight prompts sharing a long system prompt, answered
// by a cheap and a dear model (and a local student), with every lever checked against figures
// worked by hand from the recorded costs and the catalogue's batch price.
#include "test_files.h"
#include "workbench/import_ops.h"
#include "workbench/savings_ops.h"

#include <QtTest>

using namespace switchyard;
using namespace switchyard::workbench;

namespace {

const char* const kCheap = "claude-3-5-haiku-20241022"; // batch price 0.5 of on demand
const char* const kDear = "claude-sonnet-4-5-20250929";
const char* const kStudent = "local/student-v1";
constexpr double kCheapCost = 0.01, kDearCost = 0.05, kStudentCost = 0.0001;

// p1-p3 are nightly reports (batch work); p1-p4 the support team's, p5-p8 the sales team's.
QByteArray promptsFile() {
    QByteArray system;
    for (int i = 0; i < 300; ++i)
        system += "Clause " + QByteArray::number(i) + ": refunds follow the returns policy. ";
    QByteArray out;
    for (int i = 1; i <= 8; ++i) {
        QByteArray tags = i <= 4 ? "\"team:support\"" : "\"team:sales\"";
        if (i <= 3)
            tags += ", \"nightly\"";
        out += "{\"id\": \"p" + QByteArray::number(i) + "\", \"system\": \"" + system +
               "\", \"prompt\": \"Question " + QByteArray::number(i) + "?\", \"tags\": [" + tags +
               "]}\n";
    }
    return out;
}

QByteArray resultsFile() {
    QByteArray out;
    const auto line = [&](int i, const char* model, int score, double cost) {
        out += "{\"prompt_id\": \"p" + QByteArray::number(i) + "\", \"model\": \"" + model +
               "\", \"output\": \"a\", \"score\": " + QByteArray::number(score) +
               ", \"cost_usd\": " + QByteArray::number(cost) + "}\n";
    };
    for (int i = 1; i <= 8; ++i) {
        line(i, kCheap, i % 4 == 0 ? 0 : 1, kCheapCost); // fails p4 and p8
        line(i, kDear, 1, kDearCost);
        line(i, kStudent, i % 2, kStudentCost);
    }
    return out;
}

// Every request to the first tier (a random router's score is below 1), sections as given.
QByteArray policyFile(const char* name, const char* firstTier, const QByteArray& sections) {
    return QByteArray("apiVersion: switchyard/v1\nkind: RoutingPolicy\nmetadata: {name: ") + name +
           "}\ntiers:\n  - {name: small, model: " + firstTier +
           "}\n  - {name: large, model: " + kDear +
           "}\nrouter: {kind: random, thresholds: [1.0], params: {seed: 7}}\n" + sections;
}

// Recorded costs are kept as floats in the replay tables: equal to about seven digits.
bool near(double actual, double expected) {
    return qAbs(actual - expected) <= 1e-6 * qMax(1.0, qAbs(expected));
}

double sumOfSteps(const report::Waterfall& waterfall) {
    double sum = 0.0;
    for (const report::WaterfallStep& step : waterfall.steps)
        sum += step.savingUsd();
    return sum;
}

} // namespace

class TestSavingsOps : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(QStringLiteral("w.sqlite")).toStdString();
        auto workspace = Workspace::open(m_workspace);
        QVERIFY2(workspace, workspace ? "" : workspace.error().toString().c_str());
        const QString prompts =
            writeTestFile(m_dir, QStringLiteral("support.jsonl"), promptsFile());
        auto imported = importFiles(**workspace, {prompts.toStdString()}, "support");
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        const QString results =
            writeTestFile(m_dir, QStringLiteral("results.jsonl"), resultsFile());
        ResultsImportOptions options;
        options.setName = "support";
        auto run = importResults(**workspace, results.toStdString(), options);
        QVERIFY2(run, run ? "" : run.error().toString().c_str());
        QCOMPARE(run->report.results, int64_t(24));
    }

    void batchHalvesTheTaggedRequests() {
        auto outcome = savings(policyFile("cheap", kCheap, "batch: {tags: [nightly]}\n"));
        QVERIFY2(outcome, outcome ? "" : outcome.error().toString().c_str());
        const report::Waterfall& waterfall = outcome->waterfall;
        QCOMPARE(waterfall.requests, int64_t(8));
        QVERIFY(near(waterfall.baselineUsd, 8 * kDearCost));
        const report::WaterfallStep& routing = waterfall.step(report::Lever::Routing);
        QVERIFY(near(routing.afterUsd, 8 * kCheapCost));
        QCOMPARE(routing.requestsChanged, int64_t(8));
        QCOMPARE(waterfall.step(report::Lever::Caching).savingUsd(), 0.0);
        QVERIFY(waterfall.step(report::Lever::Caching).note.find("no caching section") !=
                std::string::npos);
        // Three nightly requests at half price.
        QVERIFY(near(waterfall.step(report::Lever::Batch).savingUsd(), 3 * kCheapCost * 0.5));
        QCOMPARE(waterfall.step(report::Lever::Batch).requestsChanged, int64_t(3));
        QCOMPARE(waterfall.step(report::Lever::Student).savingUsd(), 0.0);
        QVERIFY(near(sumOfSteps(waterfall), waterfall.savingsUsd()));

        // Quality beside the money: the cheap model fails two of eight the baseline passes.
        const SavingsQuality& quality = outcome->quality;
        QCOMPARE(quality.baselineModel, std::string(kDear));
        QCOMPARE(quality.quality, 0.75);
        QCOMPARE(quality.baselineQuality, 1.0);
        QCOMPARE(quality.paired.n, int64_t(8));
        QCOMPARE(quality.paired.deltaMean, -0.25);
        QVERIFY(!quality.verdictText.empty());

        // Spend per tier and tag.
        QCOMPARE(outcome->tierSpend[0].requests, int64_t(8));
        QVERIFY(near(outcome->tierSpend[0].spendUsd, waterfall.finalUsd));
        QCOMPARE(outcome->tierLabels[0], "small (" + std::string(kCheap) + ")");
        const auto support = std::find_if(outcome->tags.begin(), outcome->tags.end(),
                                          [](const auto& t) { return t.tag == "team:support"; });
        QVERIFY(support != outcome->tags.end());
        QCOMPARE(support->requests, int64_t(4));
        QVERIFY(near(support->spendUsd, kCheapCost + 3 * kCheapCost * 0.5));
        QVERIFY(!support->chr); // no caching simulated

        // A month at the default volume, the projection passing through it.
        QCOMPARE(outcome->requestsPerMonthSource, std::string("default"));
        QCOMPARE(outcome->requestsPerMonth, kDefaultRequestsPerMonth);
        QCOMPARE(outcome->projection.size(), size_t(21));
        const report::VolumePoint& middle = outcome->projection[10];
        QCOMPARE(middle.requestsPerMonth, kDefaultRequestsPerMonth);
        QVERIFY(near(middle.policyUsd, waterfall.finalUsd * outcome->monthFactor()));
        QVERIFY(near(middle.baselineUsd, waterfall.baselineUsd * outcome->monthFactor()));
    }

    void cachingSavesWhenRequestsComeOftenAndCostsWhenRare() {
        const QByteArray policy =
            policyFile("cached", kCheap, "caching: {checkpoints: [after_system], ttl: 5m}\n");
        SavingsAssumptions busy;
        busy.requestsPerMonth = 1e7; // 231 a minute: every request after the first reads
        auto often = savings(policy, busy);
        QVERIFY2(often, often ? "" : often.error().toString().c_str());
        const report::WaterfallStep& cached = often->waterfall.step(report::Lever::Caching);
        QVERIFY(cached.savingUsd() > 0.0);
        QCOMPARE(cached.requestsChanged, int64_t(8));
        QVERIFY(*often->chr > 0.8);
        QCOMPARE(often->requestsPerMonthSource, std::string("assumption"));
        QVERIFY(near(sumOfSteps(often->waterfall), often->waterfall.savingsUsd()));

        SavingsAssumptions sparse;
        sparse.requestsPerMonth = 100.0; // one every 7 hours: every entry expires unread
        auto rare = savings(policy, sparse);
        QVERIFY2(rare, rare ? "" : rare.error().toString().c_str());
        QVERIFY(rare->waterfall.step(report::Lever::Caching).savingUsd() < 0.0);
        QCOMPARE(*rare->chr, 0.0);
        // Routing is the same whatever the rate.
        QCOMPARE(rare->waterfall.step(report::Lever::Routing).afterUsd,
                 often->waterfall.step(report::Lever::Routing).afterUsd);
        // The projection is cheaper per request as volume grows.
        const auto perRequest = [](const report::VolumePoint& point) {
            return point.policyUsd / point.requestsPerMonth;
        };
        QVERIFY(perRequest(often->projection.back()) < perRequest(rare->projection.front()));
    }

    void studentStepReplacesTheTeacher() {
        SavingsAssumptions assumptions;
        assumptions.providerKinds = {{"local", "local-student"}};
        auto outcome = savings(policyFile("student", kStudent, ""), assumptions);
        QVERIFY2(outcome, outcome ? "" : outcome.error().toString().c_str());
        const report::Waterfall& waterfall = outcome->waterfall;
        // Until the student step every request is priced at its teacher, the baseline model.
        QVERIFY(near(waterfall.step(report::Lever::Routing).savingUsd(), 0.0));
        QVERIFY(near(waterfall.step(report::Lever::Student).savingUsd(),
                     8 * (kDearCost - kStudentCost)));
        QVERIFY(near(waterfall.finalUsd, 8 * kStudentCost));

        // Without a providers file saying it is local, the student is an ordinary tier.
        auto plain = savings(policyFile("student", kStudent, ""));
        QVERIFY(plain);
        QCOMPARE(plain->waterfall.step(report::Lever::Student).savingUsd(), 0.0);
        QVERIFY(near(plain->waterfall.step(report::Lever::Routing).afterUsd, 8 * kStudentCost));
    }

    void provisionedThroughputBreakEven() {
        SavingsAssumptions assumptions;
        report::ProvisionedAssumption provisioned;
        provisioned.model = kCheap;
        provisioned.hourlyUsd = 1.0;
        provisioned.source = "test";
        provisioned.date = "2026-12-06";
        assumptions.provisioned = provisioned;
        auto outcome = savings(policyFile("cheap", kCheap, ""), assumptions);
        QVERIFY2(outcome, outcome ? "" : outcome.error().toString().c_str());
        QVERIFY(outcome->breakEven);
        QCOMPARE(int(outcome->breakEven->kind), int(report::BreakEvenKind::Crossing));
        // $730 a month against a cent a request on demand: 73,000 requests.
        QVERIFY(near(outcome->breakEven->requestsPerMonth, 73000.0));
    }

    void unknownPolicyIsAnError() {
        SavingsRequest request;
        request.source.workspacePath = m_workspace;
        request.policy = "no-such-policy";
        auto outcome = computeSavings(request);
        QVERIFY(!outcome);
        QVERIFY(outcome.error().message.find("no-such-policy") != std::string::npos);
    }

private:
    Expected<SavingsOutcome> savings(const QByteArray& policy,
                                     SavingsAssumptions assumptions = {}) {
        const QString file =
            writeTestFile(m_dir, QStringLiteral("policy%1.yaml").arg(++m_policies), policy);
        SavingsRequest request;
        request.source.workspacePath = m_workspace;
        request.policy = file.toStdString();
        request.assumptions = std::move(assumptions);
        return computeSavings(request);
    }

    QTemporaryDir m_dir;
    std::string m_workspace;
    int m_policies = 0;
};

QTEST_APPLESS_MAIN(TestSavingsOps)
#include "tst_savings_ops.moc"
