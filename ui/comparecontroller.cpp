#include "comparecontroller.h"

#include "providerscontroller.h"
#include "workbench/golden_ops.h"
#include "workspacecontroller.h"

#include <utility>

using namespace switchyard;

namespace {

workbench::CompareRequest compareRequest(const CompareController::Choice& choice,
                                         const std::string& scorer) {
    workbench::CompareRequest request;
    request.runId = choice.runId;
    request.baselineRunId = choice.baselineRunId;
    request.baseline = choice.baseline;
    request.scorer = scorer;
    request.passBar = choice.passBar;
    return request;
}

Expected<ComparisonView> loadView(const Workspace& workspace,
                                  const CompareController::Choice& choice,
                                  const CancelToken& cancel, const Progress& progress) {
    auto matrix = workbench::loadCompareMatrix(
        workspace, {choice.runId, choice.baselineRunId, choice.scorer}, &cancel, progress);
    if (!matrix)
        return matrix.error();
    // The matrix decided the scorer; the verdicts read the same one.
    auto request = compareRequest(choice, matrix->scorer);
    auto outcome = workbench::compareRun(workspace, request, &cancel);
    if (!outcome && !choice.baseline.empty()) {
        // The baseline chosen for another comparison is not in this one: the default.
        request.baseline.clear();
        outcome = workbench::compareRun(workspace, request, &cancel);
    }
    if (!outcome)
        return outcome.error();
    ComparisonView view;
    view.matrix = std::make_shared<const compare::CompareMatrix>(std::move(matrix->matrix));
    view.outcome = std::move(*outcome);
    view.runId = choice.runId;
    view.baselineRunId = choice.baselineRunId;
    view.setId = matrix->setId;
    view.scorers = workspace.runScorers(choice.runId);
    view.passBar = choice.passBar;
    if (const auto set = workspace.promptSet(view.setId)) {
        view.setName = set->name;
        view.golden = set->golden;
        view.lastGoldenVersion = set->goldenVersion;
    }
    // Which version the content is now: a set changed since it was marked says so.
    if (view.golden)
        if (auto status = workbench::goldenStatus(workspace, view.setId))
            view.goldenVersion = status->currentVersion;
    return view;
}

} // namespace

CompareController::CompareController(WorkspaceController* workspace, ProvidersController* providers,
                                     QObject* parent)
    : QObject(parent), m_workspace(workspace), m_providers(providers) {
    connect(workspace, &WorkspaceController::workspaceOpened, this, [this]() {
        // What they would deliver is about the previous workspace.
        for (BackgroundJob* job :
             {&m_load, &m_rejudge, &m_rescore, &m_search, &m_cell, &m_export, &m_plan, &m_judge})
            job->drop();
    });
}

