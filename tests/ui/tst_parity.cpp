// One feature, one place: the Router Lab, the Cache Lab and imports (their controllers, as the
// pages drive them) and switchyard-cli give the same figures for the same configuration on the
// demo workspace, because both call the same core operations, with the same defaults (scorer,
// tier order, prices).
#include "cachelabcontroller.h"
#include "cli_runner.h"
#include "comparecontroller.h"
#include "demoworkspace.h"
#include "eval/verdict.h"
#include "pages/governancegateview.h"
#include "pages/policypage.h"
#include "pages/savingspage.h"
#include "routerlabcontroller.h"
#include "screenshots.h"
#include "widgets/diffview.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace switchyard;
using namespace switchyard::routing;

namespace {

// A copy of the demo workspace in `dir` with the demo's complexity policy over its cheapest and
// a premium model saved as `name`, the policy file's text followed by `sections`. The path, or
// empty when a step failed (the failure has been reported).
QString demoWithPolicy(const QTemporaryDir& dir, const char* name, const QByteArray& sections) {
    QString error;
    if (!demoworkspace::ensure(&error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    const QString file = dir.filePath(QStringLiteral("p.yaml"));
    if (!QFile::copy(demoworkspace::path(), path))
        return {};
    cliJson({"policy", "--workspace", path, "--router", "complexity", "--models",
             "bedrock/amazon.nova-micro-v1:0,bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0",
             "--threshold", "0.3", "--save", name, "--out", file, "--json"});
    QFile yaml(file);
    if (!yaml.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = yaml.readAll() + sections;
    auto workspace = Workspace::open(path.toStdString());
    if (!workspace || !(*workspace)->savePolicy(name, text.toStdString()).ok())
        return {};
    return path;
}

} // namespace

class TestParity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void routerLabAndCommandLineAgree_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("threshold");
        QTest::newRow("complexity") << int(RouterKind::Complexity) << 0.4;
        QTest::newRow("random") << int(RouterKind::Random) << 0.3;
        QTest::newRow("learned, out-of-fold") << int(RouterKind::Learned) << 0.5;
    }

    void routerLabAndCommandLineAgree() {
        QFETCH(int, kind);
        QFETCH(double, threshold);
        QString error;
        QVERIFY2(demoworkspace::ensure(&error), qPrintable(error));
        WorkspaceController workspace;
        QVERIFY(workspace.open(demoworkspace::path(), &error));
        const auto runs = workspace.workspace()->runs();
        QVERIFY(!runs.empty());
        const int64_t runId = runs.front().id;

        // The GUI's way: load the run (no scorer picked), take its cheapest and dearest model
        // in the order the tier picker shows, configure, replay.
        RouterLabController lab(&workspace);
        QSignalSpy loaded(&lab, &RouterLabController::runLoaded);
        lab.loadRun(runId);
        QVERIFY(loaded.wait(60000));
        const auto run = lab.run();
        QVERIFY(run->models.size() >= 2);
        RouterLabSetup setup;
        setup.tiers = {run->models.front().ref, run->models.back().ref};
        setup.config.kind = static_cast<RouterKind>(kind);
        setup.options.accounting = accountingFor(setup.config.kind);
        QSignalSpy replayed(&lab, &RouterLabController::replayed);
        lab.configure(setup, {threshold});
        QVERIFY(replayed.wait(120000));
        const ReplayFigures gui = lab.lastReplay()->figures;

        // The command line's way, on the same file, the models given dearest first: core puts
        // them in the same order.
        const QString models = QString::fromStdString(setup.tiers[1] + "," + setup.tiers[0]);
        const QString kindName = QString::fromLatin1(routerKindName(setup.config.kind));
        const QJsonObject saved =
            cliJson({"policy", "--workspace", demoworkspace::path(), "--router", kindName,
                     "--models", models, "--threshold", QString::number(threshold), "--run",
                     QString::number(runId), "--save", "parity-" + kindName, "--json"});
        QVERIFY(!saved.isEmpty());
        const QJsonObject replay = cliJson({"replay", "--workspace", demoworkspace::path(),
                                            "--policy", "parity-" + kindName, "--json"});
        for (const QJsonObject& figures : {saved, replay}) {
            QCOMPARE(figures["scorer"].toString(), QString::fromStdString(run->scorer));
            QCOMPARE(figures["requests"].toInteger(), qint64(gui.requests));
            QCOMPARE(figures["cost_per_1k_usd"].toDouble(), gui.costPer1kUsd);
            QCOMPARE(figures["quality"].toDouble(), gui.quality);
            QCOMPARE(figures["pass_rate"].toDouble(), gui.passRate);
            QCOMPARE(figures["savings_pct"].toDouble(), gui.savingsPct);
            const QJsonObject share = figures["tier_share"].toObject();
            QCOMPARE(share[QString::fromStdString(setup.tiers[0])].toDouble(), gui.tierShare[0]);
            QCOMPARE(share[QString::fromStdString(setup.tiers[1])].toDouble(), gui.tierShare[1]);
        }

        // Without thresholds both start at core's default operating point.
        const auto point = defaultOperatingPoint(lab.snapshot()->sweep);
        QVERIFY(point);
        const QJsonObject defaulted = cliJson(
            {"policy", "--workspace", demoworkspace::path(), "--router", kindName, "--models",
             models, "--run", QString::number(runId), "--save", "parity-default", "--json"});
        const QJsonArray thresholds = defaulted["thresholds"].toArray();
        QCOMPARE(thresholds.size(), qsizetype(point->thresholds.size()));
        QCOMPARE(thresholds[0].toDouble(), point->thresholds[0]);
        QCOMPARE(defaulted["quality"].toDouble(), point->quality);
    }

    // The Cache Lab at its starting settings and `switchyard-cli cache` without options: the
    // same arrival rule (the prompts' timestamps when they all have one), rate grid and prices.
    void cacheLabAndCommandLineAgree() {
        QString error;
        QVERIFY2(demoworkspace::ensure(&error), qPrintable(error));
        WorkspaceController workspace;
        QVERIFY(workspace.open(demoworkspace::path(), &error));
        const auto sets = workspace.workspace()->promptSets();
        QVERIFY(!sets.empty());
        const std::string model = "claude-sonnet-4-5-20250929";

        CacheLabController lab(&workspace);
        CacheLabSettings settings;
        settings.model = model;
        settings.recordedTimestamps = true;
        settings.synthetic.requestsPerMinute = kDefaultCacheRequestsPerMinute;
        QSignalSpy evaluated(&lab, &CacheLabController::evaluated);
        lab.evaluate(sets.front().id, settings);
        QVERIFY(evaluated.wait(120000));
        const auto report =
            evaluated.first().first().value<std::shared_ptr<const CacheLabReport>>();

        const QJsonObject cliReport = cliJson({"cache", "--workspace", demoworkspace::path(),
                                               "--set", QString::fromStdString(sets.front().name),
                                               "--model", QString::fromStdString(model), "--json"});
        QVERIFY(!cliReport.isEmpty());
        const CacheSimulation& sim = report->simulation;
        QCOMPARE(cliReport["requests"].toInteger(), qint64(sim.requests));
        QCOMPARE(cliReport["cached_tokens"].toInteger(), qint64(sim.cachedTokens));
        QCOMPARE(cliReport["chr"].toDouble(), sim.chr);
        QCOMPARE(cliReport["cost_with_cache_usd"].toDouble(), sim.costWithCacheUsd);
        QCOMPARE(cliReport["cost_without_cache_usd"].toDouble(), sim.costWithoutCacheUsd);
        QCOMPARE(cliReport["arrivals"].toObject()["kind"].toString(),
                 QString(report->recordedTimestamps ? "recorded" : "poisson"));
        QCOMPARE(cliReport["arrivals"].toObject()["rate_per_min"].toDouble(),
                 report->requestsPerMinute);
        if (report->curve.kind == BreakEvenKind::Crossing)
            QCOMPARE(cliReport["break_even_rate_per_min"].toDouble(),
                     report->curve.breakEvenPerMinute);
    }

    // A recorded-results file imported by the GUI (a drop or Import…) and by switchyard-cli
    // import: the same set, run, results and costs.
    void importsAgree() {
        const QString file =
            QStringLiteral(SWITCHYARD_SHARED_DATA_DIR "/gsm8k-routellm.results.jsonl");
        if (!QFile::exists(file))
            QSKIP("shared/data is not beside the repository");
        QTemporaryDir dir;
        const QString guiPath = dir.filePath(QStringLiteral("gui.sqlite"));
        const QString cliPath = dir.filePath(QStringLiteral("cli.sqlite"));

        WorkspaceController workspace;
        QString error;
        QVERIFY(workspace.open(guiPath, &error));
        QSignalSpy finished(&workspace, &WorkspaceController::importFinished);
        QVERIFY(workspace.startImport({file}) != 0);
        QVERIFY(finished.wait(120000));
        const auto gui = finished.first().first().value<ImportJobResult>();
        QCOMPARE(gui.runs.size(), size_t{1});

        const QJsonObject imported = cliJson({"import", "--workspace", cliPath, file, "--json"});
        const QJsonArray runs = imported["runs"].toArray();
        QCOMPARE(runs.size(), qsizetype(1));
        QCOMPARE(runs[0].toObject()["results"].toInteger(), qint64(gui.runs[0].results));
        QCOMPARE(runs[0].toObject()["set"].toString(), QString::fromStdString(gui.runs[0].setName));

        auto other = Workspace::open(cliPath.toStdString());
        QVERIFY(other);
        const auto guiTotals = workspace.workspace()->runResultTotals(gui.runs[0].runId);
        const auto cliTotals = (*other)->runResultTotals(runs[0].toObject()["run_id"].toInteger());
        QCOMPARE(cliTotals.size(), guiTotals.size());
        for (size_t i = 0; i < guiTotals.size(); ++i) {
            QCOMPARE(cliTotals[i].modelRef, guiTotals[i].modelRef);
            QCOMPARE(cliTotals[i].results, guiTotals[i].results);
            QCOMPARE(cliTotals[i].inputTokens, guiTotals[i].inputTokens);
            QCOMPARE(cliTotals[i].outputTokens, guiTotals[i].outputTokens);
            QCOMPARE(cliTotals[i].costUsd, guiTotals[i].costUsd);
        }
    }

    // The Compare page (its controller) and switchyard-cli compare on RouteLLM's GSM8K answers:
    // the same per-model figures and the same paired verdict.
    void compareAgrees() {
        const QString file =
            QStringLiteral(SWITCHYARD_SHARED_DATA_DIR "/gsm8k-routellm.results.jsonl");
        if (!QFile::exists(file))
            QSKIP("shared/data is not beside the repository");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        const QJsonObject imported = cliJson({"import", "--workspace", path, file, "--json"});
        const qint64 runId = imported["runs"].toArray()[0].toObject()["run_id"].toInteger();

        WorkspaceController workspace;
        QString error;
        QVERIFY(workspace.open(path, &error));
        CompareController controller(&workspace, nullptr);
        QSignalSpy loaded(&controller, &CompareController::loaded);
        CompareController::Choice choice;
        choice.runId = runId;
        controller.load(choice);
        QVERIFY(loaded.wait(60000));
        const auto view = loaded.first().first().value<std::shared_ptr<const ComparisonView>>();
        const workbench::CompareOutcome& gui = view->outcome;

        const QJsonObject cliOut =
            cliJson({"compare", "--workspace", path, "--run", QString::number(runId), "--json"});
        QCOMPARE(cliOut["baseline"].toString(), QString::fromStdString(gui.baseline));
        QCOMPARE(cliOut["scorer"].toString(), QString::fromStdString(gui.scorer));
        const QJsonObject models = cliOut["models"].toObject();
        QCOMPARE(models.size(), qsizetype(gui.models.size()));
        for (const auto& [model, figures] : gui.models) {
            const QJsonObject shown = models[QString::fromStdString(model)].toObject();
            QCOMPARE(shown["n"].toInteger(), qint64(figures.score.n));
            QCOMPARE(shown["mean_score"].toDouble(), figures.score.mean);
            QCOMPARE(shown["ci95"].toArray()[0].toDouble(), figures.score.ci95->first);
            QCOMPARE(shown["cost_per_1k_usd"].toDouble(), figures.costPer1kUsd);
        }
        for (const auto& [model, verdict] : gui.pairwise) {
            const QJsonObject pair =
                cliOut["pairwise"].toObject()[QString::fromStdString(model)].toObject();
            QCOMPARE(pair["vs"].toString(), QString::fromStdString(verdict.vs));
            QCOMPARE(pair["n"].toInteger(), qint64(verdict.paired.n));
            QCOMPARE(pair["delta_mean"].toDouble(), verdict.paired.deltaMean);
            QCOMPARE(pair["ci95"].toArray()[1].toDouble(), verdict.paired.ci95->second);
            QCOMPARE(pair["p_value"].toDouble(), *verdict.paired.pValue);
            QCOMPARE(pair["verdict"].toString(), QString::fromStdString(eval::verdictInWords(
                                                     verdict.paired, verdict.costRatio)));
        }
        QCOMPARE(view->matrix->rowCount(), size_t{1319});
    }

    // The Policies page previews and writes the same file switchyard-cli export writes.
    void policyExportAgrees() {
        QString error;
        QVERIFY2(demoworkspace::ensure(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        QVERIFY(QFile::copy(demoworkspace::path(), path));
        // No providers file: both front ends take provider names as their kinds.
        qputenv("SWITCHYARD_PROVIDERS", dir.filePath(QStringLiteral("none.yaml")).toUtf8());
        WorkspaceController workspace;
        QVERIFY(workspace.open(path, &error));
        QStringList models;
        for (const auto& [id, ref] :
             workspace.workspace()->runModels(workspace.workspace()->runs().front().id))
            models << QString::fromStdString(ref);
        QVERIFY(models.size() >= 2);
        const QJsonObject saved = cliJson({"policy", "--workspace", path, "--router", "complexity",
                                           "--models", models[0] + "," + models[1], "--threshold",
                                           "0.3", "--save", "two-tier", "--json"});
        QCOMPARE(saved["name"].toString(), QStringLiteral("two-tier"));

        PolicyPage page(&workspace, nullptr);
        page.reload();
        const auto named = [&]() {
            return page.policyList()->findItems(QStringLiteral("two-tier"), Qt::MatchExactly);
        };
        QTRY_VERIFY(!named().isEmpty());
        page.policyList()->setCurrentItem(named().first());
        page.formatPicker()->setCurrentIndex(
            page.formatPicker()->findData(QStringLiteral("litellm")));
        QVERIFY(page.preview()->toPlainText().contains(QStringLiteral("model_list:")));
        QVERIFY(page.warningList()->count() >= 1); // the router is the caller's to apply
        QSignalSpy exported(&page, &PolicyPage::exported);
        const QString fromPage = dir.filePath(QStringLiteral("page.yaml"));
        page.exportTo(fromPage);
        QVERIFY(exported.wait(30000));

        const QString fromCli = dir.filePath(QStringLiteral("cli.yaml"));
        const QJsonObject written = cliJson({"export", "--workspace", path, "--policy", "two-tier",
                                             "--format", "litellm", "--out", fromCli, "--json"});
        QCOMPARE(written["written"].toString(), fromCli);
        QCOMPARE(qsizetype(written["warnings"].toArray().size()),
                 qsizetype(page.warningList()->count()));
        QFile a(fromPage);
        QFile b(fromCli);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray text = a.readAll();
        QCOMPARE(text, b.readAll());
        QCOMPARE(QString::fromUtf8(text).trimmed(), page.preview()->toPlainText().trimmed());
        // The page remembers the export: nothing has changed since.
        QTRY_VERIFY2(page.diffNote()->text().contains(QStringLiteral("up to date")),
                     qPrintable(page.diffNote()->text()));
        QVERIFY(page.diffView()->toPlainText().startsWith(QStringLiteral("  ")));
        {
            // An older export at that path: the page shows what the new one changes.
            QFile older(fromPage);
            QVERIFY(older.open(QIODevice::WriteOnly | QIODevice::Truncate));
            older.write(QString::fromUtf8(text)
                            .replace(QStringLiteral("model_name: large"),
                                     QStringLiteral("model_name: premium"))
                            .toUtf8());
        }
        page.formatPicker()->setCurrentIndex(page.formatPicker()->findData(QStringLiteral("yaml")));
        page.formatPicker()->setCurrentIndex(
            page.formatPicker()->findData(QStringLiteral("litellm")));
        QVERIFY2(page.diffNote()->text().endsWith(QStringLiteral(": 1 line(s) added, 1 removed.")),
                 qPrintable(page.diffNote()->text()));
        QVERIFY(page.diffView()->toPlainText().contains(QStringLiteral("- ")));
        page.findChild<QTabWidget*>()->setCurrentIndex(1);
        page.resize(1280, 800);
        saveScreenshot(&page, QStringLiteral("policies-changes"));
        page.findChild<QTabWidget*>()->setCurrentIndex(0);

        // A policy naming a model nobody prices: both front ends report it by its path.
        QVERIFY(page.problemList()->count() == 0);
        QCOMPARE(written["problems"].toArray().size(), 0);
        const auto saved2 = workspace.workspace()->policy("two-tier");
        std::string yaml = saved2->yaml;
        const std::string second = models[1].toStdString();
        yaml.replace(yaml.find("model: " + second), 7 + second.size(), "model: acme/unpriced-9");
        QVERIFY(workspace.workspace()->savePolicy("odd", yaml).ok());
        page.reload();
        QTRY_VERIFY(
            !page.policyList()->findItems(QStringLiteral("odd"), Qt::MatchExactly).isEmpty());
        page.policyList()->setCurrentItem(
            page.policyList()->findItems(QStringLiteral("odd"), Qt::MatchExactly).first());
        QCOMPARE(page.problemList()->count(), 1);
        const QString problem = page.problemList()->item(0)->text();
        QVERIFY2(problem.contains(QStringLiteral("unknown model 'acme/unpriced-9'")),
                 qPrintable(problem));
        const QJsonObject odd =
            cliJson({"export", "--workspace", path, "--policy", "odd", "--format", "yaml", "--out",
                     dir.filePath(QStringLiteral("odd.yaml")), "--json"});
        QCOMPARE(odd["problems"].toArray().size(), 1);
        QCOMPARE(odd["problems"].toArray()[0].toObject()["field"].toString() + QStringLiteral(": "),
                 problem.left(problem.indexOf(QStringLiteral(": ")) + 2));
        // Not exported in this format yet: every line is new.
        page.formatPicker()->setCurrentIndex(page.formatPicker()->findData(QStringLiteral("yaml")));
        QVERIFY(page.diffNote()->text().contains(QStringLiteral("every line is new")));
    }

    // The Policies page's gate and switchyard-cli gate judge a workload alike.
    void gateAgrees() {
        QTemporaryDir dir;
        const QString path =
            demoWithPolicy(dir, "governed",
                           "governance: {workloads: {classification: {quality_floor: 0.99, "
                           "budget_per_1k_usd: 0.5}}}\n");
        QVERIFY(!path.isEmpty());
        GovernanceGateView view;
        view.setPolicy(path.toStdString(), "governed", 1);
        QSignalSpy gated(&view, &GovernanceGateView::gated);
        view.runGate();
        QVERIFY(gated.wait(60000));
        const QJsonObject cliOut =
            cliJson({"gate", "--workspace", path, "--policy", "governed", "--json"});
        QCOMPARE(gated.first().first().toBool(), cliOut["passed"].toBool());
        const QJsonObject workload = cliOut["workloads"].toObject()["classification"].toObject();
        QVERIFY(workload["requests"].toInt() > 0);
        QCOMPARE(view.table()->rowCount(), 1);
        QCOMPARE(view.table()->item(0, 1)->text(),
                 QLocale().toString(workload["requests"].toInt()));
        QVERIFY(view.table()->item(0, 2)->text().startsWith(
            QString::number(workload["quality"].toDouble(), 'f', 3)));
        QCOMPARE(view.table()->item(0, 6)->text(),
                 workload["passed"].toBool() ? QStringLiteral("passed") : QStringLiteral("failed"));
    }

    // The Savings page and switchyard-cli savings give the same figures for the same assumptions.
    void savingsAgree() {
        QTemporaryDir dir;
        qputenv("SWITCHYARD_PROVIDERS", dir.filePath(QStringLiteral("none.yaml")).toUtf8());
        const QString path = demoWithPolicy(dir, "levers",
                                            "caching: {checkpoints: [after_system], ttl: 5m}\n"
                                            "batch: {tags: [extraction]}\n");
        QVERIFY(!path.isEmpty());
        QString error;
        WorkspaceController workspace;
        QVERIFY(workspace.open(path, &error));
        SavingsPage page(&workspace, nullptr);
        QSignalSpy computed(&page, &SavingsPage::computed);
        page.reload();
        QVERIFY(computed.wait(60000));
        page.volumeBox()->setValue(250000.0);
        QVERIFY(computed.wait(60000));
        const auto& shown = page.outcome();
        QVERIFY(shown);

        const QJsonObject out = cliJson({"savings", "--workspace", path, "--policy", "levers",
                                         "--requests-month", "250000", "--json"});
        QCOMPARE(out["requests"].toInteger(), shown->waterfall.requests);
        QVERIFY(qFuzzyCompare(out["final_usd"].toDouble(), shown->waterfall.finalUsd));
        QVERIFY(qFuzzyCompare(out["baseline_usd"].toDouble(), shown->waterfall.baselineUsd));
        const QJsonArray steps = out["steps"].toArray();
        QCOMPARE(qsizetype(steps.size()), qsizetype(shown->waterfall.steps.size()));
        for (qsizetype i = 0; i < steps.size(); ++i)
            QVERIFY(qFuzzyCompare(1.0 + steps[i].toObject()["saving_usd"].toDouble(),
                                  1.0 + shown->waterfall.steps[size_t(i)].savingUsd()));
        QVERIFY(qFuzzyCompare(out["quality"].toDouble(), shown->quality.quality));
        QVERIFY(qFuzzyCompare(out["chr"].toDouble(), *shown->chr));
        QCOMPARE(out["tags"].toArray().size(), qsizetype(shown->tags.size()));

        // The stakeholder report: the same pages from the command line (drawn offscreen).
        const QString fromCli = dir.filePath(QStringLiteral("cli.pdf"));
        const QJsonObject report =
            cliJson({"report", "--workspace", path, "--policy", "levers", "--requests-month",
                     "250000", "--out", fromCli, "--json"});
        QCOMPARE(report["written"].toString(), fromCli);
        auto pages = page.exportReport(dir.filePath(QStringLiteral("page.pdf")));
        QVERIFY(pages);
        QCOMPARE(report["pages"].toInt(), *pages);
        QVERIFY(QFileInfo(fromCli).size() > 10000);
    }
};

QTEST_MAIN(TestParity)
#include "tst_parity.moc"
