#pragma once

#include <QMainWindow>

class BatchResultsImport;
class CacheLabPage;
class StudentPage;
class PolicyPage;
class SavingsPage;
class TrafficPage;
class PricingPage;
class PromptSetsPage;
class ProvidersPage;
class ComparePage;
class RouterLabPage;
class RunsPage;
class WorkspaceController;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QStackedWidget;

// The workbench: navigation in the order of the work on the left, one page at a time on the
// right, the workspace and its data named in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(WorkspaceController* controller, QWidget* parent = nullptr);

    // Opens a workspace file, reporting failure in a message box unless `quiet`.
    bool openWorkspace(const QString& path, bool quiet = false);
    bool openDemoWorkspace();
    void showPage(int index);
    int pageCount() const;
    int pageIndexOf(QWidget* page) const;
    QWidget* page(int index) const;
    PromptSetsPage* promptSetsPage() const { return m_promptSets; }
    PricingPage* pricingPage() const { return m_pricing; }
    ProvidersPage* providersPage() const { return m_providers; }
    RunsPage* runsPage() const { return m_runs; }
    ComparePage* comparePage() const { return m_compare; }
    RouterLabPage* routerLabPage() const { return m_routerLab; }
    CacheLabPage* cacheLabPage() const { return m_cacheLab; }
    StudentPage* studentPage() const { return m_student; }
    PolicyPage* policyPage() const { return m_policies; }
    SavingsPage* savingsPage() const { return m_savings; }
    TrafficPage* trafficPage() const { return m_traffic; }
    QString statusText() const;
    // A batch job's result files back into the runs their exports created (File ▸ Import Batch
    // Results…, or dropped on the window).
    void importBatchResults(const QStringList& files);
    BatchResultsImport* batchResultsImport() const { return m_batchImport; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    // The sidebar shows the workflow: a group heading, then its pages, each with an icon.
    void addGroup(const QString& title);
    void addPage(QWidget* page, const QString& title, const QString& icon);
    QListWidgetItem* navItem(int pageIndex) const;
    void newWorkspace();
    void chooseWorkspace();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void updateStatus();
    void restoreLayout();

    WorkspaceController* m_controller;
    QListWidget* m_nav;
    QStackedWidget* m_pages;
    PromptSetsPage* m_promptSets;
    PricingPage* m_pricing;
    ProvidersPage* m_providers;
    RunsPage* m_runs;
    ComparePage* m_compare;
    RouterLabPage* m_routerLab;
    CacheLabPage* m_cacheLab;
    StudentPage* m_student;
    PolicyPage* m_policies;
    SavingsPage* m_savings;
    TrafficPage* m_traffic;
    QLabel* m_workspaceLabel;
    QLabel* m_statusLabel;
    QMenu* m_recentMenu = nullptr;
    BatchResultsImport* m_batchImport;
};
