#include "studentcontroller.h"

#include "store/workspace.h"
#include "workspacecontroller.h"

using namespace switchyard;

namespace {

using ViewOrError = Expected<std::shared_ptr<const StudentView>>;

// The saved student `name` of the workspace at `path`, read on the calling thread.
ViewOrError readSaved(const std::string& path, const std::string& name) {
    auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return workspace.error();
    const auto stored = (*workspace)->student(name);
    if (!stored)
        return Error{path, 0, "student", "the workspace holds no student named '" + name + "'"};
    auto figures = workbench::readStudentFigures(*stored);
    if (!figures)
        return figures.error();
    auto model = student::StudentModel::fromBytes(stored->model, "student '" + name + "'");
    if (!model)
        return model.error();
    auto view = std::make_shared<StudentView>();
    view->name = QString::fromStdString(stored->name);
    view->teacher = QString::fromStdString(stored->teacher);
    view->runId = stored->runId.value_or(0);
    view->saved = true;
    view->figures = std::move(figures).value();
    view->model = std::make_shared<const student::StudentModel>(std::move(model).value());
    return std::shared_ptr<const StudentView>(std::move(view));
}

} // namespace

StudentController::StudentController(WorkspaceController* workspace, QObject* parent)
    : QObject(parent), m_workspace(workspace) {
    qRegisterMetaType<std::shared_ptr<const StudentView>>();
}

void StudentController::train(const workbench::TrainStudentRequest& request) {
    const std::string path = m_workspace->path().toStdString();
    m_training.start(
        [path, request](const CancelToken& cancel, const Progress& progress) -> ViewOrError {
            auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return workspace.error();
            auto outcome = workbench::trainStudent(**workspace, request, &cancel, progress);
            if (!outcome)
                return outcome.error();
            // The page always names the student, so it is saved: shown as read back, the way a
            // saved student picked later is, with its figures and model read once.
            if (!outcome->saved)
                return Error{path, 0, "student", "the student was not saved: give it a name"};
            auto saved = readSaved(path, outcome->name);
            if (!saved)
                return saved.error();
            auto view = std::make_shared<StudentView>(**saved);
            view->tierModel = QString::fromStdString(outcome->tierModel);
            view->tierScorer = QString::fromStdString(outcome->tierScorer);
            return std::shared_ptr<const StudentView>(std::move(view));
        },
        [this](ViewOrError result) {
            if (result)
                emit trained(*result);
            else
                emit failed(QString::fromStdString(result.error().toString()));
        },
        [this](int64_t done, int64_t total) {
            emit progress(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
        });
}

void StudentController::cancelTraining() {
    m_training.cancel();
}

void StudentController::exportDataset(const workbench::DistillExportRequest& request) {
    m_export.start([request](const CancelToken&,
                             const Progress&) { return workbench::exportDistillDataset(request); },
                   [this](Expected<workbench::DistillExportOutcome> outcome) {
                       if (outcome)
                           emit exported(*outcome);
                       else
                           emit failed(QString::fromStdString(outcome.error().toString()));
                   });
}

void StudentController::load(const QString& name) {
    m_loading.start([path = m_workspace->path().toStdString(), name = name.toStdString()](
                        const CancelToken&, const Progress&) { return readSaved(path, name); },
                    [this](ViewOrError result) {
                        if (result)
                            emit loaded(*result);
                        else
                            emit failed(QString::fromStdString(result.error().toString()));
                    });
}
