#pragma once

#include "backgroundjob.h"
#include "student/student_model.h"
#include "workbench/distill_ops.h"
#include "workbench/student_ops.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class WorkspaceController;

// A student as the Student page shows it: the figures it was judged by, whether just trained
// or read back from the workspace (workbench::readStudentFigures), and the model itself for
// trying it on typed text.
struct StudentView {
    QString name;
    QString teacher;
    qint64 runId = 0;
    bool saved = false;
    switchyard::workbench::StudentFigures figures;
    std::shared_ptr<const switchyard::student::StudentModel> model;
    // Just trained with "add as a tier": the model and scorer its answers were recorded under.
    QString tierModel;
    QString tierScorer;
};
Q_DECLARE_METATYPE(std::shared_ptr<const StudentView>)

// Trains students and reads saved ones on worker threads (BackgroundJob), each with its own
// connection to the workspace file; the page hears progress, results and failures as signals.
class StudentController : public QObject {
    Q_OBJECT

public:
    explicit StudentController(WorkspaceController* workspace, QObject* parent = nullptr);

    // workbench::trainStudent, the same operation switchyard-cli train-student calls.
    void train(const switchyard::workbench::TrainStudentRequest& request);
    void cancelTraining();
    bool training() const { return m_training.running(); }
    // A saved student with its figures and model.
    void load(const QString& name);
    // workbench::exportDistillDataset, the operation of switchyard-cli export --format distill.
    void exportDataset(const switchyard::workbench::DistillExportRequest& request);

signals:
    void progress(int permille);
    void trained(const std::shared_ptr<const StudentView>& student);
    void loaded(const std::shared_ptr<const StudentView>& student);
    void exported(const switchyard::workbench::DistillExportOutcome& outcome);
    void failed(const QString& message);

private:
    WorkspaceController* m_workspace;
    BackgroundJob m_training{this};
    BackgroundJob m_loading{this};
    BackgroundJob m_export{this};
};
