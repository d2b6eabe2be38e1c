// The Cache Lab page on the demo workspace, offscreen: simulation on a worker, the numbers and
// charts a user sees, controls that re-simulate, and "apply the fix to a copy".
#include "cachelabcontroller.h"
#include "demoworkspace.h"
#include "mainwindow.h"
#include "models/lintfindingsmodel.h"
#include "pages/cachelabpage.h"
#include "widgets/statcard.h"
#include "workspacecontroller.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

class TestCacheLabPage : public QObject {
    Q_OBJECT

    WorkspaceController* m_controller = nullptr;
    MainWindow* m_window = nullptr;
    CacheLabPage* m_page = nullptr;

    // Waits for the evaluation a control change started; a failure is reported, not waited out.
    const switchyard::CacheLabReport* waitForReport() {
        QSignalSpy evaluated(m_page->labController(), &CacheLabController::evaluated);
        QSignalSpy failed(m_page->labController(), &CacheLabController::failed);
        QElapsedTimer clock;
        clock.start();
        while (evaluated.isEmpty() && failed.isEmpty() && clock.elapsed() < 60000)
            QTest::qWait(20);
        if (!failed.isEmpty())
            qWarning() << "evaluation failed:" << failed.first().first().toString();
        return evaluated.isEmpty() ? nullptr : m_page->report();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("SwitchyardCacheLabTest"));
        QSettings().clear();
        QFile::remove(demoworkspace::path());
        m_controller = new WorkspaceController(this);
        m_window = new MainWindow(m_controller);
        m_window->resize(1600, 1000);
        m_window->show();
        m_page = m_window->cacheLabPage();
        QVERIFY(m_window->openDemoWorkspace());
        for (int i = 0; i < m_window->pageCount(); ++i)
            if (m_window->page(i) == m_page)
                m_window->showPage(i);
        QVERIFY(waitForReport());
    }

    void cleanupTestCase() { delete m_window; }

    void recordedDemoTrafficIsSimulated() {
        const auto* report = m_page->report();
        QVERIFY(report);
        QVERIFY(report->recordedTimestamps);
        QVERIFY2(QString::fromStdString(report->model.id).contains(QStringLiteral("claude")),
                 report->model.id.c_str());
        const auto& sim = report->simulation;
        QCOMPARE(sim.requests, int64_t{339});
        // The 80 support prompts share a long system prompt with a checkpoint: turns of a session
        // minutes apart read it from the cache.
        QVERIFY(sim.cachedTokens > 0);
        QVERIFY(sim.hitRequests > 0);
        QVERIFY(sim.chr > 0.0 && sim.chr < 1.0);
        QVERIFY(sim.costWithCacheUsd > 0);
        const auto cards = m_page->findChildren<StatCard*>();
        QCOMPARE(cards.size(), 4);
        QCOMPARE(cards[0]->value(),
                 QString::number(sim.chr * 100.0, 'f', 1) + QStringLiteral(" %"));
        // Three stacked areas over time; the savings curve with its zero line.
        const auto views = m_page->findChildren<QChartView*>();
        QCOMPARE(views.size(), 2);
        for (QChartView* view : views) {
            if (view->chart()->title().startsWith(QStringLiteral("Requests over time")))
                QCOMPARE(view->chart()->series().size(), 3);
            else
                QVERIFY(view->chart()->series().size() >= 2);
        }
        for (QChartView* view : views)
            for (QAbstractAxis* axis : view->chart()->axes())
                QVERIFY2(!axis->titleText().isEmpty(), "every axis has a title with its unit");
        const QString dir = qEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QCoreApplication::processEvents();
            QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("cache-lab.png"))));
        }
    }

    void higherSyntheticRateHitsMore() {
        const double recordedChr = m_page->report()->simulation.chr;
        const auto radios = m_page->findChildren<QRadioButton*>();
        QCOMPARE(radios.size(), 2);
        m_page->rateBox()->setValue(200.0);
        radios[1]->setChecked(true); // synthetic
        const auto* report = waitForReport();
        QVERIFY(report);
        QVERIFY(!report->recordedTimestamps);
        QCOMPARE(report->requestsPerMinute, 200.0);
        QVERIFY2(
            report->simulation.chr > recordedChr,
            qPrintable(QStringLiteral("%1 <= %2").arg(report->simulation.chr).arg(recordedChr)));
        radios[0]->setChecked(true);
        QVERIFY(waitForReport());
    }

    void modelWithoutCachingSavesNothing() {
        QComboBox* models = m_page->modelPicker();
        int row = -1;
        for (int i = 0; i < models->count() && row < 0; ++i) {
            const auto* price = m_controller->catalogue().catalogue.findId(
                models->itemData(i).toString().toStdString());
            if (price && !price->supportsCaching)
                row = i;
        }
        QVERIFY(row >= 0);
        const int previous = models->currentIndex();
        models->setCurrentIndex(row);
        const auto* report = waitForReport();
        QVERIFY(report);
        QCOMPARE(report->simulation.cachedTokens, int64_t{0});
        QCOMPARE(report->simulation.chr, 0.0);
        QCOMPARE(report->simulation.costWithCacheUsd, report->simulation.costWithoutCacheUsd);
        models->setCurrentIndex(previous);
        QVERIFY(waitForReport());
    }

    void fixIsAppliedToACopyAndSimulated() {
        auto* findings = m_page->findingsView()->model();
        int fixable = -1;
        auto* model = static_cast<LintFindingsModel*>(findings);
        for (int i = 0; i < model->rowCount() && fixable < 0; ++i)
            if (model->rowAt(i)->autoFixable)
                fixable = i;
        if (fixable < 0)
            QSKIP("the demo set has no automatically fixable finding for this model");
        const size_t setsBefore = m_controller->workspace()->promptSets().size();
        m_page->findingsView()->setCurrentIndex(findings->index(fixable, 0));
        QSignalSpy created(m_page->labController(), &CacheLabController::fixedSetCreated);
        QSignalSpy evaluated(m_page->labController(), &CacheLabController::evaluated);
        m_page->applySelectedFix();
        QVERIFY(created.wait(60000));
        const qint64 newSet = created.first().first().toLongLong();
        QCOMPARE(m_controller->workspace()->promptSets().size(), setsBefore + 1);
        QCOMPARE(m_controller->workspace()->promptCount(newSet), int64_t{339});
        QCOMPARE(m_page->setPicker()->currentData().toLongLong(), newSet);
        QTRY_VERIFY_WITH_TIMEOUT(!evaluated.isEmpty(), 60000);
        QCOMPARE(m_page->report()->simulation.requests, int64_t{339});
    }
};

QTEST_MAIN(TestCacheLabPage)
#include "tst_cachelabpage.moc"
