#include "cachelabpage.h"

#include "cachelabcontroller.h"
#include "charts/cachecharts.h"
#include "charts/chartsetup.h"
#include "charts/exportablechartview.h"
#include "models/checkpointstatsmodel.h"
#include "models/lintfindingsmodel.h"
#include "pagelayout.h"
#include "uiformat.h"
#include "widgets/statcard.h"
#include "widgets/tableview.h"
#include "workspacecontroller.h"

#include <QButtonGroup>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace switchyard;

namespace {

// A model that caches is the natural default; Sonnet-class on Bedrock when the catalogue has it.
int defaultModelRow(const QComboBox* box) {
    for (const char* preferred : {"anthropic.claude-sonnet-4-5", "claude-sonnet", "claude"})
        for (int i = 0; i < box->count(); ++i)
            if (box->itemData(i).toString().contains(QLatin1String(preferred)))
                return i;
    return 0;
}

} // namespace

CacheLabPage::CacheLabPage(WorkspaceController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_lab(new CacheLabController(controller, this)),
      m_findings(new LintFindingsModel(this)), m_checkpoints(new CheckpointStatsModel(this)),
      m_tags(new TagStatsModel(this)) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(
        page, tr("Cache Lab"),
        tr("What would prompt caching save on this traffic, why do requests miss, and what "
           "should change in the prompts? Simulated from the catalogue's cache prices: no call is "
           "made."));
    m_applyFix = new QPushButton(tr("Apply Fix to a Copy"), this);
    m_applyFix->setToolTip(tr("Write a copy of the prompt set with the selected finding fixed, "
                              "and simulate the copy"));
    m_applyFix->setEnabled(false);
    header->addWidget(m_applyFix);
    connect(m_applyFix, &QPushButton::clicked, this, &CacheLabPage::applySelectedFix);

    m_chrCard = new StatCard(tr("cache hit ratio"), this);
    m_savingsCard = new StatCard(tr("saved per 30-day month"), this);
    m_costCard = new StatCard(tr("input cost per 1k requests"), this);
    m_breakEvenCard = new StatCard(tr("break-even request rate"), this);
    pagelayout::addCards(page, {m_chrCard, m_savingsCard, m_costCard, m_breakEvenCard});
    m_truth = new QLabel(this);
    m_truth->setObjectName(QStringLiteral("truthCheck"));
    m_truth->setWordWrap(true);
    page->addWidget(m_truth);

    m_timeline = chartsetup::makeChartView(this);
    m_curve = chartsetup::makeChartView(this);
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->setObjectName(QStringLiteral("cacheLabChartSplitter"));
    charts->addWidget(m_timeline);
    charts->addWidget(m_curve);
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->setObjectName(QStringLiteral("cacheLabTopSplitter"));
    top->addWidget(charts);
    top->addWidget(buildControls());
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 0);
    top->setCollapsible(0, false);
    top->setSizes({1100, 340});

    auto* tabs = new QTabWidget(this);
    m_findingsView = makeTableView(m_findings, tabs);
    m_findingsView->horizontalHeader()->resizeSection(LintFindingsModel::Finding, 420);
    m_findingsView->horizontalHeader()->resizeSection(LintFindingsModel::Requests, 90);
    m_findingsView->horizontalHeader()->resizeSection(LintFindingsModel::MonthlyCost, 120);
    tabs->addTab(m_findingsView, tr("Cacheability findings"));
    tabs->addTab(makeTableView(m_checkpoints, tabs), tr("Per checkpoint"));
    tabs->addTab(makeTableView(m_tags, tabs), tr("Per workload"));

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("cacheLabSplitter"));
    m_splitter->addWidget(top);
    m_splitter->addWidget(tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    page->addWidget(m_splitter, 1);

    const pagelayout::StatusRow status = pagelayout::addStatusRow(page, this);
    m_message = status.message;
    m_progress = status.progress;

    connect(m_findingsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const auto* finding = m_findings->rowAt(current.row());
                m_applyFix->setEnabled(finding && finding->autoFixable);
            });
    connect(m_lab, &CacheLabController::progress, m_progress, &QProgressBar::setValue);
    connect(m_lab, &CacheLabController::evaluated, this, &CacheLabPage::showReport);
    connect(m_lab, &CacheLabController::failed, this, &CacheLabPage::showFailure);
    connect(m_lab, &CacheLabController::fixedSetCreated, this,
            [this](qint64 setId, const QString& name) {
                reloadChoices();
                const int row = m_set->findData(setId);
                if (row >= 0)
                    m_set->setCurrentIndex(row); // re-simulates
                m_message->setText(tr("Simulating the fixed copy \"%1\".").arg(name));
            });
    connect(controller, &WorkspaceController::workspaceOpened, this, &CacheLabPage::reloadChoices);
    connect(controller, &WorkspaceController::dataChanged, this, &CacheLabPage::reloadChoices);
    connect(controller, &WorkspaceController::catalogueChanged, this, &CacheLabPage::simulate);
    reloadChoices();
}

