#pragma once

#include "studentcontroller.h"

#include <QWidget>

#include <memory>

class ExportableChartView;
class StatCard;
class WorkspaceController;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableWidget;

// Student: whether a small local model trained on a teacher's answers can take the teacher's
// place. Pick a run and its teacher, train on a worker (progress, cancel), judge it on prompts
// it never saw (agreement with its interval, confusion, calibration, the share it can keep at a
// confidence threshold and what that saves), try it on typed text, add it to the run as a
// Router Lab tier, and run a prompt set against it with no key.
class StudentPage : public QWidget {
    Q_OBJECT

public:
    explicit StudentPage(WorkspaceController* controller, QWidget* parent = nullptr);

    StudentController* studentController() const { return m_students; }
    const StudentView* shown() const { return m_shown.get(); }
    QComboBox* runPicker() const { return m_run; }
    QComboBox* teacherPicker() const { return m_teacher; }
    QComboBox* savedPicker() const { return m_saved; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* tryEdit() const { return m_try; }
    QLabel* tryAnswer() const { return m_tryAnswer; }
    QSlider* thresholdSlider() const { return m_threshold; }
    QCheckBox* addAsTierCheck() const { return m_addAsTier; }

    void train();
    void cancelTraining();

signals:
    // The Runs page, prepared for this set and model: "run the set against the student".
    void runRequested(qint64 setId, const QString& modelRef);
    void statusMessage(const QString& message);

private:
    QWidget* buildControls();
    void reloadChoices();
    void reloadTeachers();
    void showStudent(const std::shared_ptr<const StudentView>& student);
    void showCards();
    void showReliability();
    void showTables();
    void showTry();
    void showTraining(bool training);
    void showMessage(const QString& text);
    void requestRun();
    void exportDataset();

    WorkspaceController* m_controller;
    StudentController* m_students;
    std::shared_ptr<const StudentView> m_shown;
    bool m_cancelling = false;

    QPushButton* m_train;
    QPushButton* m_cancel;
    QPushButton* m_runSet;
    QPushButton* m_export;
    StatCard* m_agreementCard;
    StatCard* m_costCard;
    StatCard* m_savingsCard;
    StatCard* m_speedCard;
    ExportableChartView* m_reliability;
    QTableWidget* m_confusion;
    QTableWidget* m_perLabel;
    QTableWidget* m_thresholds;
    QTableWidget* m_perTag;

    QComboBox* m_run;
    QComboBox* m_teacher;
    QLineEdit* m_name;
    QSpinBox* m_folds;
    QSpinBox* m_epochs;
    QSpinBox* m_dimension;
    QSpinBox* m_wordNgrams;
    QDoubleSpinBox* m_hardware;
    QSpinBox* m_requestsMonth;
    QCheckBox* m_addAsTier;
    QComboBox* m_saved;
    QSlider* m_threshold;
    QLabel* m_thresholdLabel;
    QLineEdit* m_try;
    QLabel* m_tryAnswer;
    QLabel* m_message;
    QProgressBar* m_progress;
};
