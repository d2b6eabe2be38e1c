#include "mainwindow.h"

#include "batch/batch_results.h"
#include "batchresultsimport.h"
#include "demoworkspace.h"
#include "pages/cachelabpage.h"
#include "pages/comparepage.h"
#include "pages/policypage.h"
#include "pages/pricingpage.h"
#include "pages/promptsetspage.h"
#include "pages/providerspage.h"
#include "pages/routerlabpage.h"
#include "pages/runspage.h"
#include "pages/savingspage.h"
#include "pages/studentpage.h"
#include "pages/trafficpage.h"
#include "results/recorded_results.h"
#include "traffic/traffic_loader.h"
#include "uiformat.h"
#include "workspacecontroller.h"

#include <QAction>

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <algorithm>

namespace {
constexpr int kMaxRecent = 8;
const char* const kRecentKey = "workspace/recent";
} // namespace

MainWindow::MainWindow(WorkspaceController* controller, QWidget* parent)
    : QMainWindow(parent), m_controller(controller), m_nav(new QListWidget(this)),
      m_pages(new QStackedWidget(this)), m_workspaceLabel(new QLabel(this)),
      m_statusLabel(new QLabel(this)), m_batchImport(new BatchResultsImport(this)) {
    setWindowTitle(tr("Switchyard"));
    setAcceptDrops(true);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_nav->setObjectName(QStringLiteral("navigation"));
    splitter->addWidget(m_nav);
    splitter->addWidget(m_pages);
    splitter->setCollapsible(1, false);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 1430});
    setCentralWidget(splitter);

    m_nav->setIconSize(QSize(22, 22));
    m_promptSets = new PromptSetsPage(controller, this);
    m_pricing = new PricingPage(controller, this);
    addGroup(tr("Data"));
    addPage(m_promptSets, tr("Prompt Sets"), QStringLiteral("document-multiple"));
    addPage(m_pricing, tr("Pricing"), QStringLiteral("view-financial-list"));
    m_providers = new ProvidersPage(this);
    m_runs = new RunsPage(controller, m_providers->providersController(), this);
    addGroup(tr("Run"));
    addPage(m_providers, tr("Providers"), QStringLiteral("network-server"));
    addPage(m_runs, tr("Runs"), QStringLiteral("media-playback-start"));
    m_compare = new ComparePage(controller, m_providers->providersController(), this);
    m_routerLab = new RouterLabPage(controller, this);
    m_cacheLab = new CacheLabPage(controller, this);
    m_student = new StudentPage(controller, this);
    addGroup(tr("Analyse"));
    addPage(m_compare, tr("Compare"), QStringLiteral("view-split-left-right"));
    addPage(m_routerLab, tr("Router Lab"), QStringLiteral("distribute-graph-directed"));
    addPage(m_cacheLab, tr("Cache Lab"), QStringLiteral("chronometer"));
    addPage(m_student, tr("Student"), QStringLiteral("tag"));
    m_savings = new SavingsPage(controller, m_providers->providersController(), this);
    m_policies = new PolicyPage(controller, m_providers->providersController(), this);
    addGroup(tr("Deploy"));
    addPage(m_savings, tr("Savings"), QStringLiteral("office-chart-bar-stacked"));
    addPage(m_policies, tr("Policies"), QStringLiteral("document-export"));
    m_traffic = new TrafficPage(controller, this);
    addGroup(tr("Operate"));
    addPage(m_traffic, tr("Traffic"), QStringLiteral("office-chart-line-stacked"));
    connect(m_nav, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item && item->data(Qt::UserRole).isValid())
            m_pages->setCurrentIndex(item->data(Qt::UserRole).toInt());
    });
    showPage(0);

    // Permanent, so transient messages on the left never hide what data the page shows.
    statusBar()->addPermanentWidget(m_statusLabel);
    menuBar()->setCornerWidget(m_workspaceLabel, Qt::TopRightCorner);
    buildMenus();
    connect(m_batchImport, &BatchResultsImport::finished, this,
            [this](bool ok, const QString& summary, const QStringList& problems) {
                statusBar()->showMessage(summary, 15000);
                if (!ok || !problems.isEmpty()) {
                    auto* box =
                        new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning,
                                        tr("Batch results"), summary, QMessageBox::Ok, this);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    if (!problems.isEmpty()) {
                        box->setInformativeText(
                            tr("%n line(s) were left out:", "", int(problems.size())));
                        box->setDetailedText(problems.join(QLatin1Char('\n')));
                    }
                    box->open();
                }
            });
    connect(controller, &WorkspaceController::workspaceOpened, this, &MainWindow::updateStatus);
    connect(controller, &WorkspaceController::dataChanged, this, &MainWindow::updateStatus);
    connect(controller, &WorkspaceController::runsChanged, this, &MainWindow::updateStatus);
    // Imports and runs are long work the user follows from any page; the labs and the
    // providers page only speak while they are shown, so a hidden page never overwrites them.
    const auto showMessage = [this](QWidget* page, bool always) {
        return [this, page, always](const QString& message) {
            if (always || m_pages->currentWidget() == page)
                statusBar()->showMessage(message, 8000);
        };
    };
    connect(m_promptSets, &PromptSetsPage::statusMessage, this, showMessage(m_promptSets, true));
    connect(m_runs, &RunsPage::statusMessage, this, showMessage(m_runs, true));
    connect(m_compare, &ComparePage::statusMessage, this, showMessage(m_compare, false));
    connect(m_routerLab, &RouterLabPage::statusMessage, this, showMessage(m_routerLab, false));
    connect(m_cacheLab, &CacheLabPage::statusMessage, this, showMessage(m_cacheLab, false));
    connect(m_student, &StudentPage::statusMessage, this, showMessage(m_student, false));
    connect(m_student, &StudentPage::runRequested, this,
            [this](qint64 setId, const QString& modelRef) {
                showPage(m_pages->indexOf(m_runs));
                m_runs->prepareRun(setId, modelRef);
            });
    connect(m_providers, &ProvidersPage::statusMessage, this, showMessage(m_providers, false));
    connect(m_savings, &SavingsPage::statusMessage, this, showMessage(m_savings, false));
    connect(m_policies, &PolicyPage::statusMessage, this, showMessage(m_policies, false));
    connect(m_traffic, &TrafficPage::statusMessage, this, showMessage(m_traffic, true));
    connect(m_runs, &RunsPage::openProvidersRequested, this,
            [this]() { showPage(m_pages->indexOf(m_providers)); });
    restoreLayout();
    updateStatus();
}

