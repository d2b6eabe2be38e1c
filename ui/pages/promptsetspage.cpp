#include "promptsetspage.h"

#include "models/promptsetsmodel.h"
#include "models/prompttablemodel.h"
#include "models/rejectionsmodel.h"
#include "pagelayout.h"
#include "promptdetailhtml.h"
#include "readjob.h"
#include "uiformat.h"
#include "widgets/statcard.h"
#include "widgets/tableview.h"
#include "workbench/golden_ops.h"
#include "workspacecontroller.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

PromptSetsPage::PromptSetsPage(WorkspaceController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_setsModel(new PromptSetsModel(this)),
      m_promptsModel(new PromptTableModel(this)), m_rejectionsModel(new RejectionsModel(this)) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(
        page, tr("Prompt Sets"),
        tr("What will the models be asked? The prompt sets of this workspace, prompt by prompt."));
    auto* importButton = new QPushButton(tr("Import…"), this);
    importButton->setToolTip(
        tr("Import JSONL or CSV prompt files (Ctrl+I), or drop files on the window"));
    m_golden = new QPushButton(tr("Golden Set"), this);
    m_golden->setCheckable(true);
    m_golden->setToolTip(tr("Mark the set as the benchmark every model change is measured "
                            "against: every prompt needs an expected answer, and each content "
                            "it is marked with becomes a version"));
    header->addWidget(m_golden);
    header->addWidget(importButton);
    connect(importButton, &QPushButton::clicked, this, &PromptSetsPage::chooseAndImport);
    connect(m_golden, &QPushButton::clicked, this, &PromptSetsPage::toggleGolden);

    auto* cards = new QHBoxLayout;
    m_promptsCard = new StatCard(tr("prompts in this set"), this);
    m_expectedCard = new StatCard(tr("with an expected answer"), this);
    m_tokensCard = new StatCard(tr("input tokens, estimated"), this);
    m_rejectedCard = new StatCard(tr("lines rejected on import"), this);
    for (auto* card : {m_promptsCard, m_tokensCard, m_expectedCard, m_rejectedCard})
        cards->addWidget(card);
    page->addLayout(cards);

    m_setsView = makeTableView(m_setsModel, this);
    m_setsView->horizontalHeader()->setSectionResizeMode(PromptSetsModel::Name,
                                                         QHeaderView::ResizeToContents);

    auto* promptsPane = new QWidget(this);
    auto* promptsLayout = new QVBoxLayout(promptsPane);
    promptsLayout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(promptsPane);
    m_search->setPlaceholderText(tr("Search id, text or tags"));
    m_search->setClearButtonEnabled(true);
    promptsLayout->addWidget(m_search);
    m_promptsView = makeTableView(m_promptsModel, promptsPane);
    m_promptsView->horizontalHeader()->resizeSection(PromptTableModel::Ordinal, 60);
    m_promptsView->horizontalHeader()->resizeSection(PromptTableModel::Id, 110);
    m_promptsView->horizontalHeader()->resizeSection(PromptTableModel::Prompt, 420);
    m_promptsView->horizontalHeader()->resizeSection(PromptTableModel::Turns, 70);
    m_promptsView->horizontalHeader()->resizeSection(PromptTableModel::Tokens, 70);
    m_promptsView->horizontalHeader()->resizeSection(PromptTableModel::Expected, 120);
    m_promptsView->horizontalHeader()->resizeSection(PromptTableModel::Tags, 200);
    promptsLayout->addWidget(m_promptsView);

    m_detail = new QTextBrowser(this);
    m_detail->setPlaceholderText(
        tr("Select a prompt to see its system prompt, turns and cache checkpoints."));

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(QStringLiteral("promptSetsRightSplitter"));
    m_rightSplitter->addWidget(promptsPane);
    m_rightSplitter->addWidget(m_detail);
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 2);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("promptSetsMainSplitter"));
    m_mainSplitter->addWidget(m_setsView);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 4);
    page->addWidget(m_mainSplitter, 1);

    auto* reportBox = new QVBoxLayout;
    auto* progressRow = new QHBoxLayout;
    m_reportSummary =
        new QLabel(tr("Import report: no file imported in this session yet; rejected "
                      "lines of earlier imports into the selected set are listed here."),
                   this);
    m_reportSummary->setWordWrap(true);
    progressRow->addWidget(m_reportSummary, 1);
    m_progressLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_cancel = new QPushButton(tr("Cancel import"), this);
    for (QWidget* w : {static_cast<QWidget*>(m_progressLabel), static_cast<QWidget*>(m_progress),
                       static_cast<QWidget*>(m_cancel)}) {
        w->setVisible(false);
        progressRow->addWidget(w);
    }
    reportBox->addLayout(progressRow);
    m_rejectionsView = makeTableView(m_rejectionsModel, this);
    m_rejectionsView->setMaximumHeight(160);
    m_rejectionsView->horizontalHeader()->resizeSection(RejectionsModel::File, 180);
    m_rejectionsView->horizontalHeader()->resizeSection(RejectionsModel::Line, 60);
    m_rejectionsView->horizontalHeader()->resizeSection(RejectionsModel::Field, 160);
    reportBox->addWidget(m_rejectionsView);
    page->addLayout(reportBox);

    connect(m_cancel, &QPushButton::clicked, controller, &WorkspaceController::cancelImport);
    connect(m_search, &QLineEdit::textChanged, m_promptsModel, &PromptTableModel::setSearch);
    connect(m_setsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const auto* set = m_setsModel->rowAt(current.row());
                showSet(set ? set->id : 0);
            });
    connect(m_promptsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showPrompt(current.row()); });
    // A row picked before its chunk was read (End, Page Down) is shown once the chunk arrives.
    connect(m_promptsModel, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& first, const QModelIndex& last) {
                const int row = m_promptsView->currentIndex().row();
                if (row >= first.row() && row <= last.row() && m_detail->document()->isEmpty())
                    showPrompt(row);
            });
    connect(m_promptsModel, &QAbstractItemModel::modelReset, m_detail, &QTextBrowser::clear);
    connect(controller, &WorkspaceController::workspaceOpened, this, [this]() {
        m_goldenJob.drop(); // its set id means another set in the new workspace
        reloadSets();
    });
    // Sets written by other pages (a fixed copy from the Cache Lab) appear here too.
    connect(controller, &WorkspaceController::dataChanged, this, [this]() {
        if (!m_controller->importRunning())
            reloadSets();
    });
    connect(controller, &WorkspaceController::importProgress, this,
            &PromptSetsPage::onImportProgress);
    connect(controller, &WorkspaceController::importFinished, this,
            &PromptSetsPage::onImportFinished);
    reloadSets();
}

