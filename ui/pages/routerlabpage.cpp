#include "routerlabpage.h"

#include "charts/chartsetup.h"
#include "charts/exportablechartview.h"
#include "charts/routercharts.h"
#include "models/decisionsmodel.h"
#include "models/rejectionsmodel.h"
#include "pagelayout.h"
#include "readjob.h"
#include "routerlabcontrols.h"
#include "uiformat.h"
#include "widgets/statcard.h"
#include "widgets/tableview.h"
#include "workspacecontroller.h"

#include <QChart>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace switchyard;
using namespace switchyard::routing;

using pagelayout::makeSplitter;

RouterLabPage::RouterLabPage(WorkspaceController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_lab(new RouterLabController(controller, this)),
      m_decisions(new DecisionsModel(this)), m_rejections(new RejectionsModel(this)) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(
        page, tr("Router Lab"),
        tr("Which model should serve which request, and what does that save? A router replayed "
           "over recorded results: cost, quality and every decision, without a new call."));
    auto* importButton = new QPushButton(tr("Import Results…"), this);
    importButton->setToolTip(tr("Import a recorded-results file (JSONL or CSV with prompt_id, "
                                "model and score or output) as a run, or drop it on the window"));
    m_save = new QPushButton(tr("Save as Policy…"), this);
    m_save->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    m_save->setToolTip(tr("Store this configuration and its evidence as a routing policy of the "
                          "workspace (Ctrl+Shift+S)"));
    m_save->setEnabled(false);
    header->addWidget(importButton);
    header->addWidget(m_save);
    connect(importButton, &QPushButton::clicked, this, &RouterLabPage::chooseAndImport);
    connect(m_save, &QPushButton::clicked, this, &RouterLabPage::askAndSavePolicy);

    // The big numbers and their notes: hidden while there is nothing to show them for.
    m_figures = new QWidget(this);
    auto* figures = new QVBoxLayout(m_figures);
    figures->setContentsMargins(0, 0, 0, 0);
    auto* cards = new QHBoxLayout;
    m_costCard = new StatCard(tr("cost per 1k requests"), m_figures);
    m_savingsCard = new StatCard(tr("saved against the baseline"), m_figures);
    m_qualityCard = new StatCard(tr("quality (mean score)"), m_figures);
    m_shareCard = new StatCard(tr("share of requests per tier"), m_figures);
    for (auto* card : {m_costCard, m_savingsCard, m_qualityCard, m_shareCard})
        cards->addWidget(card);
    figures->addLayout(cards);
    m_notes = new QLabel(m_figures);
    m_notes->setObjectName(QStringLiteral("routerLabNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    figures->addWidget(m_notes);
    page->addWidget(m_figures);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildEmptyState());
    m_stack->addWidget(buildContent());
    page->addWidget(m_stack, 1);

    auto* statusRow = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(240);
    m_cancel = new QPushButton(tr("Cancel"), this);
    statusRow->addWidget(m_message, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancel);
    page->addLayout(statusRow);
    setBusy(false);

    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        if (m_importJob != 0)
            m_controller->cancelImport();
        else
            m_lab->cancel();
    });
    connect(m_controls, &RouterLabControls::runChanged, this, [this](int64_t runId) {
        setBusy(true, tr("Loading the run…"));
        m_lab->loadRun(runId, m_controls->scorer());
    });
    connect(m_controls, &RouterLabControls::setupChanged, this, &RouterLabPage::configure);
    connect(m_controls, &RouterLabControls::thresholdsChanged, m_lab, &RouterLabController::replay);
    connect(m_controls, &RouterLabControls::calibrateRequested, this, &RouterLabPage::calibrate);
    connect(m_lab, &RouterLabController::progress, this, [this](int permille, const QString& step) {
        m_progress->setValue(permille);
        m_message->setText(step + QStringLiteral("…"));
    });
    connect(m_lab, &RouterLabController::runLoaded, this, &RouterLabPage::showRun);
    connect(m_lab, &RouterLabController::configured, this, &RouterLabPage::showConfiguration);
    connect(m_lab, &RouterLabController::replayed, this, &RouterLabPage::showReplay);
    connect(m_lab, &RouterLabController::failed, this, [this](const QString& message) {
        setBusy(false);
        setMessage(tr("Not evaluated: %1").arg(message));
        m_controls->showRouterError(message);
    });
    connect(m_lab, &RouterLabController::cancelled, this, [this]() {
        setBusy(false);
        setMessage(tr("Cancelled: the figures shown are those of the last configuration built."));
    });
    connect(m_lab, &RouterLabController::policySaved, this, [this](const QString& name) {
        setMessage(tr("Saved policy \"%1\" in this workspace, with its evidence. Export it with "
                      "switchyard-cli export --policy \"%1\".")
                       .arg(name));
    });
    connect(controller, &WorkspaceController::workspaceOpened, this, [this]() {
        m_runIds.clear();
        m_decisions->clear();
        reloadRuns();
        m_figures->setVisible(false); // until this workspace's first replay
    });
    connect(controller, &WorkspaceController::dataChanged, this, &RouterLabPage::reloadRuns);
    connect(controller, &WorkspaceController::resultsChanged, this,
            &RouterLabPage::reloadIfModelsChanged);
    connect(controller, &WorkspaceController::runsChanged, this, &RouterLabPage::reloadRuns);
    // A price change that re-priced recorded results: the run shown is read again.
    connect(controller, &WorkspaceController::priceChangeFinished, this,
            [this](const PriceChangeResult& change) {
                if (change.error || change.outcome.repriced.changed == 0 ||
                    m_stack->currentIndex() != 1 || m_controls->runId() == 0)
                    return;
                setBusy(true, tr("Loading the re-priced results…"));
                m_lab->loadRun(m_controls->runId(), m_controls->scorer());
            });
    connect(controller, &WorkspaceController::importProgress, this,
            &RouterLabPage::onImportProgress);
    connect(controller, &WorkspaceController::importFinished, this,
            &RouterLabPage::onImportFinished);
    reloadRuns();
}

