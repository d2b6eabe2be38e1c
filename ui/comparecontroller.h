#pragma once

#include "backgroundjob.h"
#include "compare/word_diff.h"
#include "workbench/compare_ops.h"
#include "workbench/eval_ops.h"
#include "workbench/judge_ops.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

class ProvidersController;
class WorkspaceController;

// What the Compare page shows for one choice of run, baseline run and scorer: the matrix and
// the verdicts, read together on a worker so that they describe the same results.
struct ComparisonView {
    std::shared_ptr<const switchyard::compare::CompareMatrix> matrix;
    switchyard::workbench::CompareOutcome outcome;
    int64_t runId = 0;
    std::optional<int64_t> baselineRunId;
    int64_t setId = 0;
    std::vector<std::string> scorers; // what the run's answers are scored by
    double passBar = 0.5;             // the bar the verdicts were computed at
    std::string setName;
    bool golden = false;
    // For a golden set: the version its content is now (empty when it changed since it was
    // last marked), and the last version it was marked with.
    std::optional<int> goldenVersion;
    int lastGoldenVersion = 0;
};

// One row's cells in full for the detail pane, with the word diff of the first two answers
// (computed on the worker: an answer pair can take a few million steps).
struct CellsRead {
    std::shared_ptr<const switchyard::compare::CompareMatrix> matrix; // read from this one
    size_t row = 0;
    std::vector<size_t> columns;
    std::vector<switchyard::workbench::CellDetail> details;
    std::vector<switchyard::compare::DiffPiece> diff;
};

// Runs the Compare page's work off the GUI thread (BackgroundJob): loading a comparison,
// re-judging it at another bar or baseline, searching, reading one cell, re-scoring, exporting.
// A newer request of a kind supersedes the older one.
class CompareController : public QObject {
    Q_OBJECT

public:
    CompareController(WorkspaceController* workspace, ProvidersController* providers,
                      QObject* parent = nullptr);

    struct Choice {
        int64_t runId = 0;
        std::optional<int64_t> baselineRunId;
        std::string scorer;   // empty: the run's default
        std::string baseline; // empty: the default baseline (compareRun)
        double passBar = 0.5;
    };
    void load(const Choice& choice);
    // The verdicts again (another bar or baseline), without reloading the matrix.
    void rejudge(const Choice& choice);
    // Scores the run with a reference scorer (empty: chosen from the answers), then loads it.
    void rescore(const Choice& choice, const std::string& scorer);
    void search(int64_t setId, std::vector<int64_t> runIds, const QString& text);
    // Forgets a running search: its hits would filter a box that is now empty, or another run.
    void dropSearch() { m_search.drop(); }
    // Cells of one row in full: the detail pane's two answers.
    void readCells(int64_t setId, std::shared_ptr<const switchyard::compare::CompareMatrix> matrix,
                   size_t row, std::vector<size_t> columns);
    void exportCsv(std::shared_ptr<const switchyard::compare::CompareMatrix> matrix,
                   std::vector<uint32_t> rows, const QString& path);
    bool busy() const { return m_load.running() || m_rescore.running(); }

    // A judging of the run: the providers file and keys of the Providers page, the workspace's
    // prices. Planning builds the judge prompt set and estimates it (judgePlanned); nothing is
    // sent until runJudge.
    switchyard::workbench::JudgeRequest judgeRequest(int64_t runId, const QString& judge,
                                                     const QString& baseline, const QString& rubric,
                                                     std::optional<double> budgetUsd) const;
    void planJudge(const switchyard::workbench::JudgeRequest& request);
    void runJudge(const switchyard::workbench::JudgeRequest& request,
                  const switchyard::workbench::JudgePlan& plan);
    void cancelJudge() { m_judge.cancel(); }
    bool judging() const { return m_judge.running(); }
    bool planningJudge() const { return m_plan.running(); }

signals:
    void progress(int permille);
    void loaded(const std::shared_ptr<const ComparisonView>& view);
    void rejudged(const switchyard::workbench::CompareOutcome& outcome);
    void rescored(const QString& summary);
    void searched(const std::shared_ptr<const std::unordered_set<int64_t>>& hits);
    void cellsRead(const CellsRead& cells);
    void exported(const QString& path);
    void judgePlanned(const switchyard::workbench::JudgeRequest& request,
                      const switchyard::workbench::JudgePlan& plan);
    void judgeProgress(qint64 done, qint64 planned);
    void judged(const switchyard::workbench::JudgeOutcome& outcome);
    void failed(const QString& message);

private:
    WorkspaceController* m_workspace;
    ProvidersController* m_providers;
    BackgroundJob m_load{this};
    BackgroundJob m_rejudge{this};
    BackgroundJob m_rescore{this};
    BackgroundJob m_search{this};
    BackgroundJob m_cell{this};
    BackgroundJob m_export{this};
    BackgroundJob m_plan{this};
    BackgroundJob m_judge{this};
};