QList<QSplitter*> PromptSetsPage::splitters() const {
    return {m_mainSplitter, m_rightSplitter};
}

void PromptSetsPage::reloadSets(int64_t selectSetId) {
    auto* workspace = m_controller->workspace();
    const auto* current = m_setsModel->rowAt(m_setsView->currentIndex().row());
    if (selectSetId == 0 && current)
        selectSetId = current->id;
    m_promptsModel->setSet(nullptr, 0);
    m_setsModel->setRows(workspace ? workspace->promptSets()
                                   : std::vector<switchyard::PromptSetInfo>{});
    int row = m_setsModel->rowOfSet(selectSetId);
    if (row < 0 && m_setsModel->rowCount() > 0)
        row = 0;
    if (row >= 0)
        m_setsView->setCurrentIndex(m_setsModel->index(row, 0));
    else
        showSet(0);
}

void PromptSetsPage::updateGoldenButton() {
    const auto* set = m_setsModel->rowAt(m_setsView->currentIndex().row());
    m_golden->setEnabled(set != nullptr && !m_goldenJob.running());
    m_golden->setChecked(set && set->golden);
    // The version last marked: whether the content is still that version takes hashing the
    // set, which the Compare page and switchyard-cli golden do.
    m_golden->setText(set && set->golden ? tr("Golden (marked v%1)").arg(set->goldenVersion)
                                         : tr("Mark as Golden"));
}

