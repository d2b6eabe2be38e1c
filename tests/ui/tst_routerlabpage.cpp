// The Router Lab page on the demo workspace, offscreen: a router built on a worker, figures that
// follow a slider and agree with RouterLab::replay computed here, the "router wrong" filter,
// calibration, "Save as Policy" read back from the workspace, the empty state, and a dropped
// results file imported as a run. With SWITCHYARD_SCREENSHOT_DIR set it saves router-lab.png.
#include "charts/exportablechartview.h"
#include "demoworkspace.h"
#include "mainwindow.h"
#include "models/decisionsmodel.h"
#include "pages/routerlabcontrols.h"
#include "pages/routerlabpage.h"
#include "routerlabcontroller.h"
#include "routing/evaluation.h"
#include "routing/sweep.h"
#include "uiformat.h"
#include "widgets/ruleseditor.h"
#include "widgets/statcard.h"
#include "workspacecontroller.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace switchyard;
using namespace switchyard::routing;

Q_DECLARE_METATYPE(switchyard::routing::RouterKind)

class TestRouterLabPage : public QObject {
    Q_OBJECT

    WorkspaceController* m_controller = nullptr;
    MainWindow* m_window = nullptr;
    RouterLabPage* m_page = nullptr;
    std::unique_ptr<ReplayData> m_data; // the demo run, loaded here as the page loads it

    RouterLabController* lab() const { return m_page->labController(); }

    void showRouterLab() {
        for (int i = 0; i < m_window->pageCount(); ++i)
            if (m_window->page(i) == m_page)
                m_window->showPage(i);
    }

    // Every job the last control change started has delivered.
    bool waitIdle() {
        QElapsedTimer clock;
        clock.start();
        while ((lab()->busy() || !lab()->lastReplay()) && clock.elapsed() < 120000)
            QTest::qWait(10);
        if (lab()->busy() || !lab()->lastReplay())
            qWarning() << "not idle:" << m_page->message();
        return !lab()->busy() && lab()->lastReplay();
    }

    // Ticks the models whose reference contains one of `parts`, unticks the others.
    void chooseTiers(const QStringList& parts) {
        QListWidget* list = m_page->controls()->tierList();
        for (int i = 0; i < list->count(); ++i) {
            const QString ref = list->item(i)->data(Qt::UserRole).toString();
            const bool wanted =
                std::any_of(parts.begin(), parts.end(),
                            [&ref](const QString& part) { return ref.contains(part); });
            if (wanted && list->item(i)->checkState() != Qt::Checked)
                list->item(i)->setCheckState(Qt::Checked);
        }
        for (int i = 0; i < list->count(); ++i) {
            const QString ref = list->item(i)->data(Qt::UserRole).toString();
            const bool wanted =
                std::any_of(parts.begin(), parts.end(),
                            [&ref](const QString& part) { return ref.contains(part); });
            if (!wanted && list->item(i)->checkState() == Qt::Checked)
                list->item(i)->setCheckState(Qt::Unchecked);
        }
    }

    void chooseKind(RouterKind kind) {
        QComboBox* kinds = m_page->controls()->kindPicker();
        kinds->setCurrentIndex(kinds->findData(static_cast<int>(kind)));
    }

    // The same configuration, built and replayed here without the page.
    ReplayFigures replayDirectly(const std::vector<double>& thresholds,
                                 std::vector<uint8_t>* decisions = nullptr) {
        const RouterLabSetup setup = lab()->snapshot()->setup;
        auto direct = RouterLab::create(*m_data, setup.tiers, setup.config, setup.options);
        if (!direct)
            qFatal("%s", direct.error().toString().c_str());
        return (*direct)->replay(thresholds, decisions);
    }

