#pragma once

#include "common/error.h"
#include "store/records.h"
#include <QElapsedTimer>

#include "backgroundjob.h"

#include <QWidget>

#include <optional>
#include <vector>

class PromptSetsModel;
class PromptTableModel;
class RejectionsModel;
class StatCard;
class WorkspaceController;
struct ImportJobResult;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class QTextBrowser;

// Load: the workspace's prompt sets, their prompts (lazily, at any size), one prompt's structure,
// and the report of the last import.
class PromptSetsPage : public QWidget {
    Q_OBJECT

public:
    explicit PromptSetsPage(WorkspaceController* controller, QWidget* parent = nullptr);

    // Asks the user for files and imports them.
    void chooseAndImport();
    void importFiles(const QStringList& files);
    QTableView* promptsView() const { return m_promptsView; }
    QTableView* setsView() const { return m_setsView; }
    QTextBrowser* detailView() const { return m_detail; }
    QTableView* rejectionsView() const { return m_rejectionsView; }
    QList<QSplitter*> splitters() const;
    // Marks the selected set golden (or unmarks it) on a worker (workbench/golden_ops.h).
    void toggleGolden();
    QPushButton* goldenButton() const { return m_golden; }

signals:
    void statusMessage(const QString& message);

private:
    void reloadSets(int64_t selectSetId = 0);
    void updateGoldenButton();
    void showSet(int64_t setId);
    void showPrompt(int row);
    void showRejections(std::vector<switchyard::Error> rejections);
    void showStats(const switchyard::PromptSetStats& stats);
    void onImportProgress(int jobId, qint64 done, qint64 total, const QString& file);
    void onImportFinished(const ImportJobResult& result);

    WorkspaceController* m_controller;
    PromptSetsModel* m_setsModel;
    PromptTableModel* m_promptsModel;
    RejectionsModel* m_rejectionsModel;
    StatCard* m_promptsCard;
    StatCard* m_expectedCard;
    StatCard* m_tokensCard;
    StatCard* m_rejectedCard;
    QTableView* m_setsView;
    QTableView* m_promptsView;
    QTableView* m_rejectionsView;
    QLineEdit* m_search;
    QTextBrowser* m_detail;
    QLabel* m_reportSummary;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QPushButton* m_cancel;
    QPushButton* m_golden;
    BackgroundJob m_goldenJob{this};
    QSplitter* m_mainSplitter;
    QSplitter* m_rightSplitter;
    QElapsedTimer m_importClock;
    int m_statsJob = 0;
    int m_promptJob = 0; // the prompt whose detail is being read
    std::optional<std::vector<switchyard::Error>> m_importReport;
};
