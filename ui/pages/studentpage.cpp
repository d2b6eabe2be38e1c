#include "studentpage.h"

#include "charts/chartsetup.h"
#include "charts/exportablechartview.h"
#include "pagelayout.h"
#include "run/saved_students.h"
#include "store/workspace.h"
#include "uiformat.h"
#include "widgets/statcard.h"
#include "workspacecontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <utility>

using namespace switchyard;

namespace {

QTableWidget* makeStudentTable(QWidget* parent) {
    auto* table = new QTableWidget(parent);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    return table;
}

} // namespace

StudentPage::StudentPage(WorkspaceController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller),
      m_students(new StudentController(controller, this)) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(
        page, tr("Student"),
        tr("Can a small model trained on a teacher's answers take the teacher's place? Judged "
           "on prompts it never saw; it runs on this machine with no key."));
    m_train = new QPushButton(tr("Train Student"), this);
    m_train->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_runSet = new QPushButton(tr("Run the Set Against It…"), this);
    m_runSet->setToolTip(tr("Open the Runs page with the student's prompt set and the student "
                            "checked: it answers in-process, with no providers file and no key"));
    m_export = new QPushButton(tr("Export Dataset…"), this);
    m_export->setToolTip(tr("Write the teacher's answers in the chosen run as a Bedrock "
                            "model-distillation or OpenAI fine-tuning dataset, checked against "
                            "their documented limits"));
    for (QPushButton* button : {m_train, m_cancel, m_runSet, m_export})
        header->addWidget(button);
    connect(m_export, &QPushButton::clicked, this, &StudentPage::exportDataset);
    connect(m_train, &QPushButton::clicked, this, &StudentPage::train);
    connect(m_cancel, &QPushButton::clicked, this, &StudentPage::cancelTraining);
    connect(m_runSet, &QPushButton::clicked, this, &StudentPage::requestRun);

    m_agreementCard = new StatCard(tr("agreement with the teacher"), this);
    m_costCard = new StatCard(tr("student cost per 1k requests"), this);
    m_savingsCard = new StatCard(tr("saved per month"), this);
    m_speedCard = new StatCard(tr("predictions per second"), this);
    pagelayout::addCards(page, {m_agreementCard, m_costCard, m_savingsCard, m_speedCard});

    m_reliability = chartsetup::makeChartView(this);
    m_confusion = makeStudentTable(this);
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->setObjectName(QStringLiteral("studentChartSplitter"));
    auto* confusionBox = new QGroupBox(tr("Confusion (rows: teacher, columns: student)"), this);
    auto* confusionLayout = new QVBoxLayout(confusionBox);
    confusionLayout->addWidget(m_confusion);
    charts->addWidget(m_reliability);
    charts->addWidget(confusionBox);
    charts->setChildrenCollapsible(false);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    charts->setSizes({620, 440});
    m_reliability->setMinimumWidth(420);
    auto* top = pagelayout::makeSplitter(Qt::Horizontal, "studentTopSplitter", this);
    top->addWidget(charts);
    top->addWidget(buildControls());
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 0);
    top->setSizes({1100, 360});

    auto* tabs = new QTabWidget(this);
    m_thresholds = makeStudentTable(tabs);
    m_perLabel = makeStudentTable(tabs);
    m_perTag = makeStudentTable(tabs);
    tabs->addTab(m_thresholds, tr("Per confidence threshold"));
    tabs->addTab(m_perTag, tr("Per tag"));
    tabs->addTab(m_perLabel, tr("Per label"));
    auto* tryPane = new QWidget(tabs);
    auto* tryLayout = new QFormLayout(tryPane);
    m_try = new QLineEdit(tryPane);
    m_try->setPlaceholderText(tr("Type a request, as a user would send it"));
    m_tryAnswer = new QLabel(tr("Train or pick a student first."), tryPane);
    m_tryAnswer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tryLayout->addRow(tr("Request"), m_try);
    tryLayout->addRow(tr("Student's answer"), m_tryAnswer);
    tabs->addTab(tryPane, tr("Try it"));
    connect(m_try, &QLineEdit::textChanged, this, &StudentPage::showTry);

    auto* splitter = pagelayout::makeSplitter(Qt::Vertical, "studentSplitter", this);
    splitter->addWidget(top);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    page->addWidget(splitter, 1);

    const pagelayout::StatusRow status = pagelayout::addStatusRow(page, this);
    m_message = status.message;
    m_progress = status.progress;

    connect(m_students, &StudentController::progress, m_progress, &QProgressBar::setValue);
    connect(m_students, &StudentController::trained, this,
            [this](const std::shared_ptr<const StudentView>& student) {
                showTraining(false);
                m_controller->notifyDataChanged(); // the Runs page offers it now
                if (!student->tierModel.isEmpty())
                    m_controller->notifyResultsChanged(); // the Router Lab offers it as a tier
                const int row = m_saved->findText(student->name);
                if (row >= 0) {
                    const QSignalBlocker block(m_saved);
                    m_saved->setCurrentIndex(row);
                }
                showStudent(student);
                showMessage(
                    student->tierModel.isEmpty()
                        ? tr("Trained and saved \"%1\".").arg(student->name)
                        : tr("Trained and saved \"%1\"; its out-of-fold answers are in the run as "
                             "%2, scored by %3: pick them in the Router Lab (cascade, signal "
                             "\"stated probability\").")
                              .arg(student->name, student->tierModel, student->tierScorer));
            });
    connect(m_students, &StudentController::loaded, this, &StudentPage::showStudent);
    connect(m_students, &StudentController::exported, this,
            [this](const workbench::DistillExportOutcome& outcome) {
                m_export->setEnabled(true);
                showMessage(tr("Wrote %1 examples of %2 to %3.%4")
                                .arg(uiformat::count(outcome.examples),
                                     QString::fromStdString(outcome.teacher),
                                     QString::fromStdString(outcome.written),
                                     outcome.warnings.empty()
                                         ? QString()
                                         : QLatin1Char(' ') +
                                               QString::fromStdString(outcome.warnings.front())));
            });
    connect(m_students, &StudentController::failed, this, [this](const QString& message) {
        m_export->setEnabled(true);
        showTraining(false);
        showMessage(std::exchange(m_cancelling, false)
                        ? tr("Training cancelled: nothing was saved.")
                        : message);
    });
    connect(controller, &WorkspaceController::workspaceOpened, this, [this]() {
        m_shown.reset();
        showStudent(nullptr);
        reloadChoices();
    });
    connect(controller, &WorkspaceController::dataChanged, this, &StudentPage::reloadChoices);
    connect(controller, &WorkspaceController::runsChanged, this, &StudentPage::reloadChoices);
    showTraining(false);
    reloadChoices();
    showStudent(nullptr);
}