void MainWindow::addGroup(const QString& title) {
    auto* heading = new QListWidgetItem(title.toUpper(), m_nav);
    heading->setFlags(Qt::NoItemFlags); // a heading, never a page
    QFont font = m_nav->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    heading->setFont(font);
    heading->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
}

void MainWindow::addPage(QWidget* page, const QString& title, const QString& icon) {
    const int index = m_pages->addWidget(page);
    auto* item =
        new QListWidgetItem(QIcon(QStringLiteral(":/icons/breeze/%1.svg").arg(icon)), title, m_nav);
    item->setData(Qt::UserRole, index);
    item->setToolTip(title);
}

QListWidgetItem* MainWindow::navItem(int pageIndex) const {
    for (int row = 0; row < m_nav->count(); ++row)
        if (m_nav->item(row)->data(Qt::UserRole) == QVariant(pageIndex))
            return m_nav->item(row);
    return nullptr;
}

int MainWindow::pageCount() const {
    return m_pages->count();
}

int MainWindow::pageIndexOf(QWidget* page) const {
    return m_pages->indexOf(page);
}

QWidget* MainWindow::page(int index) const {
    return m_pages->widget(index);
}

void MainWindow::showPage(int index) {
    if (QListWidgetItem* item = navItem(index))
        m_nav->setCurrentItem(item);
}

