#include "comparepage.h"

#include "charts/chartsetup.h"
#include "charts/exportablechartview.h"
#include "comparedetailhtml.h"
#include "eval/reference_scorers.h"
#include "models/comparematrixmodel.h"
#include "models/comparisonsummarymodel.h"
#include "pagelayout.h"
#include "readjob.h"
#include "uiformat.h"
#include "widgets/statcard.h"
#include "widgets/tableview.h"
#include "workspacecontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

using namespace switchyard;

ComparePage::ComparePage(WorkspaceController* controller, ProvidersController* providers,
                         QWidget* parent)
    : QWidget(parent), m_controller(controller), m_providers(providers),
      m_compare(new CompareController(controller, providers, this)),
      m_matrix(new CompareMatrixModel(this)), m_summary(new ComparisonSummaryModel(this)) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(
        page, tr("Compare"),
        tr("Which model answered what, how good it was, what it cost, and is the cheaper one "
           "measurably worse? Every comparison is paired on the prompts both models answered."));
    m_rescore = new QPushButton(tr("Re-score"), this);
    m_rescore->setToolTip(tr("Score the run's answers against the expected answers again with "
                             "another scorer; nothing is re-run"));
    auto* scorers = new QMenu(m_rescore);
    scorers->addAction(tr("Chosen from the expected answers"), this, [this]() {
        setBusy(true, tr("Scoring…"));
        m_compare->rescore(choice(), {});
    });
    for (int kind = 0; kind <= static_cast<int>(eval::ReferenceScorer::Auto); ++kind) {
        const std::string name(eval::referenceScorerName(static_cast<eval::ReferenceScorer>(kind)));
        scorers->addAction(QString::fromStdString(name), this, [this, name]() {
            setBusy(true, tr("Scoring…"));
            m_compare->rescore(choice(), name);
        });
    }
    m_rescore->setMenu(scorers);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setToolTip(tr("The prompts shown, in their order, with every column's whole "
                            "answer, score, cost, latency and error"));
    m_judge = new QPushButton(tr("Judge…"), this);
    m_judge->setToolTip(tr("Have a judge model score the answers (or pick the better of each "
                           "answer and a baseline's), with the cost estimated first"));
    header->addWidget(m_judge);
    header->addWidget(m_rescore);
    header->addWidget(m_export);
    connect(m_judge, &QPushButton::clicked, this, &ComparePage::chooseAndJudge);
    connect(m_export, &QPushButton::clicked, this, &ComparePage::chooseAndExportCsv);

    m_qualityCard = new StatCard(tr("quality (mean score)"), this);
    m_deltaCard = new StatCard(tr("difference from the baseline"), this);
    m_costCard = new StatCard(tr("cost per 1k requests"), this);
    m_evidenceCard = new StatCard(tr("evidence"), this);
    pagelayout::addCards(page, {m_qualityCard, m_deltaCard, m_costCard, m_evidenceCard});
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("compareVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont verdictFont = m_verdict->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.2);
    m_verdict->setFont(verdictFont);
    page->addWidget(m_verdict);
    page->addWidget(buildControls());

    m_stack = new QStackedWidget(this);
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(buildContent());
    page->addWidget(m_stack, 1);

    auto* statusRow = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(240);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stop judging: the verdicts that arrived are kept, and judging again "
                            "continues where it stopped"));
    statusRow->addWidget(m_message, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancel);
    page->addLayout(statusRow);
    connect(m_cancel, &QPushButton::clicked, m_compare, &CompareController::cancelJudge);
    setBusy(false);

    connect(m_compare, &CompareController::progress, m_progress, &QProgressBar::setValue);
    connect(m_compare, &CompareController::loaded, this, &ComparePage::showView);
    connect(m_compare, &CompareController::rejudged, this,
            [this](const workbench::CompareOutcome& outcome) {
                m_summary->setOutcome(outcome);
                showOutcome();
            });
    connect(m_compare, &CompareController::rescored, this, &ComparePage::statusMessage);
    connect(m_compare, &CompareController::searched, this,
            [this](const std::shared_ptr<const std::unordered_set<int64_t>>& hits) {
                m_hits = hits;
                applyFilters();
            });
    connect(m_compare, &CompareController::cellsRead, this, [this](const CellsRead& read) {
        // A read of a comparison no longer shown: its rows and columns are another matrix's.
        if (!m_view || read.matrix != m_view->matrix)
            return;
        std::vector<DetailAnswer> answers;
        for (size_t i = 0; i < read.columns.size(); ++i)
            answers.push_back(
                {QString::fromStdString(read.matrix->columns()[read.columns[i]].label),
                 read.details[i], &read.matrix->cell(read.row, read.columns[i])});
        m_detail->setHtml(comparisonDetailHtml(*read.matrix, read.row, answers, read.diff));
    });
    connectJudging();
    connect(m_compare, &CompareController::exported, this, [this](const QString& path) {
        emit statusMessage(tr("Exported the comparison to %1").arg(path));
    });
    connect(m_compare, &CompareController::failed, this, [this](const QString& message) {
        setBusy(false, message);
        emit statusMessage(message);
    });
    connect(controller, &WorkspaceController::workspaceOpened, this, [this]() {
        m_view.reset();
        m_matrix->setMatrix(nullptr);
        m_summary->setOutcome({});
        reloadRuns();
    });
    connect(controller, &WorkspaceController::runsChanged, this, &ComparePage::reloadRuns);
    connect(controller, &WorkspaceController::importFinished, this, &ComparePage::reloadRuns);
    reloadRuns();
}