void CompareController::load(const Choice& choice) {
    if (!m_workspace->workspace() || choice.runId == 0)
        return;
    // What they would deliver is about the comparison shown before.
    m_rejudge.drop();
    m_search.drop();
    m_cell.drop();
    const std::string path = m_workspace->path().toStdString();
    using Loaded = Expected<ComparisonView>;
    m_load.start(
        [path, choice](const CancelToken& cancel, const Progress& progress) -> Loaded {
            auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return workspace.error();
            return loadView(**workspace, choice, cancel, progress);
        },
        [this](Loaded view) {
            if (!view) {
                emit failed(QString::fromStdString(view.error().toString()));
                return;
            }
            emit loaded(std::make_shared<const ComparisonView>(std::move(*view)));
        },
        [this](int64_t done, int64_t total) {
            emit progress(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
        });
}

void CompareController::rejudge(const Choice& choice) {
    if (!m_workspace->workspace() || choice.runId == 0)
        return;
    const std::string path = m_workspace->path().toStdString();
    using Judged = Expected<workbench::CompareOutcome>;
    m_rejudge.start(
        [path, request = compareRequest(choice, choice.scorer)](const CancelToken& cancel,
                                                                const Progress&) -> Judged {
            auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return workspace.error();
            return workbench::compareRun(**workspace, request, &cancel);
        },
        [this](Judged judged) {
            if (!judged) {
                emit failed(QString::fromStdString(judged.error().toString()));
                return;
            }
            emit rejudged(*judged);
        });
}

void CompareController::rescore(const Choice& choice, const std::string& scorer) {
    if (!m_workspace->workspace() || choice.runId == 0)
        return;
    const std::string path = m_workspace->path().toStdString();
    using Scored = Expected<workbench::ScoreRunOutcome>;
    m_rescore.start(
        [path, choice, scorer](const CancelToken& cancel, const Progress&) -> Scored {
            auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return workspace.error();
            workbench::ScoreRequest request;
            request.runId = choice.runId;
            request.baselineRunId = choice.baselineRunId;
            request.scorer = scorer;
            request.passBar = choice.passBar;
            return workbench::scoreRun(**workspace, request, &cancel);
        },
        [this, choice](Scored scored) {
            if (!scored) {
                emit failed(QString::fromStdString(scored.error().toString()));
                return;
            }
            emit rescored(tr("Scored %1 answers with %2%3.")
                              .arg(scored->scored)
                              .arg(QString::fromStdString(scored->scorer),
                                   scored->reason.empty()
                                       ? QString()
                                       : QStringLiteral(" (%1)").arg(
                                             QString::fromStdString(scored->reason))));
            Choice next = choice;
            next.scorer = scored->scorer;
            load(next);
        });
}

void CompareController::search(int64_t setId, std::vector<int64_t> runIds, const QString& text) {
    if (!m_workspace->workspace())
        return;
    const std::string path = m_workspace->path().toStdString();
    using Hits = std::shared_ptr<const std::unordered_set<int64_t>>;
    m_search.start(
        [path, setId, runIds, text = text.toStdString()](const CancelToken&,
                                                         const Progress&) -> Hits {
            auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return std::make_shared<const std::unordered_set<int64_t>>();
            return std::make_shared<const std::unordered_set<int64_t>>(
                workbench::searchComparison(**workspace, setId, runIds, text));
        },
        [this](Hits hits) { emit searched(hits); });
}

void CompareController::readCells(int64_t setId,
                                  std::shared_ptr<const compare::CompareMatrix> matrix, size_t row,
                                  std::vector<size_t> columns) {
    if (!m_workspace->workspace() || !matrix)
        return;
    const std::string path = m_workspace->path().toStdString();
    m_cell.start(
        [path, setId, matrix, row, columns](const CancelToken&, const Progress&) {
            CellsRead read{matrix, row, columns, {}, {}};
            auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return read;
            for (size_t column : columns)
                read.details.push_back(workbench::readCell(**workspace, setId, *matrix, row, column)
                                           .value_or(workbench::CellDetail{}));
            if (read.details.size() >= 2)
                read.diff =
                    compare::wordDiff(read.details[0].result.output, read.details[1].result.output);
            return read;
        },
        [this](CellsRead read) {
            if (read.details.size() == read.columns.size())
                emit cellsRead(read);
        });
}

void CompareController::exportCsv(std::shared_ptr<const compare::CompareMatrix> matrix,
                                  std::vector<uint32_t> rows, const QString& path) {
    if (!m_workspace->workspace() || !matrix)
        return;
    const std::string workspacePath = m_workspace->path().toStdString();
    m_export.start(
        [workspacePath, matrix, rows = std::move(rows),
         file = path.toStdString()](const CancelToken& cancel, const Progress&) -> Status {
            auto workspace = Workspace::open(workspacePath, Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return workspace.error();
            return workbench::exportComparisonCsv(**workspace, *matrix, rows, file, &cancel);
        },
        [this, path](Status status) {
            if (!status) {
                emit failed(QString::fromStdString(status.error().toString()));
                return;
            }
            emit exported(path);
        });
}

workbench::JudgeRequest CompareController::judgeRequest(int64_t runId, const QString& judge,
                                                        const QString& baseline,
                                                        const QString& rubric,
                                                        std::optional<double> budgetUsd) const {
    workbench::JudgeRequest request;
    request.runId = runId;
    request.judge = judge.toStdString();
    request.baseline = baseline.toStdString();
    request.rubric = rubric.toStdString();
    request.runner.workspacePath = m_workspace->path().toStdString();
    request.runner.budgetUsd = budgetUsd;
    // Prices stay empty: the bundled catalogue with this workspace's overrides, as for a run.
    if (m_providers) {
        request.runner.providers = m_providers->file();
        request.runner.credentials = m_providers->credentialSources();
    } else {
        request.runner.credentials = CredentialSources::fromProcess();
    }
    return request;
}

void CompareController::planJudge(const workbench::JudgeRequest& request) {
    if (!m_workspace->workspace())
        return;
    using Planned = Expected<workbench::JudgePlan>;
    m_plan.start([request](const CancelToken&,
                           const Progress&) -> Planned { return workbench::planJudge(request); },
                 [this, request](Planned plan) {
                     if (!plan) {
                         emit failed(QString::fromStdString(plan.error().toString()));
                         return;
                     }
                     m_workspace->notifyDataChanged(); // the judge prompt set is new or grew
                     emit judgePlanned(request, *plan);
                 });
}

void CompareController::runJudge(const workbench::JudgeRequest& request,
                                 const workbench::JudgePlan& plan) {
    if (!m_workspace->workspace())
        return;
    using Judged = Expected<workbench::JudgeOutcome>;
    m_judge.start(
        [request, plan](const CancelToken& cancel, const Progress& progress) -> Judged {
            return workbench::runJudge(request, plan, cancel,
                                       [progress](const RunProgress& snapshot) {
                                           if (progress)
                                               progress(snapshot.done, snapshot.planned);
                                       });
        },
        [this](Judged outcome) {
            m_workspace->notifyDataChanged();
            if (!outcome) {
                emit failed(QString::fromStdString(outcome.error().toString()));
                return;
            }
            emit judged(*outcome);
        },
        [this](int64_t done, int64_t planned) { emit judgeProgress(done, planned); });
}