void StudentPage::reloadChoices() {
    const Workspace* workspace = m_controller->workspace();
    const QVariant run = m_run->currentData();
    {
        const QSignalBlocker block(m_run);
        m_run->clear();
        if (workspace)
            for (const RunInfo& info : workspace->runs())
                if (info.setId)
                    m_run->addItem(tr("%1 (run %2)").arg(uiformat::text(info.name)).arg(info.id),
                                   QVariant::fromValue<qlonglong>(info.id));
        const int row = m_run->findData(run);
        m_run->setCurrentIndex(row >= 0 ? row : 0);
    }
    reloadTeachers();
    const QString saved = m_saved->currentText();
    const QSignalBlocker block(m_saved);
    m_saved->clear();
    if (workspace)
        for (const StoredStudent& student : workspace->students())
            m_saved->addItem(QString::fromStdString(student.name));
    const int row = m_saved->findText(saved);
    m_saved->setCurrentIndex(row);
    if (!m_shown && m_saved->count() > 0 && !m_students->training()) {
        m_saved->setCurrentIndex(0);
        m_students->load(m_saved->itemText(0));
    }
}

void StudentPage::reloadTeachers() {
    const QString teacher = m_teacher->currentText();
    m_teacher->clear();
    const Workspace* workspace = m_controller->workspace();
    if (!workspace || m_run->currentIndex() < 0)
        return;
    const std::string students = std::string(kSavedStudentsProvider) + "/";
    for (const auto& [id, ref] : workspace->runModels(m_run->currentData().toLongLong()))
        if (ref.rfind(students, 0) != 0) // a student is no teacher
            m_teacher->addItem(uiformat::text(ref));
    const int row = m_teacher->findText(teacher);
    m_teacher->setCurrentIndex(row >= 0 ? row : 0);
}