QWidget* ComparePage::buildControls() {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto labelled = [&](const QString& text, QWidget* field, const QString& tip) {
        auto* label = new QLabel(text, row);
        label->setBuddy(field);
        field->setToolTip(tip);
        layout->addWidget(label);
        layout->addWidget(field);
    };
    m_run = new QComboBox(row);
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_run->setMinimumContentsLength(18);
    labelled(tr("&Run"), m_run, tr("The run whose models are compared"));
    m_baselineRun = new QComboBox(row);
    m_baselineRun->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_baselineRun->setMinimumContentsLength(14);
    labelled(tr("A&gainst run"), m_baselineRun,
             tr("Another run on the same prompt set: each model is compared with itself there, "
                "so you see what got better or worse"));
    m_scorer = new QComboBox(row);
    m_scorer->setMinimumContentsLength(10);
    labelled(tr("&Scores"), m_scorer,
             tr("Which stored scores are the quality; Re-score adds another scorer's"));
    m_baseline = new QComboBox(row);
    m_baseline->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_baseline->setMinimumContentsLength(14);
    labelled(tr("&Baseline"), m_baseline,
             tr("The column every other is compared with (default: the dearest)"));
    m_bar = new QDoubleSpinBox(row);
    m_bar->setRange(0.0, 1.0);
    m_bar->setSingleStep(0.05);
    m_bar->setDecimals(2);
    m_bar->setValue(0.5);
    labelled(tr("Pass &bar"), m_bar, tr("A score at or above the bar passes"));
    layout->addStretch(1);

    connect(m_run, &QComboBox::activated, this, [this]() {
        fillBaselineRuns();
        m_scorer->clear();
        load();
    });
    connect(m_baselineRun, &QComboBox::activated, this, [this]() { load(); });
    connect(m_scorer, &QComboBox::activated, this, [this]() { load(); });
    connect(m_baseline, &QComboBox::activated, this, [this]() { m_compare->rejudge(choice()); });
    connect(m_bar, &QDoubleSpinBox::valueChanged, this, [this]() {
        m_compare->rejudge(choice());
        applyFilters();
    });
    return row;
}

QWidget* ComparePage::buildContent() {
    auto* content = pagelayout::makeSplitter(Qt::Vertical, "compareSplitter", this);
    auto* top = pagelayout::makeSplitter(Qt::Horizontal, "compareTopSplitter", content);
    m_summaryView = makeTableView(m_summary, top);
    m_summaryView->setObjectName(QStringLiteral("compareSummary"));
    m_summaryView->setSortingEnabled(false);
    m_summaryView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_chart = chartsetup::makeChartView(top);
    m_chart->setMinimumSize(360, 260);
    top->addWidget(m_summaryView);
    top->addWidget(m_chart);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);

    auto* bottom = new QWidget(content);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(buildFilters());
    auto* split = pagelayout::makeSplitter(Qt::Horizontal, "compareMatrixSplitter", bottom);
    m_matrixView = makeTableView(m_matrix, split);
    m_matrixView->setObjectName(QStringLiteral("compareMatrix"));
    m_matrixView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_matrixView->setSortingEnabled(true);
    m_matrixView->sortByColumn(0, Qt::AscendingOrder);
    // Two lines per cell: the answer, then its figures. Fixed heights keep scrolling at 100,000
    // rows from measuring any row.
    m_matrixView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_matrixView->verticalHeader()->setDefaultSectionSize(2 * fontMetrics().lineSpacing() + 8);
    m_matrixView->horizontalHeader()->setDefaultSectionSize(260);
    m_matrixView->horizontalHeader()->setStretchLastSection(false);
    m_detail = new QTextBrowser(split);
    m_detail->setPlaceholderText(tr("Select a cell to read its answer beside the baseline's, "
                                    "with the words that differ marked, the expected answer and "
                                    "every score."));
    split->addWidget(m_matrixView);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    bottomLayout->addWidget(split, 1);
    content->addWidget(top);
    content->addWidget(bottom);
    content->setStretchFactor(0, 2);
    content->setStretchFactor(1, 3);

    connect(m_summaryView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                m_candidate = m_summary->label(current.row());
                showCandidate();
            });
    connect(m_matrixView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid() && current.column() > 0)
                    m_detailColumn = static_cast<size_t>(current.column() - 1);
                showRowDetail();
            });
    return content;
}