void PromptSetsPage::toggleGolden() {
    const auto* set = m_setsModel->rowAt(m_setsView->currentIndex().row());
    if (!set || !m_controller->workspace())
        return;
    const int64_t setId = set->id;
    const bool mark = !set->golden;
    using Status = switchyard::Expected<switchyard::workbench::GoldenStatus>;
    m_goldenJob.start(
        [path = m_controller->path().toStdString(), setId, mark](const switchyard::CancelToken&,
                                                                 const switchyard::Progress&) {
            auto workspace =
                switchyard::Workspace::open(path, switchyard::Workspace::OpenMode::ExistingOnly);
            if (!workspace)
                return Status(workspace.error());
            return mark ? switchyard::workbench::markGolden(**workspace, setId)
                        : switchyard::workbench::unmarkGolden(**workspace, setId);
        },
        [this, setId](Status status) {
            if (!status) {
                emit statusMessage(QString::fromStdString(status.error().toString()));
                updateGoldenButton();
                return;
            }
            emit statusMessage(
                status->golden
                    ? tr("'%1' is golden, version %2 (%3 prompts, SHA-256 %4…)")
                          .arg(QString::fromStdString(status->setName))
                          .arg(status->currentVersion.value_or(0))
                          .arg(uiformat::count(status->prompts),
                               QString::fromStdString(status->currentSha256.substr(0, 12)))
                    : tr("'%1' is no longer golden; its versions are kept.")
                          .arg(QString::fromStdString(status->setName)));
            m_controller->notifyDataChanged();
            reloadSets(setId);
        });
    m_golden->setEnabled(false);
}

void PromptSetsPage::showSet(int64_t setId) {
    updateGoldenButton();
    auto* workspace = m_controller->workspace();
    m_promptsModel->setSet(workspace, setId);
    const int job = ++m_statsJob;
    if (!workspace || setId == 0) {
        showStats({});
        showRejections(m_importReport ? std::exchange(m_importReport, std::nullopt).value()
                                      : std::vector<switchyard::Error>{});
        return;
    }
    // Aggregates scan the whole set: computed on a worker so a million prompts never freeze
    // the window; a newer selection makes this result stale.
    struct SetSummary {
        switchyard::PromptSetStats stats;
        std::vector<switchyard::Error> rejections;
    };
    runReadJob<SetSummary>(
        workspace->path(), this,
        [setId](const switchyard::Workspace& reader) {
            return SetSummary{reader.promptSetStats(setId), reader.rejections(setId)};
        },
        [this, job](std::optional<SetSummary> summary) {
            if (job != m_statsJob || !summary)
                return;
            showStats(summary->stats);
            // Right after an import its own report (unreadable files too) beats the stored one.
            showRejections(m_importReport ? std::exchange(m_importReport, std::nullopt).value()
                                          : std::move(summary->rejections));
        });
}

void PromptSetsPage::showStats(const switchyard::PromptSetStats& stats) {
    const double n = static_cast<double>(std::max<int64_t>(stats.prompts, 1));
    const QString onN = tr("of %1 prompts").arg(uiformat::count(stats.prompts));
    m_promptsCard->setValue(uiformat::count(stats.prompts),
                            tr("%1 multi-turn · %2 with an arrival time")
                                .arg(uiformat::percent(static_cast<double>(stats.multiTurn) / n),
                                     uiformat::count(stats.withTimestamp)));
    m_promptsCard->setToolTip(
        tr("Prompts stored in the selected set; %1 of them have more than one "
           "message.")
            .arg(uiformat::count(stats.multiTurn)));
    m_tokensCard->setValue(
        uiformat::tokens(stats.estTokens),
        tr("≈ %1 per prompt, before any call")
            .arg(uiformat::count(stats.estTokens / std::max<int64_t>(stats.prompts, 1))));
    m_tokensCard->setToolTip(
        tr("Sum of each prompt's input tokens (system, turns, tools and message "
           "framing) from the generic estimator; provider counts differ by model "
           "family and are calibrated once real usage is recorded."));
    m_expectedCard->setValue(uiformat::percent(static_cast<double>(stats.withExpected) / n), onN);
    m_expectedCard->setToolTip(
        tr("Prompts carrying a reference answer that scorers can check "
           "against: %1 of %2.")
            .arg(uiformat::count(stats.withExpected), uiformat::count(stats.prompts)));
    m_rejectedCard->setValue(uiformat::count(stats.rejected),
                             tr("listed in the import report below"),
                             stats.rejected > 0 ? StatCard::Tone::Bad : StatCard::Tone::Neutral);
    m_rejectedCard->setToolTip(
        tr("Lines of the files imported into this set that could not be read."));
}

