// The Student page's controls: the teacher (run, model, name), training settings, the cost
// assumptions, the saved students and the confidence threshold the figures are shown at.
#include "studentpage.h"

#include "workbench/student_ops.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace switchyard;

QWidget* StudentPage::buildControls() {
    auto* panel = new QWidget(this);
    panel->setMaximumWidth(400);
    auto* layout = new QVBoxLayout(panel);

    auto* teacher = new QGroupBox(tr("Teacher"), panel);
    auto* teacherForm = new QFormLayout(teacher);
    m_run = new QComboBox(teacher);
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_run->setMinimumContentsLength(18);
    m_teacher = new QComboBox(teacher);
    m_teacher->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_teacher->setMinimumContentsLength(18);
    m_name = new QLineEdit(teacher);
    m_name->setPlaceholderText(tr("e.g. ticket-router"));
    teacherForm->addRow(tr("Run"), m_run);
    teacherForm->addRow(tr("Teacher model"), m_teacher);
    teacherForm->addRow(tr("Save as"), m_name);
    layout->addWidget(teacher);
    connect(m_run, &QComboBox::currentIndexChanged, this, &StudentPage::reloadTeachers);

    auto* training = new QGroupBox(tr("Training"), panel);
    auto* trainingForm = new QFormLayout(training);
    const student::StudentOptions defaults;
    m_folds = new QSpinBox(training);
    m_folds->setRange(2, 20);
    m_folds->setValue(5);
    m_epochs = new QSpinBox(training);
    m_epochs->setRange(1, 200);
    m_epochs->setValue(defaults.epochs);
    m_dimension = new QSpinBox(training);
    m_dimension->setRange(4, 300);
    m_dimension->setValue(defaults.dimension);
    m_wordNgrams = new QSpinBox(training);
    m_wordNgrams->setRange(1, 5);
    m_wordNgrams->setValue(defaults.wordNgrams);
    trainingForm->addRow(tr("Cross-validation folds"), m_folds);
    trainingForm->addRow(tr("Epochs"), m_epochs);
    trainingForm->addRow(tr("Dimensions"), m_dimension);
    trainingForm->addRow(tr("Word n-grams"), m_wordNgrams);
    m_addAsTier = new QCheckBox(tr("Add its answers to the run as a Router Lab tier"), training);
    m_addAsTier->setChecked(true);
    m_addAsTier->setToolTip(tr("Records the student's out-of-fold answers and probabilities in "
                               "the teacher's run, scored against the teacher: no prompt is "
                               "answered by a student that saw it"));
    trainingForm->addRow(m_addAsTier);
    layout->addWidget(training);

    auto* cost = new QGroupBox(tr("Cost"), panel);
    auto* costForm = new QFormLayout(cost);
    m_hardware = new QDoubleSpinBox(cost);
    m_hardware->setRange(0.0, 100.0);
    m_hardware->setDecimals(3);
    m_hardware->setValue(workbench::TrainStudentRequest{}.hardwareUsdPerHour);
    m_hardware->setPrefix(QStringLiteral("$"));
    m_hardware->setSuffix(tr(" / hour"));
    m_hardware->setToolTip(tr("What the machine serving the student costs; spread over the "
                              "throughput measured here, it prices every answer"));
    m_requestsMonth = new QSpinBox(cost);
    m_requestsMonth->setRange(1, 1'000'000'000);
    m_requestsMonth->setValue(100'000);
    m_requestsMonth->setGroupSeparatorShown(true);
    costForm->addRow(tr("Hardware"), m_hardware);
    costForm->addRow(tr("Requests per month"), m_requestsMonth);
    layout->addWidget(cost);

    auto* shown = new QGroupBox(tr("Saved students"), panel);
    auto* shownForm = new QFormLayout(shown);
    m_saved = new QComboBox(shown);
    shownForm->addRow(tr("Show"), m_saved);
    m_threshold = new QSlider(Qt::Horizontal, shown);
    m_threshold->setRange(0, 9);
    m_threshold->setValue(8);
    m_thresholdLabel = new QLabel(shown);
    shownForm->addRow(tr("Keep answers at probability ≥"), m_thresholdLabel);
    shownForm->addRow(m_threshold);
    layout->addWidget(shown);
    layout->addStretch(1);
    connect(m_saved, &QComboBox::currentIndexChanged, this, [this](int row) {
        if (row >= 0 && !m_students->training())
            m_students->load(m_saved->itemText(row));
    });
    connect(m_threshold, &QSlider::valueChanged, this, [this]() {
        showCards();
        showTables();
    });
    return panel;
}