QWidget* RouterLabPage::buildEmptyState() {
    auto* widget = new QWidget(this);
    auto* layout = new QVBoxLayout(widget);
    layout->addStretch(1);
    m_empty = new QLabel(widget);
    m_empty->setObjectName(QStringLiteral("routerLabEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    QFont font = m_empty->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    m_empty->setFont(font);
    layout->addWidget(m_empty);
    auto* button = new QPushButton(tr("Import Results…"), widget);
    connect(button, &QPushButton::clicked, this, &RouterLabPage::chooseAndImport);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(button);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    return widget;
}

QWidget* RouterLabPage::buildContent() {
    m_frontier = chartsetup::makeChartView(this);
    m_share = chartsetup::makeChartView(this);
    m_spend = chartsetup::makeChartView(this);
    auto* bars = makeSplitter(Qt::Vertical, "routerLabBarsSplitter", this);
    bars->addWidget(m_share);
    bars->addWidget(m_spend);
    auto* charts = makeSplitter(Qt::Horizontal, "routerLabChartSplitter", this);
    charts->addWidget(m_frontier);
    charts->addWidget(bars);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);

    m_controls = new RouterLabControls(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_controls);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(300);
    scroll->setMaximumWidth(440);
    auto* top = makeSplitter(Qt::Horizontal, "routerLabTopSplitter", this);
    top->addWidget(charts);
    top->addWidget(scroll);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 0);
    top->setSizes({1060, 360});

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildDecisions(), tr("Decisions"));
    auto* report = new QWidget(m_tabs);
    auto* reportLayout = new QVBoxLayout(report);
    m_importSummary = new QLabel(tr("No results file imported in this session."), report);
    m_importSummary->setWordWrap(true);
    reportLayout->addWidget(m_importSummary);
    auto* rejections = makeTableView(m_rejections, report);
    rejections->horizontalHeader()->resizeSection(RejectionsModel::File, 220);
    rejections->horizontalHeader()->resizeSection(RejectionsModel::Line, 60);
    rejections->horizontalHeader()->resizeSection(RejectionsModel::Field, 120);
    reportLayout->addWidget(rejections, 1);
    m_tabs->addTab(report, tr("Import report"));

    auto* splitter = makeSplitter(Qt::Vertical, "routerLabSplitter", this);
    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    return splitter;
}

QList<StatCard*> RouterLabPage::cards() const {
    return {m_costCard, m_savingsCard, m_qualityCard, m_shareCard};
}

QList<ExportableChartView*> RouterLabPage::charts() const {
    return {m_frontier, m_share, m_spend};
}

QString RouterLabPage::emptyMessage() const {
    return m_empty->text();
}

bool RouterLabPage::showsEmptyState() const {
    return m_stack->currentIndex() == 0;
}

QString RouterLabPage::message() const {
    return m_message->text();
}

QString RouterLabPage::notes() const {
    return m_notes->text();
}

QString RouterLabPage::importSummary() const {
    return m_importSummary->text();
}

void RouterLabPage::setMessage(const QString& text) {
    m_message->setText(text);
    emit statusMessage(text);
}

void RouterLabPage::setBusy(bool busy, const QString& text) {
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_progress->setValue(0);
        m_message->setText(text);
    }
    m_save->setEnabled(!busy && m_lab->snapshot() != nullptr);
}

