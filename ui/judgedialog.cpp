#include "judgedialog.h"

#include "eval/judge.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

JudgeDialog::JudgeDialog(const QStringList& judgeModels, const QStringList& runModels,
                         QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Judge the Answers"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("A judge model reads each answer and scores it, through the runner like any run: "
           "you see the estimate before anything is sent, the budget caps it, a cancelled "
           "judging resumes, and every call is recorded and priced."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_judge = new QComboBox(this);
    m_judge->addItems(judgeModels);
    form->addRow(tr("&Judge model"), m_judge);
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Score each answer from 1 to 10"), QString());
    for (const QString& model : runModels)
        m_mode->addItem(tr("Against %1 (both orders)").arg(model), model);
    m_mode->setToolTip(tr("Against a baseline, the judge picks the better of two answers, asked "
                          "twice with their order swapped so a preference for a position "
                          "cancels out"));
    form->addRow(tr("&Mode"), m_mode);
    m_rubric = new QPlainTextEdit(this);
    m_rubric->setPlaceholderText(QString::fromUtf8(switchyard::eval::defaultJudgeRubric().data(),
                                                   switchyard::eval::defaultJudgeRubric().size()));
    m_rubric->setMaximumHeight(90);
    form->addRow(tr("&Rubric"), m_rubric);
    auto* budgetRow = new QHBoxLayout;
    m_capped = new QCheckBox(tr("Stop at"), this);
    m_budget = new QDoubleSpinBox(this);
    m_budget->setPrefix(QStringLiteral("$"));
    m_budget->setRange(0.01, 100000.0);
    m_budget->setDecimals(2);
    m_budget->setValue(5.0);
    m_budget->setEnabled(false);
    budgetRow->addWidget(m_capped);
    budgetRow->addWidget(m_budget, 1);
    form->addRow(tr("&Budget"), budgetRow);
    layout->addLayout(form);
    connect(m_capped, &QCheckBox::toggled, m_budget, &QWidget::setEnabled);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Estimate…"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!judgeModels.isEmpty());
    if (judgeModels.isEmpty())
        intro->setText(intro->text() + QStringLiteral("<br><b>") +
                       tr("No provider is set up: add one on the Providers page first.") +
                       QStringLiteral("</b>"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString JudgeDialog::judge() const {
    return m_judge->currentText();
}

QString JudgeDialog::baseline() const {
    return m_mode->currentData().toString();
}

QString JudgeDialog::rubric() const {
    return m_rubric->toPlainText().trimmed();
}

std::optional<double> JudgeDialog::budgetUsd() const {
    return m_capped->isChecked() ? std::optional<double>(m_budget->value()) : std::nullopt;
}
