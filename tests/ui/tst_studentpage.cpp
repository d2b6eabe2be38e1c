// The Student page on the demo workspace, offscreen: a student trained on the demo labeller's
// answers on a worker (progress, cancel), its figures as the core computed them, typed text
// classified, its answers added to the run as a Router Lab tier, and the demo set run against
// it on the Runs page with no providers file and no key. With SWITCHYARD_SCREENSHOT_DIR set it
// saves student.png.
#include "demoworkspace.h"
#include "mainwindow.h"
#include "pages/routerlabcontrols.h"
#include "pages/routerlabpage.h"
#include "pages/runspage.h"
#include "pages/studentpage.h"
#include "routerlabcontroller.h"
#include "run/runner.h"
#include "runscontroller.h"
#include "store/workspace.h"
#include "studentcontroller.h"
#include "widgets/statcard.h"
#include "workspacecontroller.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QListWidgetItem>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QXYSeries>
#include <QtTest>

#include <algorithm>

using namespace switchyard;

namespace {
const char* kTeacher = "bedrock/amazon.nova-lite-v1:0"; // the demo's labeller
}

class TestStudentPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    WorkspaceController* m_controller = nullptr;
    MainWindow* m_window = nullptr;
    StudentPage* m_page = nullptr;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("SwitchyardStudentTest"));
        QSettings().clear();
        // No providers file at all: the student needs none.
        qputenv("SWITCHYARD_PROVIDERS", m_dir.filePath(QStringLiteral("none.yaml")).toUtf8());
        QFile::remove(demoworkspace::path());
        m_controller = new WorkspaceController(this);
        m_window = new MainWindow(m_controller);
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(m_window->openDemoWorkspace());
        m_page = m_window->studentPage();
        for (int i = 0; i < m_window->pageCount(); ++i)
            if (m_window->page(i) == m_page)
                m_window->showPage(i);
    }

    void cleanupTestCase() { delete m_window; }

    void trainsOnTheLabellersAnswers() {
        QVERIFY(!m_page->shown());
        QVERIFY(m_page->runPicker()->count() >= 1);
        const int teacher = m_page->teacherPicker()->findText(kTeacher);
        QVERIFY2(teacher >= 0, "the demo run's labeller is offered as a teacher");
        m_page->teacherPicker()->setCurrentIndex(teacher);
        m_page->nameEdit()->setText(QStringLiteral("complexity"));

        // A cancel leaves nothing saved.
        m_page->train();
        m_page->cancelTraining();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->studentController()->training(), 30000);
        QCOMPARE(m_controller->workspace()->students().size(), size_t{0});

        QSignalSpy trained(m_page->studentController(), &StudentController::trained);
        m_page->train();
        QTRY_VERIFY_WITH_TIMEOUT(!trained.isEmpty(), 120000);
        const StudentView* student = m_page->shown();
        QVERIFY(student && student->saved && student->model);
        QCOMPARE(student->teacher, QString(kTeacher));
        const auto& e = student->figures.evaluation;
        QCOMPARE(e.labels.size(), size_t{3}); // simple, standard, complex
        QVERIFY(e.examples > 100);
        QVERIFY(e.agreementCi95.first <= e.agreement && e.agreement <= e.agreementCi95.second);
        // The same figures the core stored: read back, they match the cards.
        const auto stored = m_controller->workspace()->student("complexity");
        QVERIFY(stored);
        auto figures = workbench::readStudentFigures(*stored);
        QVERIFY(figures.ok());
        QCOMPARE(figures->evaluation.agreement, e.agreement);
        const auto cards = m_page->findChildren<StatCard*>();
        QCOMPARE(cards.size(), 4);
        QCOMPARE(cards[0]->value(), QString::number(e.agreement * 100.0, 'f', 1) + " %");

        // Confusion is labels x labels; the reliability chart has the diagonal and the curve.
        auto* confusion = m_page->findChild<QTableWidget*>();
        QVERIFY(confusion);
        const auto views = m_page->findChildren<QChartView*>();
        QCOMPARE(views.size(), 1);
        QVERIFY(views[0]->chart()->series().size() == 3);
        auto* curve = qobject_cast<QXYSeries*>(views[0]->chart()->series()[1]);
        QVERIFY(curve && curve->count() >= 1);
        QVERIFY(!student->tierModel.isEmpty());
    }

    // Per tag (the demo's categories), and the teacher's answers exported as a dataset through
    // the operation switchyard-cli export --format distill calls.
    void showsReadinessPerTagAndExports() {
        const StudentView* student = m_page->shown();
        QVERIFY(student && !student->figures.readinessByTag.empty());
        const auto tables = m_page->findChildren<QTableWidget*>();
        const bool listed = std::any_of(tables.begin(), tables.end(), [&](QTableWidget* table) {
            return table->columnCount() == 6 &&
                   table->rowCount() == int(student->figures.readinessByTag.size());
        });
        QVERIFY(listed);

        workbench::DistillExportRequest request;
        request.workspacePath = m_controller->path().toStdString();
        request.outPath = m_dir.filePath(QStringLiteral("distill.jsonl")).toStdString();
        request.teacher = kTeacher;
        request.runId = student->runId;
        QSignalSpy exported(m_page->studentController(), &StudentController::exported);
        m_page->studentController()->exportDataset(request);
        QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty(), 30000);
        QFile file(QString::fromStdString(request.outPath));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().count('\n') > 100);
    }

    // The student's out-of-fold answers are in the demo run: the Router Lab, reloaded as they
    // arrive, cascades from the student to its teacher on the student's stated probability,
    // scored by agreement with the teacher.
    void cascadesFromTheStudentInTheRouterLab() {
        RouterLabPage* lab = m_window->routerLabPage();
        for (int i = 0; i < m_window->pageCount(); ++i)
            if (m_window->page(i) == lab)
                m_window->showPage(i);
        RouterLabControls* controls = lab->controls();
        const auto listed = [&]() {
            for (int i = 0; i < controls->tierList()->count(); ++i)
                if (controls->tierList()->item(i)->data(Qt::UserRole).toString() ==
                    QStringLiteral("student/complexity"))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed() && !lab->labController()->busy(), 60000);
        const int scorer = controls->scorerPicker()->findText(
            QStringLiteral("teacher:%1/student-label@1").arg(kTeacher));
        QVERIFY(scorer >= 0);
        controls->scorerPicker()->setCurrentIndex(scorer);
        QTRY_VERIFY_WITH_TIMEOUT(!lab->labController()->busy(), 60000);
        for (int i = 0; i < controls->tierList()->count(); ++i) {
            QListWidgetItem* item = controls->tierList()->item(i);
            const QString ref = item->data(Qt::UserRole).toString();
            item->setCheckState(ref == QStringLiteral("student/complexity") || ref == kTeacher
                                    ? Qt::Checked
                                    : Qt::Unchecked);
        }
        controls->kindPicker()->setCurrentIndex(
            controls->kindPicker()->findData(static_cast<int>(routing::RouterKind::Cascade)));
        const int stated = controls->cascadeSignalPicker()->findData(
            static_cast<int>(routing::CascadeSignal::Stated));
        QVERIFY2(stated >= 0, "the stated-probability signal is offered");
        controls->cascadeSignalPicker()->setCurrentIndex(stated);
        QTRY_VERIFY_WITH_TIMEOUT(
            !lab->labController()->busy() && lab->labController()->lastReplay(), 60000);
        QVERIFY2(lab->message().isEmpty() || !lab->message().contains(QStringLiteral("rror")),
                 qPrintable(lab->message()));
        const QString dir = qEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QTest::qWait(200);
            QVERIFY(m_window->grab().save(
                QDir(dir).filePath(QStringLiteral("router-lab-student.png"))));
        }
        for (int i = 0; i < m_window->pageCount(); ++i)
            if (m_window->page(i) == m_page)
                m_window->showPage(i);
    }

    void answersTypedText() {
        m_page->tryEdit()->setText(QStringLiteral("Summarise this paragraph in one sentence."));
        const QString answer = m_page->tryAnswer()->text();
        QVERIFY2(answer.contains(QStringLiteral("probability")), qPrintable(answer));
        QVERIFY(answer.startsWith(QStringLiteral("simple")) ||
                answer.startsWith(QStringLiteral("standard")) ||
                answer.startsWith(QStringLiteral("complex")));
        // Moving the threshold moves the monthly saving.
        const auto cards = m_page->findChildren<StatCard*>();
        m_page->thresholdSlider()->setValue(0);
        const QString keepAll = cards[2]->value();
        m_page->thresholdSlider()->setValue(9);
        QVERIFY(cards[2]->value() != keepAll || cards[2]->value() == QStringLiteral("–"));
    }

    void screenshot() {
        const QString dir = qEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("SWITCHYARD_SCREENSHOT_DIR is not set");
        m_page->thresholdSlider()->setValue(8);
        QTest::qWait(200);
        QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("student.png"))));
    }

    // "Run the Set Against It": the Runs page checks student/complexity, estimates, and the
    // run answers every demo prompt in-process.
    void runsTheDemoSetWithNoKey() {
        auto* runSet = m_page->findChildren<QPushButton*>().at(2);
        QVERIFY(runSet->text().startsWith(QStringLiteral("Run the Set")));
        QVERIFY(runSet->isEnabled());
        RunsPage* runs = m_window->runsPage();
        runSet->click();
        QTRY_VERIFY_WITH_TIMEOUT(runs->isVisible(), 5000);
        QSignalSpy finished(runs->runsController(), &RunsController::finished);
        runs->startRun();
        QTRY_VERIFY_WITH_TIMEOUT(runs->confirmation(), 30000);
        runs->confirmation()->button(QMessageBox::Yes)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        const RunOutcome outcome = finished.first().first().value<RunOutcome>();
        QCOMPARE(outcome.status, RunStatus::Complete);
        QCOMPARE(outcome.recorded.size(), size_t{1});
        QCOMPARE(outcome.recorded[0].modelRef, std::string("student/complexity"));
        QVERIFY(outcome.recorded[0].ok > 100);
        QVERIFY(outcome.recorded[0].failed.empty());
        QVERIFY(outcome.recorded[0].costUsd > 0.0);
    }
};

QTEST_MAIN(TestStudentPage)
#include "tst_studentpage.moc"
