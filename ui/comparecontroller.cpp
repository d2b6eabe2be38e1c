#include "comparecontroller.h"

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
    return view;
}

} // namespace

CompareController::CompareController(WorkspaceController* workspace, QObject* parent)
    : QObject(parent), m_workspace(workspace) {
    connect(workspace, &WorkspaceController::workspaceOpened, this, [this]() {
        // What they would deliver is about the previous workspace.
        for (BackgroundJob* job : {&m_load, &m_rejudge, &m_rescore, &m_search, &m_cell, &m_export})
            job->drop();
    });
}

void CompareController::load(const Choice& choice) {
    if (!m_workspace->workspace() || choice.runId == 0)
        return;
    m_rejudge.drop();
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
    using Read = std::vector<workbench::CellDetail>;
    m_cell.start(
        [path, setId, matrix, row, columns](const CancelToken&, const Progress&) -> Read {
            Read details;
            auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return details;
            for (size_t column : columns)
                details.push_back(workbench::readCell(**workspace, setId, *matrix, row, column)
                                      .value_or(workbench::CellDetail{}));
            return details;
        },
        [this, row, columns](Read read) {
            if (read.size() == columns.size())
                emit cellsRead(row, columns, read);
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