QWidget* CacheLabPage::buildControls() {
    auto* panel = new QWidget(this);
    panel->setMaximumWidth(380);
    auto* layout = new QVBoxLayout(panel);
    auto* traffic = new QGroupBox(tr("Traffic"), panel);
    auto* trafficForm = new QFormLayout(traffic);
    m_set = new QComboBox(traffic);
    m_model = new QComboBox(traffic);
    m_model->setMaxVisibleItems(20);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_model->setMinimumContentsLength(18);
    m_set->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_set->setMinimumContentsLength(18);
    trafficForm->addRow(tr("Prompt set"), m_set);
    trafficForm->addRow(tr("Model"), m_model);
    layout->addWidget(traffic);

    auto* caching = new QGroupBox(tr("Caching"), panel);
    auto* cachingForm = new QFormLayout(caching);
    m_ttl = new QComboBox(caching);
    m_ttl->addItem(tr("5 minutes"), QStringLiteral("5m"));
    m_ttl->addItem(tr("1 hour"), QStringLiteral("1h"));
    cachingForm->addRow(tr("Cache TTL"), m_ttl);
    m_fromPrompts = new QCheckBox(tr("Checkpoints in the prompts"), caching);
    m_afterTools = new QCheckBox(tr("After tools"), caching);
    m_afterSystem = new QCheckBox(tr("After system prompt"), caching);
    m_afterHistory = new QCheckBox(tr("After conversation history"), caching);
    for (QCheckBox* box : {m_fromPrompts, m_afterTools, m_afterSystem, m_afterHistory})
        cachingForm->addRow(box);
    layout->addWidget(caching);

    auto* arrivals = new QGroupBox(tr("Arrivals"), panel);
    auto* arrivalsForm = new QFormLayout(arrivals);
    m_recorded = new QRadioButton(tr("Recorded timestamps"), arrivals);
    m_synthetic = new QRadioButton(tr("Synthetic (Poisson)"), arrivals);
    auto* group = new QButtonGroup(arrivals);
    group->addButton(m_recorded);
    group->addButton(m_synthetic);
    arrivalsForm->addRow(m_recorded);
    arrivalsForm->addRow(m_synthetic);
    m_rate = new QDoubleSpinBox(arrivals);
    m_rate->setRange(0.01, 100000);
    m_rate->setDecimals(2);
    m_rate->setSuffix(tr(" req/min"));
    m_turns = new QSpinBox(arrivals);
    m_turns->setRange(1, 50);
    m_thinkSeconds = new QDoubleSpinBox(arrivals);
    m_thinkSeconds->setRange(0, 3600);
    m_thinkSeconds->setSuffix(tr(" s"));
    arrivalsForm->addRow(tr("Rate"), m_rate);
    arrivalsForm->addRow(tr("Turns per session"), m_turns);
    arrivalsForm->addRow(tr("Think time"), m_thinkSeconds);
    m_peakToTrough = new QDoubleSpinBox(arrivals);
    m_peakToTrough->setRange(1.0, 50.0);
    m_peakToTrough->setDecimals(1);
    m_peakToTrough->setSuffix(QStringLiteral("×"));
    m_peakToTrough->setToolTip(tr("Daily swing of the rate: the busiest hour's rate divided by the "
                                  "quietest's (1× = flat), peaking at 14:00 UTC"));
    arrivalsForm->addRow(tr("Peak to trough"), m_peakToTrough);
    layout->addWidget(arrivals);

    auto* reset = new QPushButton(tr("Reset"), panel);
    reset->setToolTip(tr("Back to the prompts' own checkpoints, 5-minute TTL and recorded times"));
    layout->addWidget(reset);
    layout->addStretch(1);
    resetControls();

    connect(reset, &QPushButton::clicked, this, [this]() {
        resetControls();
        simulate();
    });
    for (QComboBox* box : {m_set, m_model, m_ttl})
        connect(box, &QComboBox::currentIndexChanged, this, &CacheLabPage::simulate);
    for (QCheckBox* box : {m_fromPrompts, m_afterTools, m_afterSystem, m_afterHistory})
        connect(box, &QCheckBox::toggled, this, &CacheLabPage::simulate);
    connect(m_recorded, &QRadioButton::toggled, this, &CacheLabPage::simulate);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &CacheLabPage::simulate);
    connect(m_turns, &QSpinBox::valueChanged, this, &CacheLabPage::simulate);
    connect(m_thinkSeconds, &QDoubleSpinBox::valueChanged, this, &CacheLabPage::simulate);
    connect(m_peakToTrough, &QDoubleSpinBox::valueChanged, this, &CacheLabPage::simulate);
    return panel;
}