void StudentPage::train() {
    if (m_students->training() || !m_controller->workspace())
        return;
    if (m_run->currentIndex() < 0 || m_teacher->currentText().isEmpty()) {
        showMessage(tr("No run with a teacher yet: import recorded results or run a prompt set "
                       "against a model whose answers are labels."));
        return;
    }
    QString name = m_name->text().trimmed();
    if (name.isEmpty())
        name = QStringLiteral("student-run%1").arg(m_run->currentData().toLongLong());
    workbench::TrainStudentRequest request;
    request.runId = m_run->currentData().toLongLong();
    request.teacher = m_teacher->currentText().toStdString();
    request.saveName = name.toStdString();
    request.options.epochs = m_epochs->value();
    request.options.dimension = m_dimension->value();
    request.options.wordNgrams = m_wordNgrams->value();
    request.evaluation.folds = m_folds->value();
    request.requestsPerMonth = m_requestsMonth->value();
    request.hardwareUsdPerHour = m_hardware->value();
    request.addToRun = m_addAsTier->isChecked();
    showTraining(true);
    showMessage(tr("Training \"%1\" on the answers of %2: %3 folds, then the final student…")
                    .arg(name, m_teacher->currentText())
                    .arg(m_folds->value()));
    m_students->train(request);
}

void StudentPage::cancelTraining() {
    if (!m_students->training())
        return;
    m_cancel->setEnabled(false);
    m_cancelling = true;
    m_students->cancelTraining(); // ends with failed(), once the folds have stopped
    showMessage(tr("Cancelling…"));
}

void StudentPage::showTraining(bool training) {
    m_train->setEnabled(!training);
    m_cancel->setEnabled(training);
    m_progress->setVisible(training);
    m_progress->setValue(0);
    m_runSet->setEnabled(!training && m_shown && m_shown->saved);
}

void StudentPage::showMessage(const QString& text) {
    m_message->setText(text);
    emit statusMessage(text);
}

void StudentPage::exportDataset() {
    if (!m_controller->workspace() || m_run->currentIndex() < 0 ||
        m_teacher->currentText().isEmpty())
        return;
    QString filter;
    const QString bedrock = tr("Bedrock model distillation (*.jsonl)");
    const QString openai = tr("OpenAI fine-tuning (*.jsonl)");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the teacher's answers"), QStringLiteral("distillation.jsonl"),
        bedrock + QStringLiteral(";;") + openai, &filter);
    if (path.isEmpty())
        return;
    workbench::DistillExportRequest request;
    request.workspacePath = m_controller->path().toStdString();
    request.outPath = path.toStdString();
    request.teacher = m_teacher->currentText().toStdString();
    request.runId = m_run->currentData().toLongLong();
    request.target = filter == openai ? "openai" : "bedrock";
    m_export->setEnabled(false);
    m_students->exportDataset(request);
}

void StudentPage::requestRun() {
    const Workspace* workspace = m_controller->workspace();
    if (!m_shown || !workspace)
        return;
    const auto run = workspace->run(m_shown->runId);
    if (!run || !run->setId) {
        showMessage(tr("The run this student learned from is gone: pick a set on the Runs page."));
        return;
    }
    emit runRequested(*run->setId, QString::fromStdString(
                                       workbench::studentModelRef(m_shown->name.toStdString())));
}
