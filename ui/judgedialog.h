#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDoubleSpinBox;
class QCheckBox;
class QPlainTextEdit;

// What a judging is to be: the judge model (from the providers file), pointwise or against a
// baseline model of the run, the rubric, and a budget. The Compare page estimates it and asks
// before anything is sent.
class JudgeDialog : public QDialog {
    Q_OBJECT

public:
    JudgeDialog(const QStringList& judgeModels, const QStringList& runModels,
                QWidget* parent = nullptr);

    QString judge() const;
    QString baseline() const; // empty: score each answer on its own
    QString rubric() const;   // empty: the default rubric
    std::optional<double> budgetUsd() const;

private:
    QComboBox* m_judge;
    QComboBox* m_mode;
    QPlainTextEdit* m_rubric;
    QCheckBox* m_capped;
    QDoubleSpinBox* m_budget;
};