void CacheLabPage::resetControls() {
    m_loadingChoices = true;
    m_ttl->setCurrentIndex(0);
    m_fromPrompts->setChecked(true);
    m_afterTools->setChecked(false);
    m_afterSystem->setChecked(false);
    m_afterHistory->setChecked(false);
    m_recorded->setChecked(true);
    m_rate->setValue(kDefaultCacheRequestsPerMinute);
    m_turns->setValue(1);
    m_thinkSeconds->setValue(30.0);
    m_peakToTrough->setValue(1.0);
    m_loadingChoices = false;
}

void CacheLabPage::reloadChoices() {
    m_loadingChoices = true;
    const QVariant currentSet = m_set->currentData();
    const QVariant currentModel = m_model->currentData();
    m_set->clear();
    if (auto* workspace = m_controller->workspace())
        for (const auto& set : workspace->promptSets())
            m_set->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(set.name),
                                                         uiformat::count(set.promptCount)),
                           QVariant::fromValue<qlonglong>(set.id));
    const int setRow = m_set->findData(currentSet);
    m_set->setCurrentIndex(setRow >= 0 ? setRow : 0);
    m_model->clear();
    for (const auto& price : m_controller->catalogue().catalogue.models())
        m_model->addItem(QString::fromStdString(price.id), QString::fromStdString(price.id));
    m_model->model()->sort(0);
    const int modelRow = m_model->findData(currentModel);
    m_model->setCurrentIndex(modelRow >= 0 ? modelRow : defaultModelRow(m_model));
    m_loadingChoices = false;
    simulate();
}

CacheLabSettings CacheLabPage::settings() const {
    CacheLabSettings settings;
    settings.model = m_model->currentData().toString().toStdString();
    settings.placement.fromPrompts = m_fromPrompts->isChecked();
    settings.placement.afterTools = m_afterTools->isChecked();
    settings.placement.afterSystem = m_afterSystem->isChecked();
    settings.placement.afterHistory = m_afterHistory->isChecked();
    settings.placement.ttl = m_ttl->currentData().toString() == QLatin1String("1h")
                                 ? CacheTtl::OneHour
                                 : CacheTtl::FiveMinutes;
    settings.recordedTimestamps = m_recorded->isChecked();
    settings.synthetic.requestsPerMinute = m_rate->value();
    settings.synthetic.turnsPerSession = m_turns->value();
    settings.synthetic.thinkTimeSeconds = m_thinkSeconds->value();
    settings.synthetic.diurnal.peakToTrough = m_peakToTrough->value();
    return settings;
}

void CacheLabPage::simulate() {
    if (m_loadingChoices)
        return;
    for (QWidget* synthetic :
         {static_cast<QWidget*>(m_rate), static_cast<QWidget*>(m_turns),
          static_cast<QWidget*>(m_thinkSeconds), static_cast<QWidget*>(m_peakToTrough)})
        synthetic->setEnabled(m_synthetic->isChecked());
    const int64_t setId = m_set->currentData().toLongLong();
    if (setId == 0 || m_model->currentIndex() < 0) {
        m_message->setText(tr("No prompt set yet: import one on the Prompt Sets page (Ctrl+I)."));
        return;
    }
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_lab->evaluate(setId, settings());
}

void CacheLabPage::showFailure(const QString& message) {
    m_progress->setVisible(false);
    m_message->setText(tr("Not simulated: %1").arg(message));
    emit statusMessage(message);
}