void PromptSetsPage::showRejections(std::vector<switchyard::Error> rejections) {
    m_rejectionsView->setVisible(!rejections.empty());
    m_rejectionsModel->setRows(std::move(rejections));
}

void PromptSetsPage::showPrompt(int row) {
    auto* workspace = m_controller->workspace();
    const int64_t ordinal = m_promptsModel->ordinalAt(row);
    const int job = ++m_promptJob; // any detail still being read is stale now
    if (!workspace || ordinal == 0) {
        m_detail->clear();
        return;
    }
    const int64_t setId = m_promptsModel->setId();
    runReadJob<switchyard::Expected<switchyard::Prompt>>(
        workspace->path(), this,
        [setId, ordinal](const switchyard::Workspace& reader) {
            return reader.prompt(setId, ordinal);
        },
        [this, job](std::optional<switchyard::Expected<switchyard::Prompt>> prompt) {
            if (job != m_promptJob || !prompt)
                return; // another prompt was picked meanwhile
            m_detail->setHtml(
                *prompt ? promptDetailHtml(**prompt)
                        : QString::fromStdString((*prompt).error().toString()).toHtmlEscaped());
        });
}

void PromptSetsPage::chooseAndImport() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import prompt sets"), QString(),
        tr("Prompt files (*.jsonl *.ndjson *.json *.csv);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

void PromptSetsPage::importFiles(const QStringList& files) {
    if (m_controller->startImport(files) == 0) {
        m_reportSummary->setText(tr("An import is already running; wait for it or cancel it."));
        return;
    }
    m_importClock.start();
    m_progress->setValue(0);
    for (QWidget* w : {static_cast<QWidget*>(m_progressLabel), static_cast<QWidget*>(m_progress),
                       static_cast<QWidget*>(m_cancel)})
        w->setVisible(true);
    m_reportSummary->setText(tr("Importing %n file(s)…", nullptr, static_cast<int>(files.size())));
}

void PromptSetsPage::onImportProgress(int, qint64 done, qint64 total, const QString& file) {
    const double seconds = std::max(0.001, m_importClock.elapsed() / 1000.0);
    const double rate = static_cast<double>(done) / seconds;
    m_progress->setValue(total > 0 ? static_cast<int>(1000.0 * static_cast<double>(done) /
                                                      static_cast<double>(total))
                                   : 0);
    const QString eta = rate > 0 && total > done
                            ? tr("%1 s left").arg(static_cast<int>((total - done) / rate))
                            : QString();
    const QString text = tr("%1: %2 of %3 MB · %4 MB/s %5")
                             .arg(QFileInfo(file).fileName())
                             .arg(done / 1e6, 0, 'f', 1)
                             .arg(total / 1e6, 0, 'f', 1)
                             .arg(rate / 1e6, 0, 'f', 1)
                             .arg(eta);
    m_progressLabel->setText(text);
    emit statusMessage(text);
}

void PromptSetsPage::onImportFinished(const ImportJobResult& result) {
    for (QWidget* w : {static_cast<QWidget*>(m_progressLabel), static_cast<QWidget*>(m_progress),
                       static_cast<QWidget*>(m_cancel)})
        w->setVisible(false);
    int64_t accepted = 0;
    int64_t rejected = 0;
    std::vector<switchyard::Error> report = result.fileErrors;
    int64_t lastSet = 0;
    for (const auto& file : result.reports) {
        accepted += file.accepted;
        rejected += file.rejectedCount;
        report.insert(report.end(), file.rejected.begin(), file.rejected.end());
        if (file.setId)
            lastSet = file.setId;
    }
    QString summary =
        tr("Import report: %1 prompts imported, %2 lines rejected, %3 files unreadable.")
            .arg(uiformat::count(accepted), uiformat::count(rejected))
            .arg(result.fileErrors.size());
    if (result.cancelled)
        summary += QLatin1Char(' ') + tr("Cancelled: what was imported before the cancel is kept.");
    m_reportSummary->setText(summary);
    emit statusMessage(summary);
    m_importReport = std::move(report);
    reloadSets(lastSet);
}