void MainWindow::buildMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Workspace…"), QKeySequence::New, this, &MainWindow::newWorkspace);
    file->addAction(tr("&Open Workspace…"), QKeySequence::Open, this, &MainWindow::chooseWorkspace);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Import Prompt Sets…"), QKeySequence(tr("Ctrl+I")), this, [this]() {
        showPage(0);
        m_promptSets->chooseAndImport();
    });
    file->addAction(tr("Import Recorded &Results…"), QKeySequence(tr("Ctrl+Shift+I")), this,
                    [this]() {
                        showPage(m_pages->indexOf(m_routerLab));
                        m_routerLab->chooseAndImport();
                    });
    file->addAction(tr("Import Production &Logs…"), QKeySequence(tr("Ctrl+L")), this, [this]() {
        showPage(m_pages->indexOf(m_traffic));
        m_traffic->chooseAndImport();
    });
    file->addAction(tr("Import &Batch Results…"), this, [this]() {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Import batch results"), QString(),
            tr("Batch job results (*.jsonl *.out *.json);;All files (*)"));
        if (!files.isEmpty())
            importBatchResults(files);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_pages->count(); ++i) {
        // Ctrl+1..9, and Ctrl+0 for a tenth page, as the number row reads; later pages have none.
        const QKeySequence key =
            i < 10 ? QKeySequence(QStringLiteral("Ctrl+%1").arg((i + 1) % 10)) : QKeySequence();
        view->addAction(navItem(i)->text(), key, this, [this, i]() { showPage(i); });
    }
    view->addSeparator();
    auto* present = view->addAction(tr("&Present Mode"), QKeySequence(Qt::Key_F11), this, [this]() {
        // The Savings page presents its figures as slides; elsewhere the window goes full screen.
        if (m_pages->currentWidget() == m_savings && m_savings->present())
            return;
        setWindowState(windowState() ^ Qt::WindowFullScreen);
    });
    present->setCheckable(false);

    auto* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(tr("&Start Run…"), QKeySequence(tr("Ctrl+R")), this, [this]() {
        showPage(m_pages->indexOf(m_runs));
        m_runs->startRun();
    });
    run->addAction(tr("&Estimate Run"), this, [this]() {
        showPage(m_pages->indexOf(m_runs));
        m_runs->estimate();
    });
    run->addAction(tr("&Cancel Run"), this, [this]() { m_runs->cancelRun(); });

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Open &Demo Workspace"), this, &MainWindow::openDemoWorkspace);
    help->addAction(tr("&About Switchyard"), this, [this]() {
        QMessageBox::about(this, tr("About Switchyard"),
                           tr("<b>Switchyard</b> %1<br>Which model should serve which request, and "
                              "what will that save?")
                               .arg(QApplication::applicationVersion()));
    });
}

bool MainWindow::openWorkspace(const QString& path, bool quiet) {
    QString error;
    if (!m_controller->open(path, &error)) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open workspace"), error);
        statusBar()->showMessage(error);
        return false;
    }
    m_controller->setDemo(QFileInfo(path) == QFileInfo(demoworkspace::path()));
    rememberRecent(path);
    updateStatus();
    return true;
}

bool MainWindow::openDemoWorkspace() {
    QString error;
    if (!demoworkspace::ensure(&error)) {
        QMessageBox::warning(this, tr("Cannot create the demo workspace"), error);
        return false;
    }
    return openWorkspace(demoworkspace::path());
}

void MainWindow::newWorkspace() {
    const QString path = QFileDialog::getSaveFileName(this, tr("New workspace"), QString(),
                                                      tr("Switchyard workspaces (*.sqlite)"));
    if (path.isEmpty())
        return;
    if (QFile::exists(path)) {
        QMessageBox::warning(this, tr("New workspace"),
                             tr("%1 already exists; use Open Workspace to open it.").arg(path));
        return;
    }
    openWorkspace(path);
}