void CacheLabPage::showReport(const std::shared_ptr<const CacheLabReport>& report) {
    m_report = report;
    m_progress->setVisible(false);
    const CacheSimulation& sim = report->simulation;
    const double requests = static_cast<double>(std::max<int64_t>(sim.requests, 1));
    m_chrCard->setValue(uiformat::percent(sim.chr), tr("%1 of %2 input tokens read from cache")
                                                        .arg(uiformat::tokens(sim.cachedTokens),
                                                             uiformat::tokens(sim.inputTokens)));
    m_chrCard->setToolTip(tr("Cached input tokens divided by all input tokens, over %1 simulated "
                             "requests (%2 hits, %3 writes, %4 misses).")
                              .arg(uiformat::count(sim.requests), uiformat::count(sim.hitRequests),
                                   uiformat::count(sim.writeRequests),
                                   uiformat::count(sim.missRequests)));
    m_savingsCard->setValue(
        uiformat::money(sim.monthlySavingsUsd),
        tr("at %1 requests/min").arg(QLocale().toString(sim.requestsPerMinute, 'g', 3)),
        sim.monthlySavingsUsd >= 0 ? StatCard::Tone::Good : StatCard::Tone::Bad);
    m_savingsCard->setToolTip(tr("(input cost without caching − with caching) for this traffic, "
                                 "scaled to a 30-day month at its mean rate. Negative: the write "
                                 "premium costs more than the reads save."));
    m_costCard->setValue(uiformat::money(sim.costWithCacheUsd / requests * 1000.0),
                         tr("vs %1 without caching")
                             .arg(uiformat::money(sim.costWithoutCacheUsd / requests * 1000.0)));
    m_costCard->setToolTip(tr("Input-side cost only (output tokens are not affected by caching), "
                              "priced by the catalogue for %1.")
                               .arg(QString::fromStdString(report->model.id)));
    const auto& curve = report->curve;
    switch (curve.kind) {
    case BreakEvenKind::Crossing:
        m_breakEvenCard->setValue(QLocale().toString(curve.breakEvenPerMinute, 'g', 3),
                                  tr("requests/min; below it caching costs more"));
        break;
    case BreakEvenKind::AlwaysSaves:
        m_breakEvenCard->setValue(tr("none"), tr("caching saves at every rate (no write premium)"));
        break;
    case BreakEvenKind::NeverSaves:
        m_breakEvenCard->setValue(tr("—"), tr("nothing in these prompts is cacheable"));
        break;
    case BreakEvenKind::AboveRange:
        m_breakEvenCard->setValue(
            tr("> %1").arg(QLocale().toString(
                curve.points.empty() ? 0.0 : curve.points.back().requestsPerMinute, 'g', 3)),
            tr("requests/min: caching costs more at every rate tried"));
        break;
    }
    m_breakEvenCard->setToolTip(
        tr("The same traffic replayed at other rates (arrivals compressed or "
           "stretched in time); the break-even is where savings cross zero."));
    cachecharts::fillTimeline(m_timeline->chart(), sim);
    cachecharts::fillSavingsCurve(m_curve->chart(), curve, report->requestsPerMinute);
    if (report->truth) {
        const TruthCheck& truth = *report->truth;
        m_truth->setText(
            tr("Truth check against run \"%1\" (%2 requests with recorded usage): simulated "
               "cache hit ratio %3, recorded %4 (%5 points); hit/write outcome agrees on %6 of "
               "requests.")
                .arg(QString::fromStdString(report->truthRunName), uiformat::count(truth.requests),
                     uiformat::percent(truth.simulatedChr), uiformat::percent(truth.recordedChr),
                     QLocale().toString(truth.chrDifference * 100.0, 'f', 1),
                     uiformat::percent(truth.outcomeAgreement)));
    } else {
        m_truth->setText(tr("Truth check: no run of this prompt set has recorded cache tokens for "
                            "%1 yet; a real run will be compared here.")
                             .arg(QString::fromStdString(report->model.id)));
    }
    m_findings->setRows(report->findings);
    m_checkpoints->setRows(sim.checkpoints);
    m_tags->setRows(sim.tags);
    m_applyFix->setEnabled(false);
    QString text = tr("%1 requests of \"%2\" on %3, %4 arrivals.")
                       .arg(uiformat::count(sim.requests), m_set->currentText(),
                            QString::fromStdString(report->model.id),
                            report->recordedTimestamps ? tr("recorded") : tr("synthetic"));
    if (!report->arrivalNote.empty())
        text += QLatin1Char(' ') + QString::fromStdString(report->arrivalNote) + QLatin1Char('.');
    if (report->mode == CacheMode::None)
        text += QLatin1Char(' ') + tr("This model has no prompt caching in the catalogue.");
    if (!report->findings.empty())
        text += QLatin1Char(' ') +
                tr("%n finding(s) below.", nullptr, static_cast<int>(report->findings.size()));
    m_message->setText(text);
    emit statusMessage(text);
}

void CacheLabPage::applySelectedFix() {
    const auto* finding = m_findings->rowAt(m_findingsView->currentIndex().row());
    if (!finding || !finding->autoFixable)
        return;
    const int64_t setId = m_set->currentData().toLongLong();
    QString name = m_set->currentText();
    name = name.left(name.lastIndexOf(QLatin1String(" (")));
    m_message->setText(tr("Writing a fixed copy of \"%1\"…").arg(name));
    m_lab->applyFixToCopy(setId, name, *finding);
}