    QPointF currentPoint() {
        const auto series = m_page->charts().front()->chart()->series();
        for (QAbstractSeries* s : series)
            if (s->objectName() == QLatin1String("currentPoint"))
                return static_cast<QScatterSeries*>(s)->points().value(0);
        return {};
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        // Per process: a concurrent run of this test (another build directory) must not delete
        // the demo workspace under this one.
        QCoreApplication::setApplicationName(
            QStringLiteral("SwitchyardRouterLabTest-%1").arg(QCoreApplication::applicationPid()));
        QSettings().clear();
        QFile::remove(demoworkspace::path());
        m_controller = new WorkspaceController(this);
        m_window = new MainWindow(m_controller);
        m_window->resize(1600, 1000);
        m_window->show();
        m_page = m_window->routerLabPage();
        QVERIFY(m_window->openDemoWorkspace());
        showRouterLab();
        QVERIFY(waitIdle());
        const auto run = lab()->run();
        QVERIFY(run);
        ReplayLoadOptions options;
        auto data = loadReplayData(*m_controller->workspace(), run->runId, options,
                                   &m_controller->catalogue().catalogue);
        QVERIFY2(data.ok(), data.ok() ? "" : data.error().toString().c_str());
        m_data = std::make_unique<ReplayData>(std::move(data).value());
    }

    void cleanupTestCase() {
        delete m_window;
        QFile::remove(QSettings().fileName());
        QDir(QFileInfo(demoworkspace::path()).absolutePath()).removeRecursively();
    }