void ComparePage::reloadRuns() {
    if (!m_controller->workspace()) {
        showRuns({});
        return;
    }
    const int job = ++m_runsJob;
    runReadJob<std::vector<RunInfo>>(
        m_controller->path().toStdString(), this,
        [](const Workspace& workspace) {
            std::vector<RunInfo> withResults;
            for (RunInfo& run : workspace.runs())
                if (run.setId && workspace.hasResults(run.id))
                    withResults.push_back(std::move(run));
            return withResults;
        },
        [this, job](std::optional<std::vector<RunInfo>> runs) {
            if (job == m_runsJob)
                showRuns(runs ? *runs : std::vector<RunInfo>{});
        });
}

void ComparePage::showRuns(const std::vector<RunInfo>& runs) {
    const int64_t current = m_run->currentData().toLongLong();
    const bool same = runs.size() == m_runs.size() &&
                      std::equal(runs.begin(), runs.end(), m_runs.begin(),
                                 [](const RunInfo& a, const RunInfo& b) { return a.id == b.id; });
    m_runs = runs;
    if (runs.empty()) {
        m_empty->setText(m_controller->workspace()
                             ? tr("No recorded results yet: import results (drag a results file "
                                  "here) or start a run, then compare its models here.")
                             : tr("No workspace open: File → Open Workspace, or Help → Open Demo "
                                  "Workspace."));
        m_stack->setCurrentIndex(0);
        m_run->clear();
        m_verdict->clear();
        return;
    }
    m_stack->setCurrentIndex(1);
    if (same && m_view)
        return;
    m_run->clear();
    for (const RunInfo& run : runs) {
        QString label = QStringLiteral("#%1 %2").arg(run.id).arg(QString::fromStdString(run.name));
        if (run.synthetic)
            label += QLatin1Char(' ') + tr("(synthetic)");
        m_run->addItem(label, QVariant::fromValue<qlonglong>(run.id));
    }
    const int keep = m_run->findData(QVariant::fromValue<qlonglong>(current));
    m_run->setCurrentIndex(keep >= 0 ? keep : m_run->count() - 1);
    fillBaselineRuns();
    load();
}

void ComparePage::fillBaselineRuns() {
    const int64_t runId = m_run->currentData().toLongLong();
    const int64_t previous = m_baselineRun->currentData().toLongLong();
    std::optional<int64_t> setId;
    for (const RunInfo& run : m_runs)
        if (run.id == runId)
            setId = run.setId;
    m_baselineRun->clear();
    m_baselineRun->addItem(tr("— none —"), QVariant::fromValue<qlonglong>(0));
    for (const RunInfo& run : m_runs)
        if (run.id != runId && run.setId == setId)
            m_baselineRun->addItem(
                QStringLiteral("#%1 %2").arg(run.id).arg(QString::fromStdString(run.name)),
                QVariant::fromValue<qlonglong>(run.id));
    const int keep = m_baselineRun->findData(QVariant::fromValue<qlonglong>(previous));
    m_baselineRun->setCurrentIndex(std::max(0, keep));
    m_baselineRun->setEnabled(m_baselineRun->count() > 1);
}

CompareController::Choice ComparePage::choice() const {
    CompareController::Choice choice;
    choice.runId = m_run->currentData().toLongLong();
    if (const qlonglong baseline = m_baselineRun->currentData().toLongLong(); baseline > 0)
        choice.baselineRunId = baseline;
    choice.scorer = m_scorer->currentText().toStdString();
    choice.baseline = m_baseline->currentData().toString().toStdString();
    choice.passBar = m_bar->value();
    return choice;
}

void ComparePage::load() {
    if (choice().runId == 0)
        return;
    setBusy(true, tr("Reading the run's answers…"));
    m_compare->load(choice());
}

void ComparePage::setBusy(bool busy, const QString& message) {
    // A judging goes on (and is paid for) while comparisons load: it keeps its progress and
    // its Cancel until it ends.
    const bool judging = m_compare->judging() || m_compare->planningJudge();
    m_progress->setVisible(busy || judging);
    if (busy && !judging)
        m_progress->setValue(0);
    m_message->setText(message);
    m_cancel->setVisible(m_compare->judging());
    for (QPushButton* button : {m_rescore, m_export})
        button->setEnabled(!busy && m_view != nullptr);
    m_judge->setEnabled(!busy && !judging && m_view != nullptr);
}

void ComparePage::chooseAndExportCsv() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Comparison"),
                                                      tr("comparison.csv"), tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void ComparePage::exportCsv(const QString& path) {
    if (m_view)
        m_compare->exportCsv(m_view->matrix, m_matrix->shownRows(), path);
}
