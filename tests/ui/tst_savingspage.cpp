// The Savings page on the demo workspace, offscreen: a policy with routing, caching and batch
// sections, every lever shown, the figures those of workbench::computeSavings for the page's own
// assumptions, recomputed when an assumption changes. With SWITCHYARD_SCREENSHOT_DIR set it saves
// the page at 1600x1000 and at a projector's 1280x720.
#include "charts/exportablechartview.h"
#include "demoworkspace.h"
#include "mainwindow.h"
#include "pages/savingspage.h"
#include "pages/savingspresentation.h"
#include "pages/savingstagstable.h"
#include "screenshots.h"
#include "widgets/statcard.h"
#include "workbench/routing_ops.h"
#include "workspacecontroller.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace switchyard;

namespace {

// Complexity routing between the demo's cheapest and a premium model, the support prompts'
// system prompt cached, extraction and summarisation sent as batch work.
Status saveDemoPolicy(const std::string& workspacePath) {
    workbench::RouterChoice choice;
    choice.name = "support savings";
    choice.kind = "complexity";
    choice.models = {"bedrock/amazon.nova-micro-v1:0",
                     "bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0"};
    choice.thresholds = {0.3};
    auto policy = workbench::configureRouter(choice);
    if (!policy)
        return policy.error();
    policy->caching = CachingSection{{"after_system"}, "5m"};
    policy->batch = BatchSection{{"extraction", "summarisation"}, "batch"};
    auto saved = workbench::savePolicy(*policy, {workspacePath, std::nullopt, {}}, std::nullopt,
                                       false, std::nullopt);
    if (!saved)
        return saved.error();
    return success();
}

} // namespace

class TestSavingsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("SwitchyardSavingsTest"));
        QSettings().clear();
        QString error;
        QVERIFY2(demoworkspace::ensure(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("w.sqlite"));
        QVERIFY(QFile::copy(demoworkspace::path(), m_path));
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
        qputenv("SWITCHYARD_PROVIDERS", m_dir.filePath(QStringLiteral("none.yaml")).toUtf8());
        const Status saved = saveDemoPolicy(m_path.toStdString());
        QVERIFY2(saved, saved ? "" : saved.error().toString().c_str());
    }

    void showsEveryLeverOfThePolicy() {
        WorkspaceController controller;
        MainWindow window(&controller);
        QVERIFY(window.openWorkspace(m_path));
        window.resize(1600, 1000);
        window.show();
        SavingsPage* page = window.savingsPage();
        QSignalSpy computed(page, &SavingsPage::computed);
        window.showPage(window.findChild<QStackedWidget*>()->indexOf(page));
        QVERIFY(computed.wait(60000));
        QCOMPARE(page->policyPicker()->currentText(), QStringLiteral("support savings"));

        // The page shows the operation's own figures for the page's assumptions.
        const auto& shown = page->outcome();
        QVERIFY(shown);
        auto direct = workbench::computeSavings(page->request());
        QVERIFY2(direct, direct ? "" : direct.error().toString().c_str());
        QCOMPARE(shown->waterfall.finalUsd, direct->waterfall.finalUsd);
        for (size_t i = 0; i < direct->waterfall.steps.size(); ++i)
            QCOMPARE(shown->waterfall.steps[i].savingUsd(), direct->waterfall.steps[i].savingUsd());
        // Every lever the policy uses moved the bill.
        QVERIFY(shown->waterfall.step(report::Lever::Routing).savingUsd() > 0.0);
        QVERIFY(shown->waterfall.step(report::Lever::Caching).requestsChanged > 0);
        QVERIFY(shown->waterfall.step(report::Lever::Batch).savingUsd() > 0.0);
        QVERIFY(shown->chr);

        // Baseline, four levers, policy: six bars, each labelled with its amount.
        auto axes = page->waterfallView()->chart()->axes(Qt::Horizontal);
        QCOMPARE(axes.size(), 1);
        const QStringList categories = static_cast<QBarCategoryAxis*>(axes.first())->categories();
        QCOMPARE(categories.size(), 6);
        QStringList written; // the amounts on the bars
        for (QGraphicsItem* item : page->waterfallView()->chart()->childItems())
            if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                written << text->text();
        QCOMPARE(written.size(), 6);
        for (const QString& amount : written)
            QVERIFY2(amount.contains(QLatin1Char('$')), qPrintable(amount));
        QVERIFY(!page->projectionView()->chart()->series().isEmpty());
        QVERIFY(!page->tierSpendView()->chart()->series().isEmpty());
        QVERIFY(page->tagsTable()->rowCount() > 3);
        const auto cards = page->findChildren<StatCard*>();
        QCOMPARE(cards.size(), 4);
        for (StatCard* card : cards)
            QVERIFY(!card->value().isEmpty());
        QVERIFY(page->notes()->text().contains(QStringLiteral("after_system")));
        saveScreenshot(&window, QStringLiteral("savings"));
        window.resize(1280, 720); // a projector's size: the charts must stay legible
        saveScreenshot(&window, QStringLiteral("savings-1280x720"));

        // Present mode: one chart per slide under a headline computed from the figures.
        QPointer<SavingsPresentation> presentation = page->present();
        QVERIFY(presentation);
        QCOMPARE(presentation->slideCount(), 3);
        const QString headline = presentation->headline(0);
        QVERIFY2(headline.startsWith(QStringLiteral("Routing, Caching and Batch cut the bill by ")),
                 qPrintable(headline));
        // The demo's cheap tier answers measurably worse, and the headline says so.
        QVERIFY2(headline.endsWith(QStringLiteral("points lower")), qPrintable(headline));
        QVERIFY(presentation->headline(1).startsWith(QStringLiteral("At 1,000,000 requests")));
        presentation->showNormal();
        presentation->resize(1280, 720);
        saveScreenshot(presentation, QStringLiteral("savings-present"));
        QTest::keyClick(presentation, Qt::Key_Right);
        QCOMPARE(presentation->currentSlide(), 1);
        QTest::keyClick(presentation, Qt::Key_End);
        QTest::keyClick(presentation, Qt::Key_Right); // the last slide stays
        QCOMPARE(presentation->currentSlide(), 2);
        QTest::keyClick(presentation, Qt::Key_Escape);
        QTRY_VERIFY(!presentation); // closed and deleted

        // The stakeholder report: the summary, a page per chart and the tags, as a PDF.
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        auto pages = page->exportReport(pdf);
        QVERIFY2(pages, pages ? "" : pages.error().toString().c_str());
        QCOMPARE(*pages, 5);
        QFile report(pdf);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray bytes = report.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") +
                     bytes.count("/Type /Page "),
                 qsizetype(5));

        // An assumption changed: recomputed at the new volume.
        page->volumeBox()->setValue(5e6);
        QVERIFY(computed.wait(60000));
        QCOMPARE(page->outcome()->requestsPerMonth, 5e6);
        QCOMPARE(page->outcome()->requestsPerMonthSource, std::string("assumption"));

        // A commitment's price: the break-even appears on the projection and a card.
        page->provisionedModelPicker()->setCurrentIndex(page->provisionedModelPicker()->findData(
            QStringLiteral("bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0")));
        page->hourlyBox()->setValue(40.0);
        QVERIFY(computed.wait(60000));
        QVERIFY(page->outcome()->breakEven);
        QCOMPARE(page->outcome()->breakEven->commitmentMonthUsd, 40.0 * 730.0);
    }

    void cancelledComputationShowsNothing() {
        WorkspaceController controller;
        QVERIFY(controller.open(m_path, nullptr));
        SavingsPage page(&controller, nullptr);
        QSignalSpy computed(&page, &SavingsPage::computed);
        page.reload();
        QTRY_VERIFY(page.policyPicker()->count() > 0); // selecting it starts a computation
        page.cancel();
        QTest::qWait(1500); // what the worker delivers now is dropped
        QCOMPARE(computed.count(), 0);
        QVERIFY(!page.outcome());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestSavingsPage)
#include "tst_savingspage.moc"