void MainWindow::chooseWorkspace() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open workspace"), QString(),
                                     tr("Switchyard workspaces (*.sqlite);;All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::rememberRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(path, this, [this, path]() { openWorkspace(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

QString MainWindow::statusText() const {
    return m_statusLabel->text();
}

void MainWindow::updateStatus() {
    auto* workspace = m_controller->workspace();
    if (!workspace) {
        m_workspaceLabel->setText(tr("no workspace"));
        m_statusLabel->setText(
            tr("No workspace open: File → Open Workspace, or Help → Open Demo Workspace"));
        return;
    }
    const QString name = QFileInfo(m_controller->path()).fileName();
    m_workspaceLabel->setText(tr("workspace: %1").arg(name) + QStringLiteral("  "));
    m_workspaceLabel->setToolTip(m_controller->path());
    // The menu bar sizes its corner widget only when it is set, so set it again after the text.
    menuBar()->setCornerWidget(m_workspaceLabel, Qt::TopRightCorner);
    setWindowTitle(tr("%1 — Switchyard").arg(name));
    int64_t prompts = 0;
    const auto sets = workspace->promptSets();
    for (const auto& set : sets)
        prompts += set.promptCount;
    QStringList parts;
    parts << tr("%n prompt set(s)", nullptr, static_cast<int>(sets.size()))
          << tr("%1 prompts").arg(uiformat::count(prompts))
          << tr("catalogue %1").arg(m_pricing->catalogueDate());
    if (m_controller->isDemo())
        parts << tr("demo workspace (authored example prompts)");
    const auto runs = workspace->runs();
    if (std::any_of(runs.begin(), runs.end(), [](const auto& run) { return run.synthetic; }))
        parts << tr("synthetic demo data");
    m_statusLabel->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::restoreLayout() {
    QSettings settings;
    resize(1600, 1000);
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
    const auto splitters = findChildren<QSplitter*>();
    for (QSplitter* splitter : splitters) {
        const QByteArray state =
            settings.value("splitters/" + splitter->objectName()).toByteArray();
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // A run still going is cancelled and waited for: its recorded results are committed, and a
    // resume next time sends only what is missing.
    m_runs->shutdown();
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    const auto splitters = findChildren<QSplitter*>();
    for (QSplitter* splitter : splitters)
        if (!splitter->objectName().isEmpty())
            settings.setValue("splitters/" + splitter->objectName(), splitter->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::importBatchResults(const QStringList& files) {
    if (!m_controller->workspace())
        return;
    showPage(m_pages->indexOf(m_runs));
    statusBar()->showMessage(tr("Importing %n batch result file(s)…", "", int(files.size())));
    m_batchImport->start(m_controller->path(), files);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList files;
    const auto urls = event->mimeData()->urls();
    for (const QUrl& url : urls)
        if (url.isLocalFile())
            files << url.toLocalFile();
    if (files.isEmpty())
        return;
    // A batch job's results go back into the run its export created; recorded results are
    // followed on the Router Lab, where they are used; one import job takes both kinds of file
    // either way.
    if (std::all_of(files.begin(), files.end(), [](const QString& file) {
            return switchyard::isBatchResultFile(file.toStdString());
        })) {
        importBatchResults(files);
    } else if (std::any_of(files.begin(), files.end(), [](const QString& file) {
                   return switchyard::looksLikeTraffic(file.toStdString());
               })) {
        // Production logs (a folder of them, a .json.gz, a usage export) go to the Traffic page.
        showPage(m_pages->indexOf(m_traffic));
        m_traffic->importLogs(files);
    } else if (std::any_of(files.begin(), files.end(), [](const QString& file) {
                   return switchyard::sniffResultsFile(file.toStdString()).recordedResults;
               })) {
        showPage(m_pages->indexOf(m_routerLab));
        m_routerLab->importResults(files);
    } else {
        showPage(0);
        m_promptSets->importFiles(files);
    }
    event->acceptProposedAction();
}