    void demoRunOffersItsModelsCheapestFirst() {
        QVERIFY(!m_page->showsEmptyState());
        const auto run = lab()->run();
        QVERIFY(run->synthetic);
        QCOMPARE(run->prompts, size_t{339});
        QCOMPARE(run->models.size(), size_t{5});
        QListWidget* list = m_page->controls()->tierList();
        QCOMPARE(list->count(), 5);
        for (size_t i = 1; i < run->models.size(); ++i)
            QVERIFY(run->models[i - 1].meanCostUsd <= run->models[i].meanCostUsd);
        // Nova Micro is the cheapest; the classifier's answers are labels, not a tier's.
        QVERIFY(
            list->item(0)->data(Qt::UserRole).toString().contains(QStringLiteral("nova-micro")));
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole).toString().contains(QStringLiteral("nova-lite")))
                QVERIFY(!(list->item(i)->flags() & Qt::ItemIsEnabled));
        QVERIFY(m_page->notes().contains(QStringLiteral("synthetic demo data")));
    }

    void figuresFollowTheSlider_data() {
        QTest::addColumn<RouterKind>("kind");
        QTest::addColumn<QStringList>("tiers");
        QTest::addColumn<int>("position");
        QTest::newRow("complexity, two tiers")
            << RouterKind::Complexity << QStringList{"nova-micro", "sonnet"} << 350;
        QTest::newRow("random, two tiers")
            << RouterKind::Random << QStringList{"nova-micro", "opus"} << 700;
        QTest::newRow("classifier, three tiers")
            << RouterKind::Classifier << QStringList{"nova-micro", "haiku", "opus"} << 600;
        QTest::newRow("cascade on refusals")
            << RouterKind::Cascade << QStringList{"haiku", "sonnet"} << 0;
        QTest::newRow("learned, out of fold")
            << RouterKind::Learned << QStringList{"nova-micro", "sonnet"} << 250;
    }

    void figuresFollowTheSlider() {
        QFETCH(RouterKind, kind);
        QFETCH(QStringList, tiers);
        QFETCH(int, position);
        chooseTiers(tiers);
        chooseKind(kind);
        QVERIFY(waitIdle());
        QCOMPARE(lab()->snapshot()->setup.config.kind, kind);
        QCOMPARE(lab()->snapshot()->setup.tiers.size(), size_t(tiers.size()));
        QAbstractItemModelTester tester(m_page->decisionsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ReplayFigures before = lab()->lastReplay()->figures;

        // Moves arriving faster than replays are coalesced: the newest thresholds win.
        QSlider* slider = m_page->controls()->sliders().front();
        for (int step = 0; step <= 4; ++step)
            slider->setValue(position * step / 4);
        std::vector<double> expected = m_page->controls()->thresholds();
        QCOMPARE(expected.front(), position / 1000.0);
        QTRY_VERIFY_WITH_TIMEOUT(lab()->lastReplay()->thresholds == expected && !lab()->busy(),
                                 30000);

        std::vector<uint8_t> decisions;
        const ReplayFigures direct = replayDirectly(expected, &decisions);
        const ReplayFigures& shown = lab()->lastReplay()->figures;
        QCOMPARE(shown.costUsd, direct.costUsd);
        QCOMPARE(shown.quality, direct.quality);
        QCOMPARE(shown.tierShare, direct.tierShare);
        const auto cards = m_page->cards();
        QCOMPARE(cards[0]->value(), uiformat::money(direct.costPer1kUsd));
        QCOMPARE(cards[1]->value(), uiformat::percent(direct.savingsPct / 100.0));
        QCOMPARE(cards[2]->value(), QLocale().toString(direct.quality, 'f', 3));
        for (StatCard* card : cards)
            QVERIFY2(card->toolTip().contains(uiformat::count(direct.requests)),
                     qPrintable(card->toolTip()));
        QVERIFY2(shown.costUsd != before.costUsd, "the slider moved the figures");
        const QPointF point = currentPoint();
        QCOMPARE(point.x(), direct.costPer1kUsd);
        QCOMPARE(point.y(), direct.quality);

        // "Router wrong only" lists exactly the wrong decisions, and the model stays sound.
        const RouterLabSetup& setup = lab()->snapshot()->setup;
        const auto built = RouterLab::create(*m_data, setup.tiers, setup.config, setup.options);
        QVERIFY(built.ok());
        const size_t wrong = wrongDecisions((*built)->table(), decisions).size();
        QVERIFY(wrong > 0);
        m_page->wrongOnlyBox()->setChecked(true);
        QCOMPARE(m_page->decisionsModel()->rowCount(), int(wrong));
        QCOMPARE(m_page->decisionsView()->model()->rowCount(), int(wrong));
        for (int row = 0; row < m_page->decisionsModel()->rowCount(); ++row) {
            const QString verdict =
                m_page->decisionsModel()->index(row, DecisionsModel::Verdict).data().toString();
            QVERIFY2(verdict == QStringLiteral("overpaid") ||
                         verdict == QStringLiteral("underpowered"),
                     qPrintable(verdict));
        }
        m_page->wrongOnlyBox()->setChecked(false);
        QCOMPARE(m_page->decisionsModel()->rowCount(), int(direct.requests));
        const QModelIndex first = m_page->decisionsModel()->index(0, DecisionsModel::Reason);
        QCOMPARE(first.data().toString(),
                 QString::fromStdString((*built)->explain(expected, 0).reason));
    }

    void calibrationSetsTheSliders_data() {
        QTest::addColumn<bool>("quality");
        QTest::addColumn<double>("target");
        QTest::newRow("quality") << true << 0.0; // target set from the data below
        QTest::newRow("strong share") << false << 0.3;
    }

    void calibrationSetsTheSliders() {
        QFETCH(bool, quality);
        QFETCH(double, target);
        chooseTiers({"nova-micro", "sonnet"});
        chooseKind(RouterKind::Complexity);
        QVERIFY(waitIdle());
        const SweepMetrics& metrics = lab()->snapshot()->sweep.metrics;
        if (quality) // two thirds of the way from the cheap model's quality to the strong one's
            target = metrics.weakQuality + (metrics.strongQuality - metrics.weakQuality) * 2 / 3;
        auto* box =
            quality ? m_page->controls()->targetQualityBox() : m_page->controls()->targetShareBox();
        box->setValue(quality ? target : target * 100.0);
        target = quality ? box->value() : box->value() / 100.0; // as the box rounds it
        m_page
            ->findChild<QPushButton*>(quality ? QStringLiteral("calibrateQuality")
                                              : QStringLiteral("calibrateShare"))
            ->click();
        const auto point =
            calibrate(lab()->snapshot()->sweep, {quality ? CalibrationTarget::Kind::Quality
                                                         : CalibrationTarget::Kind::StrongShare,
                                                 target});
        QVERIFY(point);
        QCOMPARE(m_page->controls()->thresholds(), point->thresholds);
        QTRY_VERIFY_WITH_TIMEOUT(
            lab()->lastReplay()->thresholds == point->thresholds && !lab()->busy(), 30000);
        const ReplayFigures& shown = lab()->lastReplay()->figures;
        if (quality)
            QVERIFY2(shown.quality >= target - 1e-9,
                     qPrintable(QStringLiteral("%1 < %2").arg(shown.quality).arg(target)));
        else
            QVERIFY2(shown.strongShare >= target - 1e-9,
                     qPrintable(QStringLiteral("%1 < %2").arg(shown.strongShare).arg(target)));
    }

    void savedPolicyReadsBack() {
        chooseTiers({"nova-micro", "sonnet"});
        chooseKind(RouterKind::Complexity);
        QVERIFY(waitIdle());
        m_page->controls()->sliders().front()->setValue(420);
        QTRY_VERIFY_WITH_TIMEOUT(
            lab()->lastReplay()->thresholds == std::vector<double>{0.42} && !lab()->busy(), 30000);
        QSignalSpy saved(lab(), &RouterLabController::policySaved);
        m_page->savePolicyAs(QStringLiteral("gui-complexity"));
        QVERIFY(saved.wait(30000));
        QVERIFY(m_page->message().contains(QStringLiteral("gui-complexity")));
        const auto record = m_controller->workspace()->policy("gui-complexity");
        QVERIFY(record);
        auto policy = parsePolicyYaml(record->yaml, "gui-complexity");
        QVERIFY2(policy.ok(), policy.ok() ? "" : policy.error().toString().c_str());
        QCOMPARE(policy->router.kind, RouterKind::Complexity);
        QCOMPARE(policy->router.thresholds, std::vector<double>{0.42});
        QCOMPARE(tierModels(*policy), lab()->snapshot()->setup.tiers);
        QVERIFY(policy->evidence);
        const ReplayFigures& shown = lab()->lastReplay()->figures;
        QCOMPARE(policy->evidence->prompts, shown.requests);
        QVERIFY(policy->evidence->synthetic);
        QVERIFY(qAbs(policy->evidence->costPer1kUsd - shown.costPer1kUsd) <
                1e-6 * std::max(1.0, shown.costPer1kUsd));
        QVERIFY(qAbs(policy->evidence->quality - shown.quality) < 1e-3);
    }

    // The Rules router from the page's editor: its example rule agrees with RouterLab::replay of
    // the same rule built here, and a bad regex is named, not built, and crashes nothing.
    void rulesRouterFromTheEditor() {
        chooseTiers({"nova-micro", "sonnet"});
        chooseKind(RouterKind::Complexity);
        QVERIFY(waitIdle());
        chooseKind(RouterKind::Rules);
        QVERIFY(waitIdle());
        RulesEditor* editor = m_page->controls()->rulesEditor();
        QVERIFY(editor->isVisible());
        QVERIFY(!m_page->controls()->sliders().front()->isVisible());
        // The example: short prompts to the cheapest tier, the rest to the strongest.
        QCOMPARE(editor->table()->rowCount(), 1);
        QCOMPARE(editor->table()->item(0, RulesEditor::Name)->text(), QStringLiteral("short"));
        QCOMPARE(editor->conditionPicker(0)->currentData().toInt(),
                 static_cast<int>(Rule::Condition::MaxTokens));
        QCOMPARE(editor->targetPicker(0)->currentData().toInt(), 0);
        QCOMPARE(editor->defaultTier(), std::optional<size_t>(1));
        // Edits are debounced, then rebuilt like a kind change.
        const auto ruleTokens = [this]() {
            const auto& rules = lab()->snapshot()->setup.config.rules;
            return rules.size() == 1 ? rules[0].tokens : int64_t(-1);
        };
        editor->table()->item(0, RulesEditor::Value)->setText(QStringLiteral("150"));
        QTRY_VERIFY_WITH_TIMEOUT(!lab()->busy() && ruleTokens() == 150, 30000);
        editor->table()->item(0, RulesEditor::Value)->setText(QStringLiteral("20"));
        editor->table()->item(0, RulesEditor::Value)->setText(QStringLiteral("200"));
        QTRY_VERIFY_WITH_TIMEOUT(!lab()->busy() && ruleTokens() == 200, 30000);
        QVERIFY(waitIdle());

        RouterConfig config;
        config.kind = RouterKind::Rules;
        Rule rule;
        rule.name = "short";
        rule.condition = Rule::Condition::MaxTokens;
        rule.tokens = 200;
        rule.tier = 0;
        config.rules = {rule};
        config.defaultTier = 1;
        const RouterLabSetup& setup = lab()->snapshot()->setup;
        QCOMPARE(setup.config.rules.size(), size_t(1));
        QCOMPARE(setup.config.rules[0].tokens, int64_t(200));
        auto direct = RouterLab::create(*m_data, setup.tiers, config, setup.options);
        QVERIFY2(direct.ok(), direct.ok() ? "" : direct.error().toString().c_str());
        const ReplayFigures expected = (*direct)->replay(lab()->lastReplay()->thresholds);
        const ReplayFigures& shown = lab()->lastReplay()->figures;
        QCOMPARE(shown.costPer1kUsd, expected.costPer1kUsd);
        QCOMPARE(shown.tierShare, expected.tierShare);
        QCOMPARE(m_page->cards()[0]->value(), uiformat::money(expected.costPer1kUsd));
        QVERIFY2(expected.tierShare[0] > 0.0 && expected.tierShare[1] > 0.0,
                 "the example rule splits the traffic");

        // A bad regex: named with its rule and field, and the figures stay.
        const auto before = lab()->snapshot();
        editor->conditionPicker(0)->setCurrentIndex(
            editor->conditionPicker(0)->findData(static_cast<int>(Rule::Condition::Regex)));
        editor->table()->item(0, RulesEditor::Value)->setText(QStringLiteral("(unclosed"));
        QVERIFY2(editor->errorText().contains(QStringLiteral("short")),
                 qPrintable(editor->errorText()));
        QVERIFY2(editor->errorText().contains(QStringLiteral("Value")),
                 qPrintable(editor->errorText()));
        QTest::qWait(500);
        QVERIFY(waitIdle());
        QCOMPARE(lab()->snapshot(), before);
        // A number that is not one is caught the same way.
        editor->conditionPicker(0)->setCurrentIndex(
            editor->conditionPicker(0)->findData(static_cast<int>(Rule::Condition::MaxTokens)));
        editor->table()->item(0, RulesEditor::Value)->setText(QStringLiteral("many"));
        QVERIFY2(editor->errorText().contains(QStringLiteral("short")),
                 qPrintable(editor->errorText()));
        // prepareRouter's own error is shown with the rule's name too.
        editor->showError(QStringLiteral("router.params.rules[0]: invalid regular expression"));
        QVERIFY2(editor->errorText().startsWith(QStringLiteral("Rule \"short\"")),
                 qPrintable(editor->errorText()));
        editor->table()->item(0, RulesEditor::Value)->setText(QStringLiteral("200"));
        QVERIFY(editor->errorText().isEmpty());
        QTest::qWait(400);
        QVERIFY(waitIdle());
        QCOMPARE(lab()->lastReplay()->figures.costPer1kUsd, expected.costPer1kUsd);
    }

    void screenshot() {
        chooseTiers({"nova-micro", "sonnet"});
        chooseKind(RouterKind::Learned);
        QVERIFY(waitIdle());
        // What a user sees first: the default operating point, not a hand-picked threshold.
        const auto point = routing::defaultOperatingPoint(lab()->snapshot()->sweep);
        QVERIFY(point);
        QCOMPARE(lab()->lastReplay()->thresholds, point->thresholds);
        m_page->decisionsView()->selectRow(2);
        for (ExportableChartView* view : m_page->charts())
            for (QAbstractAxis* axis : view->chart()->axes())
                QVERIFY2(!axis->titleText().isEmpty() || axis->orientation() == Qt::Vertical,
                         "every value axis has a title with its unit");
        const QString dir = qEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QCoreApplication::processEvents();
            QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("router-lab.png"))));
        }
    }

    // A workspace without results says what unlocks the page; a dropped results file does.
    void emptyWorkspaceThenDroppedResults() {
        QTemporaryDir dir;
        QVERIFY(m_window->openWorkspace(dir.filePath(QStringLiteral("empty.sqlite"))));
        QTRY_VERIFY(m_page->showsEmptyState());
        QVERIFY2(m_page->emptyMessage().startsWith(QStringLiteral("No recorded results yet")),
                 qPrintable(m_page->emptyMessage()));

        QFile file(dir.filePath(QStringLiteral("support-results.jsonl")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 40; ++i) {
            const QString id = QStringLiteral("q%1").arg(i);
            file.write(
                QStringLiteral(R"({"prompt_id": "%1", "prompt": "Question %1 about %2", )"
                               R"("model": "gpt-4o-mini", "score": %3, "input_tokens": 400, )"
                               R"("output_tokens": 80})"
                               "\n")
                    .arg(id, i % 3 ? QStringLiteral("billing")
                                   : QStringLiteral("a long "
                                                    "contract"))
                    .arg(i % 4 ? 1 : 0)
                    .toUtf8());
            file.write(QStringLiteral(R"({"prompt_id": "%1", "model": "gpt-4o", "score": 1, )"
                                      R"("input_tokens": 400, "output_tokens": 90})"
                                      "\n")
                           .arg(id)
                           .toUtf8());
        }
        file.write(R"({"prompt_id": "q1", "model": "acme/unknown-llm", "score": 1})"
                   "\n");
        file.write("not json\n");
        file.close();

        QSignalSpy finished(m_controller, &WorkspaceController::importFinished);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file.fileName())});
        // As a drag does it: the window accepts the enter, then receives the drop.
        QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(m_window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window, &drop);
        QVERIFY(finished.wait(30000));
        const auto result = finished.first().first().value<ImportJobResult>();
        QCOMPARE(result.runs.size(), size_t(1));
        QCOMPARE(result.runs[0].results, 81);
        QCOMPARE(result.runs[0].rejectedCount, 1);
        QCOMPARE(result.runs[0].unpriced.size(), size_t(1));
        QTRY_VERIFY(!m_page->showsEmptyState());
        QVERIFY(m_page->isVisible()); // the drop showed the page that uses the results
        QTRY_VERIFY_WITH_TIMEOUT(lab()->run() && lab()->run()->runId == result.runs[0].runId,
                                 30000);
        QVERIFY(waitIdle());
        QCOMPARE(lab()->lastReplay()->figures.requests, 40);
        QVERIFY2(m_page->importSummary().contains(QStringLiteral("acme/unknown-llm")),
                 qPrintable(m_page->importSummary()));
        // Its results have no price: listed, but not offered as a tier.
        QListWidget* list = m_page->controls()->tierList();
        QCOMPARE(list->count(), 3);
        for (int i = 0; i < list->count(); ++i)
            QCOMPARE(bool(list->item(i)->flags() & Qt::ItemIsEnabled),
                     !list->item(i)->data(Qt::UserRole).toString().startsWith("acme/"));
    }
};

QTEST_MAIN(TestRouterLabPage)
#include "tst_routerlabpage.moc"