void RouterLabPage::showRun(const std::shared_ptr<const RouterLabRun>& run) {
    m_controls->setRun(*run);
    configure();
}

void RouterLabPage::configure() {
    if (!m_controls->setupValid()) {
        setBusy(false);
        setMessage(tr("Tick at least two models to route between."));
        return;
    }
    setBusy(true, tr("Preparing the router…"));
    m_lab->configure(m_controls->setup(), m_controls->thresholds());
}

void RouterLabPage::showConfiguration(const std::shared_ptr<const RouterLabSnapshot>& snapshot) {
    const TierTable& table = snapshot->lab->table();
    std::vector<routercharts::ReferencePoint> references;
    const double rows = static_cast<double>(std::max<size_t>(table.rows(), 1));
    for (size_t k = 0; k < table.tierCount(); ++k)
        references.push_back({tr("All %1").arg(snapshot->tierLabels[k]),
                              table.allToTierCostUsd(k) / rows * 1000.0,
                              table.allToTierQuality(k)});
    routercharts::fillFrontier(m_frontier->chart(), snapshot->sweep, references);
    m_decisions->setLab(snapshot->lab, snapshot->data, snapshot->tierLabels);
    QStringList notes;
    const ReplayData& data = *snapshot->data;
    notes << tr("Run \"%1\" of set \"%2\", scored by %3; router signal: %4.")
                 .arg(QString::fromStdString(data.runName), QString::fromStdString(data.setName),
                      QString::fromStdString(data.scorer),
                      QString::fromStdString(snapshot->lab->signal().scoreMeaning));
    for (const std::string& note : snapshot->notes)
        notes << QString::fromStdString(note);
    m_notes->setText(tr("Notes: %1").arg(notes.join(QStringLiteral(" · "))));
    setBusy(false);
    // A run, router kind or set of tiers seen for the first time opens on core's default
    // operating point, as `switchyard-cli policy` does without thresholds; changing only the
    // evaluation settings keeps the thresholds the user chose.
    QString key = QString::number(data.runId) + QLatin1Char('|') +
                  QString::fromLatin1(routerKindName(snapshot->setup.config.kind));
    for (const std::string& tier : snapshot->setup.tiers)
        key += QLatin1Char('|') + QString::fromStdString(tier);
    if (key != m_defaultedFor) {
        m_defaultedFor = key;
        if (const auto point = defaultOperatingPoint(snapshot->sweep))
            m_controls->setThresholds(point->thresholds);
    }
}

void RouterLabPage::showReplay(const std::shared_ptr<const RouterLabReplay>& replay) {
    const auto& snapshot = m_lab->snapshot();
    if (!snapshot)
        return;
    const ReplayFigures& f = replay->figures;
    showCards(*replay);
    m_figures->setVisible(true);
    routercharts::setCurrentPoint(m_frontier->chart(), f.costPer1kUsd, f.quality);
    std::vector<routercharts::Tier> tiers;
    for (size_t k = 0; k < snapshot->setup.tiers.size(); ++k)
        tiers.push_back(
            {snapshot->tierLabels[k], QString::fromStdString(snapshot->setup.tiers[k])});
    routercharts::fillTierShare(m_share->chart(), tiers, f.tierShare);
    const double perRequest = f.requests > 0 ? 1000.0 / static_cast<double>(f.requests) : 0.0;
    std::vector<double> spend;
    for (double usd : replay->spendUsd)
        spend.push_back(usd * perRequest);
    routercharts::fillTierSpend(m_spend->chart(), tiers, spend, f.preRouterCostUsd * perRequest);
    m_decisions->setThresholds(replay->thresholds, replay->wrong);
    m_wrongCount->setText(tr("%1 of %2 decisions wrong (overpaid or underpowered)")
                              .arg(QLocale().toString(static_cast<qlonglong>(replay->wrong.size())),
                                   QLocale().toString(static_cast<qlonglong>(f.requests))));
    m_save->setEnabled(!m_lab->busy());
    if (m_lab->busy())
        return;
    const QString prompts = QLocale().toString(static_cast<qlonglong>(f.requests));
    if (snapshot && snapshot->setup.config.kind == RouterKind::Rules) { // no thresholds to name
        setMessage(tr("%1 prompts replayed.").arg(prompts));
        return;
    }
    QStringList values;
    for (double t : replay->thresholds)
        values << QLocale().toString(t, 'f', 3);
    setMessage(tr("%1 prompts replayed at thresholds %2.")
                   .arg(prompts, values.join(QStringLiteral(", "))));
}
